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
#include "tests/common/NotificationMessages.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/shell/MainWindow.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
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

class TestUiCloseDuringRun : public DesktopTest
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
    // The "did not complete" message of `iteration` as the user reads it: in Russian, naming the iteration, in the
    // HTML of the start and completion messages (the completion of iteration 1, which the first test stored).
    void verifyNotCompletedMessageOf(int iteration) const;
};

void TestUiCloseDuringRun::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_close"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.startNotifications();
    HttpStub::Response slow;
    slow.delayMs = 1500;
    notifications()->setRoute("POST", "/notifications/send_email", slow);
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    m_desktop.signInFirst();
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    // As the application makes it: deleted when it closes.
    window()->setAttribute(Qt::WA_DeleteOnClose);
    m_desktop.startWindow(DesktopFixture::Ready::EmailsLoaded);
}

void TestUiCloseDuringRun::cleanupTestCase()
{
    m_desktop.tearDown();
}

int TestUiCloseDuringRun::postsReceived() const
{
    int n = 0;
    for (const HttpStub::Request &r : notifications()->requests())
        n += r.method == "POST" ? 1 : 0;
    return n;
}

QMap<int, QStringList> TestUiCloseDuringRun::messagesByIteration() const
{
    return notificationMessages(*notifications()).byIteration;
}

void TestUiCloseDuringRun::verifyNotCompletedMessageOf(int iteration) const
{
    const QVector<NotificationMessage> messages = notificationList(*notifications(), DemoEmail);
    const auto find = [&](int n, const QString &kind) {
        const auto it = std::find_if(messages.cbegin(), messages.cend(),
                                     [&](const NotificationMessage &m) { return m.iteration == n && m.kind == kind; });
        return it == messages.cend() ? NotificationMessage() : *it;
    };
    const NotificationMessage completion = find(1, QStringLiteral("completion"));
    const NotificationMessage start = find(iteration, QStringLiteral("start"));
    verifyNotCompletedMessage(start, find(iteration, QStringLiteral("not completed")));
    FO_RETURN_IF_FAILED();
    // The completion message opens the same way: the user, then the start time.
    QCOMPARE(messageHeader(completion.html).first, messageHeader(start.html).first);
    QVERIFY2(!messageHeader(completion.html).second.isEmpty(), qPrintable(completion.html));
}

bool TestUiCloseDuringRun::startRunAndWaitForFlag()
{
    redisDel(FlagKey);
    window()->emailEdit()->setText(DemoEmail);
    window()->dryRunCheck()->setChecked(false);
    window()->notifyCheck()->setChecked(true);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    return QTest::qWaitFor([] { return redisGet(FlagKey) == QLatin1String("true"); }, 30000) && window()->isRunning();
}

QMessageBox *TestUiCloseDuringRun::closeQuestion() const
{
    if (!window())
        return nullptr;
    auto *box = window()->findChild<QMessageBox *>(QStringLiteral("closeDuringRunBox"));
    return box && box->isVisible() ? box : nullptr;
}

void TestUiCloseDuringRun::keepRunningKeepsTheWindow()
{
    QVERIFY(startRunAndWaitForFlag());
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QVERIFY(!window()->close()); // refused: the window asks first
    QVERIFY(window()->isVisible());
    QTRY_VERIFY(closeQuestion());
    QTest::mouseClick(closeQuestion()->findChild<QPushButton *>(QStringLiteral("keepRunningButton")), Qt::LeftButton);
    QTRY_VERIFY(!closeQuestion());
    QVERIFY(window());
    QVERIFY(window()->isVisible());
    // The run goes on to its end and is stored.
    QVERIFY(finished.count() > 0 || finished.wait(60000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    QVERIFY(window());
    QCOMPARE(messagesByIteration().value(1), QStringList({QStringLiteral("start"), QStringLiteral("completion")}));
}

// Cancel during a run that sent its start message: the attempt keeps its number (cancelled), and the user gets
// exactly one end message for it, saying that it did not complete.
void TestUiCloseDuringRun::cancelButtonSendsOneEndMessage()
{
    const int postsBefore = postsReceived();
    QVERIFY(startRunAndWaitForFlag());
    // The flag is set before the start message goes out: Cancel once the stub has the message (it answers 1.5 s
    // later), not in between, where a cancelled run rightly sends nothing.
    QTRY_VERIFY_WITH_TIMEOUT(postsReceived() > postsBefore, 30000);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTRY_VERIFY(window()->cancelButton()->isEnabled());
    QTest::mouseClick(window()->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Cancelled);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    const QMap<int, QStringList> messages = messagesByIteration();
    QCOMPARE(messages.value(2), QStringList({QStringLiteral("start"), QStringLiteral("not completed")}));
    verifyNotCompletedMessageOf(2);
    FO_RETURN_IF_FAILED();
    QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("check_cancel"));
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db,
                    QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE iteration = 2 AND status = "
                                   "'cancelled'")),
             1);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check_cancel"));
}

void TestUiCloseDuringRun::cancelAndQuitWaitsForTheWorker()
{
    QVERIFY(startRunAndWaitForFlag());
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QSignalSpy closed(window(), &MainWindow::closedAfterRun);
    QVERIFY(!window()->close());
    QTRY_VERIFY(closeQuestion());
    QTest::mouseClick(closeQuestion()->findChild<QPushButton *>(QStringLiteral("cancelAndQuitButton")), Qt::LeftButton);
    // The window goes out of sight at once, but waits for the worker: the run is still ending (the start message
    // is still on its way).
    QVERIFY(window());
    QVERIFY(!window()->isVisible());
    QVERIFY(window()->isRunning());
    QCOMPARE(closed.count(), 0);

    // The pipeline finishes its cancellation; then the window closes (and is deleted) and asks the application to
    // quit.
    QVERIFY(closed.wait(60000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Cancelled);
    QCOMPARE(redisGet(FlagKey), QStringLiteral("false"));
    QTRY_VERIFY(!window());
    // One start and one end message for the attempt the window closed on (iteration 3).
    QTRY_COMPARE(messagesByIteration().value(3),
                 QStringList({QStringLiteral("start"), QStringLiteral("not completed")}));
    verifyNotCompletedMessageOf(3);
    FO_RETURN_IF_FAILED();

    // Nothing of the cancelled run was stored: the only completed run is the first test's, and no outlier row has
    // the cancelled run's time (a reserved attempt may be recorded as cancelled, never as completed).
    QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("check_close"));
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
