// File → Export report… (issue 11 item 6): the PDF of a stored iteration made with Qt's own PDF support, read back
// with poppler's pdftotext and pdfinfo: the user, the iteration, every data type by its plain name, a known outlier's
// value, and as many pages as the window said. Also the saved chart PNG: a caption and a default name that say whose
// data it is.

#include "core/DataUnits.h"
#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/Pipeline.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/ChartCaption.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/PdfReport.h"
#include "ui/export/ReportExport.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"
#include "ui/text/NumberText.h"

#include <QAction>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiReport : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportReportOfStoredIteration();
    void savedChartHasCaptionAndName();
    void reportInRussian();

private:
    static QString run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_tmp;
    RunReport m_stored;
};

QString TestUiReport::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestUiReport::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext is missing: install poppler-utils");
    m_desktop.createDatabase(QStringLiteral("ui_report"));
    FO_RETURN_IF_FAILED();
    RunRequest request;
    request.email = QString::fromLatin1(demo::Email);
    request.notify = false;
    m_stored = Pipeline(pgConfig(m_desktop.dbName())).run(request);
    QVERIFY2(m_stored.status == RunStatus::Completed, qPrintable(m_stored.error));
    m_desktop.useEnvironment(false);
    m_desktop.openHost(QSize(1400, 900));
}

void TestUiReport::cleanupTestCase()
{
    m_desktop.tearDown();
}

void TestUiReport::exportReportOfStoredIteration()
{
    QAction *action = window()->findChild<QAction *>(QStringLiteral("exportReportAction"));
    QVERIFY(action);
    QVERIFY(window()->menuBar()->actions().first()->menu()->actions().contains(action));
    QVERIFY(!action->isEnabled()); // nothing shown yet

    // The stored iteration, opened from the window, its overview sketched from samples of 16 values a type (as it
    // is from about 8,000 for a large user): the report is written once every type's values are read, and its
    // charts are drawn from all of them.
    window()->emailEdit()->setText(QString::fromLatin1(demo::Email));
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    window()->tasks()->openWorker()->setOverviewSamplePoints(16);
    window()->openIteration(m_stored.iteration);
    QVERIFY(shown.wait(30000));
    window()->tasks()->openWorker()->setOverviewSamplePoints(OpenRequest().samplePoints);
    QTRY_VERIFY(action->isEnabled());
    OverviewGrid *overview = window()->findChild<OverviewGrid *>();
    QVERIFY(overview && overview->isComplete());
    QVERIFY(!overview->hasExactSketches());
    QVector<TypeKey> sampled;
    for (TypeCard *card : overview->cards()) {
        if (!card->isSampled())
            continue;
        sampled << card->type();
        // Said on the card, and in full in its tooltip.
        QVERIFY2(card->toolTip().contains(QStringLiteral("Small chart drawn from ")), qPrintable(card->toolTip()));
        QVERIFY(card->sampleText().contains(QStringLiteral("; open the type for all of them.")));
    }
    QVERIFY(!sampled.isEmpty());
    // The type the window shows first is read whole.
    QVERIFY(!overview
                 ->card(window()->findChild<ResultsPanel *>()->selectedSource(),
                        window()->findChild<ResultsPanel *>()->selectedType())
                 ->isSampled());

    QSignalSpy finished(window()->reportExport(), &ReportExport::finished);
    action->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<QFileDialog *>(QStringLiteral("exportReportDialog")))
                && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    const QString suggested = dialog->selectedFiles().value(0);
    QVERIFY2(suggested.endsWith(QStringLiteral("/demo@example.com-iteration-%1-report.pdf").arg(m_stored.iteration)),
             qPrintable(suggested));
    const QString path = qEnvironmentVariableIsSet("FO_UI_SHOTS_DIR")
        ? qEnvironmentVariable("FO_UI_SHOTS_DIR") + QStringLiteral("/report.pdf")
        : m_tmp.filePath(QStringLiteral("report.pdf"));
    QFile::remove(path); // no "Replace?" question
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept();
    QVERIFY(finished.wait(30000) || finished.count() == 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const int pages = finished.first().at(2).toInt();
    // Every sketch now from every value: the report's, and the cards'.
    QVERIFY(overview->hasExactSketches());
    for (TypeCard *card : overview->cards()) {
        QVERIFY2(!card->isSampled(), qPrintable(card->dataType()));
        if (!sampled.contains(card->type()))
            continue;
        const TableReport &table = window()->report().table(card->source());
        const auto type = std::find_if(table.types.cbegin(), table.types.cend(),
                                       [&](const TypeReport &t) { return t.key() == card->type(); });
        QVERIFY(type != table.types.cend());
        QCOMPARE(overview->printSketch(card->source(), card->type()).points, type->numericRows);
    }

    const QString info = run(QStringLiteral("pdfinfo"), {path});
    const QRegularExpressionMatch pagesLine = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY2(pagesLine.hasMatch(), qPrintable(info));
    QCOMPARE(pagesLine.captured(1).toInt(), pages);
    // A title page with the summary, the charts (two or three to a page) and the outlier list.
    const int types = int(m_stored.raw.types.size() + m_stored.processed.types.size());
    QVERIFY2(pages >= 1 + types / 3 + 1, qPrintable(QString::number(pages)));

    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(!text.isEmpty());
    QVERIFY(text.contains(QStringLiteral("Outlier report: demo@example.com")));
    QVERIFY(text.contains(QStringLiteral("Iteration: %1 (stored)").arg(m_stored.iteration)));
    QVERIFY(text.contains(QStringLiteral("k = 3 for raw records, k = 2 for processed records")));
    QVERIFY(text.contains(QStringLiteral("What an outlier is")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));
    QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    for (const TableReport *table : {&m_stored.raw, &m_stored.processed}) {
        for (const TypeReport &type : table->types) {
            // In the summary and as a chart title (with its unit, when it has one).
            const QString name = nameWithUnit(type.dataType);
            QVERIFY2(text.count(name) >= 2, qPrintable(name));
        }
    }
    // A known outlier: the highest heart rate, with its value, unit and z as the window shows them.
    const TypeReport *heart = nullptr;
    for (const TypeReport &type : m_stored.raw.types)
        heart = type.dataType == QLatin1String("HeartRateRecord") ? &type : heart;
    QVERIFY(heart && !heart->outliers.isEmpty());
    const OutlierPoint top =
        *std::max_element(heart->outliers.cbegin(), heart->outliers.cend(),
                          [](const OutlierPoint &a, const OutlierPoint &b) { return a.value < b.value; });
    const QString time = top.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QRegularExpression row(QStringLiteral("Heart rate\\s+raw\\s+%1\\s+%2\\s*bpm\\s+%3\\s+\\|z\\| %3 > k = 3")
                                     .arg(QRegularExpression::escape(time),
                                          QRegularExpression::escape(numberText(top.value)),
                                          QRegularExpression::escape(zText(top.z, 3))));
    QVERIFY2(row.match(text).hasMatch(), qPrintable(row.pattern()));

    // The first page as an image, for the README.
    const QByteArray shots = qgetenv("FO_UI_SHOTS_DIR");
    if (!shots.isEmpty())
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
             QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("3"), path,
             QString::fromLocal8Bit(shots) + QStringLiteral("/report-page")});
}

