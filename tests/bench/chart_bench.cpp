// The chart benchmark of issues 4 ("Chart speed") and 11 ("readable at millions of points"): one data type of 1M
// (or, with --points, 3M) points in a real OutlierChartView inside the ChartPanel the window shows it in (tool bars,
// the overview strip whose brush follows the chart), offscreen. Targets (issue 11): the first build of a view <= 100
// ms, each zoom, pan or brush step <= 16 ms median (one 60 Hz frame). Run by hand (tests/bench/chart.sh), not by CTest.
//
// What it measures, each time from the user's action until the widget has painted (a synchronous repaint of the
// viewport after the posted events, the view's own deferred line rebuild among them, have been delivered):
//   build      the path the main window takes when a data type is picked: ChartDataBuilder::build (the app runs it on
//              its query thread; the user waits for it all the same), setChartData, the overview strip's sketch, the
//              deferred line rebuild and the paint. The first build in a view has its own row ("new view"): the
//              first chart of the process, then the first of each of --new-views - 1 more views, each closed after
//              (its arrays go to the next chart, as in the window); the line below the table lists them all. The
//              others alternate between two types, as a user clicks from one to the other. The generated rows are a
//              little out of time order (as records arrive); "build (sorted input)" has them in time order, as most
//              types come from the database.
//   zoom in    a wheel notch (+120) at the centre of the plot, sent to the viewport as a mouse would.
//   zoom out   a wheel notch (-120), back out to the whole year.
//   pan key    the Right arrow key, zoomed in (1/8 of the year shown).
//   pan drag   a middle-button drag of 60 pixels, zoomed in; one step is one mouse move.
//   pan full   the Right arrow key with the whole year shown (every point is in the window).
//   reset      the Home key after a pan.
//
// Options: --points N (default 1000000), --steps N (steps per zoom or pan row, default 12), --builds N (timed warm
// builds, default 6), --new-views N (default 5), --png PATH (default /tmp/chart_bench.png; a second file *-zoomed.png
// shows a zoomed view),
// --width W --height H (default 1200x600). Exit code: 0 when every row meets its target, 1 when one does not, 2
// when the chart did not draw. Needs QT_QPA_PLATFORM=offscreen (no display) and TZ=UTC, which chart.sh sets.

#include "core/RunReport.h"
#include "ui/chart/ChartBufferPool.h"
#include "ui/chart/ChartData.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/OutlierChartView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMouseEvent>
#include <QStringList>
#include <QTextStream>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <functional>
#include <numbers>
#include <sys/resource.h>
#include <thread>
#include <utility>

using namespace fo;
using namespace fo::ui;

namespace {

constexpr double BuildTargetMs = 100.0;
constexpr double RedrawTargetMs = 16.0;
QVector<double> s_builderMs; // ChartDataBuilder::build alone, for every build
QVector<double> s_builderCpuMs; // the same, the thread's CPU time
QVector<double> s_builderKernelMs; // of that CPU time, the part in the kernel (page faults: fresh memory)
QVector<long> s_builderFaults; // page faults during the build
std::pair<qsizetype, bool> s_pendingPrepare {0, false}; // what the query thread prepares after the last build
QVector<double> s_prepareMs; // ChartBufferPool::prepare on another thread, after each build

// What the window's query thread does after it has built a chart, while the operator looks at it: a spare set of
// arrays for the next chart, each page written once (ChartBufferPool::prepare). On another thread, as there, and
// waited for: an operator's next click comes later than this takes.
void prepareLikeTheQueryThread()
{
    QElapsedTimer timer;
    timer.start();
    std::thread([size = s_pendingPrepare] { ChartBufferPool::instance().prepare(size.first, size.second); }).join();
    s_prepareMs.append(double(timer.nsecsElapsed()) / 1e6);
}

// SplitMix64: the same numbers on every machine and every standard library (std::normal_distribution is not).
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) { }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal() // Box-Muller
    {
        const double u = 1.0 - uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
    }

private:
    std::uint64_t m_state;
};

