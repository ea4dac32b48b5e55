#!/usr/bin/env bash
# CI leg on a fresh Debian: a `debootstrap --variant=minbase SUITE` tree made on the spot, with
# nothing in it but what debootstrap gives, where the README's two commands are run exactly as
# the README writes them: `./scripts/run-sample.sh` (no display: it must print the sample's
# inspection and exit 0) and `./scripts/test.sh` (install, build, every test), then the suite
# as a user, then the README's package: `./scripts/package.sh` makes and checks the .deb, which
# is installed with apt in a second fresh tree and run from there. A package that only happens to
# be installed on the CI machine cannot hide here.
#
#   scripts/ci-debian.sh bookworm   Debian 12, the README's platform
#   scripts/ci-debian.sh trixie     Debian 13 (Qt 6.8, GCC 14, KF6 SyntaxHighlighting, which
#                                   proves the editor's KSyntaxHighlighting path)
#
# Run as root on a Debian host with access to a Debian mirror (read from the host's apt sources;
# override with LAYERLENS_DEBIAN_MIRROR). The tree lives in a temporary folder that is removed,
# with its mounts, on exit. LAYERLENS_CI_KEEP=1 keeps it for a look after a failure.
set -euo pipefail

SUITE=${1:?usage: ci-debian.sh bookworm|trixie}
SRC=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES="$SRC/../shared/fixtures"
START=$(date +%s)

