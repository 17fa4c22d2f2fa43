// Redis is advisory (docs/platform.md 4): when it is down at the start, killed during the run, restarted during the
// run, or hung, the run still completes and is stored (exit 0), and the user gets a warning that names Redis and
// the cause. These tests kill servers, so they use Redis servers of their own, never the shared one.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fo::test;

class TestFaultRedis : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

    QMap<QString, QString> env(int redisPort, const QString &ns) const
    {
        return toolEnv(m_db,
                       {{QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
                        {QStringLiteral("REDIS_PORT"), QString::number(redisPort)},
                        {QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns}});
    }

    qint64 runsOf(const QString &email)
    {
        return m_observer->count(
            QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1'").arg(email));
    }

    qint64 outliersOf(const QString &email)
    {
        return m_observer->count(QStringLiteral("SELECT COUNT(*) FROM outliers_records o JOIN raw_records r ON "
                                                "r.id = o.raw_record_id WHERE r.email = '%1'")
                                     .arg(email));
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        QString error;
        m_db = createDatabase(QStringLiteral("fault_redis"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    // Nothing listens on REDIS_PORT: both writes of the flag fail at once; the run is stored.
    void downAtStart()
    {
        const QString email = QStringLiteral("redis.down@example.com");
        QVERIFY(insertSmallUser(*m_observer, email));
        const int port = freePort();
        const ToolResult result =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--json")}, env(port, QStringLiteral("NS-")));
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QByteArray where =
            "cannot connect to Redis at 127.0.0.1:" + QByteArray::number(port) + " (Connection refused)";
        QVERIFY2(result.err.contains(QByteArray("find-outliers: warning: Could not set the Redis flag NS-"
                                                + email.toUtf8() + " to \"true\"")),
                 result.err.constData());
        QVERIFY2(result.err.contains(QByteArray("find-outliers: warning: Could not set the Redis flag NS-"
                                                + email.toUtf8() + " to \"false\"")),
                 result.err.constData());
        QCOMPARE(result.err.count(where), 2);
        QVERIFY2(result.err.contains("The run goes on; check REDIS_HOST and REDIS_PORT."), result.err.constData());
        // The JSON report carries the warnings too, and the run is stored.
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(report.value(QStringLiteral("warnings")).toArray().size(), 2);
        QCOMPARE(runsOf(email), 1);
        QCOMPARE(outliersOf(email), 1);
    }

    // Redis is killed (SIGKILL) while the run is in its write transaction: the flag said "true" until then; the
    // run is stored and the failed reset is a warning.
    void killedDuringRun()
    {
        const QString email = QStringLiteral("redis.killed@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("redis_killed"));
        QVERIFY(insertSmallUser(*m_observer, email));
        ScopedRedisServer redis;
        QVERIFY(redis.start());
        WriteGate gate(*m_observer);
        QVERIFY(gate.install());
        QVERIFY(gate.close());
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(redis.port(), ns)));
        QVERIFY2(gate.waitForToolAtGate(30000) > 0, tool.describe().constData());
        QCOMPARE(redis.get(ns + email), QStringLiteral("true"));
        const long long ttl = redis.ttl(ns + email);
        QVERIFY2(ttl > 3500 && ttl <= 3600, qPrintable(QString::number(ttl)));

        redis.kill();
        QVERIFY(gate.open());
        QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
        qInfo().noquote() << "what the user sees:" << tool.err();
        QVERIFY2(tool.exitCode() == 0, tool.describe().constData());
        QVERIFY2(tool.err().contains(QByteArray("find-outliers: warning: Could not set the Redis flag " + ns.toUtf8()
                                                + email.toUtf8() + " to \"false\"")),
                 tool.describe().constData());
        QVERIFY2(
            tool.err().contains(QByteArray("cannot connect to Redis at 127.0.0.1:" + QByteArray::number(redis.port()))),
            tool.describe().constData());
        QVERIFY2(!tool.err().contains("to \"true\""), tool.describe().constData()); // that one worked
        QVERIFY2(tool.out().contains("warning: Could not set the Redis flag"), tool.describe().constData());
        QCOMPARE(runsOf(email), 1);
        QCOMPARE(outliersOf(email), 1);
    }

    // Redis restarts (killed, then up again on the same port, empty) during the run: the tool reconnects for the
    // final write, so the flag ends "false" and there is no warning.
    void restartedDuringRun()
    {
        const QString email = QStringLiteral("redis.restarted@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("redis_restarted"));
        QVERIFY(insertSmallUser(*m_observer, email));
        ScopedRedisServer redis;
        QVERIFY(redis.start());
        WriteGate gate(*m_observer);
        QVERIFY(gate.install());
        QVERIFY(gate.close());
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(redis.port(), ns)));
        QVERIFY2(gate.waitForToolAtGate(30000) > 0, tool.describe().constData());
        QCOMPARE(redis.get(ns + email), QStringLiteral("true"));

        const int port = redis.port();
        redis.kill();
        QVERIFY(redis.start(port));
        QVERIFY(redis.get(ns + email).isNull()); // a new, empty server
        QVERIFY(gate.open());
        QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
        QVERIFY2(tool.exitCode() == 0, tool.describe().constData());
        QVERIFY2(!tool.err().contains("warning"), tool.describe().constData());
        QCOMPARE(redis.get(ns + email), QStringLiteral("false"));
        QCOMPARE(redis.ttl(ns + email), -1LL);
        QCOMPARE(runsOf(email), 1);
    }

    // Redis accepts the connection and never answers: each write gives up after its timeout (2 s, one retry), so
    // the run is late by about 8 s but completes.
    void hungServer()
    {
        const QString email = QStringLiteral("redis.hung@example.com");
        QVERIFY(insertSmallUser(*m_observer, email));
        SilentServer silent;
        QVERIFY(silent.isListening());
        qint64 elapsed = 0;
        const ToolResult result = runToolTimed({QStringLiteral("--email"), email},
                                               env(silent.port(), QStringLiteral("NS-")), 60000, &elapsed);
        qInfo().noquote() << "what the user sees after" << elapsed << "ms:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(elapsed < 30000, qPrintable(QString::number(elapsed))); // about 8 s, more on a busy machine
        QCOMPARE(result.err.count("find-outliers: warning: Could not set the Redis flag"), 2);
        QVERIFY2(result.err.contains("did not answer"), result.err.constData());
        QCOMPARE(runsOf(email), 1);
    }
};

QTEST_GUILESS_MAIN(TestFaultRedis)
#include "tst_fault_redis.moc"