// One data type over the year 2025: ids in time order with a little jitter in time (as records arrive), a daily
// cycle around a plausible mean, about 0.5% spikes of 6-12 standard deviations. The outliers are flagged the way the
// core does it: |z| > k with the population mean and std (numpy's ddof = 0).
TypeReport makeType(const QString &dataType, qsizetype n, std::uint64_t seed, double baseMean, double spread)
{
    Random random(seed);
    TypeReport type;
    type.dataType = dataType;
    type.k = 3.5;
    Series &s = type.series;
    s.ids.reserve(n);
    s.timesMs.reserve(n);
    s.values.reserve(n);
    const qint64 start = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 yearMs = 365LL * 24 * 3600 * 1000;
    const double stepMs = double(yearMs) / double(n);
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 t = start + qint64(double(i) * stepMs + random.uniform() * stepMs * 3.0);
        const double day = double((t - start) % (24LL * 3600 * 1000)) / (24.0 * 3600 * 1000);
        double v = baseMean + spread * 0.8 * std::sin(2.0 * std::numbers::pi * day) + spread * random.normal();
        if (random.uniform() < 0.005)
            v += (random.uniform() < 0.5 ? -1.0 : 1.0) * spread * (6.0 + 6.0 * random.uniform());
        s.ids.append(1000000 + qint64(i) * 4 + qint64(seed % 4)); // interleaved with other users' ids
        s.timesMs.append(t);
        s.values.append(v);
    }
    double sum = 0.0;
    for (double v : std::as_const(s.values))
        sum += v;
    type.mean = sum / double(n);
    double sq = 0.0;
    for (double v : std::as_const(s.values))
        sq += (v - type.mean) * (v - type.mean);
    type.std = std::sqrt(sq / double(n));
    type.rows = n;
    type.numericRows = n;
    for (qsizetype i = 0; i < n; ++i) {
        const double z = (s.values[i] - type.mean) / type.std;
        if (std::abs(z) > type.k)
            type.outliers.append(
                OutlierPoint {s.ids[i], QDateTime::fromMSecsSinceEpoch(s.timesMs[i], Qt::UTC), s.values[i], z});
    }
    return type;
}

// As MainWindow::buildChartFor fills it for a run's own type, without a comparison.
ChartDataBuilder::Input inputFor(const TypeReport &type)
{
    ChartDataBuilder::Input input;
    input.source = Source::Raw;
    input.dataType = type.dataType;
    input.series = type.series;
    input.comparing = false;
    input.mean = type.mean;
    input.std = type.std;
    input.k = type.k;
    input.outliers = type.outliers;
    return input;
}

// CPU time of the calling (GUI) thread, in ms: on a loaded machine the wall clock also counts the time other
// processes had the CPU, this does not.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Sample
{
    double cpuMs = 0.0; // the GUI thread's CPU time over the same span as totalMs
    double totalMs = 0.0;
    double actionMs = 0.0; // of totalMs: the action itself (the event handler, or the build and setChartData)
    double eventsMs =
        0.0; // of totalMs: the event loop after it: posted events (the view's deferred rebuild) and paints
    bool forced = false; // the event loop did not paint; a synchronous repaint did
    int paints = 0; // paint events the viewport received during the step
};

struct Row
{
    QString step;
    double targetMs = 0.0;
    QVector<Sample> samples;
};

