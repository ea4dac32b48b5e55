#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer: any
# invalid access, leak in our code, or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
B=build-asan
. scripts/ci-ccache.sh asan
cmake -S . -B $B -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLAYERLENS_SANITIZE=ON "${launcher[@]}" >/dev/null
cmake --build $B -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
LAYERLENS_TESTS_STRICT=1 QT_QPA_PLATFORM=offscreen ctest --test-dir $B --output-on-failure -j"$(nproc)"
