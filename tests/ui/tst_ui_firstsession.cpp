// What a support person tripped over in a first session (issue 12), each checked on the real window against a real
// PostgreSQL and Redis, the auth and notifications APIs stood in for by local stubs:
//  - an email with no records: the hint says so, Run asks first with "notify" off for that run, and the hint
//    follows the database when rows arrive, typed again or read by a run (item 2);
//  - a second run keeps the data type selected (item 4);
//  - a run's progress says how many rows it has read of how many (item 5);
//  - the two CSV exports get different default names, and replacing a file asks first; after a run that wrote, the
//    names say which iteration (item 8);
//  - zero counts are not red, the chart's tooltip rounds z as the table does, the sign-in dialog focuses the login,
//    Help explains the rule and lists every shortcut (item 11).

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ExportDialog.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/HelpPages.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/RunWorker.h"

#include <QAction>
#include <QChart>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
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
const QString LateEmail = QStringLiteral("latecomer@example.com");
// The first key of the run lock's two-key advisory lock (core/RunLock.cpp: "foru").
constexpr int RunLockClass = 0x666f7275;
const QColor AttentionRed(0xd9, 0x30, 0x25);
} // namespace

class TestUiFirstSession : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noRecordsAsksFirstWithNotifyOff();
    void hintFollowsTheDatabase();
    void hintRefreshesAfterARun();
    void secondRunKeepsTheSelectedType();
    void exportNamesDifferAndOverwriteAsks();
    void signInFocusesTheLogin();
    void helpExplainsAndListsShortcuts();
    void progressShowsRowsReadOfExpected();
    void realRunExportNamesTheIteration();
    void tooltipRoundsZAsTheTable();
    void zeroCountsAreNotRed();

private:
    int postsReceived() const;
    QString hint() const { return window()->findChild<QLabel *>(QStringLiteral("emailHint"))->text(); }
    QMessageBox *noRecordsBox() const;
    bool typeEmail(const QString &email);
    qint64 runsStored(const QString &email);
    qint64 countRows(const QString &table, const QString &email);
    bool insertRows(const QString &email, int rows);
    RunReport runAndWait();
    // The default file name a file dialog of the window offers (the dialog is closed again).
    QString offeredFileName(const char *action, const char *dialogName);

    RunReport m_realRun; // the demo user's first run that wrote (progressShowsRowsReadOfExpected)
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

qint64 TestUiFirstSession::countRows(const QString &table, const QString &email)
{
    qint64 n = -1;
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("count_first"));
        if (db.isOpen())
            n = scalar(db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE email = '%2'").arg(table, email));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count_first"));
    return n;
}

// `rows` heart rates for the email, in the last hours, that nothing stands out in.
bool TestUiFirstSession::insertRows(const QString &email, int rows)
{
    bool ok = false;
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("insert_first"));
        QSqlQuery insert(db);
        ok = db.isOpen()
            && insert.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT "
                                          "'HeartRateRecord', '%1', now() - make_interval(mins => g), "
                                          "(70 + g % 7)::text FROM generate_series(1, %2) g")
                               .arg(email)
                               .arg(rows));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("insert_first"));
    return ok;
}

QString TestUiFirstSession::offeredFileName(const char *action, const char *dialogName)
{
    QAction *trigger = window()->findChild<QAction *>(QString::fromLatin1(action));
    if (!trigger || !trigger->isEnabled())
        return QStringLiteral("(%1 is missing or disabled)").arg(QString::fromLatin1(action));
    trigger->trigger();
    QFileDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] {
            dialog = window()->findChild<QFileDialog *>(QString::fromLatin1(dialogName));
            return dialog && dialog->isVisible();
        }))
        return QStringLiteral("(no %1)").arg(QString::fromLatin1(dialogName));
    const QStringList files = dialog->selectedFiles();
    QPointer<QFileDialog> guard(dialog);
    dialog->reject();
    if (!QTest::qWaitFor([&] { return !guard; }))
        return QStringLiteral("(%1 did not close)").arg(QString::fromLatin1(dialogName));
    return files.isEmpty() ? QString() : QFileInfo(files.first()).fileName();
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

