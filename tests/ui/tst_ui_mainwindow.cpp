// The real window against a real PostgreSQL (and Redis), the auth API and the notifications API stood in for by
// local stubs: run for the seeded demo user as the signed-in operator, read the chart and the table, compare two
// runs, export CSV, save the chart as PNG. The sign-in tests are in tst_ui_mainwindow_signin.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/DesktopCsv.h"
#include "core/ReportWriters.h"
#include "signin/AuthSession.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/ChartMarkers.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/history/HistoryController.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {
const QString DemoEmail = QString::fromLatin1(demo::Email);
}

class TestUiMainWindow : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void emailValidationAndCompleter();
    void runShowsChartAndTable();
    void historyCompare();
    void openingShowsProgressAndCancels();
    void exportCsv();
    void saveChartAsPng();
    // Last: it closes the window.
    void closingWhileOpeningStopsIt();

private:
    bool waitForRun(RunReport *report, int timeoutMs = 120000);
    void signIn();
    QSet<qint64> outlierIds(const RunReport &report, Source source, const QString &type) const;

    RunReport m_first;
    RunReport m_second;
    QTemporaryDir m_tmp;
};

void TestUiMainWindow::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_main"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.startNotifications();
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    m_desktop.openWindow(QSize(1280, 820));
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::EmailsLoaded);
    FO_RETURN_IF_FAILED();
    // The runs' operator (the sign-in itself is tested in tst_ui_mainwindow_signin).
    signIn();
    FO_RETURN_IF_FAILED();
    QTRY_VERIFY(!window()->findChild<SignInDialog *>() || !window()->findChild<SignInDialog *>()->isVisible());
}

void TestUiMainWindow::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiMainWindow::signIn()
{
    window()->showSignIn();
    signInFromDialog(window(), session(), auth()->baseUrl());
}

void TestUiMainWindow::emailValidationAndCompleter()
{
    QLineEdit *edit = window()->emailEdit();
    QVERIFY(window()->completerEmails().contains(DemoEmail));
    edit->setText(QStringLiteral("not-an-email"));
    QVERIFY(!window()->runButton()->isEnabled());
    QVERIFY(window()->findChild<QLabel *>(QStringLiteral("emailHint"))->text().contains(QStringLiteral("not a valid")));
    edit->setText(QStringLiteral("a@b.c")); // one-letter TLD: invalid by the platform's rule
    QVERIFY(!window()->runButton()->isEnabled());
    edit->setText(DemoEmail);
    QVERIFY(window()->runButton()->isEnabled());
}

bool TestUiMainWindow::waitForRun(RunReport *report, int timeoutMs)
{
    QSignalSpy finished(window(), &MainWindow::runFinished);
    if (!finished.wait(timeoutMs))
        return false;
    *report = finished.first().first().value<RunReport>();
    return true;
}

QSet<qint64> TestUiMainWindow::outlierIds(const RunReport &report, Source source, const QString &type) const
{
    QSet<qint64> ids;
    for (const TypeReport &t : report.table(source).types)
        if (t.dataType == type)
            for (const OutlierPoint &p : t.outliers)
                ids.insert(p.recordId);
    return ids;
}

