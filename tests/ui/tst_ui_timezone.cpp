// The chart's UTC / local time switch (issue 11 item 3): on a machine in Tokyo (UTC+9, no daylight saving), turning
// UTC off moves the axis, the tooltip and the axis title to local time; the choice is remembered for the next window.

#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"

#include <QAction>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace fo;
using namespace fo::ui;

class TestUiTimeZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void switchToLocalAndRemember();

private:
    static ChartData chartData();
};

void TestUiTimeZone::initTestCase()
{
    // Before anything reads the system time zone.
    qputenv("TZ", "Asia/Tokyo");
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

ChartData TestUiTimeZone::chartData()
{
    ChartDataBuilder::Input input;
    input.dataType = QStringLiteral("HeartRateRecord");
    input.k = 3;
    const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < 48; ++i) {
        input.series.ids.append(i + 1);
        input.series.timesMs.append(t0 + qint64(i) * 3600 * 1000);
        input.series.values.append(70 + i % 5);
    }
    return ChartDataBuilder::build(input);
}

void TestUiTimeZone::switchToLocalAndRemember()
{
    const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    {
        ChartPanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.utcAction()->isChecked()); // UTC by default, as the platform stores times
        OutlierChartView *view = panel.chartView();
        view->setChartData(chartData());
        QCOMPARE(view->timeAxis()->titleText(), QStringLiteral("Time (UTC)"));
        // The axis labels its values as local times: the first point reads as its UTC time.
        auto firstLabel = [view] {
            return QDateTime::fromMSecsSinceEpoch(qint64(view->chartData().points.first().x()))
                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        QCOMPARE(firstLabel(), QStringLiteral("2026-03-01 00:00"));
        QPoint first = view->mapFromScene(view->chart()->mapToScene(
            view->chart()->mapToPosition(view->chartData().points.first(), view->lineSeries())));
        QVERIFY2(view->tooltipAt(first).contains(QStringLiteral("2026-03-01 00:00:00 UTC")),
                 qPrintable(view->tooltipAt(first)));

        // Local time: the chart is built again (as the results panel does on timeZoneChanged).
        bool rebuilt = false;
        connect(&panel, &ChartPanel::timeZoneChanged, &panel, [&] {
            view->setChartData(chartData());
            rebuilt = true;
        });
        panel.utcAction()->trigger();
        QVERIFY(rebuilt);
        QVERIFY(!ChartTime::isUtc());
        QCOMPARE(view->timeAxis()->titleText(), QStringLiteral("Time (JST)"));
        QCOMPARE(firstLabel(), QStringLiteral("2026-03-01 09:00"));
        first = view->mapFromScene(view->chart()->mapToScene(
            view->chart()->mapToPosition(view->chartData().points.first(), view->lineSeries())));
        QVERIFY2(view->tooltipAt(first).contains(QStringLiteral("2026-03-01 09:00:00 JST")),
                 qPrintable(view->tooltipAt(first)));
        // The brush and the range filter read the same mapping back.
        QCOMPARE(ChartTime::fromAxis(ChartTime::toAxis(t0)), t0);
    }
    // The next window starts in local time.
    ChartPanel again;
    QVERIFY(!again.utcAction()->isChecked());
    QVERIFY(!ChartTime::isUtc());
    again.utcAction()->trigger();
    QVERIFY(ChartTime::isUtc());
    QVERIFY(QSettings().value(QStringLiteral("chart/utc")).toBool());
}

QTEST_MAIN(TestUiTimeZone)
#include "tst_ui_timezone.moc"
