// What a support person tripped over in a first session (issue 12), each checked on the real window against a real
// PostgreSQL and Redis, the auth and notifications APIs stood in for by local stubs:
//  - an email with no records: the hint says so, Run asks first with "notify" off for that run, and the hint
//    follows the database when rows arrive (item 2);
//  - a second run keeps the data type selected (item 4);
//  - the two CSV exports get different default names, and replacing a file asks first (item 8);
//  - zero counts are not red, the sign-in dialog focuses the login, Help explains the rule and the keys (item 11).

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ExportDialog.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/HelpPages.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {
const QString DemoEmail = QString::fromLatin1(demo::Email);
const QString NewEmail = QStringLiteral("newcomer@example.com");
} // namespace

class TestUiFirstSession : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noRecordsAsksFirstWithNotifyOff();
    void hintFollowsTheDatabase();
    void secondRunKeepsTheSelectedType();
    void exportNamesDifferAndOverwriteAsks();
    void signInFocusesTheLogin();
    void helpExplainsAndListsShortcuts();

private:
    int postsReceived() const;
    QString hint() const { return window()->findChild<QLabel *>(QStringLiteral("emailHint"))->text(); }
    QMessageBox *noRecordsBox() const;
    bool typeEmail(const QString &email);
    qint64 runsStored(const QString &email);
    RunReport runAndWait();
};

void TestUiFirstSession::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_first"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.startNotifications();
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    m_desktop.signInFirst();
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow(QSize(1280, 820));
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::EmailsLoaded);
}

void TestUiFirstSession::cleanupTestCase()
{
    m_desktop.tearDown();
}

int TestUiFirstSession::postsReceived() const
{
    int n = 0;
    for (const HttpStub::Request &r : notifications()->requests())
        n += r.method == "POST" ? 1 : 0;
    return n;
}

QMessageBox *TestUiFirstSession::noRecordsBox() const
{
    auto *box = window()->findChild<QMessageBox *>(QStringLiteral("noRecordsBox"));
    return box && box->isVisible() ? box : nullptr;
}

// Types the email and waits for the database's answer about its records.
bool TestUiFirstSession::typeEmail(const QString &email)
{
    QSignalSpy presence(window(), &MainWindow::recordPresenceShown);
    window()->emailEdit()->setText(email);
    return presence.wait(10000);
}

qint64 TestUiFirstSession::runsStored(const QString &email)
{
    qint64 n = -1;
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("check_first"));
        if (db.isOpen())
            n = scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1'").arg(email));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check_first"));
    return n;
}

RunReport TestUiFirstSession::runAndWait()
{
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    if (!finished.wait(120000))
        return RunReport();
    return finished.first().first().value<RunReport>();
}

void TestUiFirstSession::noRecordsAsksFirstWithNotifyOff()
{
    QVERIFY(typeEmail(NewEmail));
    QVERIFY2(hint().contains(QStringLiteral("no records")), qPrintable(hint()));
    window()->dryRunCheck()->setChecked(false);
    window()->notifyCheck()->setChecked(true);
    notifications()->clearRequests();

    // Run asks first; its own "notify" box is off, whatever the form says.
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QTRY_VERIFY(noRecordsBox());
    auto *notify = noRecordsBox()->findChild<QCheckBox *>(QStringLiteral("noRecordsNotifyCheck"));
    QVERIFY(notify);
    QVERIFY(!notify->isChecked());
    QVERIFY(!window()->isRunning());
    // Cancel: nothing runs, nothing is stored.
    noRecordsBox()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!noRecordsBox());
    QVERIFY(!window()->isRunning());
    QCOMPARE(runsStored(NewEmail), 0);

    // Run anyway: one empty iteration, and no message to the user.
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QTRY_VERIFY(noRecordsBox());
    QTest::mouseClick(noRecordsBox()->findChild<QPushButton *>(QStringLiteral("runAnywayButton")), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);
    QCOMPARE(runsStored(NewEmail), 1);
    QCOMPARE(postsReceived(), 0);
    QVERIFY(window()->notifyCheck()->isChecked()); // the form keeps the operator's choice for other users
}

