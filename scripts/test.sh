#!/usr/bin/env bash
# Sets everything up (validators included), builds cinefolio and its tests
# with warnings as errors, and runs every test through ctest; then builds
# and runs them again under ASan+UBSan (scripts/test-sanitizers.sh).
# `--no-sanitizers` skips the second pass for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCINEFOLIO_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
if [[ "${1:-}" != "--no-sanitizers" ]]; then
  bash scripts/test-sanitizers.sh
fi
