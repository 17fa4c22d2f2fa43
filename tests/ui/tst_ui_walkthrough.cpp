// A new support person's walk through the window, in English and in Russian (issue 11): after a run on the demo data,
// at the window's default size, the overview of every type, the detail chart with the overview brush, a type the rule
// cannot read, and the PDF report's first page (pdftoppm). Saves them to $FO_WALKTHROUGH_DIR (else a temporary
// folder) as <view>-<language>.png, to be looked at, and checks what can be checked in the pictures' widgets: every
// card's title is whole at that size, the counts speak the language, the chart and the brush agree.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/ChartBrush.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ReportExport.h"
#include "ui/results/NotAnalysedView.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"

#include <QCheckBox>
#include <QDateTimeAxis>
#include <QDir>
#include <QFontMetricsF>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void walkThrough_data();
    void walkThrough();

private:
    QString save(QWidget *widget, const QString &name) const;
    static int redPixels(const QImage &image);

    QString m_dbName;
    QString m_outDir;
    QTemporaryDir m_tmp;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthSession> m_session;
};

void TestUiWalkthrough::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    qputenv("TZ", "UTC");
    m_outDir = qEnvironmentVariable("FO_WALKTHROUGH_DIR");
    if (m_outDir.isEmpty())
        m_outDir = m_tmp.path();
    QVERIFY(QDir().mkpath(m_outDir));
    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_walk"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    {
        Result<Database> db = Database::open(pgConfig(m_dbName));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(demo::seed(db.value()).ok());
    }
    useTestEnvironment(m_dbName, QStringLiteral("http://127.0.0.1:%1").arg(closedPort()), QString(), false);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);
    m_secrets = std::make_unique<SecretStore>();
    m_session = std::make_unique<AuthSession>(m_secrets.get());
}

void TestUiWalkthrough::cleanupTestCase()
{
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

QString TestUiWalkthrough::save(QWidget *widget, const QString &name) const
{
    QTest::qWait(150);
    const QString path = QDir(m_outDir).filePath(name);
    if (!widget->grab().toImage().save(path, "PNG"))
        return QString();
    qInfo() << "wrote" << path;
    return path;
}

int TestUiWalkthrough::redPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += (c.red() > 200 && c.green() < 80 && c.blue() < 80) ? 1 : 0;
        }
    return n;
}

void TestUiWalkthrough::walkThrough_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("overviewTab"); // the overview tab's text in that language
    QTest::addColumn<QString>("outlierWord"); // in a card's counts
    QTest::addColumn<QString>("openQuote"); // before a stored value the rule cannot read
    QTest::newRow("en") << "en"
                        << "Overview"
                        << "outlier"
                        << "“";
    QTest::newRow("ru") << "ru"
                        << "Обзор"
                        << "выброс"
                        << "«";
}

