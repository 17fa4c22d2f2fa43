// A locked keychain (desktop): gnome-keyring runs and holds the previous session's tokens, but its login collection
// is locked and no unlock prompt can be shown (no display). QtKeychain 0.13 then answers a read with EntryNotFound
// (libsecret hides the items it could not unlock) and a write with AccessDenied ("Cannot create an item in a locked
// collection"). The window must tell the operator that the keychain is locked, signing in must still work with the
// tokens in memory for this session only, and no token may be written anywhere in plain text.
//
// Also the auth paths with exact counts: an expired access token leads to one refresh (and, when the new token is
// refused too, to the sign-in dialog, not to a second refresh); an expired refresh token leads to the sign-in dialog.
//
// The test needs a keyring of its own that it may lock: started without FO_KEYCHAIN_LOCKED_CHILD, it runs itself
// again under `dbus-run-session` with a fresh HOME and its own gnome-keyring, and no display.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {

const char ChildVariable[] = "FO_KEYCHAIN_LOCKED_CHILD";
const QString LoginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");

// Generous: the keychain answers within the 5 s timeout, on a loaded machine too.
constexpr int KeychainWaitMs = 15000;
constexpr int NetworkWaitMs = 15000;

QDBusMessage secretsCall(const QString &path, const QString &interface, const QString &method)
{
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"), path, interface, method);
}

// The Locked property of the login collection; an error text in *error when it cannot be read.
bool loginCollectionLocked(QString *error)
{
    QDBusMessage get =
        secretsCall(LoginCollection, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusReply<QDBusVariant> reply = QDBusConnection::sessionBus().call(get);
    if (!reply.isValid()) {
        *error = reply.error().message();
        return false;
    }
    return reply.value().variant().toBool();
}

// Runs this test again inside a D-Bus session of its own, with a fresh HOME and XDG_RUNTIME_DIR, an unlocked
// gnome-keyring (that the test locks once it has stored a session), and no display for an unlock prompt.
int runInOwnSession(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/fo-keychain-locked-XXXXXX"));
    if (!home.isValid() || !QDir(home.path()).mkdir(QStringLiteral("run"))
        || !QFile::setPermissions(home.filePath(QStringLiteral("run")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        std::fprintf(stderr, "tst_ui_keychain_locked: cannot create a temporary HOME\n");
        return 1;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK",
                             "DBUS_SESSION_BUS_ADDRESS", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        env.remove(QString::fromLatin1(name));

    QStringList args {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null "
                                     "|| { echo 'gnome-keyring-daemon did not start' >&2; exit 1; }; "
                                     "exec \"$0\" \"$@\""),
                      QCoreApplication::applicationFilePath()};
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QStringLiteral("dbus-run-session"), args);
    if (!child.waitForStarted()) {
        std::fprintf(stderr, "tst_ui_keychain_locked: cannot start dbus-run-session: %s\n",
                     qPrintable(child.errorString()));
        return 1;
    }
    child.waitForFinished(-1);
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace

class TestUiKeychainLocked : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storeSaysLocked();
    void windowSaysSoAndKeepsTokensInMemory();
    void expiredAccessTokenRefreshesOnceThenSignIn();
    void expiredRefreshTokenLeadsToSignIn();

private:
    void signInFromDialog();
    void ensureSignedIn();
    // After the session gave up (sessionExpired) and the operator signed in again from the dialog: no request but
    // the sign-in's own was sent after the session gave up.
    void signInAgainWithNothingElseSent(int refreshes, int me);
    QStringList filesHolding(const QString &root, const QList<QByteArray> &needles, int *scanned);

    QString m_previousAccess;
    QString m_previousRefresh;
};

void TestUiKeychainLocked::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet(ChildVariable), "runs inside its own D-Bus session only");
    m_desktop.createDatabase(QStringLiteral("ui_lockedkeychain"), DesktopFixture::Seed::Nothing);
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.useEnvironment(false);
    QString error;

    // A previous session, stored while the keychain was unlocked: the next start would sign in with it.
    QVERIFY2(!loginCollectionLocked(&error) && error.isEmpty(), qPrintable(error));
    {
        SecretStore store;
        AuthSession session(&store);
        session.setOrigin(auth()->baseUrl());
        QSignalSpy stored(&session, &AuthSession::tokensStored);
        session.signInWithTestAccount(SupportLogin);
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), NetworkWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), KeychainWaitMs);
        QCOMPARE(stored.constFirst().constFirst().toString(), QString()); // in the keychain
        m_previousAccess = session.accessToken();
        const SecretStore::ReadResult previous = readSecret(store, SecretStore::tokensKey(auth()->baseUrl()));
        QVERIFY2(previous.found && previous.error.isEmpty(), qPrintable(previous.error));
        m_previousRefresh = QJsonDocument::fromJson(previous.secret.toUtf8())
                                .object()
                                .value(QStringLiteral("refresh_token"))
                                .toString();
        QVERIFY(!m_previousRefresh.isEmpty());
    }

    // Then the keychain is locked (as after a screen lock, or a login password that differs from the keyring's).
    QDBusMessage lock = secretsCall(QStringLiteral("/org/freedesktop/secrets"),
                                    QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(LoginCollection)});
    const QDBusMessage locked = QDBusConnection::sessionBus().call(lock);
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));
    QVERIFY2(loginCollectionLocked(&error), qPrintable(error.isEmpty() ? QStringLiteral("not locked") : error));
}

