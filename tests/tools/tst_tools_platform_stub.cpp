// scripts/platform-stub.py against the app's own clients: the desktop's AuthSession signs in, restores a stored
// session, renews an expired access token and gives up when the refresh token has expired too; the core's Notifier
// sends the start and completion messages, which land as HTML files. If the stub and the clients drift apart,
// scripts/try-desktop.sh stops working for a new user: this test says so first.

#include "core/Notifier.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fo;

namespace {

// The Python stub as a child process on a free loopback port, its log collected.
class PythonStub
{
public:
    bool start(const QString &dir, const QStringList &extra)
    {
        m_mailDir = dir + QStringLiteral("/mail");
        const QString portFile = dir + QStringLiteral("/port");
        QFile::remove(portFile);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8")); // the subjects are Russian
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { m_log += m_process.readAll(); });
        const QString script = qEnvironmentVariable("FO_SOURCE_DIR") + QStringLiteral("/scripts/platform-stub.py");
        m_process.start(QStringLiteral("python3"),
                        QStringList {script, QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--port-file"), portFile, QStringLiteral("--mail-dir"), m_mailDir}
                            + extra);
        if (!m_process.waitForStarted(10000))
            return false;
        QFile file(portFile);
        for (int i = 0; i < 200 && !file.exists(); ++i) {
            if (m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(50);
        }
        if (!file.open(QIODevice::ReadOnly))
            return false;
        m_port = file.readAll().trimmed().toInt();
        return m_port > 0;
    }

    ~PythonStub()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString notificationsUrl() const { return origin() + QStringLiteral("/notifications-api/api/v1/notifications"); }
    QString mailDir() const { return m_mailDir; }

    QString log()
    {
        m_log += m_process.readAll();
        return QString::fromUtf8(m_log);
    }
    int count(const QString &needle) { return int(log().count(needle)); }

private:
    QProcess m_process;
    QByteArray m_log;
    QString m_mailDir;
    int m_port = 0;
};

const QString SupportEmail = QStringLiteral("support@example.com");
const QString SignIn = QStringLiteral("GET /auth-api/api/v1/auth/auth-test-account?test_account_login=support -> 200");
const QString MeOk = QStringLiteral("GET /auth-api/api/v1/auth/users/me -> 200");
const QString MeExpired = QStringLiteral("GET /auth-api/api/v1/auth/users/me -> 401  access token refused: expired");
const QString RefreshOk = QStringLiteral("POST /auth-api/api/v1/auth/refresh -> 200");
const QString RefreshExpired = QStringLiteral("POST /auth-api/api/v1/auth/refresh -> 401  refresh refused: expired");

} // namespace

class TestToolsPlatformStub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInReadsTheUser();
    void unknownLoginIsReported();
    void storedSessionIsRestored();
    void expiredAccessTokenIsRenewedThenSessionExpires();
    void notificationsAreSavedAsHtml();

private:
    bool signIn(AuthSession &session);

    QTemporaryDir m_tmp;
    PythonStub m_stub;
    SecretStore m_secrets;
};

void TestToolsPlatformStub::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(!qEnvironmentVariableIsEmpty("FO_SOURCE_DIR"), "FO_SOURCE_DIR is set by fo_add_test");
    QVERIFY2(m_stub.start(m_tmp.path(), {}), qPrintable(m_stub.log()));
}

bool TestToolsPlatformStub::signIn(AuthSession &session)
{
    QSignalSpy signedIn(&session, &AuthSession::signedIn);
    QSignalSpy stored(&session, &AuthSession::tokensStored);
    session.signInWithTestAccount(QStringLiteral("support"));
    // Signed in, and the tokens have reached the keychain (or its in-memory fallback).
    return signedIn.wait(15000) && (stored.count() > 0 || stored.wait(15000));
}

void TestToolsPlatformStub::signInReadsTheUser()
{
    AuthSession session(&m_secrets);
    session.setOrigin(m_stub.origin());
    QVERIFY(signIn(session));
    QCOMPARE(session.user().email, SupportEmail);
    QCOMPARE(session.user().name, QStringLiteral("Sam Support"));
    QVERIFY(session.user().testUser);
    QVERIFY(!session.user().googleSub.isEmpty());
    // A JWT: header.payload.signature.
    QCOMPARE(session.accessToken().count(QLatin1Char('.')), 2);
    QCOMPARE(m_stub.count(SignIn), 1);
    QCOMPARE(m_stub.count(MeOk), 1);
}

