// No keychain at all (no D-Bus session): the window tells the operator, signing in still works, and the tokens
// live in memory only for this session. Nothing is written to the settings file.

#include "tests/ui/UiTestSupport.h"

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "ui/account/SignInDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiKeychainUnavailable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeFallsBackToMemory();
    void windowSaysSoAndSignInStillWorks();
    void cleanupTestCase();

private:
    QString m_dbName;
};

void TestUiKeychainUnavailable::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_nokeychain"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
}

void TestUiKeychainUnavailable::cleanupTestCase()
{
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

void TestUiKeychainUnavailable::storeFallsBackToMemory()
{
    SecretStore store;
    QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
    bool answered = false;
    QString error;
    store.write(QStringLiteral("tokens:http://x"), QStringLiteral("secret"), this, [&](const QString &e) {
        error = e;
        answered = true;
    });
    // Within the 5 s timeout (plus a margin), whatever the failure.
    QTRY_VERIFY_WITH_TIMEOUT(answered, 7000);
    QVERIFY(!error.isEmpty());
    QVERIFY(store.isFallbackActive());
    QCOMPARE(fallback.count(), 1);
    SecretStore::ReadResult result;
    answered = false;
    store.read(QStringLiteral("tokens:http://x"), this, [&](const SecretStore::ReadResult &r) {
        result = r;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(result.found);
    QCOMPARE(result.secret, QStringLiteral("secret"));
}

void TestUiKeychainUnavailable::windowSaysSoAndSignInStillWorks()
{
    AuthApiStub auth;
    auth.addAccount(QStringLiteral("support"), QStringLiteral("support@example.com"), QStringLiteral("Sam Support"));
    useTestEnvironment(m_dbName, auth.baseUrl(), QString(), false);

    SecretStore secrets;
    AuthSession session(&secrets);
    MainWindow window(&secrets, &session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.start();
    // Reading the stored session fails: the notice appears (within the 5 s timeout).
    QTRY_VERIFY_WITH_TIMEOUT(!window.keychainNotice().isEmpty(), 7000);
    QVERIFY(window.keychainNotice().contains(QStringLiteral("in memory")));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("keychainNotice"))->isVisible());

    window.showSignIn();
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SignInDialog *>()) && dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(QStringLiteral("support"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
    QVERIFY(window.userLabel()->text().contains(QStringLiteral("Sam Support")));

    // The tokens are nowhere on disk: not in the settings, not in any file under the test's config folder.
    QTest::qWait(200);
    const QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QDirIterator it(configDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains("access-support"), qPrintable(file.fileName()));
    }
}

int main(int argc, char **argv)
{
    // Before anything talks to D-Bus: a session bus that does not exist.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/fo-test-bus");
    QApplication app(argc, argv);
    TestUiKeychainUnavailable test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_keychain_unavailable.moc"
