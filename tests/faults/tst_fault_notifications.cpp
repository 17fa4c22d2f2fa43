// The notifications API (another team's service, docs/platform.md 5) fails in the ways the network fails: it refuses
// connections, answers bytes that are not HTTP, drops the connection after reading the request, answers 5xx, or
// answers later than the timeout (10 s). The run completes and is stored (exit 0), the flag ends "false", and the
// warning names the cause. A user must never get the same message twice, so each test counts, exactly, the requests
// that reached the API: a message is sent again only when it certainly did not arrive (connection refused, 503),
// never after the request went out without an answer, and Qt's own resend of a POST is off.
#include "core/Notifier.h"
#include "core/RunReport.h"
#include "tests/common/HttpStub.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTest>

#include <memory>

using namespace fo::test;

namespace {

const QByteArray NotifyPath = "/notifications-api/api/v1/notifications";

// For refusedThenReachable: starts a stub on a given port when the Notifier says that it will try again, that is
// after the first attempt was refused and before the second one.
struct RetryWatch
{
    static inline QtMessageHandler previous = nullptr;
    static inline quint16 port = 0;
    static inline QObject *context = nullptr;
    static inline std::unique_ptr<HttpStub> *stub = nullptr;

    static void handler(QtMsgType type, const QMessageLogContext &logContext, const QString &message)
    {
        if (context && QThread::currentThread() == context->thread() && logContext.category
            && qstrcmp(logContext.category, "fo.core.notifications") == 0 && message.contains(u"trying again")) {
            QMetaObject::invokeMethod(
                context,
                [] {
                    *stub = std::make_unique<HttpStub>(port);
                    (*stub)->setRoute("POST", "/", HttpStub::Response {200, "{}"});
                },
                Qt::QueuedConnection);
            context = nullptr; // once
        }
        if (previous)
            previous(type, logContext, message);
    }
};

fo::RunReport startReport(const QString &email)
{
    fo::RunReport report;
    report.email = email;
    report.iteration = 7;
    report.startedAt = QDateTime::currentDateTimeUtc();
    return report;
}

} // namespace