void TestToolsPlatformStub::unknownLoginIsReported()
{
    AuthSession session(&m_secrets);
    session.setOrigin(m_stub.origin());
    QSignalSpy failed(&session, &AuthSession::signInFailed);
    session.signInWithTestAccount(QStringLiteral("nobody"));
    QVERIFY(failed.wait(15000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("nobody")) && message.contains(QStringLiteral("does not know")),
             qPrintable(message));
    QVERIFY(!session.isSignedIn());
}

void TestToolsPlatformStub::storedSessionIsRestored()
{
    // What the window does at the next start: the stored refresh token, a refresh, users/me.
    const int refreshes = m_stub.count(RefreshOk);
    AuthSession next(&m_secrets);
    next.setOrigin(m_stub.origin());
    QSignalSpy restored(&next, &AuthSession::restoreFinished);
    next.restore();
    QVERIFY(restored.wait(15000));
    QCOMPARE(restored.first().first().toBool(), true);
    QCOMPARE(next.user().email, SupportEmail);
    QCOMPARE(m_stub.count(RefreshOk), refreshes + 1);
}

void TestToolsPlatformStub::expiredAccessTokenIsRenewedThenSessionExpires()
{
    // A stub of its own with short lifetimes (--access-ttl, --refresh-ttl), as a user would start it to watch.
    QTemporaryDir dir;
    PythonStub shortLived;
    QVERIFY2(shortLived.start(dir.path(),
                              {QStringLiteral("--access-ttl"), QStringLiteral("2"), QStringLiteral("--refresh-ttl"),
                               QStringLiteral("5")}),
             qPrintable(shortLived.log()));
    AuthSession session(&m_secrets);
    session.setOrigin(shortLived.origin());
    QVERIFY(signIn(session));

    // The access token expires: users/me answers 401, the session refreshes once and reads the user again.
    QTest::qWait(2500);
    QSignalSpy signedIn(&session, &AuthSession::signedIn);
    session.refreshUser();
    QVERIFY(signedIn.wait(15000));
    QVERIFY(session.isSignedIn());
    QCOMPARE(shortLived.count(MeExpired), 1);
    QCOMPARE(shortLived.count(RefreshOk), 1);

    // Both tokens expire: the refresh is refused and the window is asked to bring the sign-in back.
    QTest::qWait(5500);
    QSignalSpy expired(&session, &AuthSession::sessionExpired);
    session.refreshUser();
    QVERIFY(expired.wait(15000));
    QVERIFY(!session.isSignedIn());
    QCOMPARE(shortLived.count(RefreshExpired), 1);
}

void TestToolsPlatformStub::notificationsAreSavedAsHtml()
{
    AuthSession session(&m_secrets);
    session.setOrigin(m_stub.origin());
    QVERIFY(signIn(session));

    RunReport report;
    report.email = QStringLiteral("demo@example.com");
    report.iteration = 3;
    report.startedAt = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    report.finishedAt = report.startedAt.addSecs(60);
    report.raw.types.append(TypeReport {QStringLiteral("HeartRateRecord"), 10, 10, 0, 70.0, 5.0, 3.0, {}, {}});
    report.raw.rows = 10;

    Notifier notifier(m_stub.notificationsUrl(), session.accessToken());
    QCOMPARE(notifier.sendStart(report), QString());
    QCOMPARE(notifier.sendCompletion(report), QString());

    const QStringList files = QDir(m_stub.mailDir()).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 2);
    const QString subjects[] = {Notifier::startSubject(3), Notifier::completionSubject(3)};
    const QString bodies[] = {Notifier::startHtml(report), Notifier::completionHtml(report)};
    for (int i = 0; i < 2; ++i) {
        QFile file(m_stub.mailDir() + QLatin1Char('/') + files.at(i));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(bodies[i]), qPrintable(files.at(i))); // the message exactly as the client sent it
        QVERIFY(text.contains(QStringLiteral("<title>%1</title>").arg(subjects[i])));
        // The log names the recipient and the subject.
        QVERIFY2(m_stub.log().contains(QStringLiteral("to demo@example.com: '%1'").arg(subjects[i])),
                 qPrintable(m_stub.log()));
    }
}

QTEST_GUILESS_MAIN(TestToolsPlatformStub)
#include "tst_tools_platform_stub.moc"