void TestUiWalkthrough::walkThrough()
{
    QFETCH(QString, language);
    QFETCH(QString, overviewTab);
    QFETCH(QString, outlierWord);
    AppSettings().setLanguage(language);
    Translations translations;
    QCOMPARE(translations.install(language), language);
    // The host deletes its window when closed; the window is closed and gone before the translations are.
    auto host = std::make_unique<MainWindowHost>(m_secrets.get(), m_session.get(), &translations);
    host->open();
    QPointer<MainWindow> window = host->window();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(!window->runConfig().dbPassword.isEmpty(), 10000);

    // A run on the demo user, as a support person starts: a dry run, nobody notified.
    window->emailEdit()->setText(QString::fromLatin1(demo::Email));
    window->dryRunCheck()->setChecked(true);
    window->notifyCheck()->setChecked(false);
    QSignalSpy finished(window, &MainWindow::runFinished);
    QTest::mouseClick(window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::DryRun);

    // The overview, at the window's default size: every title whole, the counts in the language's words.
    ResultsPanel *results = window->findChild<ResultsPanel *>();
    QVERIFY(results);
    QCOMPARE(results->viewTabs()->tabText(results->viewTabs()->indexOf(results->overview())), overviewTab);
    QTRY_VERIFY_WITH_TIMEOUT(results->overview()->isComplete(), 30000);
    const QVector<TypeCard *> cards = results->overview()->cards();
    QVERIFY(cards.size() >= 10);
    for (TypeCard *card : cards) {
        const QRectF rect = card->titleRect();
        const QRectF needed = QFontMetricsF(card->titleFont())
                                  .boundingRect(QRectF(rect.left(), rect.top(), rect.width(), 1e6), card->titleFlags(),
                                                card->titleText());
        QVERIFY2(needed.height() <= rect.height() + 0.5 && needed.width() <= rect.width() + 0.5,
                 qPrintable(card->titleText()));
        QVERIFY2(card->countsText(QStringLiteral(" · ")).contains(outlierWord), qPrintable(card->countsText({})));
    }
    const QString overview = save(window, QStringLiteral("overview-%1.png").arg(language));
    QVERIFY(!overview.isEmpty());
    QVERIFY(redPixels(QImage(overview)) > 50);

    // The detail chart of heart rate, the last 30 days, with the brush on the overview strip.
    // Heart rate may be the chart already (the first row of the table is current): wait for the chart built for this
    // choice, else the preset below would be undone by its arrival.
    QSignalSpy built(window->chartView(), &OutlierChartView::chartDataChanged);
    window->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QVERIFY(built.count() > 0 || built.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(window->chartView()->chartData().dataType, QStringLiteral("HeartRateRecord"), 20000);
    QTest::qWait(200);
    auto *chartPanel = qobject_cast<ChartPanel *>(window->chartView()->parentWidget());
    QVERIFY(chartPanel);
    chartPanel->showLastDays(30);
    QTRY_VERIFY(window->chartView()->isZoomed());
    const double shownDays =
        double(window->chartView()->timeAxis()->min().msecsTo(window->chartView()->timeAxis()->max())) / 86400000.0;
    QVERIFY2(shownDays > 29 && shownDays < 31, qPrintable(QString::number(shownDays)));
    QCOMPARE(chartPanel->brush()->windowFrom(), double(window->chartView()->timeAxis()->min().toMSecsSinceEpoch()));
    const QString detail = save(window, QStringLiteral("detail-brush-%1.png").arg(language));
    QVERIFY(!detail.isEmpty());
    QVERIFY(redPixels(QImage(detail)) > 20);

    // Blood pressure: "S/D" text the rule cannot read.
    window->selectType(Source::Raw, TypeKey(QStringLiteral("BloodPressureRecord")));
    QTRY_VERIFY_WITH_TIMEOUT(results->notAnalysedView() && results->notAnalysedView()->isVisible(), 20000);
    // The stored values are quoted as the language quotes.
    QFETCH(QString, openQuote);
    auto *samples = results->notAnalysedView()->findChild<QLabel *>(QStringLiteral("notAnalysedSamples"));
    QVERIFY(samples);
    QTRY_VERIFY2_WITH_TIMEOUT(samples->text().contains(openQuote + QStringLiteral("1")), qPrintable(samples->text()),
                              20000);
    QVERIFY(!save(window, QStringLiteral("not-analysed-%1.png").arg(language)).isEmpty());

    // The PDF report's first page.
    const QString pdf = m_tmp.filePath(QStringLiteral("report-%1.pdf").arg(language));
    QSignalSpy written(window->reportExport(), &ReportExport::finished);
    window->reportExport()->exportTo(pdf);
    QVERIFY(written.count() == 1 || written.wait(60000));
    QVERIFY2(written.first().at(0).toBool(), qPrintable(written.first().at(1).toString()));
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-singlefile"),
                    QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf,
                    QDir(m_outDir).filePath(QStringLiteral("report-page-1-%1").arg(language))});
    QVERIFY(pdftoppm.waitForFinished(30000));
    QCOMPARE(pdftoppm.exitCode(), 0);
    QVERIFY(QImage(QDir(m_outDir).filePath(QStringLiteral("report-page-1-%1.png").arg(language))).width() > 500);

    window->close();
    QTRY_VERIFY(!window);
    host.reset();
}

QTEST_MAIN(TestUiWalkthrough)
#include "tst_ui_walkthrough.moc"
