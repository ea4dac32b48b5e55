#!/usr/bin/env bash
# Runs the whole test suite again as a user who is not root, as a desktop user runs LayerLens:
# builds go through a user namespace mapped with the user's subordinate ids (newuidmap) and
# RUN's default network through slirp4netns. Run as root after ./scripts/test.sh, on its build
# folder (which is given to the test user). CI runs it in the fresh Debian trees.
# It leaves the test users and their /etc/subuid lines in place (run it where that is fine: CI's
# throwaway trees, a test machine); the build folder and /dev/net/tun get their owner and mode back.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-rootless.sh: run as root (it makes the test user)" >&2; exit 2; }
BUILD_DIR=${BUILD_DIR:-build}
USER_NAME=${LAYERLENS_TEST_USER:-layerlens-test}
id "$USER_NAME" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$USER_NAME"
# A range wide enough for the fixtures' ids (the layers image chowns to 3000000:3000001).
for f in /etc/subuid /etc/subgid; do
  touch "$f"
  sed -i "/^$USER_NAME:/d" "$f"
  echo "$USER_NAME:1000000:4000000" >>"$f"
done
# slirp4netns opens /dev/net/tun as the user: Debian's udev makes it 0666; a bare /dev may not.
tun_mode=""
if [ -c /dev/net/tun ] && ! runuser -u "$USER_NAME" -- test -w /dev/net/tun; then
  echo "test-rootless.sh: /dev/net/tun is not usable by users here; 0666 (as Debian's udev makes it) for this run"
  tun_mode=$(stat -c %a /dev/net/tun)
  chmod 0666 /dev/net/tun
fi
build_owner=$(stat -c %u:%g "$BUILD_DIR")
work=""
restore() {
  chown -R "$build_owner" "$BUILD_DIR"
  [ -z "$tun_mode" ] || chmod "$tun_mode" /dev/net/tun
  [ -z "$work" ] || rm -rf "$work"
}
trap restore EXIT
chown -R "$USER_NAME" "$BUILD_DIR"
home=$(getent passwd "$USER_NAME" | cut -d: -f6)
runuser -u "$USER_NAME" -- env -i HOME="$home" PATH="$PATH" LANG=C.UTF-8 \
  LAYERLENS_TESTS_STRICT=1 QT_QPA_PLATFORM=offscreen \
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"

# Root and the user build the fixture Dockerfiles from one copy of their contexts: the same
# layers (DiffIDs), as SOURCE_DATE_EPOCH makes them reproducible.
FIXTURES=${LAYERLENS_FIXTURES_DIR:-$(pwd)/../shared/fixtures}
CLI="$BUILD_DIR/src/cli/layerlens-cli"
work=$(mktemp -d /tmp/layerlens-rootless-XXXXXX)
cp -r "$FIXTURES/dockerfiles" "$work/contexts"
cp "$FIXTURES/busybox-base.oci.tar" "$work/base.oci.tar"
chmod -R a+rwX "$work"
diffids() { python3 -c 'import json,sys; print(" ".join(l["diffId"] for l in json.load(sys.stdin)["layers"]))'; }
build_as() { # WHO CONTEXT OUT
  local who=$1 ctx=$2 out=$3 run=() whose_home=/root
  [ "$who" = root ] || { run=(runuser -u "$USER_NAME" --); whose_home=$home; }
  "${run[@]}" env -i HOME="$whose_home" PATH="$PATH" SOURCE_DATE_EPOCH=1700000000 \
    LAYERLENS_CACHE_DIR="$work/$who/cache" LAYERLENS_STORE_DIR="$work/$who/store" \
    sh -c '"$0" images import "$1" localhost/busybox:test >/dev/null && "$0" build --network none -t fixture:1 --output "oci-archive:$3" "$2" >"$3.out" 2>"$3.log"' \
    "$(realpath "$CLI")" "$work/base.oci.tar" "$ctx" "$out"
}
for d in busybox-layers busybox-features busybox-multistage; do
  for who in root user; do
    mkdir -p "$work/$who" && chmod a+rwx "$work/$who"
    build_as "$who" "$work/contexts/$d" "$work/$who/$d.tar" || { cat "$work/$who/$d.tar.log" 2>/dev/null || true; echo "test-rootless.sh: $who could not build $d" >&2; exit 1; }
  done
  r=$("$CLI" inspect --json "$work/root/$d.tar" | diffids)
  u=$("$CLI" inspect --json "$work/user/$d.tar" | diffids)
  [ -n "$r" ] && [ "$r" = "$u" ] || { printf 'test-rootless.sh: %s: root and rootless layers differ:\n root %s\n user %s\n' "$d" "$r" "$u" >&2; exit 1; }
  echo "test-rootless.sh: $d: root and rootless builds give the same $(echo "$r" | wc -w) layers"
done

# A user with no subordinate ids: builds still work with one id (root inside is the user), the
# log says what to add to /etc/subuid, and only a step that needs another id fails.
NOSUB=${USER_NAME}-nosub
id "$NOSUB" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$NOSUB"
sed -i "/^$NOSUB:/d" /etc/subuid /etc/subgid
nosub_home=$(getent passwd "$NOSUB" | cut -d: -f6)
mkdir -p "$work/nosub/ok" "$work/nosub/chown"
printf 'FROM localhost/busybox:test\nRUN echo one id > /one\n' >"$work/nosub/ok/Dockerfile"
printf 'FROM localhost/busybox:test\nRUN chown 1234:5678 /tmp\n' >"$work/nosub/chown/Dockerfile"
chmod -R a+rwX "$work/nosub"
nosub_build() {
  runuser -u "$NOSUB" -- env -i HOME="$nosub_home" PATH="$PATH" LAYERLENS_CACHE_DIR="$work/nosub/cache" LAYERLENS_STORE_DIR="$work/nosub/store" \
    sh -c '"$0" images import "$1" localhost/busybox:test >/dev/null && "$0" build --network none "$2"' "$(realpath "$CLI")" "$work/base.oci.tar" "$1"
}
nosub_build "$work/nosub/ok" >"$work/nosub/ok.log" 2>&1 || { cat "$work/nosub/ok.log"; echo "test-rootless.sh: one-id build failed" >&2; exit 1; }
grep -q "has no subordinate ids: add a line such as \"$NOSUB:100000:65536\" to /etc/subuid and to /etc/subgid" "$work/nosub/ok.log" ||
  { cat "$work/nosub/ok.log"; echo "test-rootless.sh: the one-id build did not say what to add" >&2; exit 1; }
if nosub_build "$work/nosub/chown" >"$work/nosub/chown.log" 2>&1; then
  echo "test-rootless.sh: chown to an unmapped id succeeded with one id" >&2; exit 1
fi
grep -q "chown: /tmp: Invalid argument" "$work/nosub/chown.log" || { cat "$work/nosub/chown.log"; echo "test-rootless.sh: the failed chown did not say why" >&2; exit 1; }
echo "test-rootless.sh: a user without subordinate ids builds with one id, is told what to add, and a chown to another id fails"
