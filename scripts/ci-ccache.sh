# Sourced by the CI legs that build on the host (ci-sanitize.sh, ci-fuzz.sh) with a name for the
# cache: ci-ccache.sh NAME. Sets `launcher` to the CMake arguments that compile through a compiler
# cache kept between CI runs under /var/cache/layerlens-ci (paths taken relative to the tree, so
# every clone shares it): a run compiles only what changed. It cannot hide a missing package (a
# missing header or library still fails). LAYERLENS_CI_CCACHE=off builds without it.
launcher=()
if [ "${LAYERLENS_CI_CCACHE:-}" != off ]; then
  if ! command -v ccache >/dev/null && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ccache >/dev/null 2>&1 || true
  fi
  cache_dir=${LAYERLENS_CI_CCACHE_DIR:-/var/cache/layerlens-ci/ccache-$1}
  if command -v ccache >/dev/null && mkdir -p "$cache_dir" 2>/dev/null; then
    # Depend mode: no preprocessor run per miss (the compiler's -MD list is used), so a cold cache
    # costs little more than no cache.
    export CCACHE_DIR=$cache_dir CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true CCACHE_DEPEND=true
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
fi
