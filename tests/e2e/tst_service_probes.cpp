// The service probes of core/ (DatabaseProbe, RedisProbe, HttpProbe), which the desktop's status bar and settings ask,
// against the real PostgreSQL and Redis of scripts/test.sh, local stand-ins for the HTTP APIs, and sockets that
// refuse, answer in another protocol or say nothing.
#include "core/DatabaseProbe.h"
#include "core/HttpProbe.h"
#include "core/RedisProbe.h"
#include "tests/common/HttpStub.h"
#include "tests/common/TestEnv.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

#include <memory>
#include <optional>

using namespace fo;
using namespace fo::test;
using namespace std::chrono_literals;

namespace {

// A port nothing listens on: one the system gave a listener that is closed again.
int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestServiceProbes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void databaseAnswers();
    void databaseOnAClosedPort();
    void redisAnswersPing();
    void redisOnAClosedPort();
    void redisNotConfigured();
    void redisSilentServerTimesOut();
    void redisAnotherProtocol();
    void redisAnswerReachesItsContextOnly();
    void httpExpectedStatusesAndWarnings();
    void notificationsApiCheck();

private:
    std::optional<std::pair<QString, int>> m_redis;
};

void TestServiceProbes::initTestCase()
{
    m_redis = redisServer();
    QVERIFY2(m_redis, "No test Redis (scripts/test-services.sh starts one)");
    QVERIFY2(pgServer(), "No test PostgreSQL (scripts/test-services.sh starts one)");
}

void TestServiceProbes::databaseAnswers()
{
    const ProbeAnswer answer = DatabaseProbe::check(pgConfig(QStringLiteral("postgres")));
    QVERIFY2(answer.ok(), qPrintable(answer.message));
    QVERIFY2(answer.message.startsWith(QStringLiteral("Connected to ")), qPrintable(answer.message));
}

void TestServiceProbes::databaseOnAClosedPort()
{
    Config config = pgConfig(QStringLiteral("postgres"));
    config.dbPort = closedPort();
    const ProbeAnswer answer = DatabaseProbe::check(config);
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Failed);
    QVERIFY2(answer.message.contains(QString::number(config.dbPort)), qPrintable(answer.message));
}

void TestServiceProbes::redisAnswersPing()
{
    const ProbeAnswer answer = RedisProbe::ping(m_redis->first, m_redis->second);
    QVERIFY2(answer.ok(), qPrintable(answer.message));
    QCOMPARE(answer.message, QStringLiteral("Redis at %1:%2 answers.").arg(m_redis->first).arg(m_redis->second));
}

void TestServiceProbes::redisOnAClosedPort()
{
    const int port = closedPort();
    const ProbeAnswer answer = RedisProbe::ping(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Failed);
    QVERIFY2(answer.message.startsWith(QStringLiteral("Cannot reach Redis at 127.0.0.1:%1: ").arg(port)),
             qPrintable(answer.message));
}

void TestServiceProbes::redisNotConfigured()
{
    const ProbeAnswer answer = RedisProbe::ping(QStringLiteral("  "), 6379);
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::NotConfigured);
    QVERIFY(!answer.ok());
}

void TestServiceProbes::redisSilentServerTimesOut()
{
    // The kernel accepts the connection; nobody reads or answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const ProbeAnswer answer = RedisProbe::ping(QStringLiteral("127.0.0.1"), silent.serverPort(), 1000ms);
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Failed);
    QVERIFY2(answer.message.contains(QStringLiteral("did not answer within 1 second")), qPrintable(answer.message));
}

void TestServiceProbes::redisAnotherProtocol()
{
    // A server that greets in its own protocol, as SSH does (here on this thread's event loop, so the probe runs on
    // the pool).
    QTcpServer greeter;
    QVERIFY(greeter.listen(QHostAddress::LocalHost));
    connect(&greeter, &QTcpServer::newConnection, &greeter, [&greeter] {
        while (QTcpSocket *socket = greeter.nextPendingConnection())
            socket->write("SSH-2.0-OpenSSH_9.2\r\n");
    });
    QObject context;
    std::optional<ProbeAnswer> answer;
    RedisProbe::ping(QStringLiteral("127.0.0.1"), greeter.serverPort(), &context,
                     [&answer](const ProbeAnswer &a) { answer = a; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QCOMPARE(answer->outcome, ProbeAnswer::Outcome::Failed);
    QCOMPARE(answer->message,
             QStringLiteral("127.0.0.1:%1 answered, but not like a Redis server.").arg(greeter.serverPort()));
}

void TestServiceProbes::redisAnswerReachesItsContextOnly()
{
    // The answer comes back on the context's thread while it lives...
    QObject context;
    std::optional<ProbeAnswer> answer;
    QThread *answeredOn = nullptr;
    RedisProbe::ping(m_redis->first, m_redis->second, &context, [&](const ProbeAnswer &a) {
        answer = a;
        answeredOn = QThread::currentThread();
    });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->ok(), qPrintable(answer->message));
    QCOMPARE(answeredOn, QThread::currentThread());

    // ...and never once it is gone (a window closed while its probe still waits).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    bool called = false;
    auto gone = std::make_unique<QObject>();
    RedisProbe::ping(
        QStringLiteral("127.0.0.1"), silent.serverPort(), gone.get(), [&called](const ProbeAnswer &) { called = true; },
        300ms);
    gone.reset();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!called);
}

