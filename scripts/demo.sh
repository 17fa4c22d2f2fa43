#!/usr/bin/env bash
# Builds find-outliers and opens it on demonstration data (no database or server needed):
#
#   ./scripts/demo.sh [more arguments for find-outliers...]
#
# Installs what is missing (packaging/bootstrap.sh build), builds in $FO_BUILD_DIR (default `build`), then runs
# `find-outliers --demo` with any extra arguments. Builds only the program, not the tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${FO_BUILD_DIR:-build}

packaging/bootstrap.sh build

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" --target find-outliers

exec "$build_dir/app/find-outliers" --demo "$@"
