// Benchmark of issue 12 item 6, run by tests/ui/bench/open-iteration.sh against a database it fills: the whole wait
// of a user who opens a stored iteration in the real window (MainWindow, offscreen), from the click on "Open" in
// History until the overview, every card's sketch included, and the selected type's chart have painted. Also the
// count query behind a run's progress (item 5), on the query worker as the window calls it.
//
//   open_iteration_bench --email E [--repeat N] [--pause S] [--target MS] [--png PATH]
//
// Database settings from the DB_* environment variables. Needs QT_QPA_PLATFORM=offscreen and a session bus with an
// unlocked keyring (the script runs it under dbus-run-session); the auth API is pointed at a closed port.
//
// Each repetition opens the newest iteration (compared with the one before) after the values read for earlier
// charts have been forgotten, as for a user opened for the first time, after `--pause` seconds of idle (default 3:
// on this project's virtual machine, memory left free for about 2 s goes back to the host, and the next opening
// pays for taking it back, as a user's would). Per stage, the time from the click (median and maximum over the
// repetitions):
//   read         the worker has it all: both iterations, compared, the overview's sketches, the values of the
//                type shown first and its chart data
//   shown        the window shows the iteration (tables, cards with their sketches)
//   overview     every card has its sketch
//   chart        the selected type's chart has its data
//   overview painted  the window has painted the cards with their sketches (its own paint, not one forced)
//   painted      then the chart, which is on the Detail tab behind the overview, painted once (a grab), as the user
//                waits for it when turning to it: the end of the wait
// and the stage texts the progress row showed. Then, as often: Cancel half-way through an opening and open again at
// once, timed from the Cancel: until the first opening's work has stopped, and until the second is shown (its
// overview complete). Exit code: 0 when the median of "painted" is within the target
// (default 1500 ms), 1 when it is not, 2 when the bench could not run.

#include "core/Config.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>

using namespace fo;
using namespace fo::ui;

namespace {

// Runs the event loop until `done` holds (checked after every event batch) or `timeoutMs` passes. It sleeps until
// events come (processEvents() with a time limit would spin, taking a core from the work it measures).
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, [&timedOut] { timedOut = true; });
    timeout.start(timeoutMs);
    while (!done()) {
        if (timedOut)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Counts the paint events the overview's cards get (the window paints them itself: it is shown, offscreen).
class PaintWatch : public QObject
{
public:
    int cardPaints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && qobject_cast<TypeCard *>(watched))
            ++cardPaints;
        return false;
    }
};

struct Stat
{
    qint64 median = 0;
    qint64 max = 0;
};

