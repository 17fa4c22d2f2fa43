// The overview of every data type (issue 11): after a run and for a stored iteration, one card per type in the web
// front end's order, with plain names, units, counts, badges and a small chart; keyboard navigation; click or Enter
// opens the detail. A type the rule cannot read says so with stored values. The detail chart shows its tooltip on a
// plain hover (no button held) and hides it during a drag. Fifty types stay responsive.

#include "core/DataUnits.h"
#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/Pipeline.h"
#include "core/StoredText.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/results/NotAnalysedView.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"
#include "ui/results/TypeCard.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiOverview : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void namesAndUnits();
    void valuePairs();
    void overviewAfterRun();
    void keyboardNavigationAndEnter();
    void clickOpensDetail();
    void notAnalysedType();
    void hoverShowsTooltipWithoutButton();
    void storedIterationOverview();
    void fiftyTypesStayResponsive();

private:
    ResultsPanel *results() const { return window()->findChild<ResultsPanel *>(); }
    RunReport runDemo(bool dryRun);
    static void saveShot(QWidget *widget, const QString &name);

    RunReport m_report;
};

void TestUiOverview::saveShot(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("FO_UI_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name);
}

void TestUiOverview::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_overview"));
    FO_RETURN_IF_FAILED();
    {
        // A type outside the platform's enum keeps its stored name and has no unit.
        Result<Database> db = Database::open(pgConfig(m_desktop.dbName()));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery insert(db->db());
        QVERIFY(insert.exec(QStringLiteral(
            "INSERT INTO raw_records (data_type, email, time, value) SELECT 'LabGlucose', 'demo@example.com', "
            "TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 day', (5 + (g % 7) * 0.1)::text "
            "FROM generate_series(1, 60) g")));
    }
    m_desktop.useEnvironment(false);
    m_desktop.openHost(QSize(1400, 900));
    FO_RETURN_IF_FAILED();
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
}

void TestUiOverview::cleanupTestCase()
{
    m_desktop.tearDown();
}

RunReport TestUiOverview::runDemo(bool dryRun)
{
    window()->emailEdit()->setText(QString::fromLatin1(demo::Email));
    window()->dryRunCheck()->setChecked(dryRun);
    window()->notifyCheck()->setChecked(false);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<RunReport>();
}

void TestUiOverview::namesAndUnits()
{
    QCOMPARE(plainName(QStringLiteral("HeartRateRecord")), QStringLiteral("Heart rate"));
    QCOMPARE(unitOf(QStringLiteral("HeartRateRecord")), QStringLiteral("bpm"));
    QCOMPARE(plainName(QStringLiteral("HeartRateRecord"), QStringLiteral("ru")), QStringLiteral("Пульс"));
    QCOMPARE(unitOf(QStringLiteral("HeartRateRecord"), QStringLiteral("ru")), QStringLiteral("уд/мин"));
    QCOMPARE(unitOf(QStringLiteral("StepsRecord"), QStringLiteral("ru")), QStringLiteral("шт"));
    QCOMPARE(unitOf(QStringLiteral("SpeedRecord")), QStringLiteral("km/h"));
    // Unknown: the stored name, no unit.
    QCOMPARE(plainName(QStringLiteral("LabGlucose"), QStringLiteral("ru")), QStringLiteral("LabGlucose"));
    QCOMPARE(unitOf(QStringLiteral("LabGlucose")), QString());
    QCOMPARE(nameWithUnit(QStringLiteral("LabGlucose")), QStringLiteral("LabGlucose"));
    QCOMPARE(nameWithUnit(QStringLiteral("DistanceRecord")), QStringLiteral("Distance, km"));
}

void TestUiOverview::valuePairs()
{
    double s = 0, d = 0;
    QVERIFY(parseValuePair(QStringLiteral("120/80"), &s, &d));
    QCOMPARE(s, 120.0);
    QCOMPARE(d, 80.0);
    QVERIFY(parseValuePair(QStringLiteral(" 118 / 76.5 "), &s, &d));
    QCOMPARE(d, 76.5);
    for (const char *bad : {"120", "120/", "/80", "1/2/3", "a/b", "-120/80", "120/8e1", ""})
        QVERIFY2(!parseValuePair(QString::fromLatin1(bad), &s, &d), bad);
}

