#!/usr/bin/env bash
# Sets everything up, builds cinefolio and compiles the sample book into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCINEFOLIO_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target cinefolio
build/cinefolio build books/closeness/book.yaml -o out
