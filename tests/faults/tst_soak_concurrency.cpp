// Concurrency soak: 4 emails in parallel, each with 8 processes that run the tool 5 times one after another
// (32 processes at a time, 160 runs). Every email must get iterations 1..40 with no gap and no repeat, in the
// reports, in find_outliers_runs and in both outlier tables; no (record, iteration) pair may appear twice; every
// run's rows carry that run's one timestamp; and every flag ends "false".
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <vector>

using namespace fo::test;

namespace {

constexpr int Emails = 4;
constexpr int ProcessesPerEmail = 8;
constexpr int RunsPerProcess = 5;
constexpr int RunsPerEmail = ProcessesPerEmail * RunsPerProcess;

QList<qint64> oneToN(int n)
{
    QList<qint64> list;
    for (int i = 1; i <= n; ++i)
        list << i;
    return list;
}

} // namespace

class TestSoakConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void soak()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        ScopedPgDatabase pg(QStringLiteral("fault_soak"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        PgObserver observer(pg.name());
        QVERIFY(observer.isOpen());
        QStringList emails;
        for (int i = 0; i < Emails; ++i) {
            emails << QStringLiteral("soak%1@example.com").arg(i);
            QVERIFY(insertSmallUser(observer, emails.last()));
        }
        const QString ns = uniqueNamespace(QStringLiteral("soak"));
        QMap<QString, QString> env = toolEnv(pg.name());
        env.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        env.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        env.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);

        // One chain per (email, process): each starts its next run when the previous one has ended.
        struct Chain
        {
            QString email;
            int started = 0;
            std::unique_ptr<ToolProcess> tool;
        };
        std::vector<Chain> chains;
        for (const QString &email : emails) {
            for (int p = 0; p < ProcessesPerEmail; ++p)
                chains.push_back(Chain {email, 0, nullptr});
        }
        QMap<QString, QList<qint64>> reported;
        QStringList failures;
        const auto startNext = [&env](Chain &chain) {
            chain.tool = std::make_unique<ToolProcess>();
            ++chain.started;
            return chain.tool->start({QStringLiteral("--email"), chain.email, QStringLiteral("--json")}, env);
        };
        for (Chain &chain : chains)
            QVERIFY(startNext(chain));

        QElapsedTimer timer;
        timer.start();
        int running = int(chains.size());
        while (running > 0 && !timer.hasExpired(540000)) {
            QTest::qWait(20);
            for (Chain &chain : chains) {
                if (!chain.tool || chain.tool->isRunning())
                    continue;
                chain.tool->waitForFinished(1000); // collects the rest of its output
                if (chain.tool->exitCode() != 0) {
                    failures << QString::fromUtf8(chain.tool->describe());
                } else {
                    const QJsonObject report = QJsonDocument::fromJson(chain.tool->out()).object();
                    reported[chain.email] << report.value(QStringLiteral("iteration")).toInteger();
                }
                if (chain.started < RunsPerProcess) {
                    QVERIFY(startNext(chain));
                } else {
                    chain.tool.reset();
                    --running;
                }
            }
        }
        qInfo() << Emails * RunsPerEmail << "runs in" << timer.elapsed() << "ms";
        QCOMPARE(running, 0);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("\n=====\n"))));

        for (const QString &email : emails) {
            QList<qint64> iterations = reported.value(email);
            std::sort(iterations.begin(), iterations.end());
            QCOMPARE(iterations, oneToN(RunsPerEmail)); // the reports: 1..40, no gap, no repeat
            QCOMPARE(pg.ids(QStringLiteral("SELECT iteration FROM find_outliers_runs WHERE email = '%1' ORDER BY 1")
                                .arg(email)),
                     oneToN(RunsPerEmail));
            // Each run flagged one raw and one processed record of the email: one row per iteration in each table.
            QCOMPARE(pg.ids(QStringLiteral("SELECT o.outliers_search_iteration_num FROM outliers_records o JOIN "
                                           "raw_records r ON r.id = o.raw_record_id WHERE r.email = '%1' ORDER BY 1")
                                .arg(email)),
                     oneToN(RunsPerEmail));
            QCOMPARE(pg.ids(QStringLiteral("SELECT o.outliers_search_iteration_num FROM "
                                           "processed_records_outliers_records o JOIN processed_records r ON r.id = "
                                           "o.processed_record_id WHERE r.email = '%1' ORDER BY 1")
                                .arg(email)),
                     oneToN(RunsPerEmail));
            QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
        }
        QCOMPARE(
            pg.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT raw_record_id, outliers_search_iteration_num FROM "
                                    "outliers_records GROUP BY 1, 2 HAVING COUNT(*) > 1) d")),
            0);
        QCOMPARE(
            pg.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT processed_record_id, "
                                    "outliers_search_iteration_num FROM processed_records_outliers_records GROUP BY "
                                    "1, 2 HAVING COUNT(*) > 1) d")),
            0);
        // One timestamp per run: every outlier row carries its run's finished_at.
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records o JOIN raw_records r ON r.id = "
                                         "o.raw_record_id JOIN find_outliers_runs f ON f.email = r.email AND "
                                         "f.iteration = o.outliers_search_iteration_num WHERE "
                                         "o.outliers_search_iteration_datetime <> f.finished_at")),
                 0);
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs")), qint64(Emails * RunsPerEmail));
    }
};

QTEST_GUILESS_MAIN(TestSoakConcurrency)
#include "tst_soak_concurrency.moc"