void TestUiOverview::overviewAfterRun()
{
    m_report = runDemo(true);
    QVERIFY2(m_report.status == RunStatus::DryRun, qPrintable(m_report.error));
    ResultsPanel *panel = results();
    QVERIFY(panel);
    QCOMPARE(panel->viewTabs()->currentWidget(), panel->overview());
    OverviewGrid *grid = panel->overview();
    const QVector<TypeCard *> cards = grid->cards();
    QCOMPARE(cards.size(), m_report.raw.types.size() + m_report.processed.types.size());
    // The web front end's eight first, in its order (those the demo has), then the rest by plain name.
    QStringList order;
    for (TypeCard *card : cards)
        order << sourceName(card->source()) + QLatin1Char('/') + card->dataType();
    const QStringList expectedStart = {QStringLiteral("raw/HeartRateRecord"),
                                       QStringLiteral("raw/BloodOxygenData"),
                                       QStringLiteral("processed/SleepSessionTimeData"),
                                       QStringLiteral("processed/ActiveMinutesRecord"),
                                       QStringLiteral("processed/DistanceRecord"),
                                       QStringLiteral("processed/StepsRecord"),
                                       QStringLiteral("processed/TotalCaloriesBurnedRecord"),
                                       QStringLiteral("processed/SpeedRecord")};
    QCOMPARE(order.mid(0, 8), expectedStart);
    QStringList restNames;
    for (int i = 8; i < cards.size(); ++i)
        restNames << cards[i]->titleText().toLower();
    QStringList sorted = restNames;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(restNames, sorted);

    TypeCard *heart = grid->card(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QVERIFY(heart);
    QCOMPARE(heart->titleText(), QStringLiteral("Heart rate"));
    QCOMPARE(heart->badge(), TypeCard::Badge::NeedsAttention);
    QVERIFY2(heart->summaryText().contains(QStringLiteral("bpm")), qPrintable(heart->summaryText()));
    TypeCard *pressure = grid->card(Source::Raw, TypeKey(QStringLiteral("BloodPressureRecord")));
    QVERIFY(pressure);
    QCOMPARE(pressure->badge(), TypeCard::Badge::NotAnalysed);
    QCOMPARE(pressure->badgeText(), QStringLiteral("Not analysed"));
    TypeCard *unknown = grid->card(Source::Raw, TypeKey(QStringLiteral("LabGlucose")));
    QVERIFY(unknown);
    QCOMPARE(unknown->titleText(), QStringLiteral("LabGlucose"));
    QCOMPARE(unknown->badge(), TypeCard::Badge::AllGood);
    QCOMPARE(unknown->badgeText(), QStringLiteral("All good"));
    // A run's report carries its series: every numeric card gets its chart, one type per pass of the event loop.
    QTRY_VERIFY(grid->isComplete());
    for (TypeCard *card : cards)
        QVERIFY2(card->hasSketch() || card->badge() == TypeCard::Badge::NotAnalysed, qPrintable(card->dataType()));
    QVERIFY(grid->columnCount() >= 2);
    saveShot(window(), QStringLiteral("overview.png"));
}

void TestUiOverview::keyboardNavigationAndEnter()
{
    ResultsPanel *panel = results();
    panel->showOverview();
    OverviewGrid *grid = panel->overview();
    const QVector<TypeCard *> cards = grid->cards();
    const int columns = grid->columnCount();
    QVERIFY(cards.size() > columns + 1);
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    cards.first()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY2(
        cards.first()->hasFocus(),
        qPrintable(QStringLiteral("focus: %1, active: %2")
                       .arg(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(),
                            QApplication::activeWindow() ? QApplication::activeWindow()->objectName() : QString())));
    QTest::keyClick(cards.first(), Qt::Key_Right);
    QTRY_VERIFY(cards[1]->hasFocus());
    QTest::keyClick(cards[1], Qt::Key_Down);
    QTRY_VERIFY(cards[1 + columns]->hasFocus());
    QTest::keyClick(cards[1 + columns], Qt::Key_Left);
    QTRY_VERIFY(cards[columns]->hasFocus());
    QTest::keyClick(cards[columns], Qt::Key_End);
    QTRY_VERIFY(cards.last()->hasFocus());
    QTest::keyClick(cards.last(), Qt::Key_Home);
    QTRY_VERIFY(cards.first()->hasFocus());
    // Enter on the second card (blood oxygen) opens its detail.
    QTest::keyClick(cards.first(), Qt::Key_Right);
    QTRY_VERIFY(cards[1]->hasFocus());
    QSignalSpy updated(window(), &MainWindow::chartUpdated);
    QTest::keyClick(cards[1], Qt::Key_Return);
    QTRY_COMPARE(panel->viewTabs()->currentIndex(), 1);
    QTRY_COMPARE(window()->chartView()->chartData().dataType, cards[1]->dataType());
    QCOMPARE(panel->selectedType(), cards[1]->type());
}

void TestUiOverview::clickOpensDetail()
{
    ResultsPanel *panel = results();
    panel->showOverview();
    TypeCard *steps = panel->overview()->card(Source::Processed, TypeKey(QStringLiteral("StepsRecord")));
    QVERIFY(steps);
    QTRY_VERIFY(steps->isVisible());
    QTest::mouseClick(steps, Qt::LeftButton, Qt::NoModifier, steps->rect().center());
    QTRY_COMPARE(panel->viewTabs()->currentIndex(), 1);
    QTRY_COMPARE(window()->chartView()->chartData().dataType, QStringLiteral("StepsRecord"));
    QCOMPARE(window()->chartView()->chartData().source, Source::Processed);
    // Names and units on the detail chart.
    QVERIFY2(window()->chartView()->chart()->title().startsWith(QStringLiteral("Steps (processed records)")),
             qPrintable(window()->chartView()->chart()->title()));
    QCOMPARE(window()->chartView()->valueAxis()->titleText(), QStringLiteral("Steps, steps"));
}

void TestUiOverview::notAnalysedType()
{
    ResultsPanel *panel = results();
    panel->showOverview();
    TypeCard *pressure = panel->overview()->card(Source::Raw, TypeKey(QStringLiteral("BloodPressureRecord")));
    QVERIFY(pressure);
    pressure->setFocus(Qt::TabFocusReason);
    QSignalSpy updated(panel, &ResultsPanel::chartUpdated);
    QTest::keyClick(pressure, Qt::Key_Enter);
    QTRY_COMPARE(panel->viewTabs()->currentIndex(), 1);
    NotAnalysedView *view = panel->notAnalysedView();
    QTRY_VERIFY(view->isVisible());
    QVERIFY(updated.wait(20000) || updated.count() > 0);
    QTRY_VERIFY(!view->samples().isEmpty());
    const QString message = view->findChild<QLabel *>(QStringLiteral("notAnalysedMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("is a number")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing here was checked for outliers")), qPrintable(message));
    const QString samples = view->findChild<QLabel *>(QStringLiteral("notAnalysedSamples"))->text();
    QVERIFY2(QRegularExpression(QStringLiteral("“\\d+/\\d+”")).match(samples).hasMatch(), qPrintable(samples));
    QVERIFY(view->hasPairs());
    QVERIFY(!window()->chartView()->isVisible());
    saveShot(window(), QStringLiteral("not-analysed.png"));
}