void TestUiMainWindow::runShowsChartAndTable()
{
    QVERIFY(session()->isSignedIn());
    window()->emailEdit()->setText(DemoEmail);
    QVERIFY(window()->notifyCheck()->isChecked()); // on by default, as the job did
    QSignalSpy chart(window(), &MainWindow::chartUpdated);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    // Enter in the email field runs.
    QTest::keyClick(window()->emailEdit(), Qt::Key_Return);
    QTRY_VERIFY(window()->cancelButton()->isEnabled() || finished.count() > 0);
    QVERIFY(finished.count() > 0 || finished.wait(120000));
    m_first = finished.first().first().value<RunReport>();
    QCOMPARE(m_first.status, RunStatus::Completed);
    QCOMPARE(m_first.operatorEmail, SupportEmail);
    QVERIFY(m_first.raw.outlierCount + m_first.processed.outlierCount > 0);

    // The operator is in the runs table.
    {
        QSqlDatabase db = openPg(m_desktop.dbName(), QStringLiteral("check_runs"));
        QVERIFY(db.isOpen());
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE operator_email = '%1' AND "
                                       "iteration = %2")
                            .arg(SupportEmail)
                            .arg(m_first.iteration)),
                 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check_runs"));

    // The notifications went out with the operator's token.
    // (The status bar's reachability check is a GET; the messages are POSTs.)
    QList<HttpStub::Request> sent;
    QTRY_COMPARE((sent =
                      [this] {
                          QList<HttpStub::Request> posts;
                          for (const HttpStub::Request &r : notifications()->requests())
                              if (r.method == "POST")
                                  posts.append(r);
                          return posts;
                      }())
                     .size(),
                 2);
    QVERIFY(sent.first().path.endsWith("/send_email"));
    QVERIFY(sent.first().headers.value("authorization").startsWith("Bearer access-support"));

    // The type list matches the report.
    const auto &rows = window()->typeModel()->rowsData();
    QCOMPARE(rows.size(), m_first.raw.types.size() + m_first.processed.types.size());
    for (const TypeTableModel::Row &row : rows) {
        const TypeReport *t = nullptr;
        for (const TypeReport &candidate : m_first.table(row.source).types)
            if (candidate.dataType == row.dataType)
                t = &candidate;
        QVERIFY(t);
        QCOMPARE(row.rows, t->rows);
        QCOMPARE(row.skippedRows, t->skippedRows);
        QCOMPARE(row.outliers, qint64(t->outliers.size()));
    }

    // For every type with outliers: the chart's red series holds exactly its outliers, the line keeps them, and
    // the table's rows are those outliers.
    int checked = 0;
    for (Source source : {Source::Raw, Source::Processed}) {
        for (const TypeReport &t : m_first.table(source).types) {
            if (t.outliers.isEmpty())
                continue;
            chart.clear();
            window()->selectType(source, t.key());
            QVERIFY(chart.wait(20000) || window()->chartView()->chartData().dataType == t.dataType);
            QTRY_COMPARE(window()->chartView()->chartData().dataType, t.dataType);
            OutlierChartView *view = window()->chartView();
            // The chart's outlier markers are exactly the type's outliers; on screen, zoomed out, close ones may
            // share one marker with a count (thinned), so the series shows fewer that stand for all of them.
            QList<QPointF> red;
            for (const ChartMarker &m : view->chartData().markers) {
                if (m.kind == MarkerKind::Current)
                    red.append(QPointF(m.x, m.y));
            }
            QCOMPARE(red.size(), t.outliers.size());
            QCOMPARE(int(view->outlierSeries()->count()) + view->thinnedAway(0), int(t.outliers.size()));
            const QList<QPointF> line = view->chartData().points;
            for (const OutlierPoint &p : t.outliers) {
                const QPointF point(ChartTime::toAxis(p.time.toMSecsSinceEpoch()), p.value);
                QVERIFY(red.contains(point));
                QVERIFY(line.contains(point));
            }
            QVERIFY(view->lineSeries()->count() <= t.numericRows);
            QCOMPARE(view->chartData().k, t.k);

            OutlierTableModel *model = window()->outlierModel();
            QCOMPARE(model->rowCount(), t.outliers.size());
            QSet<qint64> tableIds;
            for (const OutlierTableModel::Row &r : model->rowsData()) {
                tableIds.insert(r.recordId);
                QVERIFY(std::abs(r.z) > r.k); // the reason is in the row
                QCOMPARE(r.mean, t.mean);
                QCOMPARE(r.std, t.std);
            }
            QCOMPARE(tableIds, outlierIds(m_first, source, t.dataType));
            const QString why = model->index(0, OutlierTableModel::WhyColumn).data().toString();
            QVERIFY2(why.contains(QStringLiteral("|z|")) && why.contains(QStringLiteral(">")), qPrintable(why));

            // Selecting a row centres the chart on that point.
            window()->outlierView()->selectRow(0);
            const qint64 timeMs =
                window()->outlierView()->model()->index(0, 0).data(OutlierTableModel::TimeMsRole).toLongLong();
            const double x = ChartTime::toAxis(timeMs);
            const double from = double(view->timeAxis()->min().toMSecsSinceEpoch());
            const double to = double(view->timeAxis()->max().toMSecsSinceEpoch());
            QVERIFY(from < x && x < to);
            QVERIFY(std::abs((from + to) / 2 - x) < (to - from) * 0.05);
            ++checked;
        }
    }
    QVERIFY(checked > 0);

    // Sorting the table by |z| puts the most extreme first.
    QTableView *table = window()->outlierView();
    table->sortByColumn(OutlierTableModel::ZColumn, Qt::DescendingOrder);
    if (table->model()->rowCount() > 1)
        QVERIFY(table->model()->index(0, 0).data(OutlierTableModel::SortRole).isValid());
}

