// A run over a million records from the window: the GUI thread's event loop never stalls for more than 50 ms (a
// 5 ms timer measures the gaps), and the chart of a type with 250 000 points is downsampled. Then Cancel during the
// reading: nothing written, the Redis flag back to "false".

#include "tests/ui/UiTestSupport.h"

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
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

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {

// The bound: the GUI thread's event loop never waits more than 50 ms. Under AddressSanitizer
// (scripts/sanitize.sh) every allocation and access costs two to three times as much, so there the test checks the
// same thing with three times the bound; the release-like build that CI tests is held to 50 ms.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 StallBoundMs = 150;
#else
constexpr qint64 StallBoundMs = 50;
#endif
const QString BigEmail = QStringLiteral("big@example.com");
constexpr int Rows = 1'000'000;
}

class TestUiResponsiveness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runOverAMillionKeepsTheWindowResponsive();
    void cancelLeavesNothingWritten();

private:
    QString m_dbName;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiResponsiveness::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_big"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    {
        QSqlDatabase db = openPg(m_dbName, QStringLiteral("seed"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral(
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
    useTestEnvironment(m_dbName, QStringLiteral("http://127.0.0.1:9"), QString());
    m_secrets = std::make_unique<SecretStore>();
    m_session = std::make_unique<AuthSession>(m_secrets.get());
    m_window = std::make_unique<MainWindow>(m_secrets.get(), m_session.get());
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::passwordLoaded);
    m_window->start();
    QVERIFY(loaded.wait(10000));
}

void TestUiResponsiveness::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

void TestUiResponsiveness::runOverAMillionKeepsTheWindowResponsive()
{
    m_window->emailEdit()->setText(BigEmail);
    m_window->dryRunCheck()->setChecked(true); // no sign-in needed; the pipeline reads and computes all the same

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    qint64 worstAt = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (now - last > worst) {
            worst = now - last;
            worstAt = now;
        }
        last = now;
    });
    QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
    QSignalSpy chart(m_window.get(), &MainWindow::chartUpdated);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    // Measure from here: the click itself is the test's synchronous code, not the event loop.
    clock.start();
    ticker.start();
    QVERIFY(finished.wait(300000));
    const qint64 finishedAt = clock.elapsed();
    QVERIFY(chart.count() > 0 || chart.wait(30000));
    // A few more ticks after the chart appeared, so that its first paint is measured too.
    QTest::qWait(200);
    ticker.stop();
    qInfo() << "run over" << Rows << "records took" << clock.elapsed() << "ms; longest event-loop gap" << worst << "ms, ending at" << worstAt
            << "ms (the report arrived at" << finishedAt << "ms)";

    const RunReport report = finished.first().first().value<RunReport>();
    QCOMPARE(report.status, RunStatus::DryRun);
    QCOMPARE(report.raw.rows, qint64(Rows));
    QVERIFY(report.raw.outlierCount > 0);
    QVERIFY2(worst < StallBoundMs,
             qPrintable(QStringLiteral("the GUI thread stalled for %1 ms (bound %2 ms)").arg(worst).arg(StallBoundMs)));

    // The chart shows one type of 250 000 points as its envelope per pixel column (issue 11), which reaches every
    // outlier marker.
    OutlierChartView *view = m_window->chartView();
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
    const auto redis = redisServer();
    const QString flagKey = QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-") + BigEmail;
    if (redis)
        redisDel(flagKey);
    // A real (writing) run needs an operator; this test drives the worker without signing in by starting the
    // run through the same BackgroundTasks the window uses.
    m_window->dryRunCheck()->setChecked(false);
    RunRequest request;
    request.email = BigEmail;
    request.operatorEmail = QStringLiteral("support@example.com");
    request.notify = false;
    request.keepSeries = true;

    BackgroundTasks *tasks = m_window->tasks();
    QSignalSpy finished(tasks->runWorker(), &RunWorker::finished);
    bool cancelled = false;
    QString flagDuringRun;
    connect(tasks->runWorker(), &RunWorker::progress, this, [&](const ProgressUpdate &update, quint64) {
        if (!cancelled && update.stage == Stage::ReadingRaw && update.count > 0) {
            if (redis)
                flagDuringRun = redisGet(flagKey);
            tasks->cancelRun();
            cancelled = true;
        }
    });
    tasks->startRun(m_window->runConfig(), request);
    QVERIFY(finished.wait(300000));
    QVERIFY(cancelled);
    const RunReport report = finished.first().first().value<RunReport>();
    QCOMPARE(report.status, RunStatus::Cancelled);

    QSqlDatabase db = openPg(m_dbName, QStringLiteral("check"));
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outliers_records")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed'")), 0);
    db.close();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    if (redis) {
        QCOMPARE(flagDuringRun, QStringLiteral("true"));
        QCOMPARE(redisGet(flagKey), QStringLiteral("false"));
    }
}

QTEST_MAIN(TestUiResponsiveness)
#include "tst_ui_responsiveness.moc"
