// A NULL data_type is a group of its own, apart from "" (issue 10 item 3, docs/platform.md section 1), on the
// desktop too: a user with rows of both (and of a named type) is run from the window and then opened from history.
// The type table, the overview's cards, the outlier table, the chart's title and the PDF report say "(no type)" for
// the NULL type (in Russian too) and keep "" as it is stored; picking either draws its own points, and a stored
// iteration reads the NULL type's values back from the database (a "data_type = ?" bound to NULL matches no row).

#include "core/Database.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/PdfReport.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Translations.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {

const QString Email = QStringLiteral("no.type@example.com");
// 40 ordinary values and one far out in each of the two groups, of different sizes, so that one group's points are
// never taken for the other's.
constexpr int NullRows = 41;
constexpr double NullOutlier = 400.0;
constexpr int EmptyRows = 31;
constexpr double EmptyOutlier = 900.0;

} // namespace

class TestUiNoType : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runShowsNullAndEmptyApart();
    void russianNamesTheNullType();
    void pdfReportNamesTheNullType();
    void storedIterationDrawsTheNullType();

private:
    ResultsPanel *results() const { return window()->findChild<ResultsPanel *>(); }
    QString typeCell(const TypeKey &type, int column) const;
    // Selects `type` of the raw records and checks that the detail chart draws its points and its one outlier.
    void verifyChartOf(const TypeKey &type, int points, double outlier);

    RunReport m_report;
    QTemporaryDir m_tmp;
};

void TestUiNoType::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_notype"), DesktopFixture::Seed::Nothing);
    FO_RETURN_IF_FAILED();
    {
        Result<Database> db = Database::open(pgConfig(m_desktop.dbName()));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(db->db());
        // A deployment whose data_type may be NULL (the platform's DDL says NOT NULL; the tool does not rely on it).
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE raw_records ALTER data_type DROP NOT NULL")));
        const QString insert =
            QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT %1, '%2', "
                           "TIMESTAMPTZ '2026-03-01 00:00:00+00' + g * INTERVAL '1 hour', "
                           "CASE WHEN g = %3 THEN '%4' ELSE (%5 + g % 5)::text END FROM generate_series(1, %3) g");
        QVERIFY2(query.exec(insert.arg(QStringLiteral("NULL"), Email).arg(NullRows).arg(NullOutlier).arg(60)),
                 qPrintable(query.lastError().text()));
        QVERIFY2(query.exec(insert.arg(QStringLiteral("''"), Email).arg(EmptyRows).arg(EmptyOutlier).arg(50)),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(insert.arg(QStringLiteral("'HeartRateRecord'"), Email).arg(20).arg(72).arg(70)));
    }
    // A run that writes is recorded under the operator's name: signed in before the window opens.
    m_desktop.startAuth();
    m_desktop.useEnvironment(false);
    m_desktop.signInFirst();
    FO_RETURN_IF_FAILED();
    m_desktop.openHost(QSize(1400, 900));
    FO_RETURN_IF_FAILED();
    QVERIFY(m_tmp.isValid());
}

void TestUiNoType::cleanupTestCase()
{
    m_desktop.tearDown();
}

QString TestUiNoType::typeCell(const TypeKey &type, int column) const
{
    TypeTableModel *model = window()->typeModel();
    const int row = model->rowOf(Source::Raw, type);
    return row < 0 ? QStringLiteral("<no row>") : model->index(row, column).data().toString();
}

void TestUiNoType::verifyChartOf(const TypeKey &type, int points, double outlier)
{
    window()->selectType(Source::Raw, type);
    OutlierChartView *chart = window()->chartView();
    QTRY_VERIFY_WITH_TIMEOUT(chart->chartData().key() == type && chart->chartData().points.size() == points, 20000);
    QCOMPARE(chart->chartData().markers.size(), 1);
    QCOMPARE(chart->chartData().markers.first().y, outlier);
    // The outliers listed under the chart are the type's own.
    QCOMPARE(window()->outlierModel()->rowCount(), 1);
    QCOMPARE(window()->outlierModel()->rowsData().first().value, outlier);
}