void TestUiMainWindow::historyCompare()
{
    // A second run with a lower raw threshold: more outliers, so some are new.
    QVERIFY(m_first.iteration > 0);
    window()->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->setValue(2.0);
    window()->findChild<QDoubleSpinBox *>(QStringLiteral("processedThresholdSpin"))->setValue(2.5);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    m_second = finished.first().first().value<RunReport>();
    QCOMPARE(m_second.status, RunStatus::Completed);
    QCOMPARE(m_second.iteration, m_first.iteration + 1);

    HistoryPanel *history = window()->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->iterationCount() >= 2, 20000);
    QCOMPARE(history->iterationAt(0), m_second.iteration);
    QCOMPARE(history->iterationAt(1), m_first.iteration);

    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    history->selectIteration(m_second.iteration);
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    QVERIFY(window()->isComparing());
    QCOMPARE(window()->report().iteration, m_second.iteration);

    // Per type, the counts against the two runs' own outlier sets.
    qint64 totalNew = 0, totalResolved = 0;
    for (const TypeTableModel::Row &row : window()->typeModel()->rowsData()) {
        const QSet<qint64> before = outlierIds(m_first, row.source, row.dataType);
        const QSet<qint64> after = outlierIds(m_second, row.source, row.dataType);
        QCOMPARE(row.added, qint64((after - before).size()));
        QCOMPARE(row.resolved, qint64((before - after).size()));
        QCOMPARE(row.persisting, qint64((after & before).size()));
        totalNew += row.added;
        totalResolved += row.resolved;
    }
    QVERIFY(totalNew > 0);

    // The selected type: the table marks new/persisting/resolved, the chart shows them on their own series.
    QTRY_VERIFY(!window()->chartView()->chartData().dataType.isEmpty());
    const ChartData &data = window()->chartView()->chartData();
    const QSet<qint64> before = outlierIds(m_first, data.source, data.dataType);
    const QSet<qint64> after = outlierIds(m_second, data.source, data.dataType);
    // Each series with the markers thinning hid (zoomed out, close markers share one with a count).
    OutlierChartView *view = window()->chartView();
    QTRY_COMPARE(int(view->outlierSeries()->count()) + view->thinnedAway(0), int((after - before).size()));
    QCOMPARE(int(view->persistingSeries()->count()) + view->thinnedAway(1), int((after & before).size()));
    QCOMPARE(int(view->resolvedSeries()->count()) + view->thinnedAway(2), int((before - after).size()));
    int tableNew = 0;
    for (const OutlierTableModel::Row &r : window()->outlierModel()->rowsData()) {
        if (r.kind == MarkerKind::New) {
            QVERIFY(!before.contains(r.recordId));
            ++tableNew;
        }
    }
    QCOMPARE(tableNew, int((after - before).size()));
    QVERIFY(!window()->outlierView()->isColumnHidden(OutlierTableModel::StatusColumn));

    // Issue 12 item 7. The history shows each iteration's thresholds and operator.
    QCOMPARE(history->thresholdsTextAt(0), QStringLiteral("2 / 2.5"));
    QCOMPARE(history->thresholdsTextAt(1), QStringLiteral("3 / 2"));
    QCOMPARE(history->operatorTextAt(0), SupportEmail);
    // The comparison says the thresholds differ, so that "N new" is not misread.
    const QString summary = window()->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("raw k 3 → 2")) && summary.contains(QStringLiteral("processed k 2 → 2.5")),
             qPrintable(summary));
    // New and resolved are seen beside whole type names, without scrolling.
    QTableView *types = window()->typeView();
    QTRY_VERIFY(types->isVisible());
    QCOMPARE(types->horizontalScrollBar()->value(), 0);
    for (int column : {TypeTableModel::NewColumn, TypeTableModel::ResolvedColumn, TypeTableModel::PersistingColumn}) {
        QVERIFY(!types->isColumnHidden(column));
        QVERIFY2(types->columnViewportPosition(column) + types->columnWidth(column) <= types->viewport()->width(),
                 qPrintable(QStringLiteral("column %1 ends at %2 of %3")
                                .arg(column)
                                .arg(types->columnViewportPosition(column) + types->columnWidth(column))
                                .arg(types->viewport()->width())));
    }
    QVERIFY(types->columnWidth(TypeTableModel::TypeColumn)
            >= static_cast<QAbstractItemView *>(types)->sizeHintForColumn(TypeTableModel::TypeColumn));
    // New and persisting differ in shape, and in colour for every colour vision: simulated for protanopia,
    // deuteranopia and tritanopia, the two stay at least ΔE 40 apart (red and green fall to about 21 for a protanope:
    // the check tells them apart).
    QVERIFY(markers::outlier().shape != markers::persisting().shape);
    const QColor newColor = markers::outlier().color;
    const QColor persistingColor = markers::persisting().color;
    for (ColourVision vision :
         {ColourVision::Typical, ColourVision::Protanopia, ColourVision::Deuteranopia, ColourVision::Tritanopia}) {
        const double apart =
            colourDifference(simulatedColour(newColor, vision), simulatedColour(persistingColor, vision));
        QVERIFY2(apart >= 40.0, qPrintable(QStringLiteral("vision %1: ΔE %2").arg(int(vision)).arg(apart)));
        const double redGreen =
            colourDifference(simulatedColour(newColor, vision), simulatedColour(QColor(0x1e, 0x8e, 0x3e), vision));
        QVERIFY2(vision == ColourVision::Typical || vision == ColourVision::Tritanopia || redGreen < 40.0,
                 qPrintable(QStringLiteral("red and green, vision %1: ΔE %2").arg(int(vision)).arg(redGreen)));
    }
    // A small chart of the outlier counts per iteration.
    QChartView *counts = history->countsChart();
    QVERIFY(counts->isVisibleTo(history)); // on the History tab
    QCOMPARE(counts->chart()->series().size(), 2);
    QCOMPARE(static_cast<QLineSeries *>(counts->chart()->series().first())->count(), history->iterationCount());
}

