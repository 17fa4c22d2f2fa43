// The database connection dies under the tool: pg_terminate_backend (what a DBA, a failover or the OOM killer
// does) while the records stream in, while the write transaction is open, and while the tool waits for the run
// lock. Every time: exit 1, nothing of the run stored, the Redis flag back to "false", and a message that names
// the cause. The next run then works and takes the number the failed one did not use.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace fo::test;

namespace {

const QString BigUser = QStringLiteral("big.reader@example.com");
constexpr int BigRows = 300000;
const QByteArray Terminated = "terminating connection due to administrator command";
const QByteArray ConnectionClosed = "server closed the connection unexpectedly";

} // namespace

class TestFaultDatabase : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

    QMap<QString, QString> env(const QString &ns, const QMap<QString, QString> &extra = {}) const
    {
        QMap<QString, QString> vars = toolEnv(m_db, extra);
        vars.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        vars.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        vars.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);
        return vars;
    }

    // Everything the tool stores for one email, in all four tables.
    qint64 storedFor(const QString &email)
    {
        const QString e = QStringLiteral("'") + email + QStringLiteral("'");
        return m_observer->count(
            // A failed attempt keeps its number in find_outliers_runs (status failed): only completed runs count.
            QStringLiteral("SELECT (SELECT COUNT(*) FROM find_outliers_runs WHERE email = %1 AND status = 'completed')"
                           " + (SELECT COUNT(*) FROM find_outliers_run_types t JOIN find_outliers_runs r USING (run_id)"
                           "    WHERE r.email = %1)"
                           " + (SELECT COUNT(*) FROM outliers_records o JOIN raw_records x ON x.id = o.raw_record_id"
                           "    WHERE x.email = %1)"
                           " + (SELECT COUNT(*) FROM processed_records_outliers_records o JOIN processed_records x"
                           "    ON x.id = o.processed_record_id WHERE x.email = %1)")
                .arg(e));
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        m_db = createDatabase(QStringLiteral("fault_db"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
        // A user big enough (about 30 MB to stream) that the read can be caught under way, with one spike.
        QVERIFY(insertBigUser(*m_observer, BigUser, BigRows));
        QVERIFY(m_observer->exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                                                "('HeartRateRecord', '%1', '2027-01-01T00:00:00Z', '500')")
                                     .arg(BigUser)));
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    void killedWhileReading_data()
    {
        QTest::addColumn<QString>("readMethod");
        QTest::newRow("COPY read path") << QString();
        QTest::newRow("QtSql read path") << QStringLiteral("qtsql");
    }

    // The backend is terminated while it streams raw_records to the tool: the tool was stopped (SIGSTOP) after
    // its read began, until the server was blocked sending rows; then the backend is terminated and the tool
    // resumed, so that it meets the dead connection in the middle of the rows.
    void killedWhileReading()
    {
        QFETCH(QString, readMethod);
        const QString ns = uniqueNamespace(QStringLiteral("db_read"));
        QMap<QString, QString> extra;
        if (!readMethod.isEmpty())
            extra.insert(QStringLiteral("FO_READ_METHOD"), readMethod);
        int backend = -1;
        qint64 storedBefore = -1;
        ToolProcess tool;
        for (int attempt = 0; attempt < 3 && backend < 0; ++attempt) {
            storedBefore = storedFor(BigUser);
            QVERIFY2(tool.start({QStringLiteral("--email"), BigUser, QStringLiteral("--no-notify")}, env(ns, extra)),
                     tool.err().constData());
            backend = catchToolMidRead(tool, *m_observer, QStringLiteral("raw_records"), 30000);
            if (backend < 0) { // the read was faster than the catch: that run completed; try once more
                QVERIFY(tool.waitForFinished(60000));
                qWarning() << "the read ended before it was caught; again";
            }
        }
        QVERIFY2(backend > 0, "could not catch the tool in the middle of its read");
        QVERIFY(m_observer->terminate(backend));
        QVERIFY(tool.signal(SIGCONT));
        QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());

        qInfo().noquote() << "what the user sees:" << tool.err();
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        QVERIFY2(tool.err().contains("error: Reading raw_records failed"), tool.describe().constData());
        // The cause: the server's own words when they got through; when the backend died with its send buffer
        // full, libpq can only say the connection closed.
        QVERIFY2(tool.err().contains(Terminated) || tool.err().contains(ConnectionClosed), tool.describe().constData());
        QVERIFY2(tool.err().contains("Nothing was written."), tool.describe().constData());
        QVERIFY2(!tool.err().contains("find-outliers: warning"), tool.describe().constData()); // Redis was fine
        QVERIFY(tool.out().isEmpty());
        QCOMPARE(storedFor(BigUser), storedBefore); // the killed run added nothing
        QCOMPARE(redisGet(ns + BigUser), QStringLiteral("false"));
        QCOMPARE(redisTtl(ns + BigUser), -1LL);
    }

    // The backend is terminated inside the write transaction, after the outlier rows went in and before the
    // commit (the tool waits at a gate: a trigger on find_outliers_run_types).
    void killedDuringWrite()
    {
        const QString email = QStringLiteral("write.killed@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("db_write"));
        QVERIFY(insertSmallUser(*m_observer, email));
        {
            WriteGate gate(*m_observer);
            QVERIFY2(gate.install(), qPrintable(m_observer->lastError()));
            QVERIFY(gate.close());
            ToolProcess tool;
            QVERIFY(tool.start({QStringLiteral("--email"), email, QStringLiteral("--no-notify")}, env(ns)));
            const int backend = gate.waitForToolAtGate(30000);
            QVERIFY2(backend > 0, tool.describe().constData());
            // Under way: the flag says so, and the outlier rows are in, but not committed.
            QCOMPARE(redisGet(ns + email), QStringLiteral("true"));
            QVERIFY(m_observer->backendMatches(backend, QStringLiteral("xact_start IS NOT NULL")));
            QCOMPARE(storedFor(email), 0);

            QVERIFY(m_observer->terminate(backend));
            QVERIFY(gate.open());
            QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
            qInfo().noquote() << "what the user sees:" << tool.err();
            QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
            QVERIFY2(tool.err().contains("error: Writing find_outliers_run_types failed"), tool.describe().constData());
            QVERIFY2(tool.err().contains(Terminated), tool.describe().constData());
            QVERIFY2(tool.err().contains("nothing of this run was written"), tool.describe().constData());
            QVERIFY(m_observer->waitForBackendGone(backend, 10000));
        }
        QCOMPARE(storedFor(email), 0);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));

        // The failed attempt keeps number 1, recorded as failed (through a fresh connection); the next run is 2.
        QCOMPARE(m_observer->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1' AND "
                                                  "iteration = 1 AND status = 'failed'")
                                       .arg(email)),
                 1);
        const ToolResult again = runTool(
            {QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--json")}, env(ns));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("iteration")).toInt(), 2);
        QCOMPARE(storedFor(email), 1 + 2 + 1 + 1); // a run, two type rows, a raw and a processed outlier
    }

    // The backend is terminated while the tool waits for another run of the same email to finish.
    void killedWhileWaitingForTheRunLock()
    {
        const QString email = QStringLiteral("lock.killed@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("db_lock"));
        QVERIFY(insertSmallUser(*m_observer, email));
        QVERIFY(m_observer->lockRun(email));
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email, QStringLiteral("--no-notify")}, env(ns)));
        QVERIFY2(tool.waitForStderr("is under way; waiting", 30000), tool.describe().constData());
        const int backend = m_observer->waitForToolBackend(QStringLiteral("true"), 10000);
        QVERIFY(backend > 0);
        QVERIFY(m_observer->terminate(backend));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        QVERIFY(m_observer->unlockRun(email));

        qInfo().noquote() << "what the user sees:" << tool.err();
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        QVERIFY2(tool.err().contains(QByteArray("error: Taking the run lock for " + email.toUtf8() + " failed")),
                 tool.describe().constData());
        QVERIFY2(tool.err().contains(Terminated), tool.describe().constData());
        QCOMPARE(storedFor(email), 0);
        // The flag is set only once the lock is held: it was never "true" for this run.
        QVERIFY(redisGet(ns + email).isNull());
    }
};

QTEST_GUILESS_MAIN(TestFaultDatabase)
#include "tst_fault_database.moc"
