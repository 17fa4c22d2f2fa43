// The detail chart (issue 11 item 3): round value ticks and time ticks that suit the span; range presets; a
// double-click shows everything; the overview strip's brush drives the chart and follows it; the outliers table can
// follow the range the chart shows.

#include "ui/chart/ChartBrush.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/ChartScale.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/results/ResultsPanel.h"
#include "ui/tasks/BackgroundTasks.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace fo;
using namespace fo::ui;

class TestUiDetailChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void valueTicksAreRound_data();
    void valueTicksAreRound();
    void timeTicksSuitTheSpan_data();
    void timeTicksSuitTheSpan();
    void axisUsesRoundTicks();
    void smallThenLargeRange();
    void presetsAndDoubleClick();
    void brushDrivesChartAndFollowsIt();
    void outlierTableFollowsRange();

private:
    static TypeReport sampleType(int days, int perDay);
    static constexpr qint64 StartMs = 1767225600000LL; // 2026-01-01 00:00 UTC
    static constexpr qint64 DayMs = 24LL * 3600 * 1000;
};

void TestUiDetailChart::initTestCase()
{
    qputenv("TZ", "UTC");
}

TypeReport TestUiDetailChart::sampleType(int days, int perDay)
{
    TypeReport type;
    type.dataType = QStringLiteral("HeartRateRecord");
    type.k = 3;
    type.mean = 72;
    type.std = 8;
    const int n = days * perDay;
    for (int i = 0; i < n; ++i) {
        const qint64 t = StartMs + qint64(i) * (DayMs / perDay);
        const bool spike = i % 211 == 100;
        const double v = spike ? 170.0 + (i % 7) : 72.0 + 6.0 * std::sin(i * 0.37);
        type.series.ids.append(i + 1);
        type.series.timesMs.append(t);
        type.series.values.append(v);
        if (spike)
            type.outliers.append(OutlierPoint {i + 1, QDateTime::fromMSecsSinceEpoch(t, Qt::UTC), v, (v - 72) / 8});
    }
    type.rows = type.numericRows = n;
    return type;
}

void TestUiDetailChart::valueTicksAreRound_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");
    QTest::newRow("the issue's 25.2149 to 191.931") << 25.2149 << 191.931 << 50.0 << 0;
    QTest::newRow("SpO2") << 81.7 << 99.6 << 5.0 << 0;
    QTest::newRow("speed") << 0.93 << 3.12 << 0.5 << 1;
    QTest::newRow("temperature") << 36.05 << 37.31 << 0.5 << 1;
    QTest::newRow("temperature, narrow") << 36.45 << 37.05 << 0.2 << 1;
    QTest::newRow("steps") << 0.0 << 31234.0 << 10000.0 << 0;
}

void TestUiDetailChart::valueTicksAreRound()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, step);
    QFETCH(int, decimals);
    const ChartScale::Ticks ticks = ChartScale::valueTicks(from, to, 5);
    QCOMPARE(ticks.step, step);
    QCOMPARE(ticks.decimals, decimals);
    for (double v : ticks.values) {
        QVERIFY(v >= from - 1e-9 && v <= to + 1e-9);
        QVERIFY2(std::abs(v / step - std::round(v / step)) < 1e-9, qPrintable(QString::number(v)));
    }
    double lo = from, hi = to;
    ChartScale::niceRange(&lo, &hi, 5);
    QVERIFY(lo <= from && hi >= to);
    QVERIFY(std::abs(lo / step - std::round(lo / step)) < 1e-9);
}

void TestUiDetailChart::timeTicksSuitTheSpan_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<QString>("format");
    QTest::newRow("a day: hours") << DayMs << QStringLiteral("d MMM HH:mm");
    QTest::newRow("90 days of daily data: days") << 90 * DayMs << QStringLiteral("d MMM");
    QTest::newRow("a year: months") << 365 * DayMs << QStringLiteral("MMM yyyy");
    QTest::newRow("six years: years") << 6 * 365 * DayMs << QStringLiteral("yyyy");
}

void TestUiDetailChart::timeTicksSuitTheSpan()
{
    QFETCH(qint64, spanMs);
    QFETCH(QString, format);
    const ChartScale::TimeTicks ticks = ChartScale::timeTicks(StartMs + 3 * 3600 * 1000, StartMs + spanMs, 6);
    QCOMPARE(ticks.format, format);
    QVERIFY(ticks.timesMs.size() >= 2 && ticks.timesMs.size() <= 12);
    // Ticks of a day or more fall on midnights (UTC here).
    for (qint64 t : ticks.timesMs) {
        if (ticks.stepMs >= DayMs)
            QCOMPARE(t % DayMs, 0);
    }
}

