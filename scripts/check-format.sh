#!/usr/bin/env bash
# Checks that every C++ file the repository tracks is formatted as .clang-format says (Debian 12's clang-format 14):
#
#   ./scripts/check-format.sh          lists the files that differ and exits 1; exits 0 when none does
#   ./scripts/check-format.sh --fix    formats them in place
#
# CI runs it as the ctest test `style_clang_format` (label `style`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
format=${CLANG_FORMAT:-clang-format}
if ! command -v "$format" >/dev/null 2>&1; then
    echo "check-format.sh: $format is not installed (apt-get install clang-format, or packaging/bootstrap.sh test)" >&2
    exit 2
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else # a source tarball: every C++ file outside build folders
    mapfile -t files < <(find app core ui tests fuzz -name '*.cpp' -o -name '*.h' | sort)
fi
if [[ ${1:-} == --fix ]]; then
    "$format" -i -- "${files[@]}"
    exit 0
fi
bad=()
for file in "${files[@]}"; do
    if ! "$format" --dry-run --Werror -- "$file" >/dev/null 2>&1; then
        bad+=("$file")
    fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
    echo "check-format.sh: ${#bad[@]} of ${#files[@]} files are not formatted as .clang-format says:"
    printf '  %s\n' "${bad[@]}"
    echo "Run ./scripts/check-format.sh --fix (it uses $("$format" --version | head -n 1))."
    exit 1
fi
echo "check-format.sh: all ${#files[@]} C++ files are formatted as .clang-format says"
