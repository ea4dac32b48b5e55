#!/usr/bin/env bash
# Install, build, and open the built-in sample image in the window; with no display, print
# what `layerlens-cli inspect` says about the same sample instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/configure.sh build
cmake --build build -j"$(nproc)" --target layerlens layerlens-cli layerlens_sample_image
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/src/app/layerlens
fi
echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): printing 'layerlens-cli inspect' of the sample image instead." >&2
./build/src/cli/layerlens-cli inspect build/resources/layerlens-sample.tar
