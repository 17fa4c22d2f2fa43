// Closing the window during a run (issue 12 item 1, issue 10 item 7): the window asks first. "Keep running" keeps
// the window and the run; "Cancel the run and quit" hides the window, cancels the run and lets the worker finish its
// way out (the pipeline's end message, the Redis flag back to "false"); only then does the window close and ask the
// application to quit. No nested event loop: the test's own loop keeps the stubs answering meanwhile.
//
// The start notification is answered after a delay, so that the run is surely under way (flag "true") when the
// window is closed.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/shell/MainWindow.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {
const QString DemoEmail = QString::fromLatin1(demo::Email);
const QString FlagKey = QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-") + DemoEmail;
} // namespace

class TestUiCloseDuringRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keepRunningKeepsTheWindow();
    void cancelButtonSendsOneEndMessage();
    void cancelAndQuitWaitsForTheWorker();

private:
    // Starts a run for the demo user and waits until the pipeline has raised the flag.
    bool startRunAndWaitForFlag();
    QMessageBox *closeQuestion() const;
    int postsReceived() const;
    // The messages the user got, per iteration number: "start", "completion", "not completed".
    QMap<int, QStringList> messagesByIteration() const;

    QString m_dbName;
    std::unique_ptr<AuthApiStub> m_auth;
    std::unique_ptr<HttpStub> m_notifications;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthSession> m_session;
    QPointer<MainWindow> m_window;
};

void TestUiCloseDuringRun::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    if (!redisServer())
        QFAIL("No test Redis: run the tests with scripts/test.sh, which starts one");
    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_close"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    {
        Result<Database> db = Database::open(pgConfig(m_dbName));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(demo::seed(db.value()).ok());
    }
    m_auth = std::make_unique<AuthApiStub>();
    m_auth->addAccount(QStringLiteral("support"), QStringLiteral("support@example.com"), QStringLiteral("Sam"));
    m_notifications = std::make_unique<HttpStub>();
    HttpStub::Response slow;
    slow.delayMs = 1500;
    m_notifications->setRoute("POST", "/notifications/send_email", slow);
    useTestEnvironment(m_dbName, m_auth->baseUrl(), m_notifications->baseUrl() + QStringLiteral("/notifications"));

    m_secrets = std::make_unique<SecretStore>();
    m_session = std::make_unique<AuthSession>(m_secrets.get());
    m_session->setOrigin(m_auth->baseUrl());
    QSignalSpy signedIn(m_session.get(), &AuthSession::signedIn);
    m_session->signInWithTestAccount(QStringLiteral("support"));
    QVERIFY(signedIn.wait(15000));

    // As the application makes it: deleted when it closes.
    m_window = new MainWindow(m_secrets.get(), m_session.get());
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QSignalSpy emails(m_window.data(), &MainWindow::emailsLoaded);
    m_window->start();
    QVERIFY(emails.wait(30000));
}

void TestUiCloseDuringRun::cleanupTestCase()
{
    delete m_window;
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

int TestUiCloseDuringRun::postsReceived() const
{
    int n = 0;
    for (const HttpStub::Request &r : m_notifications->requests())
        n += r.method == "POST" ? 1 : 0;
    return n;
}

QMap<int, QStringList> TestUiCloseDuringRun::messagesByIteration() const
{
    QMap<int, QStringList> byIteration;
    static const QRegularExpression subject(QStringLiteral("^\\[Iteration #(\\d+)\\] (.*)$"));
    for (const HttpStub::Request &r : m_notifications->requests()) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QRegularExpressionMatch match = subject.match(body.value(QStringLiteral("subject")).toString());
        if (!match.hasMatch())
            continue;
        const QString text = match.captured(2);
        byIteration[match.captured(1).toInt()]
            << (text == QStringLiteral("Запуск поиска выбросов")       ? QStringLiteral("start")
                : text == QStringLiteral("Завершение поиска выбросов") ? QStringLiteral("completion")
                : text == QStringLiteral("Поиск выбросов не завершён") ? QStringLiteral("not completed")
                                                                        : text);
    }
    return byIteration;
}

