#!/usr/bin/env bash
# Builds find-outliers with AddressSanitizer and UndefinedBehaviorSanitizer and runs the whole test suite on that
# build, against the same throwaway PostgreSQL and Redis as scripts/test.sh:
#
#   ./scripts/sanitize.sh [ctest arguments...]      e.g. ./scripts/sanitize.sh -L faults
#
# Configures $FO_BUILD_DIR (default build-asan) with -DFO_SANITIZE=ON (CMakeLists.txt: -fsanitize=address,undefined,
# and any undefined behaviour aborts), then hands over to scripts/test.sh, which builds, starts the services and
# runs ctest. The tests start the built tool as a process: the sanitizer options below reach it (runTool and the
# fault tests pass ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS on), so a finding in the tool fails the test that
# ran it. Exits with ctest's exit code.
#
# Takes about three times as long as scripts/test.sh (the build is not shared with `build`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build-asan}

packaging/bootstrap.sh build test
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFO_BUILD_TESTS=ON -DFO_SANITIZE=ON

# Leaks are findings too. abort_on_error gives a core-style exit that ctest reports as a failure with the report on
# stderr; the suppressions cover leaks inside system libraries we do not build (see the file).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/sanitize-lsan.supp:print_suppressions=0}

# No Debian package from a sanitizer build: test.sh builds one only with CI=true or FO_TEST_PACKAGE=1.
CI=false FO_TEST_PACKAGE=0 FO_BUILD_DIR=$build_dir exec scripts/test.sh "$@"
