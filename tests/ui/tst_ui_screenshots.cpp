// Renders the real application offscreen and saves the README's screenshots: the overview of every data type, the
// main window with a chart and its outliers, the chart zoomed to 30 days with the overview brush, the PDF report's
// first page, the sign-in dialog, and the history comparison. Writes to $FO_SCREENSHOT_DIR, or with
// FO_UPDATE_SCREENSHOTS=1 to docs/screenshots in the source tree, else to a temporary folder. Checks that each
// image shows what it should (the red outlier markers are there).

#include "tests/ui/UiTestSupport.h"

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ReportExport.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeTableModel.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiScreenshots : public QObject
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
    static int redPixels(const QImage &image);

    QString m_dbName;
    QString m_outDir;
    QTemporaryDir m_tmp;
    std::unique_ptr<AuthApiStub> m_auth;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuthSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiScreenshots::initTestCase()
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    m_outDir = qEnvironmentVariable("FO_SCREENSHOT_DIR");
    if (m_outDir.isEmpty() && qEnvironmentVariableIntValue("FO_UPDATE_SCREENSHOTS") == 1)
        m_outDir = sourceDir() + QStringLiteral("/docs/screenshots");
    if (m_outDir.isEmpty())
        m_outDir = m_tmp.path();
    QVERIFY(QDir().mkpath(m_outDir));

    QString error;
    m_dbName = createDatabase(QStringLiteral("ui_shots"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    {
        Result<Database> db = Database::open(pgConfig(m_dbName));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(demo::seed(db.value()).ok());
    }
    m_auth = std::make_unique<AuthApiStub>();
    m_auth->addAccount(QStringLiteral("support"), QStringLiteral("support@example.com"), QStringLiteral("Sam Support"));
    useTestEnvironment(m_dbName, m_auth->baseUrl(), QString());

    QApplication::setStyle(QStringLiteral("Fusion"));
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);

    m_secrets = std::make_unique<SecretStore>();
    m_session = std::make_unique<AuthSession>(m_secrets.get());
    m_window = std::make_unique<MainWindow>(m_secrets.get(), m_session.get());
    m_window->resize(1360, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy emails(m_window.get(), &MainWindow::emailsLoaded);
    m_window->start();
    QVERIFY(emails.wait(30000));
    QTest::qWait(300);
}

void TestUiScreenshots::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

QString TestUiScreenshots::save(QWidget *widget, const QString &name)
{
    QTest::qWait(150);
    const QString path = QDir(m_outDir).filePath(name);
    const QImage image = widget->grab().toImage();
    if (!image.save(path, "PNG"))
        return QString();
    qInfo() << "wrote" << path;
    return path;
}

int TestUiScreenshots::redPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += (c.red() > 200 && c.green() < 80 && c.blue() < 80) ? 1 : 0;
        }
    return n;
}

void TestUiScreenshots::signInDialog()
{
    m_window->showSignIn();
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SignInDialog *>()) && dialog->isVisible());
    dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(QStringLiteral("http://auth-api:8081"));
    dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(QStringLiteral("support"));
    dialog->adjustSize();
    const QString path = save(dialog, QStringLiteral("sign-in.png"));
    QVERIFY(!path.isEmpty());
    QVERIFY(QImage(path).width() >= 400);
    // Then really sign in against the stub.
    dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(m_auth->baseUrl());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isSignedIn(), 15000);
}

void TestUiScreenshots::mainWindowWithChart()
{
    m_window->emailEdit()->setText(QString::fromLatin1(demo::Email));
    QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().value<RunReport>().status, RunStatus::Completed);

    // After a run: the overview of every data type.
    ResultsPanel *results = m_window->findChild<ResultsPanel *>();
    QCOMPARE(results->viewTabs()->currentWidget(), results->overview());
    QTRY_VERIFY(results->overview()->isComplete());
    const QString overview = save(m_window.get(), QStringLiteral("overview.png"));
    QVERIFY(!overview.isEmpty());
    QVERIFY(redPixels(QImage(overview)) > 50);

    QSignalSpy chart(m_window.get(), &MainWindow::chartUpdated);
    m_window->selectType(Source::Raw, QStringLiteral("HeartRateRecord"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->chartView()->chartData().dataType, QStringLiteral("HeartRateRecord"), 20000);
    QVERIFY(m_window->chartView()->outlierSeries()->count() > 0);
    // Sort by |z| and select the strongest outlier, as a support person would.
    m_window->outlierView()->sortByColumn(OutlierTableModel::WhyColumn, Qt::DescendingOrder);
    m_window->outlierView()->selectRow(0);
    m_window->chartView()->resetZoom();
    const QString path = save(m_window.get(), QStringLiteral("main-window.png"));
    QVERIFY(!path.isEmpty());
    QVERIFY(redPixels(QImage(path)) > 50);

    // The last 30 days, with the brush on the overview strip below the chart.
    m_window->outlierView()->clearSelection();
    auto *chartPanel = qobject_cast<ChartPanel *>(m_window->chartView()->parentWidget());
    QVERIFY(chartPanel);
    chartPanel->showLastDays(30);
    const QString brush = save(m_window.get(), QStringLiteral("detail-brush.png"));
    QVERIFY(!brush.isEmpty());
    QVERIFY(redPixels(QImage(brush)) > 20);
    m_window->chartView()->resetZoom();

    // The PDF report's first page, rendered with pdftoppm.
    const QString pdf = m_tmp.filePath(QStringLiteral("report.pdf"));
    QSignalSpy written(m_window->reportExport(), &ReportExport::finished);
    m_window->reportExport()->exportTo(pdf);
    QVERIFY(written.count() == 1 || written.wait(30000));
    QVERIFY2(written.first().at(0).toBool(), qPrintable(written.first().at(1).toString()));
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"),
                                                QStringLiteral("-singlefile"), QStringLiteral("-f"), QStringLiteral("1"),
                                                QStringLiteral("-l"), QStringLiteral("1"), pdf,
                                                QDir(m_outDir).filePath(QStringLiteral("report-page-1"))});
    QVERIFY(pdftoppm.waitForFinished(30000));
    QCOMPARE(pdftoppm.exitCode(), 0);
    QVERIFY(QImage(QDir(m_outDir).filePath(QStringLiteral("report-page-1.png"))).width() > 500);
}

void TestUiScreenshots::historyComparison()
{
    // A second run with a lower raw threshold (more outliers, some new), then open it from History.
    m_window->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->setValue(2.0);
    QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    HistoryPanel *history = m_window->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->iterationCount() >= 2, 20000);
    QSignalSpy shown(m_window.get(), &MainWindow::comparisonShown);
    history->selectIteration(history->iterationAt(0));
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    QVERIFY(m_window->isComparing());
    m_window->selectType(Source::Raw, QStringLiteral("HeartRateRecord"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->chartView()->chartData().dataType == QStringLiteral("HeartRateRecord")
                                 && m_window->chartView()->persistingSeries()->count() > 0,
                             20000);
    m_window->outlierView()->sortByColumn(OutlierTableModel::StatusColumn, Qt::AscendingOrder);
    const QString path = save(m_window.get(), QStringLiteral("history-compare.png"));
    QVERIFY(!path.isEmpty());
    QVERIFY(redPixels(QImage(path)) > 20);
}

QTEST_MAIN(TestUiScreenshots)
#include "tst_ui_screenshots.moc"
