#!/usr/bin/env bash
# Configures a build folder the way both README commands do (same flags, so that after
# run-sample.sh, test.sh only builds what is missing): configure.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache, when installed, makes a rebuild compile only what changed (CI keeps one between runs).
# Without it the launcher is cleared, so a build folder does not keep one that was uninstalled.
launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=)
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "${1:-build}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERLENS_WERROR=ON "${launcher[@]}"
