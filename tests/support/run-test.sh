#!/usr/bin/env bash
# Runs one test program for ctest and says what happened in its exit code: a failure is a
# failure even when a function also skipped (a skip pattern alone would report it as skipped);
# a clean run with a skip is a skip (77), or a failure in a strict run, where every tool and
# privilege the tests use was promised (LAYERLENS_TESTS_STRICT=1).
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
[ "$rc" -ne 77 ] || rc=1 # QTest exits with its failure count: 77 failures are not a skip
[ "$rc" -eq 0 ] || exit "$rc"
grep -q '^SKIP   : ' "$log" || exit 0
if [ "${LAYERLENS_TESTS_STRICT:-0}" = 1 ]; then
  echo "FAIL!  : a function skipped in a strict run (LAYERLENS_TESTS_STRICT=1); see SKIP above"
  exit 1
fi
exit 77