// The hint is refreshed by a run too (MainWindowRun.cpp, onRunFinished): with the address left in the field (not typed
// again, which would ask the database anyway), a run that read the user's new rows clears "no records".
void TestUiFirstSession::hintRefreshesAfterARun()
{
    QVERIFY(typeEmail(LateEmail));
    QVERIFY2(hint().contains(QStringLiteral("no records")), qPrintable(hint()));
    QVERIFY(insertRows(LateEmail, 50));

    // A dry run (it asks nothing first) reads them; nobody touches the field.
    window()->dryRunCheck()->setChecked(true);
    QSignalSpy presence(window(), &MainWindow::recordPresenceShown);
    const RunReport report = runAndWait();
    QCOMPARE(report.status, RunStatus::DryRun);
    QCOMPARE(report.raw.rows, 50);
    QCOMPARE(window()->emailEdit()->text(), LateEmail);
    QCOMPARE(presence.count(), 0); // the database was not asked again: the run's report is the answer
    QVERIFY2(!hint().contains(QStringLiteral("no records")), qPrintable(hint()));
    QVERIFY2(hint().contains(QStringLiteral("Valid address")), qPrintable(hint()));

    // And Run, with "Dry run" off, no longer asks first.
    window()->dryRunCheck()->setChecked(false);
    const RunReport written = runAndWait();
    QVERIFY(!noRecordsBox());
    QCOMPARE(written.status, RunStatus::Completed);
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
    // Every menu command with a shortcut is on the page, with its keys and its name (the page reads them from the
    // menus): Export report's Ctrl+P among them.
    int listed = 0;
    for (const QAction *menuAction : window()->menuBar()->actions()) {
        const QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        for (const QAction *action : menu->actions()) {
            for (const QKeySequence &sequence : action->shortcuts()) {
                // The keys, then (in the next cell) the menu and the command.
                const QRegularExpression line(
                    QRegularExpression::escape(sequence.toString(QKeySequence::NativeText)) + QStringLiteral("\\s+")
                    + QRegularExpression::escape(help::plainActionText(menuAction->text()) + QStringLiteral(" › ")
                                                 + help::plainActionText(action->text())));
                QVERIFY2(keys.contains(line),
                         qPrintable(QStringLiteral("“%1” is not on the page:\n%2").arg(line.pattern(), keys)));
                ++listed;
            }
        }
    }
    QVERIFY(listed >= 7);
    QVERIFY2(keys.contains(QRegularExpression(QStringLiteral("Ctrl\\+P\\s+File › Export report \\(PDF\\)"))),
             qPrintable(keys));
    // The Overview's keys: arrows, Home and End between the cards, Enter opens one.
    QVERIFY2(keys.contains(QStringLiteral("On the Overview")) && keys.contains(QStringLiteral("Arrow keys"))
                 && keys.contains(QStringLiteral("Home, End")) && keys.contains(QStringLiteral("Enter, Space")),
             qPrintable(keys));
    // Every shortcut the page lists works here: Settings has one even where the platform binds none.
    QVERIFY(!help::preferencesShortcut().isEmpty());
    QVERIFY2(keys.contains(help::preferencesShortcut().toString(QKeySequence::NativeText)), qPrintable(keys));
    QList<QKeySequence> menuShortcuts;
    for (const QAction *action : window()->findChildren<QAction *>())
        menuShortcuts << action->shortcut();
    QVERIFY(menuShortcuts.contains(help::preferencesShortcut()));
}

