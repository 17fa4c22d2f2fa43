// A run over a million records from the window: the GUI thread's event loop never stalls for more than 50 ms (a
// 5 ms timer measures the gaps), and the chart of a type with 250 000 points is downsampled. Then Cancel during the
// reading: nothing written, the Redis flag back to "false".

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/RunWorker.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <ctime>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {

// The bound: the GUI thread's event loop never waits more than 50 ms. What the window controls is the work
// its own thread does between two turns of the loop: that is measured as the thread's CPU time
// (CLOCK_THREAD_CPUTIME_ID) within each gap, and held to 50 ms. A gap's wall time also counts the time the system gave
// the thread's core to others, which on a loaded two-core machine reached 110 ms with the GUI thread idle; it is held
// to WallBoundMs, which still catches the GUI thread blocking on I/O (a synchronous read of these rows takes seconds).
// Under AddressSanitizer (scripts/sanitize.sh) every allocation and access costs two to three times as much, so there
// the test checks the same thing with three times the bounds.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 StallBoundMs = 150;
constexpr qint64 WallBoundMs = 1500;
#else
constexpr qint64 StallBoundMs = 50;
constexpr qint64 WallBoundMs = 500;
#endif

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}
const QString BigEmail = QStringLiteral("big@example.com");
constexpr int Rows = 1'000'000;

// Counts the paint events of every widget of the application while installed.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint ? 1 : 0;
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

class TestUiResponsiveness : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runOverAMillionKeepsTheWindowResponsive();
    void cancelLeavesNothingWritten();
};

void TestUiResponsiveness::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_big"), DesktopFixture::Seed::Nothing);
    FO_RETURN_IF_FAILED();
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("seed"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY2(
            q.exec(QStringLiteral(
                       "INSERT INTO raw_records (data_type, email, time, value) "
                       "SELECT (ARRAY['HeartRateRecord','StepsRecord','SpeedRecord','BloodOxygenData'])[1 + i % 4], "
                       "'%1', timestamptz '2024-01-01 00:00:00+00' + i * interval '30 seconds', "
                       "CASE WHEN i % 9973 = 0 THEN (400 + i % 50)::text WHEN i % 5003 = 0 THEN 'n/a' "
                       "ELSE (70 + (i::bigint * 7919) % 20)::text END "
                       "FROM generate_series(1, %2) AS i")
                       .arg(BigEmail)
                       .arg(Rows)),
            qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    m_desktop.useEnvironment(); // the Redis flag is checked below: a test Redis is required
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow(QSize(1280, 820));
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::PasswordLoaded);
}

