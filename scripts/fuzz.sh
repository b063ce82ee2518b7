#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) in build-fuzz/ and runs
# one of them for a given time. See tests/fuzz/README.md.
#
# usage: scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   TARGET: manifest | essay | markdown_epub | markdown_pdf
#   SECONDS: how long to fuzz (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS] (manifest, essay, markdown_epub, markdown_pdf)}
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))

case "$target" in
  manifest) dict=tests/fuzz/yaml.dict ;;
  essay) dict=tests/fuzz/yaml.dict ;;
  markdown_epub | markdown_pdf) dict=build-fuzz/markdown-url.dict ;;
  *) echo "fuzz.sh: unknown target \`$target\`" >&2; exit 2 ;;
esac

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: needs clang++ (Debian: apt-get install clang)" >&2
  exit 2
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCINEFOLIO_FUZZ=ON -DCINEFOLIO_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"${CINEFOLIO_JOBS:-2}" --target "fuzz_$target"

# The seeds in tests/fuzz/<target>/ stay as committed; what the fuzzer
# learns goes to build-fuzz/corpus/<target>/ and crashes to build-fuzz/crashes/.
mkdir -p "build-fuzz/corpus/$target" build-fuzz/crashes
# libFuzzer takes one -dict: the Markdown targets get Markdown's tokens and
# the URL pieces together.
cat tests/fuzz/markdown.dict tests/fuzz/url.dict >build-fuzz/markdown-url.dict
# -timeout: one input taking 10 s is a hang; -rss_limit_mb bounds memory;
# -max_len lets inputs grow to a real essay's size.
exec "build-fuzz/tests/fuzz/fuzz_$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$dict" -artifact_prefix="build-fuzz/crashes/$target-" -print_final_stats=1 \
  "$@" "build-fuzz/corpus/$target" "tests/fuzz/$target"
