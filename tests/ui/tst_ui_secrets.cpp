// The operator's tokens and the database password stay secret: they never appear in a settings file, in anything
// logged with every logging category on (QT_LOGGING_RULES="*=true"), or on the command line (or in the environment)
// of the process. Checked in this process over a whole session (settings, sign-in, a run that notifies the user with
// the operator's token, a token refresh, sign-out), and on the real desktop application started with the secrets in
// the keychain.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/status/ServiceIndicator.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {

// Every token the auth stand-in hands out starts with one of these (AuthApiStub: "access-<login>-<n>").
const QByteArray AccessTokenMark = "access-support";
const QByteArray RefreshTokenMark = "refresh-support";

QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_testHandler = nullptr;

// Keeps every message, formatted as it would reach stderr; passes warnings on to the test's log.
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += qFormatLogMessage(type, context, message).toUtf8();
        g_log += QByteArrayLiteral(" [") + QByteArray(context.category ? context.category : "") + "]\n";
    }
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) && g_testHandler)
        g_testHandler(type, context, message);
}

QByteArray capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log;
}

// What of `secrets` is in `bytes` (empty: none).
QString leaks(const QByteArray &bytes, const QList<QByteArray> &secrets)
{
    QStringList found;
    for (const QByteArray &secret : secrets)
        if (!secret.isEmpty() && bytes.contains(secret))
            found.append(QString::fromUtf8(secret.left(8)) + QStringLiteral("…"));
    return found.join(QStringLiteral(", "));
}

// Every regular file under `dir` that holds one of `secrets`.
QStringList filesHolding(const QString &dir, const QList<QByteArray> &secrets)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && !leaks(file.readAll(), secrets).isEmpty())
            found.append(file.fileName());
    }
    return found;
}

// The notifications API's GETs: the status bar's probe (a run's notification is a POST).
int probesOf(const HttpStub &stub)
{
    int n = 0;
    for (const HttpStub::Request &request : stub.requests())
        n += request.method == "GET" ? 1 : 0;
    return n;
}

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QString::fromLatin1(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The process and its descendants, from /proc/<pid>/task/<tid>/children.
QList<qint64> processTree(qint64 pid)
{
    QList<qint64> all {pid};
    for (int i = 0; i < all.size(); ++i) {
        QDirIterator tasks(QStringLiteral("/proc/%1/task").arg(all[i]), QDir::Dirs | QDir::NoDotAndDotDot);
        while (tasks.hasNext()) {
            QFile children(tasks.next() + QStringLiteral("/children"));
            if (!children.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &child : children.readAll().simplified().split(' '))
                if (!child.isEmpty())
                    all.append(child.toLongLong());
        }
    }
    return all;
}

} // namespace

class TestUiSecrets : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void passwordTypedInTheSettings();
    void signInAndRunWithTheOperatorsToken();
    void desktopProcessKeepsSecretsOutOfLogsAndCommandLine();
    void signOut();
    void nothingLoggedOrStoredInPlainText();

private:
    // What must never appear: the tokens and the database password.
    QList<QByteArray> secretTexts() const;

    std::optional<PgServer> m_pg;
};

QList<QByteArray> TestUiSecrets::secretTexts() const
{
    return {AccessTokenMark, RefreshTokenMark, m_pg ? m_pg->password.toUtf8() : QByteArray()};
}

void TestUiSecrets::initTestCase()
{
    m_pg = pgServer();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session (run the tests inside dbus-run-session with an unlocked gnome-keyring)");
    m_desktop.createDatabase(QStringLiteral("ui_secrets"));
    FO_RETURN_IF_FAILED();
    QVERIFY2(m_pg->password.size() >= 16, "the test server's password is too short to look for");
    m_desktop.startAuth();
    m_desktop.startNotifications();
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    qunsetenv("DB_PASSWORD"); // typed in the settings instead

    // From here on, every category logs, and every message is kept.
    g_testHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("*=true"));

    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::PasswordLoaded);
}

void TestUiSecrets::cleanupTestCase()
{
    m_desktop.tearDown();
    QLoggingCategory::setFilterRules(QString());
    if (g_testHandler)
        qInstallMessageHandler(g_testHandler);
}

void TestUiSecrets::passwordTypedInTheSettings()
{
    window()->showSettings();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<SettingsDialog *>()) && dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("dbPasswordEdit"))->setText(m_pg->password);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // The window uses it (the database answers), and the keychain has it for the desktop process below.
    QTRY_COMPARE_WITH_TIMEOUT(window()->databaseIndicator()->state(), ServiceIndicator::State::Reachable, 15000);
    SecretStore fresh;
    bool stored = false;
    fresh.read(SecretStore::databasePasswordKey(window()->runConfig().describeDatabase()), this,
               [&](const SecretStore::ReadResult &r) { stored = r.found && r.secret == m_pg->password; });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 10000);
}