void TestUiDetailChart::axisUsesRoundTicks()
{
    ChartDataBuilder::Input input;
    const TypeReport type = sampleType(90, 24);
    input.dataType = type.dataType;
    input.series = type.series;
    input.outliers = type.outliers;
    input.mean = type.mean;
    input.std = type.std;
    input.k = 3;
    OutlierChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setChartData(ChartDataBuilder::build(input));
    QValueAxis *axis = view.valueAxis();
    QCOMPARE(axis->tickType(), QValueAxis::TicksDynamic);
    const double step = axis->tickInterval();
    const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
    const double mantissa = step / magnitude;
    QVERIFY2(mantissa == 1 || mantissa == 2 || mantissa == 2.5 || mantissa == 5, qPrintable(QString::number(step)));
    QCOMPARE(axis->tickAnchor(), 0.0);
    QCOMPARE(axis->labelFormat(), QStringLiteral("%.0f"));
    // Axis titles with the plain name and unit; daily-scale time labels for 90 days.
    QCOMPARE(axis->titleText(), QStringLiteral("Heart rate, bpm"));
    QCOMPARE(view.timeAxis()->format(), QStringLiteral("d MMM"));
    view.showXRange(double(StartMs), double(StartMs + DayMs));
    QCOMPARE(view.timeAxis()->format(), QStringLiteral("d MMM HH:mm"));
}

void TestUiDetailChart::smallThenLargeRange()
{
    // SpO2 (ticks every 0.5) and then steps (every 10,000): the axis never lays out the old interval over the new
    // range (millions of ticks, minutes of work).
    OutlierChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const auto &[type, scale] :
         {std::pair {QStringLiteral("BloodOxygenData"), 0.01}, std::pair {QStringLiteral("StepsRecord"), 400.0},
          std::pair {QStringLiteral("BloodOxygenData"), 0.01}}) {
        ChartDataBuilder::Input input;
        TypeReport t = sampleType(60, 24);
        for (double &v : t.series.values)
            v = 97.0 + (v - 72.0) * scale * 10;
        input.dataType = type;
        input.series = t.series;
        input.k = 3;
        QElapsedTimer timer;
        timer.start();
        view.setChartData(ChartDataBuilder::build(input));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        const double ticks = (view.valueAxis()->max() - view.valueAxis()->min()) / view.valueAxis()->tickInterval();
        QVERIFY2(ticks >= 2 && ticks <= 12, qPrintable(QString::number(ticks)));
    }
}

void TestUiDetailChart::presetsAndDoubleClick()
{
    ChartPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ChartDataBuilder::Input input;
    const TypeReport type = sampleType(400, 24);
    input.dataType = type.dataType;
    input.series = type.series;
    input.outliers = type.outliers;
    input.k = 3;
    OutlierChartView *view = panel.chartView();
    view->setChartData(ChartDataBuilder::build(input));
    const auto [fullFrom, fullTo] = view->fullXRange();

    for (int days : {7, 30, 90, 365}) {
        QAction *preset = panel.findChild<QAction *>(QStringLiteral("rangePreset%1").arg(days));
        QVERIFY(preset);
        preset->trigger();
        const std::array<double, 4> shown = view->viewRanges();
        QCOMPARE(qint64(shown[1]), qint64(fullTo));
        QVERIFY2(std::abs((shown[1] - shown[0]) - double(days) * DayMs) <= 1.0, qPrintable(QString::number(days)));
    }
    QVERIFY(view->isZoomed());
    // A double-click anywhere on the chart shows everything, as in the web front end.
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->viewport()->rect().center());
    QTRY_VERIFY(!view->isZoomed());
    panel.findChild<QAction *>(QStringLiteral("rangePreset7"))->trigger();
    QVERIFY(view->isZoomed());
    panel.findChild<QAction *>(QStringLiteral("rangePreset0"))->trigger();
    QVERIFY(!view->isZoomed());
    QCOMPARE(view->viewRanges()[0], fullFrom);
}

