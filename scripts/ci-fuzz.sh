#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time from
# seed corpora made of real images and Dockerfiles. Any crash fails the run; the crashing input
# is left in build-fuzz/crashes/ to be turned into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v clang++ >/dev/null || ! dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi
SECONDS_PER_TARGET=${FUZZ_SECONDS:-40}
B=build-fuzz
. scripts/ci-ccache.sh fuzz
CC=clang CXX=clang++ cmake -S . -B $B -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERLENS_FUZZ=ON "${launcher[@]}" \
  -DLAYERLENS_BUILD_GUI=OFF -DLAYERLENS_BUILD_TESTS=OFF >/dev/null
cmake --build $B -j"$(nproc)" --target fuzz_archive fuzz_imageindex fuzz_dockerfile fuzz_dockerignore

fixtures=../shared/fixtures
seeds=$B/seeds
rm -rf "$seeds"; mkdir -p "$seeds"/{archive,imageindex,dockerfile,dockerignore} $B/crashes
# layers: the small gzip, zstd and plain blobs of the fixtures
find "$fixtures/layers.ocidir/blobs" "$fixtures/layers.oci-zstd.ocidir/blobs" "$fixtures/layers.podman-dockerdir-gzip" \
  -type f -size -16k -exec cp {} "$seeds/archive/" \;
# image archives: the small members of real images, as a docker-dir tar and an OCI tar
tar -cf "$seeds/imageindex/dockerdir.tar" -C "$fixtures/layers.podman-dockerdir-gzip" \
  $(cd "$fixtures/layers.podman-dockerdir-gzip" && find . -type f -size -16k -printf '%P\n')
tar -cf "$seeds/imageindex/oci.tar" -C "$fixtures/layers.ocidir" oci-layout index.json \
  $(cd "$fixtures/layers.ocidir" && find blobs -type f -size -16k)
cp tests/data/dockerfiles/*.Dockerfile "$seeds/dockerfile/" 2>/dev/null || true
for d in "$fixtures"/dockerfiles/*/; do cp "$d/Dockerfile" "$seeds/dockerfile/$(basename "$d").Dockerfile"; done
printf 'app/build/out.o\n%s\n' "$(cat "$fixtures/dockerfiles/busybox-features/.dockerignore")" > "$seeds/dockerignore/features"
printf 'a/b/c\n**/*.log\n!a/**\n[a-c]?/x\n' > "$seeds/dockerignore/basic"

run() {
  local t=$1
  mkdir -p $B/corpus/$t
  echo "fuzz_$t: ${SECONDS_PER_TARGET}s"
  if ! $B/fuzz/fuzz_$t -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=$B/crashes/$t- -print_final_stats=1 $B/corpus/$t "$seeds/$t" > $B/fuzz_$t.log 2>&1; then
    echo "fuzz_$t FAILED:"; tail -40 $B/fuzz_$t.log; return 1
  else
    grep -E "stat::number_of_executed_units|cov:" $B/fuzz_$t.log | tail -2
  fi
}
# two at a time: the machine has two cores
status=0
for pair in "archive imageindex" "dockerfile dockerignore"; do
  pids=()
  for t in $pair; do run "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
done
ls $B/crashes/* >/dev/null 2>&1 && { echo "crashing inputs left in $B/crashes"; status=1; }
exit $status
