#!/usr/bin/env bash
# Builds find-outliers and runs its whole test suite against a throwaway PostgreSQL and Redis:
#
#   ./scripts/test.sh [ctest arguments...]      e.g. ./scripts/test.sh -L faults, ./scripts/test.sh -R tst_config
#
# Installs what is missing (packaging/bootstrap.sh build test), configures and builds in $FO_BUILD_DIR (default
# `build`), starts the services (scripts/test-services.sh), and runs ctest inside a private D-Bus session with an
# unlocked keyring, so that keychain tests work without a desktop. Exits with ctest's exit code.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}

packaging/bootstrap.sh build test

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFO_BUILD_TESTS=ON
cmake --build "$build_dir"

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
exit "$status"