void TestUiOverview::hoverShowsTooltipWithoutButton()
{
    ResultsPanel *panel = results();
    panel->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    panel->showDetail();
    OutlierChartView *view = window()->chartView();
    QTRY_COMPARE(view->chartData().dataType, QStringLiteral("HeartRateRecord"));
    QTRY_VERIFY(view->isVisible());
    QVERIFY(!view->chartData().markers.isEmpty());
    QTest::qWait(0);
    const ChartMarker marker = view->chartData().markers.first();
    QTRY_VERIFY(view->outlierSeries()->count() > 0);
    const QPointF scenePos =
        view->chart()->mapToScene(view->chart()->mapToPosition(QPointF(marker.x, marker.y), view->lineSeries()));
    const QPoint pos = view->mapFromScene(scenePos);
    QToolTip::hideText();
    // A plain move through the window system, no button held.
    QTest::mouseMove(view->viewport(), pos + QPoint(3, 0));
    QTest::mouseMove(view->viewport(), pos);
    QTRY_VERIFY(QToolTip::isVisible());
    // The mouse rests: the application sends the tooltip event (its wake-up timer, sent here at once). The tooltip
    // must stay, with the point's text.
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    // QGraphicsView answered it by hiding the tooltip 300 ms later (the scene has none): it must not disappear.
    // (A condition that must stay false: watched for twice that hiding delay.)
    QVERIFY2(!QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 600), "the tooltip disappeared while hovering");
    QVERIFY2(QToolTip::text().contains(QStringLiteral("bpm")), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Heart rate")), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Outlier: |z|")), qPrintable(QToolTip::text()));
    // During a drag-zoom nothing covers the chart, even when the drag passes over a point.
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, pos - QPoint(40, 30));
    QTest::mouseMove(view->viewport(), pos - QPoint(20, 15));
    QTest::mouseMove(view->viewport(), pos);
    QTRY_VERIFY(!QToolTip::isVisible());
    QVERIFY(view->tooltipAt(pos).contains(QStringLiteral("bpm")));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
    view->resetZoom();
}