log() { printf '[ci-debian %s %4ss] %s\n' "$SUITE" "$(($(date +%s) - START))" "$*"; }
die() { log "FAILED: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it)"

# The first plain Debian archive URI in the host's apt sources: deb822 `URIs:` stanzas in
# sources.list.d/*.sources, then classic `deb [options] URI suite ...` lines. Security and
# third-party archives are skipped.
mirror_from_deb822() {
  awk '
    function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris != "") print uris; types = uris = enabled = "" }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]*#/ { next }
    tolower($1) == "types:"   { $1 = ""; types = $0 }
    tolower($1) == "uris:"    { $1 = ""; uris = $0 }
    tolower($1) == "enabled:" { enabled = tolower($2) }
    END { flush() }
  ' "$@" 2>/dev/null | tr ' ' '\n'
}
mirror_from_list() {
  sed -n -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' "$@" 2>/dev/null
}
find_mirror() {
  if [ -n "${LAYERLENS_DEBIAN_MIRROR:-}" ]; then echo "$LAYERLENS_DEBIAN_MIRROR"; return; fi
  local candidates
  candidates=$( { mirror_from_deb822 /etc/apt/sources.list.d/*.sources
                  mirror_from_list /etc/apt/sources.list /etc/apt/sources.list.d/*.list; } |
                grep -E '^(https?|ftp)://' | grep -v -i security || true)
  # Prefer an archive whose path ends in /debian (the main archive), else take the first one.
  { grep -E '/debian/?$' <<<"$candidates" || true; echo "$candidates"; } | sed '/^$/d' | head -n1
}

MIRROR=$(find_mirror)
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt/sources.list{,.d/} (set LAYERLENS_DEBIAN_MIRROR)"
log "mirror (from the host's apt sources): $MIRROR"

if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap on the host"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

WORK=$(mktemp -d "/var/tmp/layerlens-$SUITE.XXXXXX")
ROOT="$WORK/root"
mkdir -p "$ROOT"

cleanup() {
  local status=$?
  if [ "${LAYERLENS_CI_KEEP:-0}" = 1 ]; then
    # Both trees keep the host's /dev and /sys bound inside: an rm -rf of $WORK before both are
    # unmounted deletes the host's device nodes (it happened once).
    local kept=""
    for tree in "$ROOT" "$WORK/clean"; do if grep -q " $tree[/ ]" /proc/mounts; then kept="$kept $tree"; fi; done
    log "kept $WORK (LAYERLENS_CI_KEEP=1); the host's /dev and /sys are mounted in it: unmount with umount -R$kept before removing it"
  else
    for tree in "$ROOT" "$WORK/clean"; do
      if grep -q " $tree[/ ]" /proc/mounts; then umount -R "$tree" 2>/dev/null || umount -R -l "$tree" 2>/dev/null || true; fi
    done
    # Remove the tree only when nothing is mounted below it any more.
    if grep -q " $WORK/" /proc/mounts; then log "mounts remain below $WORK; not removing it"; else rm -rf "$WORK"; fi
  fi
  if [ "$status" -eq 0 ]; then log "leg passed"; else log "leg FAILED (exit $status)"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The tree is its own mount point, as a machine's `/` is: runc's pivot_root and the mount
# namespace a RUN makes need a root whose propagation they can change (in a plain chroot every
# RUN fails with "cannot mount the overlay for RUN"). Private, so nothing propagates back.
mount --bind "$ROOT" "$ROOT"
mount --make-private "$ROOT"

log "debootstrap --variant=minbase $SUITE into $ROOT"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
  { tail -n 30 "$WORK/debootstrap.log"; die "debootstrap of $SUITE from $MIRROR"; }

# A second tree as debootstrap left it, for installing the .deb the first one makes: apt must
# find every library the package needs from its Depends alone.
CLEAN="$WORK/clean"
cp -a "$ROOT" "$CLEAN"
# A mount point of its own, as $ROOT is, so `umount -R` below takes every mount made in it.
mount --bind "$CLEAN" "$CLEAN"
mount --make-private "$CLEAN"

mount_system() { # TREE
  mount -t proc proc "$1/proc"
  for d in dev sys; do
    mount --rbind "/$d" "$1/$d"
    mount --make-rslave "$1/$d"   # unmounting them at the end must not reach the host's
  done
  mount -t tmpfs -o mode=1777 tmpfs "$1/tmp"
  cp -L /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
}
mount_system "$ROOT"

in_tree() { local tree=$1; shift; chroot "$tree" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb \
  CCACHE_DIR=/ccache CCACHE_DEPEND=true ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} "$@"; }
in_root() { in_tree "$ROOT" "$@"; }

# A compiler cache kept on the host from one CI run to the next (the sources are always at
# /ci/main, so its entries match): a run compiles only what changed since the last (depend mode:
# no preprocessor run on a miss, so a cold cache costs little). It cannot
# hide a missing package: a missing header or library still fails the compile or the link.
# So the tree gets `apt-get update` and ccache (with its two small libraries) before the README's
# commands. configure.sh uses ccache when it is installed. LAYERLENS_CI_CCACHE=off runs without
# it; LAYERLENS_CI_CCACHE_DIR moves the cache.
if [ "${LAYERLENS_CI_CCACHE:-}" != off ]; then
  CCACHE_HOST=${LAYERLENS_CI_CCACHE_DIR:-/var/cache/layerlens-ci/ccache-$SUITE}
  mkdir -p "$CCACHE_HOST" "$ROOT/ccache"
  mount --bind "$CCACHE_HOST" "$ROOT/ccache"
  in_root sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends ccache >/dev/null && ccache --zero-stats >/dev/null' ||
    die "could not install ccache in the tree"
fi

log "in the tree: $(in_root sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_root dpkg-query -W -f='${binary:Package}\n' | wc -l) packages"

# A copy of the sources (build folders and .git left out, as a clean clone has none) and of the
# fixtures, at the same relative place as here, so CMake's default ../shared/fixtures finds them.
mkdir -p "$ROOT/ci/main" "$ROOT/ci/shared"
tar -C "$SRC" --exclude='./build*' --exclude=./.git --exclude=./.cache -cf - . | tar -C "$ROOT/ci/main" -xf -
[ -d "$FIXTURES" ] || die "no fixtures at $FIXTURES"
cp -a "$FIXTURES" "$ROOT/ci/shared/fixtures"

log "README command 1: ./scripts/run-sample.sh (no display)"
in_root sh -c 'cd /ci/main && ./scripts/run-sample.sh' >"$WORK/run-sample.log" 2>&1 ||
  { tail -n 40 "$WORK/run-sample.log"; die "./scripts/run-sample.sh exited non-zero"; }
# The inspection of the sample: its source line and its efficiency figures must be there.
grep -q '^Source ' "$WORK/run-sample.log" && grep -qi 'efficiency' "$WORK/run-sample.log" ||
  { tail -n 40 "$WORK/run-sample.log"; die "./scripts/run-sample.sh did not print the sample's inspection"; }
log "run-sample.sh printed the sample's inspection ($(grep -c . "$WORK/run-sample.log") lines of output)"

log "README command 2: ./scripts/test.sh"
rc=0
in_root sh -c 'cd /ci/main && ./scripts/test.sh' >"$WORK/test.log" 2>&1 || rc=$?
grep -E '^-- (Found|Could NOT|KF6)|tests passed|tests failed|\*\*\*|Failed|FAIL!|Actual|Expected|Loc:|SKIPPED|Skipped' "$WORK/test.log" || true
[ "$rc" -eq 0 ] || { tail -n 80 "$WORK/test.log"; die "./scripts/test.sh exited $rc"; }
grep -q '100% tests passed' "$WORK/test.log" || die "./scripts/test.sh did not report every test passed"
[ ! -d "$ROOT/ccache" ] || log "compiler cache: $(in_root ccache --print-stats 2>/dev/null | awk -F'\t' '$1=="direct_cache_hit"||$1=="preprocessed_cache_hit"{h+=$2} $1=="cache_miss"{m=$2} END{print h+0 " compiled objects reused, " m+0 " compiled"}')"
! grep -q 'did not run' "$WORK/test.log" || die "tests were skipped in a run that promises every tool"

# The kernel refuses a user namespace to a chrooted process, so this run gets the tree as the
# root of a mount namespace of its own (pivot_root), as a booted machine has it; /dev/net/tun is
# made there for the user's slirp4netns without touching the host's /dev.
log "the suite again as a user who is not root: ./scripts/test-rootless.sh"
[ -d /dev/net ] || die "the host has no /dev/net: the rootless run needs a tun device for slirp4netns"
cat >"$ROOT/ci/rootless-entry.sh" <<'INNER'
set -eu
umount -l /.oldroot
rmdir /.oldroot
mount -t tmpfs -o mode=755 tmpfs /dev/net
mknod -m 666 /dev/net/tun c 10 200
cd /ci/main
exec ./scripts/test-rootless.sh
INNER
rc=0
unshare --mount --propagation private sh -c '
  set -e
  cd "$1"
  mkdir -p .oldroot
  pivot_root . .oldroot
  exec /usr/sbin/chroot . /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb \
    ${2:+http_proxy=$2} ${3:+https_proxy=$3} sh /ci/rootless-entry.sh' \
  sh "$ROOT" "${http_proxy:-}" "${https_proxy:-}" >"$WORK/test-rootless.log" 2>&1 || rc=$?
grep -E 'tests passed|tests failed|\*\*\*|Failed|FAIL!|Actual|Expected|Loc:|test-rootless.sh:' "$WORK/test-rootless.log" || true
[ "$rc" -eq 0 ] || { tail -n 80 "$WORK/test-rootless.log"; die "./scripts/test-rootless.sh exited $rc"; }
grep -q '100% tests passed' "$WORK/test-rootless.log" || die "the rootless run did not report every test passed"
! grep -q 'did not run' "$WORK/test-rootless.log" || die "tests were skipped in the rootless run"

if [ "$SUITE" != bookworm ]; then
  grep -q 'KF6SyntaxHighlighting found' "$WORK/test.log" ||
    die "KF6SyntaxHighlighting was not found by CMake in the $SUITE tree"
  in_root env QT_QPA_PLATFORM=offscreen /ci/main/build/tests/tst_gui_editor highlighterBackend 2>&1 | grep -i 'highlighting:' || true
  log "KF6SyntaxHighlighting found and used: the editor was built with LAYERLENS_HAVE_KSH and its tests passed"
fi

# The package: made and checked in the build tree (lintian, desktop-file-validate, appstreamcli),
# then installed with apt in the untouched tree and both programs run from it.
log "the .deb: ./scripts/package.sh"
in_root sh -c 'cd /ci/main && ./scripts/package.sh' >"$WORK/package.log" 2>&1 ||
  { tail -n 60 "$WORK/package.log"; die "./scripts/package.sh failed"; }
grep -E '^(E|W|I): ' "$WORK/package.log" || log "lintian: no error, warning or info tag"
deb=$(tail -n 1 "$WORK/package.log")
[ -f "$ROOT$deb" ] || { tail -n 20 "$WORK/package.log"; die "package.sh did not end with the package's path"; }
log "made $(basename "$deb") ($(du -k "$ROOT$deb" | cut -f1) KiB); installing it in a fresh $SUITE tree"
mount_system "$CLEAN"
cp "$ROOT$deb" "$CLEAN/tmp/"
in_tree "$CLEAN" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/'"$(basename "$deb")" >"$WORK/install.log" 2>&1 ||
  { tail -n 40 "$WORK/install.log"; die "apt-get install of the .deb failed in a fresh $SUITE tree"; }
in_tree "$CLEAN" layerlens-cli --version
in_tree "$CLEAN" sh -ec 'cd /tmp && layerlens-cli sample sample.tar && layerlens-cli inspect sample.tar' >"$WORK/installed-inspect.log" 2>&1 ||
  { cat "$WORK/installed-inspect.log"; die "the installed layerlens-cli could not inspect its sample"; }
grep -q '^Source ' "$WORK/installed-inspect.log" || die "the installed layerlens-cli printed no inspection"
in_tree "$CLEAN" env QT_QPA_PLATFORM=offscreen layerlens --screenshot /tmp/window.png /tmp/sample.tar >"$WORK/installed-window.log" 2>&1 ||
  { cat "$WORK/installed-window.log"; die "the installed layerlens could not render its window"; }
grep -q 'layerlens: wrote /tmp/window.png' "$WORK/installed-window.log" && [ -s "$CLEAN/tmp/window.png" ] ||
  { cat "$WORK/installed-window.log"; die "the installed layerlens wrote no screenshot"; }
for f in /usr/share/man/man1/layerlens-cli-inspect.1.gz /usr/share/applications/io.github.layerlens.LayerLens.desktop \
         /usr/share/icons/hicolor/48x48/apps/io.github.layerlens.LayerLens.png /usr/share/bash-completion/completions/layerlens-cli; do
  [ -f "$CLEAN$f" ] || die "the package did not install $f"
done
# When the tree has shared-mime-info (apt brings it with Qt's recommends), dpkg's trigger has
# registered the package's file types.
if [ -x "$CLEAN/usr/bin/update-mime-database" ]; then
  [ -f "$CLEAN/usr/share/mime/application/x-container-image-archive.xml" ] || die "the package's MIME types were not registered"
  log "dpkg's trigger registered the package's MIME types"
else
  log "no shared-mime-info in the tree: the MIME registration was not checked here (tst_packaging checks the file)"
fi
log "the package installs in a fresh $SUITE tree; layerlens-cli inspect and layerlens --screenshot ran from it"