double median(QVector<double> v)
{
    if (v.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const qsizetype m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2.0;
}

// Counts the paint events the chart's viewport receives, to prove that every step was drawn.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

class Bench
{
public:
    Bench(OutlierChartView *view, PaintCounter *counter) : m_view(view), m_counter(counter) { }

    // Runs `action`, then lets the event loop do what it does after a user's action: the posted events (the view's
    // deferred line rebuild, the scene's dirty-item processing, the layout) and the paints they ask for, until a pass
    // over the event queue paints nothing more. The time until then is what the user waits for the new picture. When
    // the event loop painted nothing, the viewport is repainted synchronously (and that is timed as well).
    Sample measure(const std::function<void()> &action)
    {
        const int paintsBefore = m_counter->paints;
        const double cpuStart = threadCpuMs();
        QElapsedTimer timer;
        timer.start();
        action();
        Sample sample;
        sample.actionMs = double(timer.nsecsElapsed()) / 1e6;
        double lastPaintedMs = sample.actionMs;
        for (int pass = 0; pass < 20; ++pass) {
            const int paints = m_counter->paints;
            QCoreApplication::processEvents();
            if (m_counter->paints == paints && m_counter->paints > paintsBefore)
                break;
            if (m_counter->paints != paints)
                lastPaintedMs = double(timer.nsecsElapsed()) / 1e6;
        }
        if (m_counter->paints == paintsBefore) {
            m_view->viewport()->repaint();
            lastPaintedMs = double(timer.nsecsElapsed()) / 1e6;
            sample.forced = true;
        }
        sample.totalMs = lastPaintedMs;
        sample.cpuMs = threadCpuMs() - cpuStart;
        sample.eventsMs = sample.totalMs - sample.actionMs;
        sample.paints = m_counter->paints - paintsBefore;
        return sample;
    }

    QPoint plotCentre() const
    {
        QChart *chart = m_view->chart();
        return m_view->mapFromScene(chart->mapToScene(chart->plotArea().center()));
    }

    void wheel(int delta)
    {
        const QPoint pos = plotCentre();
        QWheelEvent event(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_view->viewport(), &event);
    }

    void key(Qt::Key key)
    {
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view, &release);
    }

    void mouse(QEvent::Type type, const QPoint &pos, Qt::MouseButton button, Qt::MouseButtons buttons)
    {
        QMouseEvent event(type, pos, m_view->viewport()->mapToGlobal(pos), button, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &event);
    }

    double visibleWidthMs() const { return double(m_view->timeAxis()->min().msecsTo(m_view->timeAxis()->max())); }

private:
    OutlierChartView *m_view;
    PaintCounter *m_counter;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chart speed benchmark (issue 4): 1M points, offscreen."));
    parser.addHelpOption();
    const QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("Points per data type."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("Steps per zoom or pan row."),
                                         QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption buildsOption(QStringLiteral("builds"), QStringLiteral("Timed warm builds."),
                                          QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption pngOption(QStringLiteral("png"), QStringLiteral("Where to save the chart."),
                                       QStringLiteral("PATH"), QStringLiteral("/tmp/chart_bench.png"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Widget width."), QStringLiteral("W"),
                                         QStringLiteral("1200"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("Widget height."),
                                          QStringLiteral("H"), QStringLiteral("600"));
    const QCommandLineOption viewsOption(QStringLiteral("new-views"), QStringLiteral("New views built once each."),
                                         QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({pointsOption, stepsOption, buildsOption, pngOption, widthOption, heightOption, viewsOption});
    parser.process(app);
    const qsizetype points = std::max<qsizetype>(parser.value(pointsOption).toLongLong(), 1000);
    const int steps = std::max(parser.value(stepsOption).toInt(), 1);
    const int builds = std::max(parser.value(buildsOption).toInt(), 1);
    const int newViews = std::max(parser.value(viewsOption).toInt(), 1);
    const QString png = parser.value(pngOption);

    QTextStream out(stdout);
    QTextStream err(stderr);
    out << "platform " << QGuiApplication::platformName() << ", TZ " << qEnvironmentVariable("TZ") << ", " << points
        << " points per type, widget " << parser.value(widthOption) << "x" << parser.value(heightOption) << Qt::endl;

    QElapsedTimer genTimer;
    genTimer.start();
    const TypeReport typeA = makeType(QStringLiteral("heart_rate"), points, 1, 72.0, 6.0);
    const TypeReport typeB = makeType(QStringLiteral("glucose"), points, 2, 5.4, 0.6);
    out << "generated 2 types in " << genTimer.elapsed() << " ms; outliers (|z| > " << typeA.k
        << "): " << typeA.outliers.size() << " and " << typeB.outliers.size() << Qt::endl;

    // The chart in its ChartPanel (tool bars, the overview strip that follows every step), sized so that the chart
    // itself gets about width x height.
    ChartPanel panel;
    OutlierChartView &view = *panel.chartView();
    panel.resize(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());
    panel.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    panel.resize(parser.value(widthOption).toInt(), 2 * parser.value(heightOption).toInt() - view.height());
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    view.viewport()->repaint();
    out << "chart " << view.width() << "x" << view.height() << " in a panel of " << panel.width() << "x"
        << panel.height() << Qt::endl;

    Bench bench(&view, &counter);
    auto buildInto = [](OutlierChartView &target, const TypeReport &type) {
        // MainWindow: buildChartFor -> (query thread) ChartDataBuilder::build -> chartBuilt -> setChartData.
        QElapsedTimer builderTimer;
        builderTimer.start();
        const double cpuStart = threadCpuMs();
        rusage before {}, after {};
        getrusage(RUSAGE_THREAD, &before);
        const ChartData data = ChartDataBuilder::build(inputFor(type));
        getrusage(RUSAGE_THREAD, &after);
        s_builderMs.append(double(builderTimer.nsecsElapsed()) / 1e6);
        s_builderCpuMs.append(threadCpuMs() - cpuStart);
        auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
        s_builderKernelMs.append(ms(after.ru_stime) - ms(before.ru_stime));
        s_builderFaults.append(after.ru_minflt - before.ru_minflt + after.ru_majflt - before.ru_majflt);
        target.setChartData(data);
        s_pendingPrepare = {data.points.size(), !data.ids.isSharedWith(type.series.ids)};
    };
    auto build = [&view, &buildInto](const TypeReport &type) { buildInto(view, type); };

    // The first build in a view, in new views: the first of them is the first chart of the process (every array in
    // fresh memory); each view that goes gives its chart's arrays to the next chart built (ChartBufferPool), as the
    // window's chart does when it shows another type.
    QVector<Row> rows;
    Row cold {QStringLiteral("build (new view)"), BuildTargetMs, {}};
    cold.samples.append(bench.measure([&] { build(typeA); }));
    prepareLikeTheQueryThread();
    const double firstKernelMs = s_builderKernelMs.constFirst();
    const long firstFaults = s_builderFaults.constFirst();
    for (int i = 1; i < newViews; ++i) {
        ChartPanel other;
        other.resize(panel.size());
        other.show();
        for (int j = 0; j < 5; ++j)
            QCoreApplication::processEvents();
        PaintCounter otherCounter;
        other.chartView()->viewport()->installEventFilter(&otherCounter);
        other.chartView()->viewport()->repaint();
        Bench otherBench(other.chartView(), &otherCounter);
        cold.samples.append(otherBench.measure([&] { buildInto(*other.chartView(), i % 2 ? typeB : typeA); }));
        prepareLikeTheQueryThread();
    }
    rows.append(cold);
    const qsizetype drawnPoints = view.lineSeries()->count();
    const qsizetype drawnOutliers = view.outlierSeries()->count();
    // Zoomed out the markers are thinned, one per marker width, with a count for the others (issue 11): every outlier
    // is a marker or counted by one.
    qsizetype countedOutliers = drawnOutliers;
    for (const auto &pair : view.markerCounts())
        countedOutliers += pair.second - 1;
    if (drawnPoints == 0 || countedOutliers != typeA.outliers.size() || cold.samples.first().paints == 0) {
        err << "the chart did not draw: " << drawnPoints << " line points, " << drawnOutliers << " of "
            << typeA.outliers.size() << " outliers, " << cold.samples.first().paints << " paints" << Qt::endl;
        return 2;
    }
    out << "displayed: " << drawnPoints << " line points (downsampled from " << points << "), " << drawnOutliers
        << " outlier markers" << Qt::endl;
    if (!png.isEmpty() && !view.grab().save(png, "PNG"))
        err << "cannot save " << png << Qt::endl;

    // Builds alternate between two types, as when a user clicks from one to the other; the last shows typeA.
    Row warm {QStringLiteral("build (switch type)"), BuildTargetMs, {}};
    for (int i = 0; i < builds; ++i) {
        warm.samples.append(bench.measure([&] { build(i % 2 == 0 ? typeB : typeA); }));
        prepareLikeTheQueryThread();
    }
    if (builds % 2 == 1) {
        bench.measure([&] { build(typeA); });
        prepareLikeTheQueryThread();
    }
    rows.append(warm);

    const double fullWidth = bench.visibleWidthMs();
    Row zoomIn {QStringLiteral("zoom in (wheel)"), RedrawTargetMs, {}};
    for (int i = 0; i < steps; ++i)
        zoomIn.samples.append(bench.measure([&] { bench.wheel(120); }));
    Row zoomOut {QStringLiteral("zoom out (wheel)"), RedrawTargetMs, {}};
    for (int i = 0; i < steps; ++i)
        zoomOut.samples.append(bench.measure([&] { bench.wheel(-120); }));

    // Zoom to about 1/8 of the year (wheel notches of 1.25x), then pan.
    const int notches = int(std::ceil(std::log(8.0) / std::log(1.25)));
    for (int i = 0; i < notches; ++i)
        bench.measure([&] { bench.wheel(120); });
    const double zoomedWidth = bench.visibleWidthMs();
    Row panKey {QStringLiteral("pan key (1/8 shown)"), RedrawTargetMs, {}};
    for (int i = 0; i < steps; ++i)
        panKey.samples.append(bench.measure([&] { bench.key(i < steps / 2 ? Qt::Key_Right : Qt::Key_Left); }));
    Row panDrag {QStringLiteral("pan drag (1/8 shown)"), RedrawTargetMs, {}};
    QPoint dragPos = bench.plotCentre();
    bench.mouse(QEvent::MouseButtonPress, dragPos, Qt::MiddleButton, Qt::MiddleButton);
    for (int i = 0; i < steps; ++i) {
        dragPos += QPoint(i < steps / 2 ? -60 : 60, 0);
        panDrag.samples.append(
            bench.measure([&] { bench.mouse(QEvent::MouseMove, dragPos, Qt::NoButton, Qt::MiddleButton); }));
    }
    bench.mouse(QEvent::MouseButtonRelease, dragPos, Qt::MiddleButton, Qt::NoButton);
    if (!png.isEmpty()) {
        QString zoomedPng = png;
        zoomedPng.replace(QStringLiteral(".png"), QStringLiteral("-zoomed.png"));
        view.grab().save(zoomedPng, "PNG");
    }
    Row reset {QStringLiteral("reset (Home)"), RedrawTargetMs, {}};
    Row panFull {QStringLiteral("pan key (all shown)"), RedrawTargetMs, {}};
    // Home first (back from the zoomed-in pans); then each Right pan starts from the whole year, and each Home resets
    // from that pan (Home right after a pan back would find nothing to do).
    bench.measure([&] { bench.key(Qt::Key_Home); });
    for (int i = 0; i < steps; ++i) {
        panFull.samples.append(bench.measure([&] { bench.key(Qt::Key_Right); }));
        reset.samples.append(bench.measure([&] { bench.key(Qt::Key_Home); }));
    }
    rows.append(zoomIn);
    rows.append(zoomOut);
    rows.append(panKey);
    rows.append(panDrag);
    rows.append(panFull);
    rows.append(reset);
    // The same two types in time order: the builder checks the order in one pass and shares the ids and times.
    auto sortedCopy = [](TypeReport type) {
        const ChartData sorted = ChartDataBuilder::build(inputFor(type)); // sorted by time, ties in input order
        type.series.ids = sorted.ids;
        type.series.timesMs = sorted.timesMs;
        for (type.series.values.clear(); const QPointF &p : sorted.points)
            type.series.values.append(p.y());
        return type;
    };
    const TypeReport sortedA = sortedCopy(typeA), sortedB = sortedCopy(typeB);
    Row sortedBuilds {QStringLiteral("build (sorted input)"), BuildTargetMs, {}};
    for (int i = 0; i < builds; ++i) {
        sortedBuilds.samples.append(bench.measure([&] { build(i % 2 == 0 ? sortedB : sortedA); }));
        prepareLikeTheQueryThread();
    }
    rows.insert(2, sortedBuilds);
    out << "visible width: full " << qint64(fullWidth / 86400000.0) << " days, zoomed "
        << qint64(zoomedWidth / 86400000.0) << " days; line points now " << view.lineSeries()->count() << Qt::endl;

    bool allPass = true;
    bool allPainted = true;
    QStringList missed;
    out << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
               .arg(QStringLiteral("step"), -22)
               .arg(QStringLiteral("n"), 3)
               .arg(QStringLiteral("median ms"), 10)
               .arg(QStringLiteral("max ms"), 8)
               .arg(QStringLiteral("cpu ms"), 7)
               .arg(QStringLiteral("action"), 7)
               .arg(QStringLiteral("events"), 7)
               .arg(QStringLiteral("paints"), 6)
               .arg(QStringLiteral("target"), 7)
               .arg(QStringLiteral("result"));
    for (const Row &row : std::as_const(rows)) {
        QVector<double> totals, actions, events, cpus;
        double max = 0.0;
        int paintCount = 0;
        for (const Sample &s : row.samples) {
            paintCount += s.paints;
            totals.append(s.totalMs);
            actions.append(s.actionMs);
            cpus.append(s.cpuMs);
            events.append(s.eventsMs);
            max = std::max(max, s.totalMs);
            allPainted = allPainted && s.paints > 0;
        }
        const double med = median(totals);
        // The target is met when the median is within it; the max is shown, because a user feels the slow ones.
        const bool pass = med <= row.targetMs;
        allPass = allPass && pass;
        if (!pass)
            missed.append(row.step);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
                   .arg(row.step, -22)
                   .arg(row.samples.size(), 3)
                   .arg(med, 10, 'f', 1)
                   .arg(max, 8, 'f', 1)
                   .arg(median(cpus), 7, 'f', 1)
                   .arg(median(actions), 7, 'f', 1)
                   .arg(median(events), 7, 'f', 1)
                   .arg(double(paintCount) / double(row.samples.size()), 6, 'f', 1)
                   .arg(QStringLiteral("%1").arg(row.targetMs, 0, 'f', 0), 7)
                   .arg(pass ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
    }
    out << Qt::endl
        << "median and max: from the action until the event loop has painted the result (wall clock). cpu: median "
           "GUI-thread\n"
           "CPU time over the same span (what the step costs without the other processes' share of the CPU; the last\n"
           "pass over the event queue is included). action, events: medians of the wall time's\n"
           "parts: the action itself, then the event loop (deferred line rebuild, layout, paints). paints: paint "
           "events\n"
           "per step (2 or more: the view was painted before its line was rebuilt, and again after).\n"
           "builder: ChartDataBuilder::build alone (part of the build rows' action), median "
        << QString::number(median(s_builderMs), 'f', 1) << " ms, max "
        << QString::number(*std::max_element(s_builderMs.cbegin(), s_builderMs.cend()), 'f', 1) << " ms; CPU median "
        << QString::number(median(s_builderCpuMs), 'f', 1) << " ms." << Qt::endl;
    QStringList coldTimes;
    for (const Sample &sample : std::as_const(rows.constFirst().samples))
        coldTimes.append(QString::number(sample.totalMs, 'f', 1));
    out << "new views, first build each: " << coldTimes.join(QStringLiteral(", "))
        << " ms. The first is the first chart of the process: its builder spent "
        << QString::number(firstKernelMs, 'f', 1) << " ms in the kernel over " << firstFaults
        << " page faults (fresh memory; on a virtual machine whose host takes back free memory, each fault can reach "
           "the host)."
        << Qt::endl
        << "after each build, ChartBufferPool::prepare on another thread (as the query thread does): median "
        << QString::number(median(s_prepareMs), 'f', 1) << " ms, max "
        << QString::number(*std::max_element(s_prepareMs.cbegin(), s_prepareMs.cend()), 'f', 1)
        << " ms (nothing to do when a chart given back left a spare)." << Qt::endl;
    out << Qt::endl
        << "targets (issue 11): building the displayed series <= " << BuildTargetMs
        << " ms, each zoom or pan redraw <= " << RedrawTargetMs << " ms (median of the row): "
        << (allPass ? QStringLiteral("all met")
                    : QStringLiteral("not met by %1").arg(missed.join(QStringLiteral(", "))))
        << Qt::endl;
    if (!allPainted) {
        err << "a step was not painted" << Qt::endl;
        return 2;
    }
    return allPass ? 0 : 1;
}
