// No keychain at all (no D-Bus session): the window tells the operator, signing in still works, and the tokens
// live in memory only for this session. Nothing is written to the settings file.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiKeychainUnavailable : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeFallsBackToMemory();
    void windowSaysSoAndSignInStillWorks();
    void cleanupTestCase();
};

void TestUiKeychainUnavailable::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_nokeychain"), DesktopFixture::Seed::Nothing);
}

void TestUiKeychainUnavailable::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiKeychainUnavailable::storeFallsBackToMemory()
{
    SecretStore store;
    QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
    // Within the 5 s timeout (plus a margin), whatever the failure.
    QVERIFY(!writeSecret(store, QStringLiteral("tokens:http://x"), QStringLiteral("secret"), 7000).isEmpty());
    QVERIFY(store.isFallbackActive());
    QCOMPARE(fallback.count(), 1);
    const SecretStore::ReadResult result = readSecret(store, QStringLiteral("tokens:http://x"));
    QVERIFY(result.found);
    QCOMPARE(result.secret, QStringLiteral("secret"));
}

void TestUiKeychainUnavailable::windowSaysSoAndSignInStillWorks()
{
    m_desktop.startAuth();
    m_desktop.useEnvironment(false);
    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    QSignalSpy stored(session(), &AuthSession::tokensStored);
    window()->start();
    // Reading the stored session fails: the notice appears (within the 5 s timeout).
    QTRY_VERIFY_WITH_TIMEOUT(!window()->keychainNotice().isEmpty(), 7000);
    QVERIFY(window()->keychainNotice().contains(QStringLiteral("in memory")));
    QVERIFY(window()->findChild<QLabel *>(QStringLiteral("keychainNotice"))->isVisible());

    window()->showSignIn();
    signInFromDialog(window(), session());
    FO_RETURN_IF_FAILED();
    QVERIFY(window()->userLabel()->text().contains(SupportName));

    // Storing the tokens has been tried and has failed: they are in memory only. Then they are nowhere on disk: not
    // in the settings (written out first), not in any file under the test's config folder.
    QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), 7000);
    QVERIFY2(!stored.constLast().constFirst().toString().isEmpty(), "the tokens must not be reported as stored");
    QSettings().sync();
    const QString configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QDirIterator it(configDir, QDir::Files, QDirIterator::Subdirectories);
    int scanned = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++scanned;
        QVERIFY2(!file.readAll().contains("access-support"), qPrintable(file.fileName()));
    }
    QVERIFY2(scanned > 0, "the settings file must have been written and scanned");
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
