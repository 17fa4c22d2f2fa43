#!/usr/bin/env bash
# The chart benchmark of issues 4 and 11: a chart of 1M and then of 3M points, built and then zoomed and panned in a
# real OutlierChartView rendered offscreen. Targets (issue 11): the first build of a view <= 100 ms, each zoom or pan
# step <= 16 ms (median of the steps, one 60 Hz frame). Zoomed out the view draws the envelope per pixel column.
#
#   tests/bench/chart.sh                       build (Release, in build-chart/) if needed, then run at 1M and 3M
#   tests/bench/chart.sh --points 100000       one size only; options go to chart_bench (see the top of chart_bench.cpp)
#
# Environment: BUILD_DIR (default <repo>/build-chart). It prints the machine's load first: the figures are wall
# clock times and grow on a busy machine. Exit code: chart_bench's (0 all targets met, 1 one missed, 2 no drawing).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD_DIR:-$repo/build-chart}

if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target chart_bench >/dev/null

echo "load: $(uptime)"
if [[ $# -gt 0 ]]; then
    QT_QPA_PLATFORM=offscreen TZ=UTC "$build/tests/bench/chart_bench" "$@"
    exit
fi
status=0
for points in 1000000 3000000; do
    echo
    echo "== $points points =="
    QT_QPA_PLATFORM=offscreen TZ=UTC "$build/tests/bench/chart_bench" --points "$points" --png "/tmp/chart_bench_$points.png" || status=$?
done
exit $status