void TestUiResponsiveness::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiResponsiveness::runOverAMillionKeepsTheWindowResponsive()
{
    window()->emailEdit()->setText(BigEmail);
    window()->dryRunCheck()->setChecked(true); // no sign-in needed; the pipeline reads and computes all the same

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worstWall = 0;
    qint64 worstWallAt = 0;
    double lastCpu = 0;
    double worstCpu = 0;
    qint64 worstCpuAt = 0;
    PaintCounter painted;
    int ticksAfterPaint = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        ticksAfterPaint += painted.paints > 0 ? 1 : 0;
        const qint64 now = clock.elapsed();
        const double cpu = threadCpuMs();
        if (now - last > worstWall) {
            worstWall = now - last;
            worstWallAt = now;
        }
        if (cpu - lastCpu > worstCpu) {
            worstCpu = cpu - lastCpu;
            worstCpuAt = now;
        }
        last = now;
        lastCpu = cpu;
    });
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QSignalSpy chart(window(), &MainWindow::chartUpdated);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    // Measure from here: the click itself is the test's synchronous code, not the event loop.
    clock.start();
    lastCpu = threadCpuMs();
    ticker.start();
    QVERIFY(finished.wait(300000));
    const qint64 finishedAt = clock.elapsed();
    QVERIFY(chart.count() > 0 || chart.wait(30000));
    // The window paints what the run brought (the whole window, asked for here), and the ticker measures the gap
    // around that paint too.
    QCoreApplication::instance()->installEventFilter(&painted);
    window()->update();
    QTRY_VERIFY_WITH_TIMEOUT(painted.paints > 0 && ticksAfterPaint >= 2, 10000);
    QCoreApplication::instance()->removeEventFilter(&painted);
    ticker.stop();
    qInfo() << "run over" << Rows << "records took" << clock.elapsed() << "ms; the GUI thread's most work between two"
            << "turns of its event loop" << worstCpu << "ms of CPU, ending at" << worstCpuAt
            << "ms; longest wall-clock gap" << worstWall << "ms, ending at" << worstWallAt
            << "ms (the report arrived at" << finishedAt << "ms)";

    const RunReport report = finished.first().first().value<RunReport>();
    QCOMPARE(report.status, RunStatus::DryRun);
    QCOMPARE(report.raw.rows, qint64(Rows));
    QVERIFY(report.raw.outlierCount > 0);
    QVERIFY2(worstCpu < double(StallBoundMs),
             qPrintable(QStringLiteral("the GUI thread worked for %1 ms of CPU between two turns of its event loop "
                                       "(bound %2 ms)")
                            .arg(worstCpu, 0, 'f', 1)
                            .arg(StallBoundMs)));
    QVERIFY2(
        worstWall < WallBoundMs,
        qPrintable(
            QStringLiteral("the GUI thread's event loop waited %1 ms (bound %2 ms)").arg(worstWall).arg(WallBoundMs)));

    // The chart shows one type of 250 000 points as its envelope per pixel column (issue 11), which reaches every
    // outlier marker.
    OutlierChartView *view = window()->chartView();
    QVERIFY(view->chartData().points.size() > 240000);
    QVERIFY(view->isEnveloped());
    QVERIFY(view->lineSeries()->count() < 10000);
    QVERIFY(view->outlierSeries()->count() > 0);
    const QList<QPointF> envelope = view->envelopeSeries()->points();
    const double column = 2 * (envelope.last().x() - envelope.first().x()) / double(envelope.size() - 2);
    for (const QPointF &p : view->outlierSeries()->points()) {
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        for (const QPointF &e : envelope) {
            if (std::abs(e.x() - p.x()) <= column) {
                lo = std::min(lo, e.y());
                hi = std::max(hi, e.y());
            }
        }
        QVERIFY(lo <= p.y() && p.y() <= hi);
    }
}

void TestUiResponsiveness::cancelLeavesNothingWritten()
{
    QVERIFY2(redisServer(), "No test Redis: run the tests with scripts/test.sh, which starts one");
    const QString flagKey = QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-") + BigEmail;
    redisDel(flagKey);
    // A real (writing) run needs an operator; this test drives the worker without signing in by starting the
    // run through the same BackgroundTasks the window uses.
    window()->dryRunCheck()->setChecked(false);
    RunRequest request;
    request.email = BigEmail;
    request.operatorEmail = QStringLiteral("support@example.com");
    request.notify = false;
    request.keepSeries = true;

    BackgroundTasks *tasks = window()->tasks();
    QSignalSpy finished(tasks->runWorker(), &RunWorker::finished);
    bool cancelled = false;
    QString flagDuringRun;
    connect(tasks->runWorker(), &RunWorker::progress, this, [&](const ProgressUpdate &update, quint64) {
        if (!cancelled && update.stage == Stage::ReadingRaw && update.count > 0) {
            flagDuringRun = redisGet(flagKey);
            tasks->cancelRun();
            cancelled = true;
        }
    });
    tasks->startRun(window()->runConfig(), request);
    QVERIFY(finished.wait(300000));
    QVERIFY(cancelled);
    const RunReport report = finished.first().first().value<RunReport>();
    QCOMPARE(report.status, RunStatus::Cancelled);

    QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("check"));
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outliers_records")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed'")), 0);
    db.close();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    QCOMPARE(flagDuringRun, QStringLiteral("true"));
    QCOMPARE(redisGet(flagKey), QStringLiteral("false"));
}

QTEST_MAIN(TestUiResponsiveness)
#include "tst_ui_responsiveness.moc"
