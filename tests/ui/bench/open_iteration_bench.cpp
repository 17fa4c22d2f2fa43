// Benchmark of issue 12 items 5 and 6, run by tests/ui/bench/open-iteration.sh against a database it fills: what the
// window does when the operator opens a stored iteration (the comparison with the one before, then the values of the
// selected type for its chart, then the chart data), and the count query a run's progress uses, each timed on the
// query worker exactly as the window calls it (same thread model: one connection, opened once).
//
//   open_iteration_bench --email E [--repeat N]      (database settings from the DB_* environment variables)
//
// Prints one line per step with the median over N repetitions (default 5) and the first (cold) time.

#include "core/Config.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/tasks/QueryWorker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace fo;
using namespace fo::ui;

namespace {

struct Timing
{
    qint64 first = 0;
    qint64 median = 0;
};

Timing measure(int repeat, const std::function<void()> &step)
{
    QVector<qint64> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        step();
        times.append(timer.elapsed());
    }
    Timing t;
    t.first = times.first();
    std::sort(times.begin(), times.end());
    t.median = times.at(times.size() / 2);
    return t;
}

void print(const char *what, const Timing &t, const QString &detail = QString())
{
    std::printf("%-46s median %6lld ms   first %6lld ms   %s\n", what, static_cast<long long>(t.median),
                static_cast<long long>(t.first), qPrintable(detail));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("email"), QStringLiteral("the user"), QStringLiteral("email")});
    parser.addOption(
        {QStringLiteral("repeat"), QStringLiteral("repetitions"), QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    const QString email = parser.value(QStringLiteral("email"));
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    Result<Config> config = resolveConfig({}, processEnvironment(), {}, {});
    if (!config.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error()));
        return 2;
    }

    QueryWorker worker;
    // The answers come back by direct signal here: the worker runs on this thread.
    QVector<IterationInfo> iterations;
    RunReport current, previous;
    QVector<OutlierDiff> diffs;
    Series series;
    qint64 raw = 0, processed = 0;
    QString error;
    QObject::connect(&worker, &QueryWorker::iterationsLoaded, &app,
                     [&](const QString &, const QVector<IterationInfo> &list, const QHash<int, RunThresholds> &,
                         const QString &e, quint64) {
                         iterations = list;
                         error = e;
                     });
    QObject::connect(
        &worker, &QueryWorker::comparisonLoaded, &app,
        [&](const RunReport &c, const RunReport &p, bool, const QVector<OutlierDiff> &d, const QString &e, quint64) {
            current = c;
            previous = p;
            diffs = d;
            error = e;
        });
    QObject::connect(&worker, &QueryWorker::seriesLoaded, &app,
                     [&](Source, const TypeKey &, const Series &s, const QString &e, quint64) {
                         series = s;
                         error = e;
                     });
    QObject::connect(&worker, &QueryWorker::recordCountsLoaded, &app,
                     [&](const QString &, qint64 r, qint64 p, const QString &e, quint64) {
                         raw = r;
                         processed = p;
                         error = e;
                     });

    const Timing counts = measure(repeat, [&] { worker.recordCounts(config.value(), email, 1); });
    if (!error.isEmpty()) {
        std::fprintf(stderr, "count: %s\n", qPrintable(error));
        return 1;
    }
    print("count query (progress total)", counts, QStringLiteral("%1 raw + %2 processed rows").arg(raw).arg(processed));

    const Timing list = measure(repeat, [&] { worker.iterations(config.value(), email, 2); });
    if (iterations.isEmpty()) {
        std::fprintf(stderr, "no stored iteration for %s: %s\n", qPrintable(email), qPrintable(error));
        return 1;
    }
    print("history list", list, QStringLiteral("%1 iterations").arg(iterations.size()));

    // As the window asks: the iteration before is known from the history list it shows.
    const int newest = iterations.first().iteration;
    const int before = iterations.size() > 1 ? iterations.at(1).iteration : 0;
    const Timing compare = measure(repeat, [&] { worker.comparison(config.value(), email, newest, before, 3); });
    print("open iteration (with the one before)", compare,
          QStringLiteral("#%1 vs #%2, %3 and %4 outliers")
              .arg(newest)
              .arg(previous.iteration)
              .arg(current.raw.outlierCount + current.processed.outlierCount)
              .arg(previous.raw.outlierCount + previous.processed.outlierCount));

    // The type the window selects first: the most new outliers.
    QString type;
    Source source = Source::Raw;
    qint64 best = -1;
    for (const OutlierDiff &d : diffs) {
        if (d.added.size() > best) {
            best = d.added.size();
            type = d.dataType;
            source = d.source;
        }
    }
    const Timing values = measure(repeat, [&] { worker.series(config.value(), email, source, TypeKey(type), 4); });
    print("values of the selected type", values, QStringLiteral("%1: %2 points").arg(type).arg(series.values.size()));

    ChartDataBuilder::Input input;
    input.source = source;
    input.dataType = type;
    input.series = series;
    input.comparing = true;
    for (const TypeReport &t : current.table(source).types)
        if (t.dataType == type) {
            input.mean = t.mean;
            input.std = t.std;
            input.k = t.k;
            input.outliers = t.outliers;
        }
    for (const TypeReport &t : previous.table(source).types)
        if (t.dataType == type)
            input.previousOutliers = t.outliers;
    const Timing chart = measure(repeat, [&] { (void)ChartDataBuilder::build(input); });
    print("chart data", chart);

    const qint64 total = compare.median + values.median + chart.median;
    std::printf("%-46s median %6lld ms   (target <= 1500 ms)\n", "opening, all steps", static_cast<long long>(total));
    return total <= 1500 ? 0 : 1;
}
