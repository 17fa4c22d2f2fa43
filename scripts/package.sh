#!/usr/bin/env bash
# Builds the Debian package from a finished build, with CPack:
#
#   ./scripts/package.sh [BUILD_DIR]      BUILD_DIR defaults to $FO_BUILD_DIR, then `build`
#
# Writes BUILD_DIR/package/find-outliers_<version>_<arch>.deb and prints its path on the last line of stdout.
# The package's contents and dependencies are set in packaging/CMakeLists.txt; dpkg-shlibdeps (dpkg-dev, part
# of packaging/bootstrap.sh build) computes the library dependencies. Builds first, so an out-of-date tree is
# never packaged. Everything but that last line goes to stderr, so that `deb=$(scripts/package.sh)` works.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${1:-${FO_BUILD_DIR:-build}}

if [[ ! -f "$build_dir/CPackConfig.cmake" ]]; then
    echo "package.sh: $build_dir/CPackConfig.cmake is missing; configure and build first:" >&2
    echo "package.sh:   cmake -S . -B $build_dir -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build $build_dir" >&2
    exit 1
fi

cmake --build "$build_dir" >&2

out_dir="$build_dir/package"
rm -rf "$out_dir"
# cpack prints its progress on stdout; keep stdout for the package's path.
cpack --config "$build_dir/CPackConfig.cmake" -B "$out_dir" >&2

shopt -s nullglob
debs=("$out_dir"/find-outliers_*.deb)
if [[ ${#debs[@]} -ne 1 ]]; then
    echo "package.sh: expected one find-outliers_*.deb in $out_dir, found ${#debs[@]}" >&2
    exit 1
fi
deb=$(realpath "${debs[0]}")
echo "package.sh: built $deb" >&2
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends >&2
echo "$deb"