Stat stat(QVector<qint64> values)
{
    Stat s;
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values.at(values.size() / 2);
    s.max = values.last();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("email"), QStringLiteral("the user"), QStringLiteral("email")});
    parser.addOption(
        {QStringLiteral("repeat"), QStringLiteral("repetitions"), QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("pause"), QStringLiteral("idle seconds before each opening"), QStringLiteral("s"),
                      QStringLiteral("3")});
    parser.addOption({QStringLiteral("target"), QStringLiteral("target for the median, ms"), QStringLiteral("ms"),
                      QStringLiteral("1500")});
    parser.addOption({QStringLiteral("png"), QStringLiteral("save the window, as the last opening left it"),
                      QStringLiteral("path")});
    parser.process(app);
    const QString email = parser.value(QStringLiteral("email"));
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    const int pauseMs = int(parser.value(QStringLiteral("pause")).toDouble() * 1000);
    const qint64 targetMs = parser.value(QStringLiteral("target")).toLongLong();

    QStandardPaths::setTestModeEnabled(true); // the user's own settings stay as they are
    qputenv("AUTH_API_BASE_URL", "http://127.0.0.1:9"); // discard: signed out, nothing waits on it
    qunsetenv("REDIS_HOST");
    qunsetenv("NOTIFICATIONS_API_BASE_URL");
    Result<Config> config = resolveConfig({}, processEnvironment(), {}, {});
    if (!config.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error()));
        return 2;
    }

    // The count query (issue 12 item 5), on a worker of its own.
    {
        BackgroundTasks tasks;
        QVector<qint64> times;
        qint64 raw = -1, processed = -1;
        for (int i = 0; i < repeat; ++i) {
            bool answered = false;
            QMetaObject::Connection c =
                QObject::connect(tasks.queryWorker(), &QueryWorker::recordCountsLoaded, &app,
                                 [&](const QString &, qint64 r, qint64 p, const QString &, quint64) {
                                     raw = r;
                                     processed = p;
                                     answered = true;
                                 });
            QElapsedTimer timer;
            timer.start();
            tasks.loadRecordCounts(config.value(), email);
            if (!waitFor([&] { return answered; }, 60000)) {
                std::fprintf(stderr, "the count query did not answer\n");
                return 2;
            }
            times.append(timer.elapsed());
            QObject::disconnect(c);
        }
        const Stat s = stat(times);
        std::printf("%-34s median %6lld ms   max %6lld ms   %lld raw + %lld processed rows\n",
                    "count query (progress total)", static_cast<long long>(s.median), static_cast<long long>(s.max),
                    static_cast<long long>(raw), static_cast<long long>(processed));
        std::fflush(stdout);
    }

    SecretStore secrets;
    AuthSession session(&secrets);
    MainWindow window(&secrets, &session);
    window.resize(1280, 820);
    window.show();
    window.emailEdit()->setText(email);
    HistoryPanel *history = window.historyPanel();
    auto *results = window.findChild<ResultsPanel *>();
    auto *open = history->findChild<QPushButton *>(QStringLiteral("openIterationButton"));
    auto *progressLabel = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
    if (!results || !open || !progressLabel) {
        std::fprintf(stderr, "the window has no results panel, open button or progress label\n");
        return 2;
    }
    QElapsedTimer setup;
    setup.start();
    window.start();
    if (!waitFor([&] { return history->iterationCount() > 0 && history->email() == email; }, 600000)) {
        std::fprintf(stderr, "no stored iteration of %s listed (is the database filled?)\n", qPrintable(email));
        return 2;
    }
    std::printf("window started, %d iterations listed, in %lld ms\n", history->iterationCount(),
                static_cast<long long>(setup.elapsed()));
    const int iteration = history->iterationAt(0);
    OverviewGrid *overview = results->overview();
    OutlierChartView *chart = window.chartView();

    PaintWatch paints;
    app.installEventFilter(&paints);
    std::map<QString, QVector<qint64>> stages; // stage -> ms after the click, per repetition
    QStringList stageTexts;
    bool failed = false;
    for (int i = 0; i < repeat && !failed; ++i) {
        results->forgetSeries();
        if (pauseMs > 0)
            waitFor([] { return false; }, pauseMs);
        QElapsedTimer timer;
        std::map<QString, qint64> at;
        auto mark = [&](const QString &stage) {
            if (!at.count(stage))
                at[stage] = timer.elapsed();
        };
        bool shown = false;
        bool chartReady = false;
        QList<QMetaObject::Connection> connections;
        // When the worker has it all (on its thread, as it sends it), and when the window has shown it.
        std::atomic<qint64> workerDone {-1};
        connections << QObject::connect(
            window.tasks()->openWorker(), &QueryWorker::iterationOpened, window.tasks()->openWorker(),
            [&] { workerDone = timer.elapsed(); }, Qt::DirectConnection);
        connections << QObject::connect(&window, &MainWindow::comparisonShown, &app, [&] {
            shown = true;
            mark(QStringLiteral("shown"));
        });
        connections << QObject::connect(&window, &MainWindow::chartUpdated, &app, [&] {
            if (shown && results->hasSelectedType() && chart->chartData().key() == results->selectedType()) {
                chartReady = true;
                mark(QStringLiteral("chart"));
            }
        });
        QString lastText;
        QTimer watchText; // the progress row's texts, as the user reads them
        QObject::connect(&watchText, &QTimer::timeout, &app, [&] {
            if (progressLabel->isVisible() && progressLabel->text() != lastText) {
                lastText = progressLabel->text();
                if (i == 0)
                    stageTexts << QStringLiteral("%1 ms  %2").arg(timer.elapsed(), 5).arg(lastText);
            }
        });
        watchText.start(5);

        history->selectIteration(iteration);
        timer.start();
        open->click();
        bool done = waitFor(
            [&] {
                if (shown && overview->isComplete() && !at.count(QStringLiteral("overview"))) {
                    mark(QStringLiteral("overview"));
                    paints.cardPaints = 0; // from here on, the cards paint with their sketches
                }
                return shown && chartReady && overview->isComplete() && paints.cardPaints > 0;
            },
            300000);
        // The window's own paint of the cards has begun; it has ended once the event loop runs a timer again.
        bool idle = false;
        QTimer::singleShot(0, &app, [&idle] { idle = true; });
        done = done && waitFor([&idle] { return idle; }, 60000);
        if (!done) {
            std::fprintf(stderr, "repetition %d: the opening did not finish (shown %d, overview %d, chart %d)\n", i + 1,
                         int(shown), int(overview->isComplete()), int(chartReady));
            failed = true;
        } else {
            mark(QStringLiteral("overview painted"));
            // The chart is on the Detail tab, behind the overview: painted once, as when the user turns to it.
            chart->grab();
            mark(QStringLiteral("painted"));
        }
        watchText.stop();
        for (const QMetaObject::Connection &c : std::as_const(connections))
            QObject::disconnect(c);
        if (workerDone >= 0)
            at[QStringLiteral("read")] = workerDone;
        for (const auto &[stage, ms] : at)
            stages[stage].append(ms);
        std::printf("repetition %d: painted at %lld ms (#%d, %s)\n", i + 1,
                    static_cast<long long>(at.count(QStringLiteral("painted")) ? at[QStringLiteral("painted")] : -1),
                    iteration, qPrintable(displayDataType(results->selectedType())));
        std::fflush(stdout);
    }
    if (failed)
        return 2;
    QVector<qint64> cancelMs, reopenMs;
    for (int i = 0; i < repeat && !failed; ++i) {
        // Cancel half-way (after 40% of a median opening), then open again at once: the second opening must not
        // wait for the first one's query.
        results->forgetSeries();
        if (pauseMs > 0)
            waitFor([] { return false; }, pauseMs);
        auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelOpenButton"));
        bool interrupted = false;
        bool shown = false;
        QList<QMetaObject::Connection> connections;
        connections << QObject::connect(window.tasks()->openWorker(), &QueryWorker::iterationOpened, &app,
                                        [&](bool wasInterrupted) { interrupted = interrupted || wasInterrupted; });
        connections << QObject::connect(&window, &MainWindow::comparisonShown, &app, [&] { shown = true; });
        history->selectIteration(iteration);
        open->click();
        waitFor([] { return false; }, int(stat(stages[QStringLiteral("painted")]).median * 2 / 5));
        QElapsedTimer timer;
        timer.start();
        cancel->click();
        open->click();
        const bool stopped = waitFor([&] { return interrupted; }, 60000);
        cancelMs.append(timer.elapsed());
        const bool done = stopped && waitFor([&] { return shown && overview->isComplete(); }, 300000);
        reopenMs.append(timer.elapsed());
        for (const QMetaObject::Connection &c : std::as_const(connections))
            QObject::disconnect(c);
        if (!done || shown == false) {
            std::fprintf(stderr, "cancel %d: the second opening did not finish\n", i + 1);
            failed = true;
        }
    }
    if (failed)
        return 2;
    {
        // One paint of the overview (the cards), for scale: the window paints it once per opening, and again on
        // each scroll.
        QElapsedTimer paint;
        paint.start();
        overview->widget()->grab();
        std::printf("one paint of the overview: %lld ms\n", static_cast<long long>(paint.elapsed()));
    }
    if (parser.isSet(QStringLiteral("png")) && !window.grab().save(parser.value(QStringLiteral("png"))))
        std::fprintf(stderr, "could not write %s\n", qPrintable(parser.value(QStringLiteral("png"))));

    std::printf("\nprogress texts (first repetition):\n");
    for (const QString &text : std::as_const(stageTexts))
        std::printf("  %s\n", qPrintable(text));
    std::printf("\nopening #%d, %d repetitions, ms after the click:\n", iteration, repeat);
    for (const char *name : {"read", "shown", "overview", "chart", "overview painted", "painted"}) {
        const Stat s = stat(stages[QString::fromLatin1(name)]);
        std::printf("  %-16s median %6lld   max %6lld\n", name, static_cast<long long>(s.median),
                    static_cast<long long>(s.max));
    }
    const Stat stop = stat(cancelMs);
    const Stat reopen = stat(reopenMs);
    std::printf("cancel half-way, then open again: the first stopped after median %lld ms (max %lld), the second "
                "shown after median %lld ms (max %lld)\n",
                static_cast<long long>(stop.median), static_cast<long long>(stop.max),
                static_cast<long long>(reopen.median), static_cast<long long>(reopen.max));
    const Stat total = stat(stages[QStringLiteral("painted")]);
    const bool met = total.median <= targetMs;
    std::printf("opening, click to painted: median %lld ms, max %lld ms (target <= %lld ms): %s\n",
                static_cast<long long>(total.median), static_cast<long long>(total.max),
                static_cast<long long>(targetMs), met ? "met" : "MISSED");
    return met ? 0 : 1;
}
