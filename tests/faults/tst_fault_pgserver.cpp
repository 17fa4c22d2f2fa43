// The PostgreSQL server itself fails: it is down when the tool starts, it accepts connections but never answers
// (a hung server, a firewall that drops), or it crashes (immediate shutdown) while the write transaction is open.
// These tests stop servers, so they use a cluster of their own, never the shared one of scripts/test.sh.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fo::test;

namespace {

const QString Database = QStringLiteral("records");
constexpr qint64 ConnectTimeoutMs = 10000; // Database::open: connect_timeout=10

} // namespace

class TestFaultPgServer : public QObject
{
    Q_OBJECT

private:
    ScopedPgCluster m_cluster;

    QMap<QString, QString> env(const QString &ns) const
    {
        QMap<QString, QString> vars = m_cluster.env(Database);
        vars.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        vars.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        vars.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);
        return vars;
    }

    std::unique_ptr<PgObserver> observer()
    {
        return std::make_unique<PgObserver>(QStringLiteral("127.0.0.1"), m_cluster.port(), QStringLiteral("postgres"),
                                            QString(), Database);
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        QVERIFY2(m_cluster.init(&error), qPrintable(error));
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(Database, &error), qPrintable(error));
        QVERIFY2(createOwnTables(m_cluster.env(Database), &error), qPrintable(error));
    }

    // The server is stopped: the connection is refused at once.
    void downAtStart()
    {
        const QString email = QStringLiteral("down.at.start@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("pg_down"));
        QString error;
        QVERIFY2(m_cluster.stop(QStringLiteral("fast"), &error), qPrintable(error));
        qint64 elapsed = 0;
        const ToolResult result = runToolTimed({QStringLiteral("--email"), email}, env(ns), 60000, &elapsed);
        QVERIFY2(m_cluster.start(&error), qPrintable(error));

        qInfo().noquote() << "what the user sees:" << result.err;
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(elapsed < ConnectTimeoutMs, qPrintable(QString::number(elapsed)));
        const QByteArray expected =
            "find-outliers: error: Cannot connect to the database postgresql://postgres@127.0.0.1:"
            + QByteArray::number(m_cluster.port()) + "/records: ";
        QVERIFY2(result.err.startsWith(expected), result.err.constData());
        QVERIFY2(result.err.contains("Connection refused"), result.err.constData());
        QVERIFY2(result.err.contains("Check DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_NAME, and that the server "
                                     "is running."),
                 result.err.constData());
        QVERIFY(result.out.isEmpty());
        // Nothing was started: no flag was set.
        QVERIFY(redisGet(ns + email).isNull());
    }

    // Something listens on the port but never answers: the tool gives up after the connect timeout.
    void silentServerTimesOut()
    {
        SilentServer silent;
        QVERIFY(silent.isListening());
        QMap<QString, QString> vars = m_cluster.env(Database);
        vars.insert(QStringLiteral("DB_PORT"), QString::number(silent.port()));
        qint64 elapsed = 0;
        const ToolResult result =
            runToolTimed({QStringLiteral("--email"), QStringLiteral("silent@example.com")}, vars, 60000, &elapsed);
        qInfo().noquote() << "what the user sees after" << elapsed << "ms:" << result.err;
        QCOMPARE(result.exitCode, 1);
        // The connect timeout, plus the tool's start-up (slow on a busy CI machine or under the sanitizers).
        QVERIFY2(elapsed >= ConnectTimeoutMs - 1000 && elapsed < ConnectTimeoutMs + 15000,
                 qPrintable(QString::number(elapsed)));
        QVERIFY2(result.err.contains("error: Cannot connect to the database postgresql://postgres@127.0.0.1:"),
                 result.err.constData());
        QVERIFY2(result.err.contains("timeout expired"), result.err.constData());
    }

    // The server crashes (pg_ctl stop -m immediate) while the tool's write transaction is open: after recovery,
    // nothing of the run is there, and the next run takes iteration 1.
    void crashDuringWrite()
    {
        const QString email = QStringLiteral("crash.during.write@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("pg_crash"));
        QString error;
        {
            std::unique_ptr<PgObserver> watch = observer();
            QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
            QVERIFY(insertSmallUser(*watch, email));
            WriteGate gate(*watch);
            QVERIFY(gate.install());
            QVERIFY(gate.close());
            ToolProcess tool;
            QVERIFY(tool.start({QStringLiteral("--email"), email, QStringLiteral("--no-notify")}, env(ns)));
            QVERIFY2(gate.waitForToolAtGate(30000) > 0, tool.describe().constData());
            QCOMPARE(redisGet(ns + email), QStringLiteral("true"));

            QVERIFY2(m_cluster.stop(QStringLiteral("immediate"), &error), qPrintable(error));
            QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
            qInfo().noquote() << "what the user sees:" << tool.err();
            QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
            QVERIFY2(tool.err().contains("error: Writing find_outliers_run_types failed"), tool.describe().constData());
            QVERIFY2(tool.err().contains("nothing of this run was written"), tool.describe().constData());
            QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
        } // the gate's session died with the server

        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        std::unique_ptr<PgObserver> after = observer();
        QVERIFY2(after->isOpen(), qPrintable(after->lastError()));
        QVERIFY(after->exec(QStringLiteral("DROP TRIGGER IF EXISTS fo_fault_gate ON find_outliers_run_types")));
        // The records committed before the crash are there (the server recovered them)...
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM raw_records")), 31);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM processed_records")), 31);
        // ...and nothing of the run that was writing.
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed' AND "
                                             "email <> 'schema.probe@example.com'")),
                 0);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types")), 0);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), 0);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), 0);

        // The crashed attempt keeps number 1 (still "running": no server could record its end); the next is 2.
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1' AND "
                                             "iteration = 1 AND status IN ('running', 'failed')")
                                  .arg(email)),
                 1);
        const ToolResult again = runTool(
            {QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--json")}, env(ns));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("iteration")).toInt(), 2);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), 1);
        QCOMPARE(after->count(QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), 1);
    }
};

QTEST_GUILESS_MAIN(TestFaultPgServer)
#include "tst_fault_pgserver.moc"