void TestUiOverview::storedIterationOverview()
{
    // A run stored headless (as the hourly job does), then opened from the window: its series come from the database.
    RunRequest request;
    request.email = QString::fromLatin1(demo::Email);
    request.notify = false;
    const RunReport stored = Pipeline(pgConfig(m_desktop.dbName())).run(request);
    QVERIFY2(stored.status == RunStatus::Completed, qPrintable(stored.error));
    QSignalSpy shown(window(), &MainWindow::comparisonShown);
    window()->openIteration(stored.iteration);
    QVERIFY(shown.wait(30000));
    ResultsPanel *panel = results();
    QCOMPARE(panel->viewTabs()->currentWidget(), panel->overview());
    OverviewGrid *grid = panel->overview();
    QCOMPARE(grid->cards().size(), stored.raw.types.size() + stored.processed.types.size());
    QTRY_VERIFY_WITH_TIMEOUT(grid->isComplete(), 30000);
    for (TypeCard *card : grid->cards())
        QVERIFY2(card->hasSketch() || card->badge() == TypeCard::Badge::NotAnalysed, qPrintable(card->dataType()));
    TypeCard *heart = grid->card(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QCOMPARE(heart->badge(), TypeCard::Badge::NeedsAttention);
    QVERIFY(!grid->printSketch(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord"))).outliers.isEmpty());
}

void TestUiOverview::fiftyTypesStayResponsive()
{
    // Fifty types of 20,000 points each (a million in all): the grid is built and painted within a frame budget
    // that keeps the window responsive.
    RunReport report;
    report.email = QStringLiteral("many@example.com");
    report.iteration = 1;
    report.status = RunStatus::DryRun;
    report.raw.source = Source::Raw;
    report.raw.k = 3;
    for (int t = 0; t < 50; ++t) {
        TypeReport type;
        type.dataType = QStringLiteral("Type%1").arg(t, 2, 10, QLatin1Char('0'));
        type.rows = type.numericRows = 20000;
        type.k = 3;
        for (int i = 0; i < 20000; ++i) {
            type.series.ids.append(t * 100000 + i);
            type.series.timesMs.append(1700000000000LL + qint64(i) * 60000);
            type.series.values.append(std::sin(i * 0.01) * 10 + (i % 997 == 0 ? 80 : 0));
            if (i % 997 == 0)
                type.outliers.append(OutlierPoint {
                    t * 100000LL + i, QDateTime::fromMSecsSinceEpoch(1700000000000LL + qint64(i) * 60000, Qt::UTC),
                    type.series.values.last(), 5.0});
        }
        report.raw.types.append(type);
    }
    ResultsPanel *panel = results();
    QElapsedTimer timer;
    timer.start();
    panel->showReport(report, nullptr, {});
    const qint64 buildMs = timer.elapsed();
    OverviewGrid *grid = panel->overview();
    QCOMPARE(grid->cards().size(), 50);
    QTRY_VERIFY(grid->isComplete());
    timer.restart();
    grid->viewport()->repaint();
    grid->widget()->grab();
    const qint64 paintMs = timer.elapsed();
    qInfo("50 types x 20k points: report shown in %lld ms, every card painted in %lld ms", buildMs, paintMs);
    QVERIFY2(buildMs < 1500, qPrintable(QString::number(buildMs)));
    QVERIFY2(paintMs < 500, qPrintable(QString::number(paintMs)));
    // Narrow and wide windows: the columns follow.
    const int wide = grid->columnCount();
    window()->resize(900, 900);
    QTRY_VERIFY(grid->columnCount() < wide);
    window()->resize(1400, 900);
    QTRY_COMPARE(grid->columnCount(), wide);
    // Scrolling to the last card by keyboard keeps it in view.
    grid->cards().first()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(grid->cards().first(), Qt::Key_End);
    QTRY_VERIFY(grid->cards().last()->hasFocus());
    QVERIFY2(grid->verticalScrollBar()->value() > 0,
             qPrintable(QStringLiteral("max %1, content %2, viewport %3, last card y %4")
                            .arg(grid->verticalScrollBar()->maximum())
                            .arg(grid->widget()->height())
                            .arg(grid->viewport()->height())
                            .arg(grid->cards().last()->y())));
}

QTEST_MAIN(TestUiOverview)
#include "tst_ui_overview.moc"