// A run's progress, in the real window: "Reading raw records: N of M rows", M counted beside the run
// (core/RecordCounts). The run is held at its lock (another "run" for the user holds it here) until the counts have
// come, so that a run of a few thousand rows cannot outrun them.
void TestUiFirstSession::progressShowsRowsReadOfExpected()
{
    if (window()->emailEdit()->text() != DemoEmail)
        QVERIFY(typeEmail(DemoEmail));
    window()->dryRunCheck()->setChecked(false);
    const qint64 raw = countRows(QStringLiteral("raw_records"), DemoEmail);
    const qint64 processed = countRows(QStringLiteral("processed_records"), DemoEmail);
    QVERIFY(raw > 1000 && processed > 100);

    QSqlDatabase lockDb = openPg(m_desktop.dbName(), QStringLiteral("lock_first"));
    QVERIFY(lockDb.isOpen());
    QSqlQuery lock(lockDb);
    QVERIFY(lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1, hashtext('%2'))").arg(RunLockClass).arg(DemoEmail)));

    QStringList shown;
    // After the window's own slot (connected first): the text it shows for each step.
    const QMetaObject::Connection watch = connect(window()->tasks()->runWorker(), &RunWorker::progress, window(),
                                                  [&shown, this] { shown << window()->progressText(); });
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window()->progressText().startsWith(QStringLiteral("Waiting for other runs")), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window()->expectedRows(), raw + processed, 20000);
    QVERIFY(
        lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1, hashtext('%2'))").arg(RunLockClass).arg(DemoEmail)));
    const bool done = finished.wait(120000);
    disconnect(watch);
    lockDb.close();
    lockDb = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("lock_first"));
    QVERIFY(done);
    m_realRun = finished.first().first().value<RunReport>();
    QCOMPARE(m_realRun.status, RunStatus::Completed);
    QCOMPARE(m_realRun.raw.rows, raw);

    // Each table's reading, in rows read of the rows expected, up to all of them.
    const QLocale locale;
    const QString joined = shown.join(QLatin1Char('\n'));
    QVERIFY2(shown.contains(QStringLiteral("Reading raw records: %1 of %1 rows (100%)").arg(locale.toString(raw))),
             qPrintable(joined));
    QVERIFY2(shown.contains(
                 QStringLiteral("Reading processed records: %1 of %1 rows (100%)").arg(locale.toString(processed))),
             qPrintable(joined));
    // The stages before and after the reading are named too.
    QVERIFY2(shown.contains(QStringLiteral("Detecting outliers…")), qPrintable(joined));
}

// After a run that wrote, every export offers a name with its iteration ("iteration-N"), not "dry-run" (item 8a).
void TestUiFirstSession::realRunExportNamesTheIteration()
{
    QVERIFY(m_realRun.iteration > 0);
    QCOMPARE(window()->report().runId, m_realRun.runId);
    const QString iteration = QStringLiteral("iteration-%1").arg(m_realRun.iteration);

    QAction *exportAction = window()->findChild<QAction *>(QStringLiteral("exportCsvAction"));
    QTRY_VERIFY(exportAction->isEnabled());
    exportAction->trigger();
    QPointer<ExportDialog> dialog;
    QTRY_VERIFY((dialog = window()->findChild<ExportDialog *>()) && dialog->isVisible());
    const QString outliersName = QFileInfo(dialog->path()).fileName();
    QCOMPARE(outliersName, QStringLiteral("find-outliers_%1_%2_outliers.csv").arg(DemoEmail, iteration));
    dialog->findChild<QRadioButton *>(QStringLiteral("allPointsRadio"))->click();
    QCOMPARE(QFileInfo(dialog->path()).fileName(),
             QStringLiteral("find-outliers_%1_%2_all-points.csv").arg(DemoEmail, iteration));
    dialog->reject();
    QTRY_VERIFY(!dialog);

    QTRY_VERIFY(!window()->chartView()->chartData().dataType.isEmpty());
    const QString png = offeredFileName("saveChartPngAction", "saveChartDialog");
    QVERIFY2(png.startsWith(DemoEmail) && png.endsWith(QStringLiteral("-%1.png").arg(iteration)), qPrintable(png));
    const QString pdf = offeredFileName("exportReportAction", "exportReportDialog");
    QCOMPARE(pdf, QStringLiteral("%1-%2-report.pdf").arg(DemoEmail, iteration));
}

