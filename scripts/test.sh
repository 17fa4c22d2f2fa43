#!/usr/bin/env bash
# Builds find-outliers twice and runs its test suite against a throwaway PostgreSQL and Redis:
#
#   ./scripts/test.sh [ctest arguments...]      e.g. ./scripts/test.sh -L faults, ./scripts/test.sh -R tst_config
#
# Installs what is missing (packaging/bootstrap.sh build test), then configures and builds
#   - the desktop build in $FO_BUILD_DIR (default `build`): the window and the job, every test;
#   - the headless build in $FO_HEADLESS_BUILD_DIR (default `build-headless`, -DFO_DESKTOP=OFF): the job alone, as
#     the container image has it, with the tests labelled unit, e2e, faults, badinput and headless (the last one
#     checks with readelf -d that its binary needs no desktop library).
# Then it starts the services (scripts/test-services.sh) and runs ctest: the headless build's first, then the
# desktop build's inside a private D-Bus session with an unlocked keyring, so that keychain tests work without a
# desktop. With arguments, only the desktop build is tested, with those arguments (FO_TEST_HEADLESS=1 tests the
# headless build too, with the same arguments; FO_TEST_HEADLESS=0 skips it always). With CI=true or
# FO_TEST_PACKAGE=1 it also builds the Debian package from the desktop build and installs and runs it
# (scripts/package.sh, scripts/test-deb.sh). Exits with 0 when everything passed, else 1 (or ctest's code); the last
# line is a CTest summary line, the failing build's when one failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}
headless_dir=${FO_HEADLESS_BUILD_DIR:-build-headless}
headless_labels='^(unit|e2e|faults|badinput|headless)$'

headless=${FO_TEST_HEADLESS:-}
if [[ -z "$headless" ]]; then
    headless=$([[ $# -eq 0 ]] && echo 1 || echo 0)
fi

packaging/bootstrap.sh build test

# ccache, when present, compiles what both builds share (core/, tests/) once: the paths it hashes are taken relative
# to the repository, and the build folder is left out of the hash.
cache=()
if command -v ccache >/dev/null 2>&1; then
    cache=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true
fi

timed() { # timed LABEL COMMAND...: runs the command and says how long it took
    local label=$1 start=$SECONDS
    shift
    "$@"
    echo "test.sh: $label took $((SECONDS - start)) s"
}

# Warnings are errors here (-DFO_WERROR=ON), and so in CI: a new warning fails the run instead of scrolling past.
timed "the desktop build" bash -c 'cmake -S . -B "$0" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFO_BUILD_TESTS=ON \
    -DFO_WERROR=ON "${@}" >/dev/null && cmake --build "$0"' "$build_dir" "${cache[@]}"
if [[ $headless -eq 1 ]]; then
    timed "the headless build" bash -c 'cmake -S . -B "$0" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFO_BUILD_TESTS=ON -DFO_DESKTOP=OFF -DFO_WERROR=ON "${@}" >/dev/null && cmake --build "$0"' "$headless_dir" "${cache[@]}"
fi

# In CI (or with FO_TEST_PACKAGE=1): build the Debian package from the desktop build, then install it and run it
# (scripts/test-deb.sh changes the machine: CI's is thrown away). A failure here fails the run too. It runs before
# ctest, so that ctest's summary closes the output.
package_status=0
if [[ "${CI:-}" == true || "${FO_TEST_PACKAGE:-0}" == 1 ]]; then
    if deb=$(scripts/package.sh "$build_dir") && scripts/test-deb.sh "$deb"; then
        echo "package: built, installed and run"
    else
        echo "package: FAILED (see above)"
        package_status=1
    fi
fi

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh

# A fresh HOME keeps the tests away from the user's settings and keyring. It lives in the services' directory,
# which their EXIT trap removes.
test_home=$(mktemp -d "$FO_TEST_SERVICES_DIR/home.XXXXXX")

headless_status=0
headless_summary=""
if [[ $headless -eq 1 ]]; then
    headless_args=("$@")
    [[ $# -gt 0 ]] || headless_args=(-L "$headless_labels")
    echo "test.sh: the headless build's tests (${headless_args[*]})"
    headless_log="$FO_TEST_SERVICES_DIR/headless-ctest.log"
    start=$SECONDS
    set +e
    HOME=$test_home ctest --test-dir "$headless_dir" --output-on-failure -j2 "${headless_args[@]}" 2>&1 |
        tee "$headless_log"
    headless_status=${PIPESTATUS[0]}
    set -e
    echo "test.sh: the headless build's tests took $((SECONDS - start)) s"
    headless_summary=$(grep -E '^[0-9]+% tests passed' "$headless_log" | tail -n 1 || true)
    echo
    echo "test.sh: the desktop build's tests"
fi

set +e
HOME=$test_home dbus-run-session -- sh -c \
    'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ctest --test-dir "$0" --output-on-failure -j2 "$@"' \
    "$build_dir" "$@"
status=$?
set -e
if [[ $status -eq 0 && $package_status -ne 0 ]]; then
    echo "The tests passed, but the package check failed (above)."
    status=1
fi
if [[ $headless_status -ne 0 ]]; then
    # The failing build's summary goes last, where CI reads it.
    echo "The headless build's tests failed (above); its summary:"
    echo "${headless_summary:-0% tests passed, 1 tests failed out of 1 (the headless ctest run did not finish)}"
    [[ $status -ne 0 ]] || status=$headless_status
fi

exit "$status"