void TestUiFirstSession::hintFollowsTheDatabase()
{
    // Rows arrive for the new user after the window listed the known emails.
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("insert_first"));
        QVERIFY(db.isOpen());
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT "
                                           "'HeartRateRecord', '%1', now() - make_interval(mins => g), "
                                           "(70 + g % 7)::text FROM generate_series(1, 200) g")
                                .arg(NewEmail)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("insert_first"));

    // The next time the address settles in the field, the hint asks the database again.
    QVERIFY(typeEmail(QStringLiteral("x") + NewEmail));
    QVERIFY(typeEmail(NewEmail));
    QVERIFY2(!hint().contains(QStringLiteral("no records")), qPrintable(hint()));
    QVERIFY2(hint().contains(QStringLiteral("Valid address")), qPrintable(hint()));

    // And Run no longer asks.
    const RunReport report = runAndWait();
    QVERIFY(!noRecordsBox());
    QCOMPARE(report.status, RunStatus::Completed);
    QCOMPARE(report.raw.rows, 200);
    QVERIFY(!hint().contains(QStringLiteral("no records")));

    // Nothing stands out in these values: "0 outliers" is good news, not red.
    QCOMPARE(report.raw.outlierCount + report.processed.outlierCount, 0);
    const QString summary = window()->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("0 outliers")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("#d93025")), qPrintable(summary));
}

void TestUiFirstSession::secondRunKeepsTheSelectedType()
{
    QVERIFY(typeEmail(DemoEmail));
    window()->dryRunCheck()->setChecked(true);
    const RunReport first = runAndWait();
    QCOMPARE(first.status, RunStatus::DryRun);
    // The window picks the type with the most outliers; the operator picks another one.
    const QString picked = window()->chartView()->chartData().dataType;
    QTRY_VERIFY(!window()->chartView()->chartData().dataType.isEmpty());
    QString other;
    for (const TypeTableModel::Row &row : window()->typeModel()->rowsData())
        if (row.source == Source::Processed && row.dataType != picked && row.outliers > 0)
            other = row.dataType;
    QVERIFY(!other.isEmpty());
    window()->selectType(Source::Processed, TypeKey(other));
    QTRY_COMPARE(window()->chartView()->chartData().dataType, other);

    const RunReport second = runAndWait();
    QCOMPARE(second.status, RunStatus::DryRun);
    QTRY_COMPARE(window()->chartView()->chartData().dataType, other);
    const QModelIndexList selected = window()->typeView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().siblingAtColumn(TypeTableModel::TypeColumn).data(TypeTableModel::TypeRole).toString(),
             other);
}

