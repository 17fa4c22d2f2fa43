#!/usr/bin/env bash
# Builds find-outliers and runs its whole test suite against a throwaway PostgreSQL and Redis:
#
#   ./scripts/test.sh [ctest arguments...]      e.g. ./scripts/test.sh -L faults, ./scripts/test.sh -R tst_config
#
# Installs what is missing (packaging/bootstrap.sh build test), configures and builds in $FO_BUILD_DIR (default
# `build`), starts the services (scripts/test-services.sh), and runs ctest inside a private D-Bus session with an
# unlocked keyring, so that keychain tests work without a desktop. With CI=true or FO_TEST_PACKAGE=1 it then builds
# the Debian package and installs and runs it (scripts/package.sh, scripts/test-deb.sh). Exits with ctest's exit
# code, or 1 when ctest passed and the package check failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}

packaging/bootstrap.sh build test

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFO_BUILD_TESTS=ON
cmake --build "$build_dir"

# In CI (or with FO_TEST_PACKAGE=1): build the Debian package from this build, then install it and run it
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

exit "$status"