// Opening a stored iteration shows where it is, stage by stage, and Cancel stops it on the database server too: the
// window keeps what it showed, and the next opening does not wait behind the first (issue 12 item 6).
void TestUiMainWindow::openingShowsProgressAndCancels()
{
    HistoryPanel *history = window()->historyPanel();
    const int shownIteration = window()->report().iteration;
    QVERIFY(window()->isComparing());
    const int previousIteration = history->previousIterationOf(shownIteration);
    QVERIFY(previousIteration > 0);
    QSignalSpy opened(window()->tasks()->openWorker(), &QueryWorker::iterationOpened);
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    QSignalSpy stages(window()->historyController(), &HistoryController::openingProgress);

    // Another session holds a lock on the table of the runs' per-type statistics, which only an opening reads: the
    // opening's query waits for it on the server, as a long query would run, until it is cancelled.
    Result<Database> locker = Database::open(pgConfig(m_desktop.dbName()));
    QVERIFY2(locker.ok(), qPrintable(locker.error()));
    QSqlQuery lock(locker->db());
    QVERIFY(lock.exec(QStringLiteral("BEGIN")));
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE find_outliers_run_types IN ACCESS EXCLUSIVE MODE")));
    // The server's view of the sessions, from a connection of its own (inside a transaction, pg_stat_activity
    // answers from a snapshot taken at its first use).
    Result<Database> watcher = Database::open(pgConfig(m_desktop.dbName()));
    QVERIFY2(watcher.ok(), qPrintable(watcher.error()));
    auto activity = [&](const QString &where) {
        QSqlQuery query(watcher->db());
        QStringList rows;
        if (!query.exec(QStringLiteral("SELECT pid, state, wait_event_type, left(query, 100) FROM pg_stat_activity "
                                       "WHERE datname = current_database() AND application_name = 'find-outliers' "
                                       "AND pid <> pg_backend_pid() AND %1")
                            .arg(where)))
            return QStringList {query.lastError().text()};
        while (query.next())
            rows << QStringLiteral("%1 %2/%3: %4")
                        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                             query.value(3).toString());
        return rows;
    };
    auto waiting = [&] { return activity(QStringLiteral("wait_event_type = 'Lock'")); };

    history->selectIteration(m_first.iteration);
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY2(window()->progressText().contains(QStringLiteral("iteration #%1").arg(m_first.iteration)),
             qPrintable(window()->progressText()));
    auto *cancel = window()->findChild<QPushButton *>(QStringLiteral("cancelOpenButton"));
    QVERIFY(cancel && cancel->isVisible());
    // The stage it is at, in words: reading the iteration (the first has none before it).
    QTRY_VERIFY2_WITH_TIMEOUT(waiting().size() == 1, qPrintable(waiting().join(QStringLiteral("; "))), 15000);
    const QString blocked = waiting().first().section(QLatin1Char(' '), 0, 0); // its backend's pid
    QTRY_COMPARE(window()->progressText(), QStringLiteral("Reading iteration #%1…").arg(m_first.iteration));
    QVERIFY(cancel->isVisible());

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isVisible());
    // The query has stopped on the server although the lock is still held (dropping the answer alone would leave it
    // waiting), and the worker has given up the opening.
    const QString stillRunning = QStringLiteral("pid = %1 AND state <> 'idle'").arg(blocked);
    QTRY_VERIFY2_WITH_TIMEOUT(activity(stillRunning).isEmpty(),
                              qPrintable(activity(stillRunning).join(QStringLiteral("; "))), 5000);
    QVERIFY(waiting().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    QCOMPARE(opened.first().first().toBool(), true); // interrupted
    QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QCOMPARE(window()->report().iteration, shownIteration);
    QVERIFY(window()->isComparing());
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));

    // Opened again without cancelling, it shows, promptly, after each of its stages.
    stages.clear();
    history->selectIteration(shownIteration);
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(10000));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(window()->report().iteration, shownIteration);
    QStringList texts;
    for (const QList<QVariant> &stage : std::as_const(stages))
        texts << stage.first().toString();
    const QStringList expected {
        QStringLiteral("Reading iteration #%1 and #%2, the one before…").arg(shownIteration).arg(previousIteration),
        QStringLiteral("Reading the outliers and the values to chart: 0 of about "), QStringLiteral("Comparing…")};
    int at = 0;
    for (const QString &text : std::as_const(texts)) {
        if (at < expected.size() && text.startsWith(expected[at]))
            ++at;
    }
    QVERIFY2(at == expected.size(), qPrintable(texts.join(QStringLiteral(" | "))));
    // The read's stage counts rows, with a bar that fills.
    const auto reading = std::find_if(stages.cbegin(), stages.cend(), [](const QList<QVariant> &stage) {
        return stage.first().toString().startsWith(QStringLiteral("Reading the outliers"));
    });
    QVERIFY(reading != stages.cend());
    QVERIFY(reading->at(1).toInt() >= 0);
}

