// The notifications API (another team's service, PLATFORM.md 5) fails in the ways the network fails: it refuses
// connections, answers bytes that are not HTTP, drops the connection, or answers later than the timeout (10 s).
// The run completes and is stored (exit 0), the flag ends "false", and the warning names the cause. (HTTP 500 and
// 404 are covered by tests/e2e/tst_cli_pg.cpp.)
#include "E2eSupport.h"
#include "FaultSupport.h"
#include "HttpStub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fo::test;

namespace {

const QByteArray NotifyPath = "/notifications-api/api/v1/notifications";

} // namespace

class TestFaultNotifications : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

    QMap<QString, QString> env(const QString &baseUrl, const QString &ns) const
    {
        return toolEnv(m_db, {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), baseUrl + QString::fromLatin1(NotifyPath)},
                              {QStringLiteral("REDIS_HOST"), redisServer()->first},
                              {QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second)},
                              {QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns}});
    }

    // The run went on: stored with its outliers, flag reset.
    void verifyStored(const QString &email, const QString &ns)
    {
        QCOMPARE(m_observer->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1'").arg(email)),
                 1);
        QCOMPARE(m_observer->count(QStringLiteral("SELECT COUNT(*) FROM outliers_records o JOIN raw_records r ON "
                                                  "r.id = o.raw_record_id WHERE r.email = '%1'")
                                       .arg(email)),
                 1);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        m_db = createDatabase(QStringLiteral("fault_notify"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    void networkFailures_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QByteArray>("cause"); // what the warning must say
        // What reached the stub at least: each notification is tried twice by the tool, and Qt's HTTP layer itself
        // sends a request again when the connection closes before an answer (so a dropped connection can reach
        // the API more often: see the README).
        QTest::addColumn<int>("minRequests");

        QTest::newRow("connection refused") << QStringLiteral("refused") << QByteArray("network error: Connection refused")
                                            << 0;
        QTest::newRow("malformed reply") << QStringLiteral("malformed") << QByteArray("network error:") << 4;
        QTest::newRow("connection dropped") << QStringLiteral("drop") << QByteArray("network error:") << 4;
    }

    void networkFailures()
    {
        QFETCH(QString, fault);
        QFETCH(QByteArray, cause);
        QFETCH(int, minRequests);
        const QString email = QStringLiteral("notify.%1@example.com").arg(fault);
        const QString ns = uniqueNamespace(QStringLiteral("notify"));
        QVERIFY(insertSmallUser(*m_observer, email));

        HttpStub stub;
        QVERIFY(stub.isListening());
        HttpStub::Response response;
        response.malformed = fault == QLatin1String("malformed");
        response.dropConnection = fault == QLatin1String("drop");
        stub.setRoute("POST", "/", response);
        const QString baseUrl = fault == QLatin1String("refused")
            ? QStringLiteral("http://127.0.0.1:%1").arg(freePort())
            : stub.baseUrl();

        const ToolResult result = runTool({QStringLiteral("--email"), email}, env(baseUrl, ns));
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(stub.requests().size() >= minRequests, qPrintable(QString::number(stub.requests().size())));
        if (minRequests == 0)
            QCOMPARE(stub.requests().size(), 0);
        for (const char *what : {"start", "completion"}) {
            const QByteArray warning = "find-outliers: warning: The " + QByteArray(what) + " notification to "
                + email.toUtf8() + " was not sent (";
            QVERIFY2(result.err.contains(warning), result.err.constData());
        }
        QCOMPARE(result.err.count(cause), 2);
        QVERIFY2(result.err.contains("The run goes on; check NOTIFICATIONS_API_BASE_URL"), result.err.constData());
        QVERIFY2(result.out.contains("warning: The completion notification"), result.out.constData());
        verifyStored(email, ns);
    }

    // The start notification gets no answer within the 10 s timeout, twice (one retry); the completion is
    // answered. The run takes 20 s longer and completes.
    void slowerThanTheTimeout()
    {
        const QString email = QStringLiteral("notify.slow@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("notify_slow"));
        QVERIFY(insertSmallUser(*m_observer, email));
        HttpStub stub;
        QVERIFY(stub.isListening());
        int seen = 0;
        stub.setHandler([&seen](const HttpStub::Request &) {
            HttpStub::Response response{200, "{}"};
            if (++seen <= 2)
                response.delayMs = 15000;
            return response;
        });
        qint64 elapsed = 0;
        const ToolResult result = runToolTimed({QStringLiteral("--email"), email}, env(stub.baseUrl(), ns), 120000, &elapsed);
        qInfo().noquote() << "what the user sees after" << elapsed << "ms:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(elapsed >= 20000 && elapsed < 60000, qPrintable(QString::number(elapsed)));
        QCOMPARE(stub.requests().size(), 3);
        QVERIFY2(result.err.contains(QByteArray("find-outliers: warning: The start notification to " + email.toUtf8()
                                                + " was not sent (no answer within 10 s)")),
                 result.err.constData());
        QVERIFY2(!result.err.contains("The completion notification"), result.err.constData());
        verifyStored(email, ns);
    }
};

QTEST_GUILESS_MAIN(TestFaultNotifications)
#include "tst_fault_notifications.moc"