// The chart's tooltip gives an outlier's z as the outliers table rounds it (zText, item 11c): "-2.00002", not "-2".
void TestUiFirstSession::tooltipRoundsZAsTheTable()
{
    // The heart rate: the type with the most outliers, spread over 90 days.
    const QString type = QStringLiteral("HeartRateRecord");
    window()->selectType(Source::Raw, TypeKey(type));
    OutlierChartView *view = window()->chartView();
    QTRY_COMPARE(view->chartData().dataType, type);
    view->resetZoom();
    QApplication::processEvents();
    QHash<qint64, const ChartMarker *> markers;
    for (const ChartMarker &m : view->chartData().markers)
        markers.insert(m.recordId, &m);
    const QRegularExpression zLine(QStringLiteral("<br>z: ([^<]+)<br>"));
    int compared = 0;
    QStringList differ;
    OutlierTableModel *table = window()->outlierModel();
    for (int row = 0; row < table->rowCount(); ++row) {
        const OutlierTableModel::Row &r = table->rowsData().at(row);
        const ChartMarker *marker = markers.value(r.recordId);
        if (!marker)
            continue;
        const QPointF at = view->chart()->mapToPosition(QPointF(marker->x, marker->y), view->lineSeries());
        if (!view->chart()->plotArea().contains(at))
            continue;
        const QPoint pos = view->mapFromScene(view->chart()->mapToScene(at));
        const QString tip = view->tooltipAt(pos);
        if (!tip.contains(QStringLiteral("Record #%1").arg(r.recordId)))
            continue; // another marker lies nearer that pixel
        const QRegularExpressionMatch match = zLine.match(tip);
        QVERIFY2(match.hasMatch(), qPrintable(tip));
        const QString tableZ = table->index(row, OutlierTableModel::ZColumn).data().toString();
        if (match.captured(1) != tableZ)
            differ << QStringLiteral("record %1: tooltip %2, table %3").arg(r.recordId).arg(match.captured(1), tableZ);
        ++compared;
    }
    QVERIFY2(compared >= 3, qPrintable(QString::number(compared)));
    QVERIFY2(differ.isEmpty(), qPrintable(differ.join(QLatin1Char('\n'))));
}

// "0 new" in the comparison and the zero cells of the types table are not red; the counts that need attention are
// (item 11a).
void TestUiFirstSession::zeroCountsAreNotRed()
{
    // The same run again, with the same thresholds: every outlier persists.
    QVERIFY(m_realRun.iteration > 0);
    window()->dryRunCheck()->setChecked(false);
    const RunReport again = runAndWait();
    QCOMPARE(again.status, RunStatus::Completed);
    QCOMPARE(again.iteration, m_realRun.iteration + 1);
    HistoryPanel *history = window()->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->iterationCount() >= 2 && history->iterationAt(0) == again.iteration, 20000);
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    history->selectIteration(again.iteration);
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    QVERIFY(window()->isComparing());

    const QString summary = window()->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("Compared with iteration #%1: 0 new").arg(m_realRun.iteration)),
             qPrintable(summary));
    // Not inside a red span (the outliers counts on the line above are, and should be).
    QVERIFY2(!summary.contains(QRegularExpression(QStringLiteral("<span style='color:#d93025'>(<b>)?0 new"))),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("<span style='color:#d93025'>")), qPrintable(summary));

    int zeros = 0;
    int reds = 0;
    TypeTableModel *types = window()->typeModel();
    for (int row = 0; row < types->rowCount(); ++row) {
        for (int column :
             {int(TypeTableModel::OutliersColumn), int(TypeTableModel::NewColumn), int(TypeTableModel::ResolvedColumn),
              int(TypeTableModel::PersistingColumn), int(TypeTableModel::SkippedColumn)}) {
            const QModelIndex cell = types->index(row, column);
            const QVariant brush = cell.data(Qt::ForegroundRole);
            const bool red = brush.isValid() && brush.value<QBrush>().color() == AttentionRed;
            if (cell.data(TypeTableModel::SortRole).toLongLong() == 0) {
                ++zeros;
                QVERIFY2(!brush.isValid(),
                         qPrintable(QStringLiteral("row %1 (%2), column %3: a zero in colour")
                                        .arg(row)
                                        .arg(cell.siblingAtColumn(TypeTableModel::TypeColumn).data().toString())
                                        .arg(column)));
            } else if (column == TypeTableModel::OutliersColumn) {
                QVERIFY(red);
                ++reds;
            }
        }
    }
    QVERIFY(zeros > 0);
    QVERIFY(reds > 0);
}

QTEST_MAIN(TestUiFirstSession)
#include "tst_ui_firstsession.moc"
