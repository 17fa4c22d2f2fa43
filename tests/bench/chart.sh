#!/usr/bin/env bash
# The chart benchmark of issue 4 ("Chart speed"): a chart of 1M points, built and then zoomed and panned in a real
# OutlierChartView rendered offscreen. Targets: building the displayed series <= 150 ms, each zoom or pan redraw
# <= 50 ms (median of the steps).
#
#   tests/bench/chart.sh                       build (Release, in build-chart/) if needed, then run
#   tests/bench/chart.sh --points 100000       options go to chart_bench (see the top of chart_bench.cpp)
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
QT_QPA_PLATFORM=offscreen TZ=UTC "$build/tests/bench/chart_bench" "$@"
