#!/usr/bin/env bash
# Builds cinefolio and its tests with AddressSanitizer and UBSan (gcc,
# CINEFOLIO_SANITIZE=ON) in build-asan/ and runs every test there: the
# binary the CLI tests drive is instrumented too, so each hostile input the
# suite feeds it is checked for memory errors and undefined behaviour.
# scripts/test.sh runs this after the normal pass (CI runs both).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Warnings do not fail this pass (the normal one gates them): GCC 12's
# sanitizer instrumentation makes -Wmaybe-uninitialized and -Wrestrict fire
# inside libstdc++ (<regex>, char_traits), false positives.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCINEFOLIO_WERROR=OFF -DCINEFOLIO_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS= >/dev/null
cmake --build build-asan -j"$jobs"
# Any report fails the test that caused it: UBSan stops at the first error
# (it only prints by default); ASan already does, leaks included.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir build-asan --output-on-failure -j"$jobs"