void TestUiFirstSession::exportNamesDifferAndOverwriteAsks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QAction *exportAction = window()->findChild<QAction *>(QStringLiteral("exportCsvAction"));
    QTRY_VERIFY(exportAction->isEnabled());
    exportAction->trigger();
    ExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<ExportDialog *>()) && dialog->isVisible());

    // The desktop dialog speaks of columns, not of command-line flags.
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QStringLiteral("--")) && !label->text().contains(QStringLiteral("command")),
                 qPrintable(label->text()));

    // One name per mode: the all-points export does not land on the outliers-only file.
    const QString outliersName = QFileInfo(dialog->path()).fileName();
    QVERIFY2(outliersName.contains(QStringLiteral("demo@example.com"))
                 && outliersName.contains(QStringLiteral("outliers")),
             qPrintable(outliersName));
    dialog->findChild<QRadioButton *>(QStringLiteral("allPointsRadio"))->click();
    const QString allName = QFileInfo(dialog->path()).fileName();
    QVERIFY2(allName != outliersName && allName.contains(QStringLiteral("all-points")), qPrintable(allName));
    dialog->findChild<QRadioButton *>(QStringLiteral("outliersOnlyRadio"))->click();
    QCOMPARE(QFileInfo(dialog->path()).fileName(), outliersName);

    // A file of that name exists: Export asks before replacing it.
    const QString target = dir.filePath(outliersName);
    {
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me\n");
    }
    dialog->setPath(target);
    QPushButton *exportButton = nullptr;
    for (QAbstractButton *b : dialog->findChild<QDialogButtonBox *>()->buttons())
        if (dialog->findChild<QDialogButtonBox *>()->buttonRole(b) == QDialogButtonBox::AcceptRole)
            exportButton = qobject_cast<QPushButton *>(b);
    QVERIFY(exportButton);
    auto overwriteBox = [dialog] {
        auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("overwriteBox"));
        return box && box->isVisible() ? box : nullptr;
    };
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QTRY_VERIFY(overwriteBox());
    QTest::mouseClick(overwriteBox()->findChild<QPushButton *>(QStringLiteral("chooseAnotherNameButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!overwriteBox());
    QVERIFY(dialog->isVisible());
    {
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me\n"));
    }

    // Replace: the export is written over it.
    QSignalSpy done(window(), &MainWindow::exportFinished);
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QTRY_VERIFY(overwriteBox());
    QTest::mouseClick(overwriteBox()->findChild<QPushButton *>(QStringLiteral("replaceButton")), Qt::LeftButton);
    QVERIFY(done.wait(30000));
    QVERIFY(done.first().first().toBool());
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith("email,iteration,"));
}

void TestUiFirstSession::signInFocusesTheLogin()
{
    window()->showSignIn();
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<SignInDialog *>()) && dialog->isVisible());
    auto *origin = dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"));
    QVERIFY(!origin->text().isEmpty()); // the API address is already there
    QCOMPARE(dialog->focusWidget(), dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit")));
    dialog->reject();
    QTRY_VERIFY(!window()->findChild<SignInDialog *>() || !window()->findChild<SignInDialog *>()->isVisible());
}

void TestUiFirstSession::helpExplainsAndListsShortcuts()
{
    auto openPage = [this](const char *action) -> QString {
        window()->findChild<QAction *>(QString::fromLatin1(action))->trigger();
        QWidget *page = nullptr;
        if (!QTest::qWaitFor([&] {
                page = window()->findChild<QWidget *>(QStringLiteral("helpPage"));
                return page && page->isVisible();
            }))
            return QString();
        const QString text = page->findChild<QTextBrowser *>(QStringLiteral("helpBrowser"))->toPlainText();
        page->close();
        if (!QTest::qWaitFor([&] { return !window()->findChild<QWidget *>(QStringLiteral("helpPage")); }))
            return QStringLiteral("the help page did not close");
        return text;
    };
    const QString how = openPage("howOutliersAction");
    QVERIFY2(how.contains(QStringLiteral("|z| > k")) && how.contains(QStringLiteral("k = 3"))
                 && how.contains(QStringLiteral("z = (value − mean) / std")),
             qPrintable(how));
    const QString keys = openPage("shortcutsAction");
    QVERIFY2(keys.contains(QStringLiteral("Ctrl+E")) && keys.contains(QStringLiteral("Home"))
                 && keys.contains(QStringLiteral("Shift+drag")),
             qPrintable(keys));
    // Every shortcut the page lists works here: Settings has one even where the platform binds none.
    QVERIFY(!help::preferencesShortcut().isEmpty());
    QVERIFY2(keys.contains(help::preferencesShortcut().toString(QKeySequence::NativeText)), qPrintable(keys));
    QList<QKeySequence> menuShortcuts;
    for (const QAction *action : window()->findChildren<QAction *>())
        menuShortcuts << action->shortcut();
    QVERIFY(menuShortcuts.contains(help::preferencesShortcut()));
}

QTEST_MAIN(TestUiFirstSession)
#include "tst_ui_firstsession.moc"