void TestUiKeychainLocked::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiKeychainLocked::storeSaysLocked()
{
    const QString key = SecretStore::tokensKey(auth()->baseUrl());
    {
        // Reading: the stored session is hidden by the lock. The store says so, instead of "nothing stored".
        SecretStore store;
        QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
        const SecretStore::ReadResult r = readSecret(store, key);
        qInfo().noquote() << "reading a locked keychain:" << r.error;
        QVERIFY(!r.found);
        QVERIFY2(r.error.contains(QStringLiteral("locked")), qPrintable(r.error));
        QVERIFY(store.isFallbackActive());
        QCOMPARE(fallback.count(), 1);
    }
    {
        // Writing: refused. The secret stays in memory for this store's session.
        SecretStore store;
        QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
        const QString error =
            writeSecret(store, QStringLiteral("tokens:http://locked.example"), QStringLiteral("in memory"));
        qInfo().noquote() << "writing to a locked keychain:" << error;
        QVERIFY(!error.isEmpty());
        QVERIFY(error.contains(QStringLiteral("locked")));
        QCOMPARE(fallback.count(), 1);
        const SecretStore::ReadResult r = readSecret(store, QStringLiteral("tokens:http://locked.example"));
        QVERIFY(r.found);
        QCOMPARE(r.secret, QStringLiteral("in memory"));
        QCOMPARE(fallback.count(), 1); // said once
    }
    QString error;
    QVERIFY2(loginCollectionLocked(&error), "the store must not unlock the keychain");
}

void TestUiKeychainLocked::signInFromDialog()
{
    fo::test::signInFromDialog(window(), session());
}

// The auth tests need the window of windowSaysSoAndKeepsTokensInMemory, signed in (they can run alone too).
void TestUiKeychainLocked::ensureSignedIn()
{
    if (!window()) {
        m_desktop.openWindow();
        FO_RETURN_IF_FAILED();
        QSignalSpy restored(session(), &AuthSession::restoreFinished);
        window()->start();
        QVERIFY(restored.wait(KeychainWaitMs + NetworkWaitMs));
    }
    if (session()->isSignedIn())
        return;
    window()->showSignIn();
    signInFromDialog();
}

void TestUiKeychainLocked::signInAgainWithNothingElseSent(int refreshes, int me)
{
    // The sign-in's round trip to the stub is the barrier: a second refresh that the expiry set off (a queued call,
    // a timer) has been sent by the time the sign-in has answered, and would be counted here.
    QVERIFY(!session()->isBusy());
    signInFromDialog();
    FO_RETURN_IF_FAILED();
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshes);
    QCOMPARE(auth()->count("GET", "/auth/users/me"), me + 1); // the sign-in's
}

// Every file under root (hidden ones too) that holds one of the needles.
QStringList TestUiKeychainLocked::filesHolding(const QString &root, const QList<QByteArray> &needles, int *scanned)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (content.contains(needle) || content.contains(QString::fromLatin1(needle).toUtf8().toBase64()))
                found << file.fileName() + QStringLiteral(" holds ") + QString::fromLatin1(needle);
        }
    }
    return found;
}

