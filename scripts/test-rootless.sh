#!/usr/bin/env bash
# Runs the whole test suite again as a user who is not root, as a desktop user runs LayerLens:
# builds go through a user namespace mapped with the user's subordinate ids (newuidmap) and
# RUN's default network through slirp4netns. Run as root after ./scripts/test.sh, on its build
# folder (which is given to the test user). CI runs it in the fresh Debian trees.
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
if [ -c /dev/net/tun ] && ! runuser -u "$USER_NAME" -- test -w /dev/net/tun; then
  echo "test-rootless.sh: /dev/net/tun is not usable by users here; making it 0666 as Debian's udev does"
  chmod 0666 /dev/net/tun
fi
chown -R "$USER_NAME" "$BUILD_DIR"
home=$(getent passwd "$USER_NAME" | cut -d: -f6)
runuser -u "$USER_NAME" -- env -i HOME="$home" PATH="$PATH" LANG=C.UTF-8 \
  LAYERLENS_TESTS_STRICT=1 QT_QPA_PLATFORM=offscreen \
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
