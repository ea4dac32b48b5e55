#!/usr/bin/env bash
# Install, build, run every test. This is what CI runs (.ci/run) and what the README tells.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERLENS_WERROR=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