void TestUiKeychainLocked::windowSaysSoAndKeepsTokensInMemory()
{
    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    QSignalSpy restored(session(), &AuthSession::restoreFinished);
    QSignalSpy stored(session(), &AuthSession::tokensStored);
    const int refreshesBefore = auth()->count("POST", "/auth/refresh");
    window()->start();

    // The start reads the stored session: the keychain is locked, and the window says so (within the timeout).
    QTRY_VERIFY_WITH_TIMEOUT(!window()->keychainNotice().isEmpty(), KeychainWaitMs);
    const QString notice = window()->keychainNotice();
    qInfo().noquote() << "the notice:" << notice;
    QVERIFY2(notice.contains(QStringLiteral("locked")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("in memory for this session only")), qPrintable(notice));
    QVERIFY(window()->findChild<QLabel *>(QStringLiteral("keychainNotice"))->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, NetworkWaitMs);
    QCOMPARE(restored.constFirst().constFirst().toBool(), false);
    QVERIFY(!session()->isSignedIn());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshesBefore); // the locked session was not read

    // Signing in works; the tokens stay in memory (storing them reports the keychain's failure).
    window()->showSignIn();
    signInFromDialog();
    QVERIFY(window()->userLabel()->text().contains(SupportName));
    QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), KeychainWaitMs);
    QVERIFY2(!stored.constLast().constFirst().toString().isEmpty(), "the tokens must not be reported as stored");
    const QString access = session()->accessToken();
    QVERIFY(!access.isEmpty() && access != m_previousAccess);
    const SecretStore::ReadResult inMemory = readSecret(*secrets(), SecretStore::tokensKey(auth()->baseUrl()));
    QVERIFY(inMemory.found);
    QVERIFY(!inMemory.error.isEmpty());
    const QString refresh =
        QJsonDocument::fromJson(inMemory.secret.toUtf8()).object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refresh.isEmpty() && refresh != m_previousRefresh);

    // A next start (a new store) cannot find them: they were for this session only.
    SecretStore nextStart;
    const SecretStore::ReadResult next = readSecret(nextStart, SecretStore::tokensKey(auth()->baseUrl()));
    QVERIFY(!next.found);

    // Nothing in plain text: not in the settings, not in any file under HOME (settings, keyrings, caches) or the
    // runtime folder. The previous session's tokens are only in the keyring, which is encrypted.
    QSettings settings;
    settings.sync();
    for (const QString &settingKey : settings.allKeys()) {
        const QString value = settings.value(settingKey).toString();
        QVERIFY2(!value.contains(access) && !value.contains(refresh), qPrintable(settingKey));
    }
    const QList<QByteArray> needles {access.toUtf8(), refresh.toUtf8(), m_previousAccess.toUtf8(),
                                     m_previousRefresh.toUtf8()};
    int scanned = 0;
    QStringList leaks = filesHolding(QDir::homePath(), needles, &scanned);
    leaks += filesHolding(qEnvironmentVariable("XDG_RUNTIME_DIR"), needles, &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    QVERIFY2(QFile::exists(QDir::homePath() + QStringLiteral("/.local/share/keyrings/login.keyring")),
             "the scan must have seen the keyring file");
    QVERIFY(scanned > 0);
    QString error;
    QVERIFY2(loginCollectionLocked(&error), "the keychain must still be locked");
}

void TestUiKeychainLocked::expiredAccessTokenRefreshesOnceThenSignIn()
{
    ensureSignedIn();
    QVERIFY(session() && session()->isSignedIn());
    // The access token expires: one refresh, and the session goes on with the new token.
    int refreshes = auth()->count("POST", "/auth/refresh");
    int me = auth()->count("GET", "/auth/users/me");
    auth()->expireAccessTokens();
    QSignalSpy signedIn(session(), &AuthSession::signedIn);
    session()->refreshUser();
    QVERIFY(signedIn.wait(NetworkWaitMs));
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshes + 1);
    QCOMPARE(auth()->count("GET", "/auth/users/me"), me + 2); // refused, then accepted
    QVERIFY(session()->isSignedIn());

    // The access token expires, and the API refuses the refreshed one too: still one refresh, then the sign-in
    // dialog comes back with the reason.
    refreshes = auth()->count("POST", "/auth/refresh");
    me = auth()->count("GET", "/auth/users/me");
    auth()->expireAccessTokens();
    auth()->http().setRoute("GET", "/auth-api/api/v1/auth/users/me",
                            HttpStub::Response {401, R"({"detail":"Could not validate credentials"})"});
    const auto restoreRoutes = qScopeGuard([this] { auth()->http().clearRoutes(); });
    QSignalSpy expired(session(), &AuthSession::sessionExpired);
    session()->refreshUser();
    QVERIFY(expired.wait(NetworkWaitMs));
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshes + 1);
    QCOMPARE(auth()->count("GET", "/auth/users/me"), me + 2);
    QCOMPARE(expired.count(), 1);
    SignInDialog *dialog = visibleSignInDialog(window());
    QVERIFY(dialog);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Sign in again")), qPrintable(dialog->errorText()));
    QVERIFY(!session()->isSignedIn());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));

    auth()->http().clearRoutes();
    signInAgainWithNothingElseSent(refreshes + 1, me + 2);
}

void TestUiKeychainLocked::expiredRefreshTokenLeadsToSignIn()
{
    ensureSignedIn();
    QVERIFY(session() && session()->isSignedIn());
    const int refreshes = auth()->count("POST", "/auth/refresh");
    const int me = auth()->count("GET", "/auth/users/me");
    auth()->expireAccessTokens();
    auth()->expireRefreshTokens();
    QSignalSpy expired(session(), &AuthSession::sessionExpired);
    session()->refreshUser();
    QVERIFY(expired.wait(NetworkWaitMs));
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshes + 1); // refused: no second try
    QCOMPARE(auth()->count("GET", "/auth/users/me"), me + 1);
    QCOMPARE(expired.count(), 1);
    QVERIFY2(expired.constFirst().constFirst().toString().contains(QStringLiteral("expired")),
             qPrintable(expired.constFirst().constFirst().toString()));
    SignInDialog *dialog = visibleSignInDialog(window());
    QVERIFY(dialog);
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));
    // The refused refresh token is forgotten: there is nothing left to refresh with.
    const SecretStore::ReadResult r = readSecret(*secrets(), SecretStore::tokensKey(auth()->baseUrl()));
    QVERIFY(!r.found);

    signInAgainWithNothingElseSent(refreshes + 1, me + 1);
}

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet(ChildVariable))
        return runInOwnSession(argc, argv);
    QApplication app(argc, argv);
    TestUiKeychainLocked test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_keychain_locked.moc"