void TestUiMainWindow::exportCsv()
{
    // The report shown is the stored second iteration (from history): export its outliers, then all points.
    const RunReport &shown = window()->report();
    const QString outliersPath = m_tmp.filePath(QStringLiteral("outliers.csv"));
    QSignalSpy done(window(), &MainWindow::exportFinished);
    window()->exportCsv(outliersPath, false);
    QVERIFY(done.wait(30000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QFile file(outliersPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    // The headless columns, then the unit and (the iteration is compared with the one before) the status.
    QVERIFY(window()->isComparing());
    QCOMPARE(QString::fromUtf8(lines.first().trimmed()), desktopCsvHeader(false, true).join(QLatin1Char(',')));
    QVERIFY(lines.first().startsWith(QByteArray(csvHeader(false).join(QLatin1Char(',')).toUtf8() + ",unit,status")));
    QCOMPARE(qint64(lines.size() - 1), shown.raw.outlierCount + shown.processed.outlierCount);
    qint64 added = 0, newRows = 0, persistingRows = 0;
    for (const OutlierDiff &d : compareRuns(m_first, m_second))
        added += d.added.size();
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray row = lines.at(i).trimmed();
        newRows += row.endsWith(",new") ? 1 : 0;
        persistingRows += row.endsWith(",persisting") ? 1 : 0;
        if (row.contains(",HeartRateRecord,"))
            QVERIFY2(row.contains(",bpm,"), row.constData());
    }
    QCOMPARE(newRows, added);
    QCOMPARE(newRows + persistingRows, qint64(lines.size() - 1));
    QCOMPARE(qint64(lines.size() - 1), m_second.raw.outlierCount + m_second.processed.outlierCount);
    QVERIFY(
        lines.at(1).startsWith(QByteArray(DemoEmail.toUtf8() + ',' + QByteArray::number(m_second.iteration) + ',')));

    const QString allPath = m_tmp.filePath(QStringLiteral("all.csv"));
    done.clear();
    window()->exportCsv(allPath, true);
    QVERIFY(done.wait(60000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QFile all(allPath);
    QVERIFY(all.open(QIODevice::ReadOnly));
    const QList<QByteArray> allLines = all.readAll().trimmed().split('\n');
    QCOMPARE(QString::fromUtf8(allLines.first().trimmed()), desktopCsvHeader(true, true).join(QLatin1Char(',')));
    qint64 numeric = 0;
    for (Source s : {Source::Raw, Source::Processed})
        for (const TypeReport &t : m_second.table(s).types)
            numeric += t.numericRows;
    QCOMPARE(qint64(allLines.size() - 1), numeric);
    qint64 flagged = 0;
    for (int i = 1; i < allLines.size(); ++i)
        flagged += allLines[i].trimmed().endsWith(",1") ? 1 : 0;
    QCOMPARE(flagged, m_second.raw.outlierCount + m_second.processed.outlierCount);
}

void TestUiMainWindow::saveChartAsPng()
{
    // File → Save chart as PNG…, a file name in the dialog, Save.
    QAction *save = window()->findChild<QAction *>(QStringLiteral("saveChartPngAction"));
    QVERIFY(save);
    QVERIFY(window()->menuBar()->actions().first()->menu()->actions().contains(save));
    QTRY_VERIFY(save->isEnabled());
    // The window keeps the type the operator selected (issue 12 item 4): select one with new outliers, drawn red.
    for (const TypeTableModel::Row &row : window()->typeModel()->rowsData()) {
        if (row.added > 0) {
            window()->selectType(row.source, row.key());
            QTRY_COMPARE(window()->chartView()->chartData().dataType, row.dataType);
            break;
        }
    }
    QVERIFY(window()->chartView()->outlierSeries()->count() > 0);
    save->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<QFileDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    const QString path = m_tmp.filePath(QStringLiteral("chart.png"));
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // Save

    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY2(bytes.size() > 20000, qPrintable(QString::number(bytes.size())));
    QImage image;
    QVERIFY(image.loadFromData(bytes, "PNG"));
    // The chart under a caption saying whose data it is (issue 11): as wide as the chart, a line or two taller.
    const QSize chart = window()->chartView()->size() * window()->chartView()->devicePixelRatio();
    QCOMPARE(image.width(), chart.width());
    QVERIFY2(image.height() > chart.height() && image.height() < chart.height() + 100,
             qPrintable(QStringLiteral("%1 vs %2").arg(image.height()).arg(chart.height())));
    // It is the chart: its outlier markers are where the chart's data puts them, below the caption.
    OutlierChartView *view = window()->chartView();
    const QPointF viewport(view->viewport()->pos().x(),
                           image.height() / image.devicePixelRatio() - view->height() + view->viewport()->pos().y());
    int checked = 0;
    verifyOutlierMarkers(image, view, viewport, &checked);
    FO_RETURN_IF_FAILED();
    qInfo() << "markers found where the data puts them:" << checked;
    QVERIFY(window()->statusBar()->currentMessage().contains(path));
}

// Closing the window while an opening waits on the server: the window goes at once, and so does the query (the
// worker's thread is only waited for once its statement is cancelled).
void TestUiMainWindow::closingWhileOpeningStopsIt()
{
    Result<Database> locker = Database::open(pgConfig(m_desktop.dbName()));
    QVERIFY2(locker.ok(), qPrintable(locker.error()));
    QSqlQuery lock(locker->db());
    QVERIFY(lock.exec(QStringLiteral("BEGIN")));
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE find_outliers_run_types IN ACCESS EXCLUSIVE MODE")));
    Result<Database> watcher = Database::open(pgConfig(m_desktop.dbName()));
    QVERIFY2(watcher.ok(), qPrintable(watcher.error()));
    auto waiting = [&] {
        QSqlQuery query(watcher->db());
        return query.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                         "AND application_name = 'find-outliers' AND wait_event_type = 'Lock'"))
                && query.next()
            ? query.value(0).toInt()
            : -1;
    };
    QSqlQuery holder(locker->db());
    QVERIFY(holder.exec(QStringLiteral("SELECT pg_backend_pid()")) && holder.next());
    const qint64 lockHolder = holder.value(0).toLongLong();
    window()->openIteration(m_first.iteration);
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, 15000);
    // Should closing wait for the query, it would wait for this thread's lock for ever: after 8 s, a watchdog ends
    // the session that holds the lock, so that the test fails instead of hanging.
    std::atomic_bool closed {false};
    std::thread watchdog([&closed, lockHolder, dbName = m_desktop.dbName()] {
        for (int i = 0; i < 80 && !closed; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (closed)
            return;
        Result<Database> db = Database::open(pgConfig(dbName));
        if (db.ok())
            QSqlQuery(db->db()).exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(lockHolder));
    });
    QElapsedTimer closing;
    closing.start();
    delete window();
    const qint64 closingMs = closing.elapsed();
    closed = true;
    watchdog.join();
    QVERIFY2(closingMs < 5000, qPrintable(QString::number(closingMs)));
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 0, 5000);
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
}

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
