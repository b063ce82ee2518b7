#!/usr/bin/env bash
# Sets everything up (validators included), builds cinefolio and its tests
# with warnings as errors, and runs every test through ctest; then builds
# and runs them again under ASan+UBSan (scripts/test-sanitizers.sh).
# `--no-sanitizers` skips the second pass for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# Every include from one stage into another must be an edge its CMakeLists
# declares; this fails before the build, naming the file, the include and
# the missing edge. The second script checks the checker.
python3 scripts/check-includes.py
python3 scripts/check-includes-test.py
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCINEFOLIO_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
if [[ "${1:-}" != "--no-sanitizers" ]]; then
  bash scripts/test-sanitizers.sh
fi
