#!/usr/bin/env bash
# Makes the .deb (CPack) from a build folder and checks it as Debian would: lintian, and the
# .desktop and AppStream files validated. Prints the package's path on its last line.
#   scripts/package.sh            install what is needed, build (as test.sh does), package
#   BUILD_DIR=dir scripts/package.sh   another build folder
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
./scripts/install-deps.sh
# Only the package's own checks need these (file: CPack's shlibdeps looks for ELF files with it).
tools=(file lintian)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
./scripts/configure.sh "$BUILD_DIR"
cmake --build "$BUILD_DIR" -j"$(nproc)" --target layerlens layerlens-cli layerlens_manpages layerlens_icons
rm -f "$BUILD_DIR"/layerlens_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >cpack.log 2>&1) || { cat "$BUILD_DIR/cpack.log"; echo "package.sh: cpack failed" >&2; exit 1; }
deb=$(ls "$BUILD_DIR"/layerlens_*.deb)
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

# lintian: errors fail; the warnings left are listed in packaging/lintian-expected and said why there.
lintian --no-tag-display-limit --suppress-tags-from-file packaging/lintian-expected "$deb" | tee "$BUILD_DIR/lintian.log"
if grep -q '^E:' "$BUILD_DIR/lintian.log"; then echo "package.sh: lintian found errors" >&2; exit 1; fi
if grep -q '^W:' "$BUILD_DIR/lintian.log"; then echo "package.sh: lintian warnings not in packaging/lintian-expected" >&2; exit 1; fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml
realpath "$deb"
