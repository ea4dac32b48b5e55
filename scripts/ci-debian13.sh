#!/usr/bin/env bash
# CI leg on a second Debian: builds LayerLens and runs its tests inside a Debian 13 (trixie) tree
# made on the spot, where Qt 6.8, GCC 14 and KF6 SyntaxHighlighting are packaged (Debian 12 has
# no Qt 6 build of KSyntaxHighlighting). This is what proves the editor's KSyntaxHighlighting path.
#
# Run as root on a Debian/Ubuntu host with network access to a Debian mirror. The mirror is read
# from the host's apt sources at run time (override: LAYERLENS_DEBIAN_MIRROR). Nothing is cached:
# the tree lives in a temporary directory that is removed, with its mounts, on exit.
# LAYERLENS_CI_JOBS sets the build parallelism (default: nproc).
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES="$SRC/../shared/fixtures"
SUITE=trixie
JOBS=${LAYERLENS_CI_JOBS:-$(nproc)}
START=$(date +%s)

log() { printf '[ci-debian13 %4ss] %s\n' "$(($(date +%s) - START))" "$*"; }
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

WORK=$(mktemp -d /var/tmp/layerlens-debian13.XXXXXX)
ROOT="$WORK/root"
MOUNTS=()

cleanup() {
  local status=$? i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" 2>/dev/null || true
  done
  # Remove the tree only when nothing is mounted below it any more.
  if grep -q " $WORK/" /proc/mounts; then
    log "mounts remain below $WORK; not removing it"
  else
    rm -rf "$WORK"
  fi
  if [ "$status" -eq 0 ]; then log "Debian 13 leg passed"; else log "Debian 13 leg FAILED (exit $status)"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bind() { # bind SOURCE TARGET-inside-root
  mkdir -p "$ROOT$2"
  mount --bind "$1" "$ROOT$2"
  MOUNTS+=("$ROOT$2")
}

log "debootstrap --variant=minbase $SUITE into $ROOT"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
  { tail -n 30 "$WORK/debootstrap.log"; die "debootstrap of $SUITE from $MIRROR"; }

mkdir -p "$ROOT/proc"
mount -t proc proc "$ROOT/proc"
MOUNTS+=("$ROOT/proc")
bind /dev /dev
bind /dev/pts /dev/pts
bind /sys /sys
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} "$@"; }

packages=(build-essential cmake ninja-build pkgconf
          qt6-base-dev qt6-base-dev-tools libgl-dev libkf6syntaxhighlighting-dev
          libarchive-dev libssl-dev zstd fonts-dejavu-core)
log "apt-get install in the $SUITE tree: ${packages[*]}"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$WORK/apt.log" 2>&1 ||
  { tail -n 30 "$WORK/apt.log"; die "apt-get install in the $SUITE tree"; }
log "in the tree: $(in_root sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_root gcc --version | head -n1), Qt $(in_root sh -c 'dpkg-query -W -f="\${Version}" qt6-base-dev')"

# A copy of the sources (build directories and .git left out) and of the fixtures, at the same
# relative place as here, so CMake's default ../shared/fixtures finds them.
mkdir -p "$ROOT/ci/main" "$ROOT/ci/shared"
tar -C "$SRC" --exclude='./build*' --exclude=./.git --exclude=./.cache -cf - . | tar -C "$ROOT/ci/main" -xf -
if [ -d "$FIXTURES" ]; then cp -a "$FIXTURES" "$ROOT/ci/shared/fixtures"; fi

log "configure and build (-DLAYERLENS_WERROR=ON, $JOBS jobs)"
in_root cmake -S /ci/main -B /ci/build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERLENS_WERROR=ON |
  tee "$WORK/cmake.log"
grep -q 'KF6SyntaxHighlighting found' "$WORK/cmake.log" ||
  die "KF6SyntaxHighlighting was not found by CMake in the $SUITE tree"
in_root cmake --build /ci/build -j"$JOBS" || die "build on $SUITE"

log "ctest (QT_QPA_PLATFORM=offscreen)"
in_root env QT_QPA_PLATFORM=offscreen ctest --test-dir /ci/build --output-on-failure -j"$JOBS" ||
  die "tests on $SUITE"
in_root env QT_QPA_PLATFORM=offscreen /ci/build/tests/tst_gui_editor highlighterBackend 2>&1 | grep -i 'highlighting:' || true
log "KF6SyntaxHighlighting found and used: the editor was built with LAYERLENS_HAVE_KSH and its tests passed"