void TestUiNoType::runShowsNullAndEmptyApart()
{
    window()->emailEdit()->setText(Email);
    window()->dryRunCheck()->setChecked(false);
    window()->notifyCheck()->setChecked(false);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    m_report = finished.first().first().value<RunReport>();
    QVERIFY2(m_report.status == RunStatus::Completed, qPrintable(m_report.error));
    QCOMPARE(m_report.raw.types.size(), 3);

    // The type table: two rows, "(no type)" and the empty name, each with its own counts.
    TypeTableModel *model = window()->typeModel();
    const int nullRow = model->rowOf(Source::Raw, TypeKey::null());
    const int emptyRow = model->rowOf(Source::Raw, TypeKey(QString()));
    QVERIFY(nullRow >= 0 && emptyRow >= 0);
    QVERIFY(nullRow != emptyRow);
    QCOMPARE(typeCell(TypeKey::null(), TypeTableModel::TypeColumn), QStringLiteral("(no type)"));
    QCOMPARE(typeCell(TypeKey(QString()), TypeTableModel::TypeColumn), QString());
    QCOMPARE(typeCell(TypeKey::null(), TypeTableModel::RowsColumn), QString::number(NullRows));
    QCOMPARE(typeCell(TypeKey(QString()), TypeTableModel::RowsColumn), QString::number(EmptyRows));
    const QString tooltip = model->index(nullRow, TypeTableModel::TypeColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("NULL")), qPrintable(tooltip));

    // The overview: a card for each, named apart.
    OverviewGrid *grid = results()->overview();
    TypeCard *nullCard = grid->card(Source::Raw, TypeKey::null());
    TypeCard *emptyCard = grid->card(Source::Raw, TypeKey(QString()));
    QVERIFY(nullCard && emptyCard);
    QVERIFY(nullCard != emptyCard);
    QCOMPARE(nullCard->titleText(), QStringLiteral("(no type)"));
    QCOMPARE(emptyCard->titleText(), QString());
    QVERIFY2(nullCard->countsText(QStringLiteral(" · ")).startsWith(QStringLiteral("%1 rows").arg(NullRows)),
             qPrintable(nullCard->countsText(QStringLiteral(" · "))));
    QVERIFY2(emptyCard->countsText(QStringLiteral(" · ")).startsWith(QStringLiteral("%1 rows").arg(EmptyRows)),
             qPrintable(emptyCard->countsText(QStringLiteral(" · "))));
    QTRY_VERIFY(grid->isComplete());
    QCOMPARE(grid->printSketch(Source::Raw, TypeKey::null()).points, qint64(NullRows));
    QCOMPARE(grid->printSketch(Source::Raw, TypeKey(QString())).points, qint64(EmptyRows));

    // Each type's detail: its own points, its own outlier, its name on the chart and in the outlier table.
    verifyChartOf(TypeKey::null(), NullRows, NullOutlier);
    FO_RETURN_IF_FAILED();
    QVERIFY2(window()->chartView()->chart()->title().startsWith(QStringLiteral("(no type) (raw records)")),
             qPrintable(window()->chartView()->chart()->title()));
    QCOMPARE(window()->chartView()->valueAxis()->titleText(), QStringLiteral("(no type)"));
    QCOMPARE(window()->outlierModel()->index(0, OutlierTableModel::TypeColumn).data().toString(),
             QStringLiteral("(no type)"));
    verifyChartOf(TypeKey(QString()), EmptyRows, EmptyOutlier);
    FO_RETURN_IF_FAILED();
    QVERIFY2(window()->chartView()->chart()->title().startsWith(QStringLiteral(" (raw records)")),
             qPrintable(window()->chartView()->chart()->title()));
    QCOMPARE(window()->outlierModel()->index(0, OutlierTableModel::TypeColumn).data().toString(), QString());
}

void TestUiNoType::russianNamesTheNullType()
{
    Translations *translations = m_desktop.translations();
    QCOMPARE(translations->install(QStringLiteral("ru")), QStringLiteral("ru"));
    TypeCard *nullCard = results()->overview()->card(Source::Raw, TypeKey::null());
    QVERIFY(nullCard);
    const QString table = typeCell(TypeKey::null(), TypeTableModel::TypeColumn);
    const QString card = nullCard->titleText();
    QCOMPARE(translations->install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(table, QStringLiteral("(нет типа)"));
    QCOMPARE(card, QStringLiteral("(нет типа)"));
}

void TestUiNoType::pdfReportNamesTheNullType()
{
    PdfReport::Input input;
    input.report = window()->report();
    input.madeAt = QDateTime::currentDateTimeUtc();
    OverviewGrid *grid = results()->overview();
    input.sketch = [grid](Source source, const TypeKey &type) { return grid->printSketch(source, type); };
    const QString path = m_tmp.filePath(QStringLiteral("notype.pdf"));
    const Result<int> written = PdfReport::write(path, input);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY(text.contains(QStringLiteral("Outlier report: %1").arg(Email)));
    // In the summary, as a chart's title and in the outlier list; every chart drawn.
    QVERIFY2(text.count(QStringLiteral("(no type)")) >= 3, qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("could not be read")), qPrintable(text));
}

void TestUiNoType::storedIterationDrawsTheNullType()
{
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    window()->openIteration(m_report.iteration);
    QVERIFY(shown.wait(30000));
    QCOMPARE(window()->report().runId, m_report.runId);
    QVERIFY(window()->report().raw.types.first().series.ids.isEmpty()); // values are read from the database

    // The overview reads each type's values: the NULL type's come back too.
    OverviewGrid *grid = results()->overview();
    QTRY_VERIFY_WITH_TIMEOUT(grid->isComplete(), 30000);
    QVERIFY(grid->card(Source::Raw, TypeKey::null()));
    QCOMPARE(grid->card(Source::Raw, TypeKey::null())->titleText(), QStringLiteral("(no type)"));
    QCOMPARE(grid->printSketch(Source::Raw, TypeKey::null()).points, qint64(NullRows));
    QCOMPARE(grid->printSketch(Source::Raw, TypeKey(QString())).points, qint64(EmptyRows));

    // Picked in the table: its chart with its points and outlier.
    results()->forgetSeries(); // read again for the detail view, not taken from the overview's reads
    verifyChartOf(TypeKey::null(), NullRows, NullOutlier);
    FO_RETURN_IF_FAILED();
    QCOMPARE(typeCell(TypeKey::null(), TypeTableModel::TypeColumn), QStringLiteral("(no type)"));
    verifyChartOf(TypeKey(QString()), EmptyRows, EmptyOutlier);
}

QTEST_MAIN(TestUiNoType)
#include "tst_ui_notype.moc"
