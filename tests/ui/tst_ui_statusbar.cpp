// The status bar tells whether the database, Redis and the notifications API can be reached (against the real
// services, then closed ports, then back), and who is signed in.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/status/ServiceIndicator.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

using State = ServiceIndicator::State;

class TestUiStatusBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void servicesReachable();
    void servicesUnreachable();
    void servicesNotConfigured();
    void checkServicesAgainRecovers();
    void showsWhoIsSignedIn();

private:
    QList<ServiceIndicator *> indicators() const;

    QString m_dbName;
    std::optional<std::pair<QString, int>> m_redis;
    Config m_working;
    std::unique_ptr<AuthApiStub> m_auth;
    std::unique_ptr<HttpStub> m_notifications;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiStatusBar::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    m_redis = redisServer();
    QVERIFY2(m_redis, "No test Redis (scripts/test-services.sh starts one)");
    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_status"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    m_auth = std::make_unique<AuthApiStub>();
    m_auth->addAccount(QStringLiteral("support"), QStringLiteral("support@example.com"), QStringLiteral("Sam Support"));
    m_notifications = std::make_unique<HttpStub>();
    useTestEnvironment(m_dbName, m_auth->baseUrl(), m_notifications->baseUrl() + QStringLiteral("/notifications"));

    m_secrets = std::make_unique<SecretStore>();
    m_session = std::make_unique<AuthSession>(m_secrets.get());
    m_window = std::make_unique<MainWindow>(m_secrets.get(), m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The indicators sit in the status bar, and are not checked before start().
    for (ServiceIndicator *indicator : indicators()) {
        QVERIFY(indicator);
        QCOMPARE(indicator->parentWidget(), m_window->statusBar());
        QVERIFY(indicator->isVisible());
        QCOMPARE(indicator->state(), State::Unknown);
    }
    QSignalSpy loaded(m_window.get(), &MainWindow::passwordLoaded);
    m_window->start();
    QVERIFY(loaded.wait(10000));
    m_working = m_window->runConfig();
}

void TestUiStatusBar::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

QList<ServiceIndicator *> TestUiStatusBar::indicators() const
{
    return {m_window->databaseIndicator(), m_window->redisIndicator(), m_window->notificationsIndicator()};
}

void TestUiStatusBar::servicesReachable()
{
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QVERIFY(m_window->databaseIndicator()->text().contains(QStringLiteral("Database")));
    QVERIFY(m_window->databaseIndicator()->text().contains(QStringLiteral("#1e8e3e"))); // the green dot
    QVERIFY(m_window->databaseIndicator()->toolTip().contains(QStringLiteral("Database: reachable")));
    QVERIFY(m_window->databaseIndicator()->toolTip().contains(m_dbName));
    QVERIFY(m_window->redisIndicator()->toolTip().contains(QStringLiteral("Redis: reachable")));
    QVERIFY(m_window->redisIndicator()->toolTip().contains(QString::number(m_redis->second)));
    QVERIFY(m_window->notificationsIndicator()->toolTip().contains(QStringLiteral("Notifications API: reachable")));
    QVERIFY(m_window->notificationsIndicator()->toolTip().contains(m_notifications->baseUrl()));
    // The notifications check reached the stand-in.
    QVERIFY(!m_notifications->requests().isEmpty());
}

void TestUiStatusBar::servicesUnreachable()
{
    const quint16 closed = closedPort();
    Config broken = m_working;
    broken.dbPort = closed;
    broken.redisPort = closed;
    broken.notificationsApiBaseUrl = QStringLiteral("http://127.0.0.1:%1/notifications").arg(closed);
    m_window->applySettings(broken, QString());
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
    m_window->applySettings(none, QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->redisIndicator()->state(), State::Disabled, 5000);
    QCOMPARE(m_window->notificationsIndicator()->state(), State::Disabled);
    QVERIFY(m_window->redisIndicator()->toolTip().contains(QStringLiteral("not configured")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->databaseIndicator()->state(), State::Reachable, 15000);
}

void TestUiStatusBar::checkServicesAgainRecovers()
{
    // The working settings again, and View → Check services re-checks on demand.
    m_window->applySettings(m_working, QString());
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QAction *check = nullptr;
    for (QAction *action : m_window->menuBar()->findChildren<QAction *>())
        check = action->text() == QStringLiteral("Check &services") ? action : check;
    QVERIFY(check);
    const qsizetype before = m_notifications->requests().size();
    check->trigger();
    QCOMPARE(m_window->notificationsIndicator()->state(), State::Checking);
    for (ServiceIndicator *indicator : indicators())
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), State::Reachable, 15000);
    QCOMPARE(m_notifications->requests().size(), before + 1);
}

void TestUiStatusBar::showsWhoIsSignedIn()
{
    QLabel *user = m_window->userLabel();
    QCOMPARE(user->parentWidget(), m_window->statusBar());
    QTRY_COMPARE(user->text(), QStringLiteral("Not signed in"));
    m_window->showSignIn();
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SignInDialog *>()) && dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(QStringLiteral("support"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isSignedIn(), 15000);
    QCOMPARE(user->text(), QStringLiteral("Signed in as <b>Sam Support</b> &lt;support@example.com&gt;"));
    QVERIFY(user->toolTip().contains(QStringLiteral("support@example.com")));
    m_window->signOut();
    QCOMPARE(user->text(), QStringLiteral("Not signed in"));
}

QTEST_MAIN(TestUiStatusBar)
#include "tst_ui_statusbar.moc"
