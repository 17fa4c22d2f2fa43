// Renders the real application offscreen and saves the README's screenshots: the overview of every data type, the
// main window with a chart and its outliers, the chart zoomed to 30 days with the overview brush, the PDF report's
// first page, the sign-in dialog, and the history comparison. Writes to $FO_SCREENSHOT_DIR, or with
// FO_UPDATE_SCREENSHOTS=1 to docs/screenshots in the source tree, else to a temporary folder. Checks that each
// image shows what it should: the chart's outlier markers at the pixels where its data puts them, and the outlier red
// on the overview's cards that have outliers and on no other.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/ChartMarkers.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ReportExport.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Translations.h"
#include "ui/status/ServiceIndicator.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiScreenshots : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInDialog();
    void mainWindowWithChart();
    void historyComparison();

private:
    QString save(QWidget *widget, const QString &name);
    // The markers are in the saved image where the chart's data puts them (verifyOutlierMarkers).
    void verifyChartShot(const QString &path);
    // The cards with outliers, and only they, show the outlier red.
    void verifyOverviewShot(const QString &path);

    QString m_outDir;
    QTemporaryDir m_tmp;
    std::unique_ptr<Translations> m_translations;
};

void TestUiScreenshots::initTestCase()
{
    m_outDir = qEnvironmentVariable("FO_SCREENSHOT_DIR");
    if (m_outDir.isEmpty() && qEnvironmentVariableIntValue("FO_UPDATE_SCREENSHOTS") == 1)
        m_outDir = sourceDir() + QStringLiteral("/docs/screenshots");
    if (m_outDir.isEmpty())
        m_outDir = m_tmp.path();
    QVERIFY(QDir().mkpath(m_outDir));

    m_desktop.createDatabase(QStringLiteral("ui_shots"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth();
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();

    // As the application does at start: the English plurals ("1 outlier") come from its translation.
    m_translations = std::make_unique<Translations>();
    QCOMPARE(m_translations->install(QStringLiteral("en")), QStringLiteral("en"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);

    m_desktop.openWindow(QSize(1360, 860));
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::EmailsLoaded);
    FO_RETURN_IF_FAILED();
    // The status bar shows the services' answers, not "checking".
    for (ServiceIndicator *indicator : window()->findChildren<ServiceIndicator *>())
        QTRY_VERIFY_WITH_TIMEOUT(indicator->state() != ServiceIndicator::State::Checking
                                     && indicator->state() != ServiceIndicator::State::Unknown,
                                 15000);
}

void TestUiScreenshots::cleanupTestCase()
{
    m_desktop.tearDown();
}

QString TestUiScreenshots::save(QWidget *widget, const QString &name)
{
    // Layouts, geometry changes and the chart's re-sampling (a zero timer) that are still queued reach the widgets
    // before the grab: one pass of the event loop.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    // No leftover of the test's own steps in the status bar ("Saved the report to /tmp/…").
    if (auto *mainWindow = qobject_cast<MainWindow *>(widget)) {
        const QString message = mainWindow->statusBar()->currentMessage();
        if (!message.isEmpty()) {
            qWarning().noquote() << name << "would show a status message:" << message;
            return QString();
        }
    }
    const QString path = QDir(m_outDir).filePath(name);
    const QImage image = widget->grab().toImage();
    if (!image.save(path, "PNG"))
        return QString();
    qInfo() << "wrote" << path;
    return path;
}

void TestUiScreenshots::verifyChartShot(const QString &path)
{
    QVERIFY(!path.isEmpty());
    const QImage image(path);
    QVERIFY(!image.isNull());
    OutlierChartView *view = window()->chartView();
    int checked = 0;
    verifyOutlierMarkers(image, view, view->viewport()->mapTo(window(), QPoint(0, 0)), &checked);
    FO_RETURN_IF_FAILED();
    qInfo().noquote() << QFileInfo(path).fileName() << "shows" << checked << "outlier markers where the data puts them";
}

void TestUiScreenshots::verifyOverviewShot(const QString &path)
{
    // A card's sketch marks its type's outliers in the chart's red; a card without outliers has none of it.
    QVERIFY(!path.isEmpty());
    const QImage image(path);
    QVERIFY(!image.isNull());
    const QColor red = markers::outlier().color;
    auto isRed = [&](const QColor &c) {
        return std::abs(c.red() - red.red()) <= 16 && std::abs(c.green() - red.green()) <= 16
            && std::abs(c.blue() - red.blue()) <= 16;
    };
    int withOutliers = 0;
    for (TypeCard *card : window()->findChild<OverviewGrid *>()->cards()) {
        // The sketch's band of the card: below the title, subtitle and badge (three lines), above the counts.
        const int line = card->fontMetrics().height();
        const QRect sketch = card->rect().adjusted(0, 3 * line, 0, -2 * line);
        const QRect area(card->mapTo(window(), sketch.topLeft()) * image.devicePixelRatio(),
                         sketch.size() * image.devicePixelRatio());
        if (!image.rect().contains(area))
            continue; // scrolled out of view
        int redPixels = 0;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x)
                redPixels += isRed(image.pixelColor(x, y)) ? 1 : 0;
        const bool hasOutliers = card->badge() == TypeCard::Badge::NeedsAttention;
        withOutliers += hasOutliers ? 1 : 0;
        QVERIFY2(
            hasOutliers == (redPixels > 0),
            qPrintable(
                QStringLiteral("%1: %2 red pixels, %3").arg(card->dataType()).arg(redPixels).arg(card->badgeText())));
    }
    QVERIFY2(withOutliers > 0, "no card in view has outliers");
}

void TestUiScreenshots::signInDialog()
{
    window()->showSignIn();
    SignInDialog *dialog = visibleSignInDialog(window());
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(QStringLiteral("http://auth-api:8081"));
    dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(QStringLiteral("support"));
    dialog->adjustSize();
    const QString path = save(dialog, QStringLiteral("sign-in.png"));
    QVERIFY(!path.isEmpty());
    QVERIFY(QImage(path).width() >= 400);
    // Then really sign in against the stub.
    dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(auth()->baseUrl());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session()->isSignedIn(), 15000);
}