bool TestUiCloseDuringRun::startRunAndWaitForFlag()
{
    redisDel(FlagKey);
    m_window->emailEdit()->setText(DemoEmail);
    m_window->dryRunCheck()->setChecked(false);
    m_window->notifyCheck()->setChecked(true);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    return QTest::qWaitFor([] { return redisGet(FlagKey) == QLatin1String("true"); }, 30000) && m_window->isRunning();
}

QMessageBox *TestUiCloseDuringRun::closeQuestion() const
{
    if (!m_window)
        return nullptr;
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("closeDuringRunBox"));
    return box && box->isVisible() ? box : nullptr;
}

void TestUiCloseDuringRun::keepRunningKeepsTheWindow()
{
    QVERIFY(startRunAndWaitForFlag());
    QSignalSpy finished(m_window.data(), &MainWindow::runFinished);
    QVERIFY(!m_window->close()); // refused: the window asks first
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY(closeQuestion());
    QTest::mouseClick(closeQuestion()->findChild<QPushButton *>(QStringLiteral("keepRunningButton")), Qt::LeftButton);
    QTRY_VERIFY(!closeQuestion());
    QVERIFY(m_window);
    QVERIFY(m_window->isVisible());
    // The run goes on to its end and is stored.
    QVERIFY(finished.count() > 0 || finished.wait(60000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    QVERIFY(m_window);
    QCOMPARE(messagesByIteration().value(1), QStringList({QStringLiteral("start"), QStringLiteral("completion")}));
}

// Cancel during a run that sent its start message: the attempt keeps its number (cancelled), and the user gets
// exactly one end message for it, saying that it did not complete.
void TestUiCloseDuringRun::cancelButtonSendsOneEndMessage()
{
    QVERIFY(startRunAndWaitForFlag());
    QSignalSpy finished(m_window.data(), &MainWindow::runFinished);
    QTRY_VERIFY(m_window->cancelButton()->isEnabled());
    QTest::mouseClick(m_window->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Cancelled);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    const QMap<int, QStringList> messages = messagesByIteration();
    QCOMPARE(messages.value(2), QStringList({QStringLiteral("start"), QStringLiteral("not completed")}));
    QSqlDatabase db = openPg(m_dbName, QStringLiteral("check_cancel"));
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE iteration = 2 AND status = "
                                       "'cancelled'")),
             1);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check_cancel"));
}

void TestUiCloseDuringRun::cancelAndQuitWaitsForTheWorker()
{
    QVERIFY(startRunAndWaitForFlag());
    QSignalSpy finished(m_window.data(), &MainWindow::runFinished);
    QSignalSpy closed(m_window.data(), &MainWindow::closedAfterRun);
    QVERIFY(!m_window->close());
    QTRY_VERIFY(closeQuestion());
    QTest::mouseClick(closeQuestion()->findChild<QPushButton *>(QStringLiteral("cancelAndQuitButton")), Qt::LeftButton);
    // The window goes out of sight at once, but waits for the worker: the run is still ending (the start message
    // is still on its way).
    QVERIFY(m_window);
    QVERIFY(!m_window->isVisible());
    QVERIFY(m_window->isRunning());
    QCOMPARE(closed.count(), 0);

    // The pipeline finishes its cancellation; then the window closes (and is deleted) and asks the application to
    // quit.
    QVERIFY(closed.wait(60000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Cancelled);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    QTRY_VERIFY(!m_window);
    // One start and one end message for the attempt the window closed on (iteration 3).
    QTRY_COMPARE(messagesByIteration().value(3), QStringList({QStringLiteral("start"), QStringLiteral("not completed")}));

    // Nothing of the cancelled run was stored: the only completed run is the first test's, and no outlier row has
    // the cancelled run's time (a reserved attempt may be recorded as cancelled, never as completed).
    QSqlDatabase db = openPg(m_dbName, QStringLiteral("check_close"));
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed'")), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT outliers_search_iteration_num) FROM outliers_records")),
             1);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check_close"));
}

QTEST_MAIN(TestUiCloseDuringRun)
#include "tst_ui_closeduringrun.moc"
