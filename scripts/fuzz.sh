#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, replays the committed regressions, then fuzzes each target for a
# while from the committed seed corpus:
#
#   ./scripts/fuzz.sh [seconds per target] [target...]      targets: envfile value csv (default: all three)
#
#   FO_FUZZ_SECONDS   seconds per target when not given as the first argument (default 60)
#   FO_FUZZ_BUILD_DIR the build directory (default build-fuzz)
#
# Works from a fresh clone: installs clang and the libFuzzer runtime (Debian 12: clang-14, libclang-rt-14-dev) and
# the Qt build packages when they are missing. New inputs go to fuzz/corpus-work/<target>/ (not committed); a
# finding is written to fuzz/corpus-work/artifacts/<target>/ and the script exits 1. To keep a finding as a
# regression: fix it, then copy the artifact to fuzz/regressions/<target>/ (tests/faults/tst_fuzz_corpus replays
# it in every test run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${FO_FUZZ_SECONDS:-60}
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(envfile value csv)
fi
for target in "${targets[@]}"; do
    if [[ ! -f fuzz/fuzz_$target.cpp ]]; then
        echo "fuzz.sh: no target '$target'; choose from: envfile value csv" >&2
        exit 2
    fi
done
build_dir=${FO_FUZZ_BUILD_DIR:-build-fuzz}

# The toolchain: clang with its libFuzzer runtime.
fuzzer_runtime_present() {
    local dir
    dir=$(clang++ -print-runtime-dir 2>/dev/null) || return 1
    [[ -f "$dir/libclang_rt.fuzzer-x86_64.a" || -f "$dir/libclang_rt.fuzzer.a" ]] ||
        compgen -G "$(dirname "$dir")/*/libclang_rt.fuzzer*.a" >/dev/null
}
if ! command -v clang++ >/dev/null 2>&1 || ! fuzzer_runtime_present; then
    packages=(clang libclang-rt-dev)
    echo "fuzz.sh: installing ${packages[*]} (clang and its libFuzzer runtime)" >&2
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    else
        echo "fuzz.sh: install them first: apt-get install ${packages[*]}" >&2
        exit 2
    fi
fi
packaging/bootstrap.sh build >/dev/null

cmake -S fuzz -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
build_targets=()
for target in "${targets[@]}"; do
    build_targets+=("fuzz_$target")
done
cmake --build "$build_dir" --target "${build_targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for target in "${targets[@]}"; do
    binary="$build_dir/fuzz_$target"
    work="fuzz/corpus-work/$target"
    artifacts="fuzz/corpus-work/artifacts/$target"
    mkdir -p "$work" "$artifacts"

    # Every regression must still pass before new inputs are looked for.
    regressions=(fuzz/regressions/"$target"/*)
    if [[ -e "${regressions[0]}" ]]; then
        if ! "$binary" -runs=1 "${regressions[@]}" >"$artifacts/regressions.log" 2>&1; then
            echo "fuzz.sh: $target: a committed regression fails again; see $artifacts/regressions.log" >&2
            failed+=("$target")
            continue
        fi
    fi

    echo "fuzz.sh: $target for ${seconds}s"
    if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="fuzz/dict/$target.dict" -artifact_prefix="$artifacts/" "$work" "fuzz/corpus/$target" \
        >"$artifacts/fuzz.log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^#[0-9]+ +DONE' "$artifacts/fuzz.log" | sed "s/^/fuzz.sh: $target: /" || true
    else
        echo "fuzz.sh: $target FOUND A PROBLEM; the input is in $artifacts/, the log in $artifacts/fuzz.log:" >&2
        grep -E "^fuzz_$target: |ERROR|SUMMARY" "$artifacts/fuzz.log" | head -n 5 >&2 || true
        failed+=("$target")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz.sh: failed: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: clean: ${targets[*]} (${seconds}s each)"