void TestUiSecrets::signInAndRunWithTheOperatorsToken()
{
    window()->showSignIn();
    signInFromDialog(window(), session());
    FO_RETURN_IF_FAILED();

    // A run that notifies the user sends the operator's token.
    window()->emailEdit()->setText(QString::fromLatin1(demo::Email));
    QVERIFY(window()->notifyCheck()->isChecked());
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);
    bool bearerSent = false;
    for (const HttpStub::Request &request : notifications()->requests())
        bearerSent |= request.method == "POST"
            && request.headers.value("authorization").startsWith(QByteArray("Bearer " + AccessTokenMark));
    QVERIFY(bearerSent);

    // A 401 and a refresh: new tokens come and are stored.
    auth()->expireAccessTokens();
    QSignalSpy signedIn(session(), &AuthSession::signedIn);
    session()->refreshUser();
    QVERIFY(signedIn.wait(15000));
    QVERIFY(auth()->count("POST", "/auth/refresh") >= 1);
}

void TestUiSecrets::desktopProcessKeepsSecretsOutOfLogsAndCommandLine()
{
    // The application itself, as an operator starts it: the tokens (stored by the sign-in above) and the database
    // password (stored by the settings) come from the keychain, every logging category is on.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    for (const char *name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
        if (qEnvironmentVariableIsSet(name))
            env.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
    const Config config = window()->runConfig();
    env.insert(QStringLiteral("DB_ENGINE"), QStringLiteral("postgresql"));
    env.insert(QStringLiteral("DB_HOST"), config.dbHost);
    env.insert(QStringLiteral("DB_PORT"), QString::number(config.dbPort));
    env.insert(QStringLiteral("DB_USER"), config.dbUser);
    env.insert(QStringLiteral("DB_NAME"), config.dbName);
    env.insert(QStringLiteral("AUTH_API_BASE_URL"), auth()->baseUrl());
    env.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), config.notificationsApiBaseUrl);
    env.insert(QStringLiteral("REDIS_HOST"), config.redisHost);
    env.insert(QStringLiteral("REDIS_PORT"), QString::number(config.redisPort));

    const int refreshesBefore = auth()->count("POST", "/auth/refresh");
    const int probesBefore = probesOf(*notifications());
    const int meBefore = auth()->count("GET", "/auth/users/me");
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    QByteArray output;
    connect(&app, &QProcess::readyRead, this, [&] { output += app.readAll(); });
    app.start(binaryPath(), {});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));

    // It signs the operator in with the stored refresh token and connects with the stored password...
    QTRY_VERIFY_WITH_TIMEOUT(auth()->count("GET", "/auth/users/me") > meBefore, 30000);
    QVERIFY(auth()->count("POST", "/auth/refresh") > refreshesBefore);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("connected to \"postgresql://"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("signed in as \"support@example.com\""), 10000);
    QVERIFY(output.contains("qt.")); // Qt's own debug categories are on too

    // ...and meanwhile neither its command line nor its environment (nor those of any process it started) hold
    // a secret.
    for (qint64 pid : processTree(app.processId())) {
        const QByteArray cmdline = readProcFile(pid, "cmdline");
        QVERIFY2(leaks(cmdline, secretTexts()).isEmpty(), qPrintable(QStringLiteral("command line of %1").arg(pid)));
        QVERIFY2(leaks(readProcFile(pid, "environ"), secretTexts()).isEmpty(),
                 qPrintable(QStringLiteral("environment of %1").arg(pid)));
    }
    // Its status bar checks the services: the notifications API's probe reaches the stub; with the database's
    // answer and the known emails before it, that is what the application logs after signing in.
    QTRY_VERIFY_WITH_TIMEOUT(probesOf(*notifications()) > probesBefore, 30000);
    app.terminate();
    QVERIFY(app.waitForFinished(10000));
    output += app.readAll();

    const QString inOutput = leaks(output, secretTexts());
    QVERIFY2(inOutput.isEmpty(), qPrintable(QStringLiteral("the application's stdout/stderr hold %1").arg(inOutput)));
    const QStringList files = filesHolding(home.path(), secretTexts());
    QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
}

void TestUiSecrets::signOut()
{
    const QString key = SecretStore::tokensKey(auth()->baseUrl());
    window()->signOut();
    QVERIFY(!session()->isSignedIn());
    // The keychain's delete job has run: a new store finds no tokens (and the log below covers the job's messages).
    waitForKeychainEntry(key, false);
}

void TestUiSecrets::nothingLoggedOrStoredInPlainText()
{
    const QByteArray log = capturedLog();
    // The capture worked, with every category on: our own and Qt's.
    QVERIFY(log.contains("signed in as \"support@example.com\""));
    QVERIFY(log.contains("[fo.ui.")); // the desktop's categories are fo.ui.*
    QVERIFY(log.contains("[qt."));
    const QString inLog = leaks(log, secretTexts());
    QVERIFY2(inLog.isEmpty(), qPrintable(QStringLiteral("the log holds %1").arg(inLog)));

    // The settings were written (the settings dialog, the sign-in's login), without a secret.
    QSettings settings;
    settings.sync();
    QVERIFY(QFile::exists(settings.fileName()));
    QVERIFY(settings.contains(QStringLiteral("session/lastTestLogin")));
    const QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QStringList files = filesHolding(configDir, secretTexts());
    QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
}

QTEST_MAIN(TestUiSecrets)
#include "tst_ui_secrets.moc"
