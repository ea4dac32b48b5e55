#!/usr/bin/env bash
# Install, build, run every test. This is what CI runs (.ci/run, in a fresh Debian tree) and
# what the README tells. Everything a test needs was just installed, so a test that would skip
# for want of a tool fails instead (LAYERLENS_TESTS_STRICT=1).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
./scripts/configure.sh "$BUILD_DIR"
cmake --build "$BUILD_DIR" -j"$(nproc)"
LAYERLENS_TESTS_STRICT=${LAYERLENS_TESTS_STRICT:-1} QT_QPA_PLATFORM=offscreen \
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
