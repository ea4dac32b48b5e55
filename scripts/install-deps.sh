#!/usr/bin/env bash
# Installs what LayerLens needs to build and test on Debian 12 or 13 (run as root, or it uses
# sudo). Every package the build or a test calls is listed here: CI runs this script in a fresh
# `debootstrap --variant=minbase` tree (scripts/ci-debian.sh), where nothing else is installed.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libgl-dev     # Qt 6 Core/Concurrent/Gui/Widgets/Test (Gui's CMake config wants GL headers)
  qt6-tools-dev qt6-l10n-tools                  # Qt Linguist's lupdate/lrelease and their CMake package: the window in French
  qt6-translations-l10n                         # Qt's own words in French (file dialogs, buttons)
  qt6-svg-dev                                   # Qt SVG: panes exported as SVG drawings
  libarchive-dev libssl-dev zlib1g-dev zstd     # tar reading/writing, sha256, parallel gzip of layers
  libyaml-cpp-dev                               # dive's .dive-ci rules files
  fonts-dejavu-core                             # offscreen screenshots need a font
  runc                                          # the builder's RUN (OCI runtime)
  busybox-static                                # the sample build project's base (a shell for its RUN step)
  uidmap slirp4netns                            # rootless builds (subordinate ids), RUN's default network
  git                                           # ADD of a git repository
  skopeo umoci                                  # build tests check outputs with other tools
  buildah                                       # tst_build_vs_buildah: the same builds by another builder
  python3 python3-jsonschema                    # inspect --json is validated against docs/inspect.schema.json
  ca-certificates openssl                       # TLS to registries; tests make certificates
  libcurl4-openssl-dev                          # registries and the Docker/Podman API (HTTP over unix sockets)
  docker-registry apache2-utils                 # tests: a real registry on loopback, htpasswd for its basic auth
  podman                                        # tests: a real Docker-compatible API (podman system service)
  libisal-dev                                   # ISA-L: gzip layers inflated at hardware speed
  help2man librsvg2-bin gzip                    # man pages from --help, the icon's PNG sizes (packaging/)
  desktop-file-utils appstream shared-mime-info groff-base  # tst_packaging validates what is installed
)
# KSyntaxHighlighting for Qt 6 is packaged from Debian 13 on; the editor uses it when present.
if apt-cache show libkf6syntaxhighlighting-dev >/dev/null 2>&1 ||
   { $SUDO apt-get update -qq && apt-cache show libkf6syntaxhighlighting-dev >/dev/null 2>&1; }; then
  packages+=(libkf6syntaxhighlighting-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