class TestFaultNotifications : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

    QMap<QString, QString> env(const QString &baseUrl, const QString &ns) const
    {
        return toolEnv(m_db,
                       {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), baseUrl + QString::fromLatin1(NotifyPath)},
                        {QStringLiteral("REDIS_HOST"), redisServer()->first},
                        {QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second)},
                        {QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns}});
    }

    // The run went on: stored with its outliers, flag reset.
    void verifyStored(const QString &email, const QString &ns)
    {
        QCOMPARE(
            m_observer->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1'").arg(email)),
            1);
        QCOMPARE(m_observer->count(QStringLiteral("SELECT COUNT(*) FROM outliers_records o JOIN raw_records r ON "
                                                  "r.id = o.raw_record_id WHERE r.email = '%1'")
                                       .arg(email)),
                 1);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
    }

    // How many of the stub's requests carry each subject: {start, completion}.
    static QPair<int, int> subjects(const HttpStub &stub)
    {
        QPair<int, int> counts {0, 0};
        for (const HttpStub::Request &request : stub.requests()) {
            const QString subject = QJsonDocument::fromJson(request.body).object().value(u"subject").toString();
            if (subject.endsWith(u"Запуск поиска выбросов"))
                ++counts.first;
            else if (subject.endsWith(u"Завершение поиска выбросов"))
                ++counts.second;
        }
        return counts;
    }

    // Both notifications failed with `verdict` ("was not sent" or "may not have been sent") and `cause`.
    static void verifyWarnings(const ToolResult &result, const QString &email, const QByteArray &verdict,
                               const QByteArray &cause)
    {
        for (const char *what : {"start", "completion"}) {
            const QByteArray warning = "find-outliers: warning: The " + QByteArray(what) + " notification to "
                + email.toUtf8() + ' ' + verdict + " (" + cause;
            QVERIFY2(result.err.contains(warning), QByteArray(warning + "\nnot in:\n" + result.err).constData());
        }
        QCOMPARE(result.err.count(cause), 2);
        if (verdict == "may not have been sent")
            QCOMPARE(result.err.count("It is not sent again, so that the user never gets it twice."), 2);
        else
            QVERIFY2(!result.err.contains("It is not sent again"), result.err.constData());
        QVERIFY2(result.err.contains("The run goes on; check NOTIFICATIONS_API_BASE_URL"), result.err.constData());
        QVERIFY2(result.out.contains("warning: The completion notification"), result.out.constData());
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
        QTest::addColumn<QByteArray>("verdict");
        QTest::addColumn<QByteArray>("cause"); // what the warning must say
        // The requests that reached the stub, per notification. A request that went out without an answer may have
        // been acted on, so it is sent once only, and Qt's own resend of a POST is stopped too (before, the stub
        // saw 5 to 7 requests for the two notifications).
        QTest::addColumn<int>("requestsEach");

        QTest::newRow("connection refused") << QStringLiteral("refused") << QByteArray("was not sent")
                                            << QByteArray("network error: Connection refused") << 0;
        QTest::newRow("malformed reply") << QStringLiteral("malformed") << QByteArray("may not have been sent")
                                         << QByteArray("network error:") << 1;
        QTest::newRow("connection dropped after the request")
            << QStringLiteral("drop") << QByteArray("may not have been sent")
            << QByteArray("network error: Connection closed before an answer") << 1;
    }

    void networkFailures()
    {
        QFETCH(QString, fault);
        QFETCH(QByteArray, verdict);
        QFETCH(QByteArray, cause);
        QFETCH(int, requestsEach);
        const QString email = QStringLiteral("notify.%1@example.com").arg(fault);
        const QString ns = uniqueNamespace(QStringLiteral("notify"));
        QVERIFY(insertSmallUser(*m_observer, email));

        HttpStub stub;
        QVERIFY(stub.isListening());
        HttpStub::Response response;
        response.malformed = fault == QLatin1String("malformed");
        response.dropConnection = fault == QLatin1String("drop");
        stub.setRoute("POST", "/", response);
        const QString baseUrl =
            fault == QLatin1String("refused") ? QStringLiteral("http://127.0.0.1:%1").arg(freePort()) : stub.baseUrl();

        const ToolResult result = runTool({QStringLiteral("--email"), email}, env(baseUrl, ns));
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(stub.requests().size(), 2 * requestsEach);
        QCOMPARE(subjects(stub), qMakePair(requestsEach, requestsEach));
        verifyWarnings(result, email, verdict, cause);
        verifyStored(email, ns);
    }

    // 503 says the API did not act on the request: one more try. Any other 5xx may come after the message was
    // stored or relayed: no second try. A 4xx refused it, and a redirect is reported, not followed: no second try
    // either.
    void serverErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("verdict");
        QTest::addColumn<int>("requestsEach");
        QTest::newRow("503") << 503 << QByteArray("was not sent") << 2;
        QTest::newRow("500") << 500 << QByteArray("may not have been sent") << 1;
        QTest::newRow("502") << 502 << QByteArray("may not have been sent") << 1;
        QTest::newRow("504") << 504 << QByteArray("may not have been sent") << 1;
        QTest::newRow("404") << 404 << QByteArray("was not sent") << 1;
        QTest::newRow("307") << 307 << QByteArray("was not sent") << 1; // not followed: that would send it again
    }

    void serverErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, verdict);
        QFETCH(int, requestsEach);
        const QString email = QStringLiteral("notify.http%1@example.com").arg(status);
        const QString ns = uniqueNamespace(QStringLiteral("notify_http"));
        QVERIFY(insertSmallUser(*m_observer, email));
        HttpStub stub;
        QVERIFY(stub.isListening());
        HttpStub::Response response {status, R"({"detail":"boom"})"};
        if (status / 100 == 3)
            response.headers.insert("Location", "/moved/send_email");
        stub.setRoute("POST", "/", response);
        // Where a redirect leads: an answer of 200, so that following it would be seen (and counted).
        stub.setRoute("*", "/moved", HttpStub::Response {200, "{}"});

        const ToolResult result = runTool({QStringLiteral("--email"), email}, env(stub.baseUrl(), ns));
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(stub.requests().size(), 2 * requestsEach);
        QCOMPARE(subjects(stub), qMakePair(requestsEach, requestsEach));
        verifyWarnings(result, email, verdict, "the API answered HTTP " + QByteArray::number(status));
        verifyStored(email, ns);
    }

    // The start notification gets no answer within the 10 s timeout. The request went out, so it is not sent
    // again; the completion is answered. The run takes about 10 s longer (not 20 s) and completes.
    void slowerThanTheTimeout()
    {
        const QString email = QStringLiteral("notify.slow@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("notify_slow"));
        QVERIFY(insertSmallUser(*m_observer, email));
        HttpStub stub;
        QVERIFY(stub.isListening());
        int seen = 0;
        stub.setHandler([&seen](const HttpStub::Request &) {
            HttpStub::Response response {200, "{}"};
            if (++seen == 1)
                response.delayMs = 15000;
            return response;
        });
        qint64 elapsed = 0;
        const ToolResult result =
            runToolTimed({QStringLiteral("--email"), email}, env(stub.baseUrl(), ns), 120000, &elapsed);
        qInfo().noquote() << "what the user sees after" << elapsed << "ms:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // Qt's transfer timeout runs on a coarse timer, which may fire up to 5 % early: 9.5 s at least.
        QVERIFY2(elapsed >= 9000 && elapsed < 60000, qPrintable(QString::number(elapsed)));
        QCOMPARE(stub.requests().size(), 2);
        QCOMPARE(subjects(stub), qMakePair(1, 1));
        QVERIFY2(result.err.contains(QByteArray("find-outliers: warning: The start notification to " + email.toUtf8()
                                                + " may not have been sent (no answer within 10 s). It is not sent "
                                                  "again, so that the user never gets it twice.")),
                 result.err.constData());
        QVERIFY2(!result.err.contains("The completion notification"), result.err.constData());
        verifyStored(email, ns);
    }

    // In process, the retries that do happen: a refused connection is tried again once (here the API comes up in
    // between), and so is a 503. The message then reaches the API exactly once, and there is no warning.
    void refusedThenReachable()
    {
        const quint16 port = quint16(freePort());
        QVERIFY(port != 0);
        std::unique_ptr<HttpStub> stub;
        QLoggingCategory::setFilterRules(QStringLiteral("fo.core.notifications.info=true"));
        RetryWatch::port = port;
        RetryWatch::stub = &stub;
        RetryWatch::context = this;
        RetryWatch::previous = qInstallMessageHandler(RetryWatch::handler);
        const auto restore = qScopeGuard([] {
            qInstallMessageHandler(RetryWatch::previous);
            RetryWatch::context = nullptr;
            QLoggingCategory::setFilterRules(QString());
        });

        fo::Notifier notifier(QStringLiteral("http://127.0.0.1:%1").arg(port) + QString::fromLatin1(NotifyPath));
        const QString warning = notifier.sendStart(startReport(QStringLiteral("retry.refused@example.com")));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QVERIFY(stub);
        QCOMPARE(stub->requests().size(), 1);
        QCOMPARE(stub->requests().constFirst().path, NotifyPath + "/send_email");
    }

    void serviceUnavailableThenSent()
    {
        HttpStub stub;
        QVERIFY(stub.isListening());
        int seen = 0;
        stub.setHandler([&seen](const HttpStub::Request &) {
            return ++seen == 1 ? HttpStub::Response {503, R"({"detail":"unavailable"})"}
                               : HttpStub::Response {200, "{}"};
        });
        fo::Notifier notifier(stub.baseUrl() + QString::fromLatin1(NotifyPath), QStringLiteral("operator-token"));
        const QString warning = notifier.sendStart(startReport(QStringLiteral("retry.503@example.com")));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(stub.requests().size(), 2);
        // The same message both times, with the operator's token, on a connection of its own.
        QCOMPARE(stub.requests().at(0).body, stub.requests().at(1).body);
        for (const HttpStub::Request &request : stub.requests()) {
            QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer operator-token"));
            QCOMPARE(request.headers.value("connection").toLower(), QByteArray("close"));
            QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
            QCOMPARE(QJsonDocument::fromJson(request.body).object().value(u"to_email").toString(),
                     QStringLiteral("retry.503@example.com"));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultNotifications)
#include "tst_fault_notifications.moc"
