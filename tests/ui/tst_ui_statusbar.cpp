// The status bar tells whether the database, Redis and the notifications API can be reached (against the real
// services, then closed ports, then back), warns of an API that answers at a wrong address as the settings do, and
// who is signed in.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/status/ServiceIndicator.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

using State = ServiceIndicator::State;

class TestUiStatusBar : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void servicesReachable();
    void servicesUnreachable();
    void servicesNotConfigured();
    void notificationsAt404IsAWarning();
    void checkServicesAgainRecovers();
    void showsWhoIsSignedIn();

private:
    QList<ServiceIndicator *> indicators() const;

    std::optional<std::pair<QString, int>> m_redis;
    Config m_working;
};

void TestUiStatusBar::initTestCase()
{
    m_redis = redisServer();
    QVERIFY2(m_redis, "No test Redis (scripts/test-services.sh starts one)");
    m_desktop.createDatabase(QStringLiteral("ui_status"), DesktopFixture::Seed::Nothing);
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.startNotifications(); // GET send_email answers 405, as the real API's POST-only endpoint does
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    // The indicators sit in the status bar, and are not checked before start().
    for (ServiceIndicator *indicator : indicators()) {
        QVERIFY(indicator);
        QCOMPARE(indicator->parentWidget(), window()->statusBar());
        QVERIFY(indicator->isVisible());
        QCOMPARE(indicator->state(), State::Unknown);
    }
    m_desktop.startWindow(DesktopFixture::Ready::PasswordLoaded);
    FO_RETURN_IF_FAILED();
    m_working = window()->runConfig();
}

void TestUiStatusBar::cleanupTestCase()
{
    m_desktop.tearDown();
}

QList<ServiceIndicator *> TestUiStatusBar::indicators() const
{
    return {window()->databaseIndicator(), window()->redisIndicator(), window()->notificationsIndicator()};
}

void TestUiStatusBar::servicesReachable()
{
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QVERIFY(window()->databaseIndicator()->text().contains(QStringLiteral("Database")));
    QVERIFY(window()->databaseIndicator()->text().contains(QStringLiteral("#1e8e3e"))); // the green dot
    QVERIFY(window()->databaseIndicator()->toolTip().contains(QStringLiteral("Database: reachable")));
    QVERIFY(window()->databaseIndicator()->toolTip().contains(m_desktop.dbName()));
    QVERIFY(window()->redisIndicator()->toolTip().contains(QStringLiteral("Redis: reachable")));
    QVERIFY(window()->redisIndicator()->toolTip().contains(QString::number(m_redis->second)));
    QVERIFY(window()->notificationsIndicator()->toolTip().contains(QStringLiteral("Notifications API: reachable")));
    QVERIFY(window()->notificationsIndicator()->toolTip().contains(notifications()->baseUrl()));
    // The notifications check reached the stand-in, at the endpoint the tool uses, and sent nothing.
    QVERIFY(!notifications()->requests().isEmpty());
    for (const HttpStub::Request &request : notifications()->requests()) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/notifications/send_email"));
    }
}

void TestUiStatusBar::servicesUnreachable()
{
    const quint16 closed = closedPort();
    Config broken = m_working;
    broken.dbPort = closed;
    broken.redisPort = closed;
    broken.notificationsApiBaseUrl = QStringLiteral("http://127.0.0.1:%1/notifications").arg(closed);
    window()->applySettings(broken, QString());
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Unreachable, 20000);
    const QString port = QString::number(closed);
    for (ServiceIndicator *indicator : indicators()) {
        QVERIFY2(indicator->toolTip().contains(QStringLiteral("unreachable")), qPrintable(indicator->toolTip()));
        QVERIFY2(indicator->toolTip().contains(port), qPrintable(indicator->toolTip()));
        QVERIFY(indicator->text().contains(QStringLiteral("#d93025"))); // the red dot
    }
}

void TestUiStatusBar::servicesNotConfigured()
{
    Config none = m_working;
    none.redisHost.clear();
    none.notificationsApiBaseUrl.clear();
    window()->applySettings(none, QString());
    QTRY_COMPARE_WITH_TIMEOUT(window()->redisIndicator()->state(), State::Disabled, 5000);
    QCOMPARE(window()->notificationsIndicator()->state(), State::Disabled);
    QVERIFY(window()->redisIndicator()->toolTip().contains(QStringLiteral("not configured")));
    QTRY_COMPARE_WITH_TIMEOUT(window()->databaseIndicator()->state(), State::Reachable, 15000);
}

// An address where a server answers, but not the notifications API (HTTP 404): the settings' Test button warns
// "reachable, but answered HTTP 404: check the address", and the status bar says the same, not a green "reachable".
void TestUiStatusBar::notificationsAt404IsAWarning()
{
    Config wrong = m_working;
    wrong.notificationsApiBaseUrl = notifications()->baseUrl() + QStringLiteral("/wrong/path");
    window()->applySettings(wrong, QString());
    ServiceIndicator *indicator = window()->notificationsIndicator();
    QTRY_VERIFY_WITH_TIMEOUT(indicator->state() != State::Checking, 15000);
    QCOMPARE(indicator->state(), State::Warning);
    QVERIFY2(indicator->detail().contains(QStringLiteral("answered HTTP 404: check the address")),
             qPrintable(indicator->detail()));
    QVERIFY2(indicator->toolTip().contains(QStringLiteral("Notifications API: answers, but not as expected")),
             qPrintable(indicator->toolTip()));
    QVERIFY(!indicator->text().contains(QStringLiteral("#1e8e3e"))); // not the green dot
    QVERIFY2(indicator->text().contains(QStringLiteral("▲")), qPrintable(indicator->text()));

    // The settings' Test button, asked about the same address, says the same words.
    window()->showSettings();
    QPointer<SettingsDialog> dialog;
    QTRY_VERIFY((dialog = window()->findChild<SettingsDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("notificationsUrlEdit"))->text(),
             wrong.notificationsApiBaseUrl);
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("notificationsTestResult"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testNotificationsButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("⚠ ")), 15000);
    QVERIFY2(result->text().contains(indicator->detail()),
             qPrintable(result->text() + QStringLiteral(" / ") + indicator->detail()));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QTRY_VERIFY(!dialog); // it deletes itself on close
}

void TestUiStatusBar::checkServicesAgainRecovers()
{
    // The working settings again, and View → Check services re-checks on demand.
    window()->applySettings(m_working, QString());
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QAction *check = nullptr;
    for (QAction *action : window()->menuBar()->findChildren<QAction *>())
        check = action->text() == QStringLiteral("Check &services") ? action : check;
    QVERIFY(check);
    const qsizetype before = notifications()->requests().size();
    check->trigger();
    QCOMPARE(window()->notificationsIndicator()->state(), State::Checking);
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QCOMPARE(notifications()->requests().size(), before + 1);
}

void TestUiStatusBar::showsWhoIsSignedIn()
{
    QLabel *user = window()->userLabel();
    QCOMPARE(user->parentWidget(), window()->statusBar());
    QTRY_COMPARE(user->text(), QStringLiteral("Not signed in"));
    window()->showSignIn();
    signInFromDialog(window(), session());
    FO_RETURN_IF_FAILED();
    QCOMPARE(user->text(), QStringLiteral("Signed in as <b>Sam Support</b> &lt;support@example.com&gt;"));
    QVERIFY(user->toolTip().contains(QStringLiteral("support@example.com")));
    window()->signOut();
    QCOMPARE(user->text(), QStringLiteral("Not signed in"));
}

QTEST_MAIN(TestUiStatusBar)
#include "tst_ui_statusbar.moc"
