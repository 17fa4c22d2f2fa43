// The operator's session in the real window, the auth API stood in for by a local stub (the rest of the main window
// is in tst_ui_mainwindow): sign in, an unknown login, sign in again at the next start with the stored token, the
// 401 → refresh → sign-in-again path, and signing out.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiMainWindowSignIn : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInShowsOperator();
    void unknownLoginIsReported();
    void nextStartSignsInWithStoredToken();
    void expiredTokenRefreshesOnce();
    void failedRefreshBringsSignInBack();
    void signOutRemovesTokens();

private:
    void signIn();
};

void TestUiMainWindowSignIn::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_signin"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.startNotifications();
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow(QSize(1280, 820));
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::EmailsLoaded);
}

void TestUiMainWindowSignIn::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiMainWindowSignIn::signIn()
{
    window()->showSignIn();
    signInFromDialog(window(), session(), auth()->baseUrl());
}

void TestUiMainWindowSignIn::signInShowsOperator()
{
    // Nothing to export yet.
    QVERIFY(!window()->findChild<QAction *>(QStringLiteral("exportCsvAction"))->isEnabled());
    QVERIFY(!window()->findChild<QAction *>(QStringLiteral("saveChartPngAction"))->isEnabled());
    QVERIFY(!session()->isSignedIn());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));
    signIn();
    QCOMPARE(session()->user().email, SupportEmail);
    QTRY_VERIFY(window()->userLabel()->text().contains(QStringLiteral("Sam Support")));
    QVERIFY(window()->userLabel()->text().contains(SupportEmail));
    QTRY_VERIFY(!window()->findChild<SignInDialog *>() || !window()->findChild<SignInDialog *>()->isVisible());
    QCOMPARE(auth()->count("GET", "/auth/auth-test-account?test_account_login=support"), 1);
    QCOMPARE(auth()->count("GET", "/auth/users/me"), 1);
}

void TestUiMainWindowSignIn::unknownLoginIsReported()
{
    AuthSession other(secrets());
    other.setOrigin(auth()->baseUrl());
    QSignalSpy failed(&other, &AuthSession::signInFailed);
    other.signInWithTestAccount(QStringLiteral("nobody"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("nobody")));
    QVERIFY(!other.isSignedIn());
}

void TestUiMainWindowSignIn::nextStartSignsInWithStoredToken()
{
    // A new session (as at the next start) finds the refresh token in the keychain and signs in without typing.
    const int refreshesBefore = auth()->count("POST", "/auth/refresh");
    SecretStore secrets;
    AuthSession next(&secrets);
    next.setOrigin(auth()->baseUrl());
    QSignalSpy restored(&next, &AuthSession::restoreFinished);
    next.restore();
    QVERIFY(restored.wait(15000));
    QCOMPARE(restored.first().first().toBool(), true);
    QCOMPARE(next.user().email, SupportEmail);
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshesBefore + 1);
    QVERIFY(!secrets.isFallbackActive()); // it came from the real keychain
}

void TestUiMainWindowSignIn::expiredTokenRefreshesOnce()
{
    const int refreshesBefore = auth()->count("POST", "/auth/refresh");
    auth()->expireAccessTokens();
    QSignalSpy signedIn(session(), &AuthSession::signedIn);
    session()->refreshUser();
    QVERIFY(signedIn.wait(15000));
    QCOMPARE(auth()->count("POST", "/auth/refresh"), refreshesBefore + 1);
    QVERIFY(session()->isSignedIn());
}

void TestUiMainWindowSignIn::failedRefreshBringsSignInBack()
{
    auth()->expireAccessTokens();
    auth()->expireRefreshTokens();
    QSignalSpy expired(session(), &AuthSession::sessionExpired);
    session()->refreshUser();
    QVERIFY(expired.wait(15000));
    SignInDialog *dialog = visibleSignInDialog(window());
    QVERIFY(dialog);
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));
    // Signing in again works from the dialog that came back.
    signInFromDialog(window(), session());
}

void TestUiMainWindowSignIn::signOutRemovesTokens()
{
    QVERIFY(session()->isSignedIn());
    const QString key = SecretStore::tokensKey(auth()->baseUrl());
    waitForKeychainEntry(key, true);
    FO_RETURN_IF_FAILED();
    window()->signOut();
    QVERIFY(!session()->isSignedIn());
    QVERIFY(window()->userLabel()->text().contains(QStringLiteral("Not signed in")));
    // The keychain's delete job is asynchronous: a new store (as at the next start) finds the tokens gone.
    waitForKeychainEntry(key, false);
}

QTEST_MAIN(TestUiMainWindowSignIn)
#include "tst_ui_mainwindow_signin.moc"