void TestUiScreenshots::mainWindowWithChart()
{
    window()->emailEdit()->setText(QString::fromLatin1(demo::Email));
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);

    // After a run: the overview of every data type.
    ResultsPanel *results = window()->findChild<ResultsPanel *>();
    QCOMPARE(results->viewTabs()->currentWidget(), results->overview());
    QTRY_VERIFY(results->overview()->isComplete());
    verifyOverviewShot(save(window(), QStringLiteral("overview.png")));
    FO_RETURN_IF_FAILED();

    window()->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QTRY_COMPARE_WITH_TIMEOUT(window()->chartView()->chartData().dataType, QStringLiteral("HeartRateRecord"), 20000);
    QVERIFY(window()->chartView()->outlierSeries()->count() > 0);
    // Sort by |z| and select the strongest outlier, as a support person would.
    window()->outlierView()->sortByColumn(OutlierTableModel::WhyColumn, Qt::DescendingOrder);
    window()->outlierView()->selectRow(0);
    window()->chartView()->resetZoom();
    verifyChartShot(save(window(), QStringLiteral("main-window.png")));
    FO_RETURN_IF_FAILED();

    // The last 30 days, with the brush on the overview strip below the chart.
    window()->outlierView()->clearSelection();
    auto *chartPanel = qobject_cast<ChartPanel *>(window()->chartView()->parentWidget());
    QVERIFY(chartPanel);
    chartPanel->showLastDays(30);
    verifyChartShot(save(window(), QStringLiteral("detail-brush.png")));
    FO_RETURN_IF_FAILED();
    window()->chartView()->resetZoom();

    // The PDF report's first page, rendered with pdftoppm.
    const QString pdf = m_tmp.filePath(QStringLiteral("report.pdf"));
    QSignalSpy written(window()->reportExport(), &ReportExport::finished);
    window()->reportExport()->exportTo(pdf);
    QVERIFY(written.count() == 1 || written.wait(30000));
    QVERIFY2(written.first().at(0).toBool(), qPrintable(written.first().at(1).toString()));
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-singlefile"),
                    QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf,
                    QDir(m_outDir).filePath(QStringLiteral("report-page-1"))});
    QVERIFY(pdftoppm.waitForFinished(30000));
    QCOMPARE(pdftoppm.exitCode(), 0);
    QVERIFY(QImage(QDir(m_outDir).filePath(QStringLiteral("report-page-1.png"))).width() > 500);
    // The export said where it wrote, in the status bar: a step of this test, not of the screenshots' story.
    QVERIFY(window()->statusBar()->currentMessage().contains(pdf));
    window()->statusBar()->clearMessage();
}

void TestUiScreenshots::historyComparison()
{
    // A second run with a lower raw threshold (more outliers, some new), then open it from History.
    window()->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->setValue(2.0);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    HistoryPanel *history = window()->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->iterationCount() >= 2, 20000);
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    history->selectIteration(history->iterationAt(0));
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    QVERIFY(window()->isComparing());
    window()->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QTRY_VERIFY_WITH_TIMEOUT(window()->chartView()->chartData().dataType == QStringLiteral("HeartRateRecord")
                                 && window()->chartView()->persistingSeries()->count() > 0,
                             20000);
    window()->outlierView()->sortByColumn(OutlierTableModel::StatusColumn, Qt::AscendingOrder);
    verifyChartShot(save(window(), QStringLiteral("history-compare.png")));
}

QTEST_MAIN(TestUiScreenshots)
#include "tst_ui_screenshots.moc"