void TestUiDetailChart::brushDrivesChartAndFollowsIt()
{
    ChartPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ChartDataBuilder::Input input;
    const TypeReport type = sampleType(365, 24);
    input.dataType = type.dataType;
    input.series = type.series;
    input.outliers = type.outliers;
    input.k = 3;
    OutlierChartView *view = panel.chartView();
    view->setChartData(ChartDataBuilder::build(input));
    ChartBrush *brush = panel.brush();
    QVERIFY(brush->isVisible());
    const auto [fullFrom, fullTo] = view->fullXRange();
    // At first the brush spans everything.
    QCOMPARE(brush->windowFrom(), fullFrom);
    QCOMPARE(brush->windowTo(), fullTo);

    // The chart zooms: the brush follows.
    panel.findChild<QAction *>(QStringLiteral("rangePreset30"))->trigger();
    std::array<double, 4> shown = view->viewRanges();
    QCOMPARE(brush->windowFrom(), shown[0]);
    QCOMPARE(brush->windowTo(), shown[1]);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Left); // pan
    QTRY_VERIFY(view->viewRanges()[0] < shown[0]);
    shown = view->viewRanges();
    QCOMPARE(brush->windowFrom(), shown[0]);

    // Drag the brush to the left: the chart pans with it, same width.
    const QRectF rect = brush->brushRect();
    const QPoint start = rect.center().toPoint();
    const double width = shown[1] - shown[0];
    QTest::mousePress(brush, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(brush, start - QPoint(150, 0));
    QTest::mouseRelease(brush, Qt::LeftButton, Qt::NoModifier, start - QPoint(150, 0));
    const std::array<double, 4> moved = view->viewRanges();
    QVERIFY2(moved[0] < shown[0] - width, qPrintable(QStringLiteral("%1 vs %2").arg(moved[0]).arg(shown[0])));
    QVERIFY(std::abs((moved[1] - moved[0]) - width) <= 2.0);
    QCOMPARE(brush->windowFrom(), moved[0]);

    // Drag its right edge: the chart's range grows on the right.
    const QRectF now = brush->brushRect();
    const QPoint edge(int(std::round(now.right())), int(now.center().y()));
    QTest::mousePress(brush, Qt::LeftButton, Qt::NoModifier, edge);
    QTest::mouseMove(brush, edge + QPoint(200, 0));
    QTest::mouseRelease(brush, Qt::LeftButton, Qt::NoModifier, edge + QPoint(200, 0));
    const std::array<double, 4> grown = view->viewRanges();
    QVERIFY(std::abs(grown[0] - moved[0]) <= 1.0);
    QVERIFY(grown[1] > moved[1] + width);

    // A double-click on the strip shows everything.
    QTest::mouseDClick(brush, Qt::LeftButton, Qt::NoModifier, brush->rect().center());
    QTRY_VERIFY(!view->isZoomed());
    QCOMPARE(brush->windowFrom(), fullFrom);
}

void TestUiDetailChart::outlierTableFollowsRange()
{
    BackgroundTasks tasks;
    ResultsPanel panel(&tasks, [] { return Config(); });
    panel.resize(1400, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunReport report;
    report.email = QStringLiteral("someone@example.com");
    report.status = RunStatus::DryRun;
    report.raw.source = Source::Raw;
    report.raw.k = 3;
    report.raw.types.append(sampleType(120, 24));
    report.raw.outlierCount = report.raw.types.first().outliers.size();
    panel.showReport(report, nullptr, {});
    panel.selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    panel.showDetail();
    QTRY_COMPARE(panel.chartView()->chartData().dataType, QStringLiteral("HeartRateRecord"));
    const int all = int(report.raw.types.first().outliers.size());
    QTRY_COMPARE(panel.outlierView()->model()->rowCount(), all);

    panel.followRangeCheck()->setChecked(true);
    QCOMPARE(panel.outlierView()->model()->rowCount(), all); // everything shown
    auto *chartPanel = qobject_cast<ChartPanel *>(panel.chartView()->parentWidget());
    QVERIFY(chartPanel);
    chartPanel->showLastDays(30);
    const std::array<double, 4> shown = panel.chartView()->viewRanges();
    int inRange = 0;
    for (const OutlierPoint &o : report.raw.types.first().outliers) {
        const qint64 t = o.time.toMSecsSinceEpoch();
        inRange += t >= ChartTime::fromAxis(shown[0]) && t <= ChartTime::fromAxis(shown[1]) ? 1 : 0;
    }
    QVERIFY(inRange > 0 && inRange < all);
    QCOMPARE(panel.outlierView()->model()->rowCount(), inRange);
    // Off: every outlier again.
    panel.followRangeCheck()->setChecked(false);
    QCOMPARE(panel.outlierView()->model()->rowCount(), all);
}

QTEST_MAIN(TestUiDetailChart)
#include "tst_ui_detailchart.moc"