void TestServiceProbes::httpExpectedStatusesAndWarnings()
{
    HttpStub stub;
    QVERIFY(stub.isListening());
    stub.setRoute("GET", "/needs-token", HttpStub::Response {401, "{}"});
    stub.setRoute("GET", "/fine", HttpStub::Response {200, "{}"});
    HttpProbe probe;
    probe.setTimeout(5000ms);

    const auto check = [&](const QString &path, const QList<int> &expected) {
        std::optional<ProbeAnswer> answer;
        probe.check(path.isEmpty() ? QString() : stub.baseUrl() + path, expected, QStringLiteral("as it should"), this,
                    [&answer](const ProbeAnswer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
        return answer.value_or(ProbeAnswer {ProbeAnswer::Outcome::Failed, QStringLiteral("no answer")});
    };
    ProbeAnswer answer = check(QStringLiteral("/needs-token"), {401});
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Ok);
    QVERIFY2(answer.message.contains(QStringLiteral("HTTP 401: as it should")), qPrintable(answer.message));
    answer = check(QStringLiteral("/needs-token"), {405});
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Warning);
    answer = check(QStringLiteral("/missing"), {401}); // the stub's 404: the address is wrong
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Warning);
    QVERIFY2(answer.message.contains(QStringLiteral("HTTP 404")), qPrintable(answer.message));
    answer = check(QStringLiteral("/fine"), {401});
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Ok);
    answer = check(QString(), {401});
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::NotConfigured);

    // probe(): any HTTP answer means the service is there; a closed port is not.
    std::optional<ProbeAnswer> reached;
    probe.probe(stub.baseUrl() + QStringLiteral("/missing"), this, [&reached](const ProbeAnswer &a) { reached = a; });
    QTRY_VERIFY_WITH_TIMEOUT(reached.has_value(), 10000);
    QVERIFY2(reached->ok(), qPrintable(reached->message));
    reached.reset();
    probe.probe(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()), this,
                [&reached](const ProbeAnswer &a) { reached = a; });
    QTRY_VERIFY_WITH_TIMEOUT(reached.has_value(), 10000);
    QCOMPARE(reached->outcome, ProbeAnswer::Outcome::Failed);
    QVERIFY2(reached->message.startsWith(QStringLiteral("Cannot reach ")), qPrintable(reached->message));
}

// The notifications API's check, which the status bar and the settings share: a GET of send_email (POST only: 405
// when the address is right, and nothing is sent); a 404 there is a wrong address, a Warning.
void TestServiceProbes::notificationsApiCheck()
{
    HttpStub stub;
    QVERIFY(stub.isListening());
    stub.setRoute("GET", "/notifications/send_email", HttpStub::Response {405, R"({"detail":"Method Not Allowed"})"});
    HttpProbe probe;
    probe.setTimeout(5000ms);
    const auto check = [&](const QString &base) {
        std::optional<ProbeAnswer> answer;
        probe.checkNotificationsApi(base, this, [&answer](const ProbeAnswer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
        return answer.value_or(ProbeAnswer {ProbeAnswer::Outcome::Failed, QStringLiteral("no answer")});
    };
    ProbeAnswer answer = check(stub.baseUrl() + QStringLiteral("/notifications"));
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Ok);
    QVERIFY2(answer.message.contains(QStringLiteral("/notifications/send_email answers (HTTP 405")),
             qPrintable(answer.message));
    answer = check(stub.baseUrl() + QStringLiteral("/notifications/")); // a trailing slash is the same address
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Ok);
    answer = check(stub.baseUrl()); // a server, but not the API at that path
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::Warning);
    QVERIFY2(answer.message.contains(QStringLiteral("answered HTTP 404: check the address")),
             qPrintable(answer.message));
    answer = check(QString());
    QCOMPARE(answer.outcome, ProbeAnswer::Outcome::NotConfigured);
    // Only GETs: nothing was sent.
    for (const HttpStub::Request &request : stub.requests())
        QCOMPARE(request.method, QByteArray("GET"));
}

QTEST_GUILESS_MAIN(TestServiceProbes)
#include "tst_service_probes.moc"