void TestUiReport::savedChartHasCaptionAndName()
{
    window()->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QTRY_COMPARE(window()->chartView()->chartData().dataType, QStringLiteral("HeartRateRecord"));
    const RunReport &report = window()->report();
    QCOMPARE(ChartCaption::defaultPngName(report, TypeKey(QStringLiteral("HeartRateRecord"))),
             QStringLiteral("demo@example.com-HeartRateRecord-iteration-%1.png").arg(m_stored.iteration));
    QCOMPARE(ChartCaption::defaultPngName(report, TypeKey(QStringLiteral("a/b c"))),
             QStringLiteral("demo@example.com-a_b_c-iteration-%1.png").arg(m_stored.iteration));
    const QString caption =
        ChartCaption::text(report, window()->chartView()->chartData(), window()->chartView()->viewRanges());
    QVERIFY2(caption.startsWith(QStringLiteral("demo@example.com · Heart rate, bpm (raw records) · iteration %1 · ")
                                    .arg(m_stored.iteration)),
             qPrintable(caption));
    QVERIFY2(caption.endsWith(QStringLiteral(" UTC")), qPrintable(caption));

    // File → Save chart as PNG…: the dialog suggests that name; the image has the caption above the chart.
    QAction *save = window()->findChild<QAction *>(QStringLiteral("saveChartPngAction"));
    QTRY_VERIFY(save->isEnabled());
    save->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<QFileDialog *>(QStringLiteral("saveChartDialog")))
                && dialog->isVisible());
    QVERIFY2(dialog->selectedFiles().value(0).endsWith(
                 QStringLiteral("/demo@example.com-HeartRateRecord-iteration-%1.png").arg(m_stored.iteration)),
             qPrintable(dialog->selectedFiles().value(0)));
    const QString path = m_tmp.filePath(QStringLiteral("chart.png"));
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept();
    QTRY_VERIFY(QFile::exists(path));
    QImage image;
    QTRY_VERIFY(image.load(path));
    const QSize chart = window()->chartView()->grab().size();
    QCOMPARE(image.width(), chart.width());
    QVERIFY2(image.height() > chart.height(),
             qPrintable(QStringLiteral("%1 vs %2").arg(image.height()).arg(chart.height())));
    const QByteArray shots = qgetenv("FO_UI_SHOTS_DIR");
    if (!shots.isEmpty())
        image.save(QString::fromLocal8Bit(shots) + QStringLiteral("/chart-with-caption.png"));
}

void TestUiReport::reportInRussian()
{
    // The report speaks the window's language: type names, units, headings and page numbers.
    QCOMPARE(m_desktop.translations()->install(QStringLiteral("ru")), QStringLiteral("ru"));
    const QString path = m_tmp.filePath(QStringLiteral("report-ru.pdf"));
    QSignalSpy finished(window()->reportExport(), &ReportExport::finished);
    window()->reportExport()->exportTo(path);
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    m_desktop.translations()->install(QStringLiteral("en"));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const int pages = finished.first().at(2).toInt();
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(text.contains(QStringLiteral("Отчёт о выбросах: demo@example.com")));
    QVERIFY(text.contains(QStringLiteral("Итерация: %1").arg(m_stored.iteration)));
    QVERIFY(text.contains(QStringLiteral("Пульс, уд/мин")));
    QVERIFY(text.contains(QStringLiteral("Шаги, шт")));
    QVERIFY(text.contains(QStringLiteral("Сводка по типам данных")));
    QVERIFY(text.contains(QStringLiteral("Страница 1 из %1").arg(pages)));
    QVERIFY(!text.contains(QStringLiteral("Page 1 of")));
}

QTEST_MAIN(TestUiReport)
#include "tst_ui_report.moc"
