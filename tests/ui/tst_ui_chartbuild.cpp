// The chart builder's fast paths (issue 11, 3M points) keep the result of the plain ones: on a machine whose zone has
// daylight saving (Berlin), ChartTime::Mapper maps a run of times exactly as ChartTime::toAxis maps each one, across
// both changes of the year, whatever the order of the times; and a series built from input already sorted by time
// shares its ids and times with the input rather than copying them, with the same points as a copy would have.

#include "ui/chart/ChartBufferPool.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartEnvelope.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"

#include <QDateTime>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace fo;
using namespace fo::ui;

class TestUiChartBuild : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mapperMatchesToAxisAcrossDaylightSaving();
    void sortedInputIsShared();
    void envelopeSketchMatchesSeriesSketch();
    void viewsGiveTheirArraysToTheNextChart();
};

void TestUiChartBuild::initTestCase()
{
    // Before anything reads the system time zone.
    qputenv("TZ", "Europe/Berlin");
    ChartTime::setUtc(true); // "UTC wall time read as local time": the offset of each hour is taken away
}

void TestUiChartBuild::mapperMatchesToAxisAcrossDaylightSaving()
{
    QVector<qint64> times;
    for (const QDate day : {QDate(2026, 3, 28), QDate(2026, 10, 24)}) {
        const qint64 from = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        for (qint64 t = from; t < from + 3 * 86400000LL; t += 7 * 60000 + 13)
            times.append(t);
    }
    // The offsets differ across the two changes: the test looks at hours where the mapping changes.
    QVERIFY(ChartTime::toAxis(times.first()) - double(times.first())
            != ChartTime::toAxis(times.first() + 2 * 86400000LL) - double(times.first() + 2 * 86400000LL));
    QVector<qint64> reversed = times;
    std::reverse(reversed.begin(), reversed.end());
    QVector<qint64> scrambled = times;
    for (qsizetype i = 0; i < scrambled.size(); ++i)
        std::swap(scrambled[i], scrambled[(i * 7919) % scrambled.size()]);
    for (const QVector<qint64> &run : {times, reversed, scrambled}) {
        ChartTime::Mapper mapper;
        for (qint64 t : run)
            QCOMPARE(mapper.toAxis(t), ChartTime::toAxis(t));
    }
    // Local time on the axis: the identity.
    ChartTime::setUtc(false);
    ChartTime::Mapper local;
    QCOMPARE(local.toAxis(times[5]), double(times[5]));
    ChartTime::setUtc(true);
}

void TestUiChartBuild::sortedInputIsShared()
{
    ChartDataBuilder::Input in;
    in.dataType = QStringLiteral("HeartRateRecord");
    const qint64 t0 = QDateTime(QDate(2026, 3, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < 5000; ++i) {
        in.series.ids.append(10 + i);
        in.series.timesMs.append(t0 + (i / 2) * 60000LL); // ties kept in input order
        in.series.values.append(60.0 + i % 40);
    }
    in.outliers = {OutlierPoint {10 + 4321, QDateTime::fromMSecsSinceEpoch(in.series.timesMs[4321], Qt::UTC), 99, 5}};
    const ChartData shared = ChartDataBuilder::build(in);
    QCOMPARE(shared.ids.constData(), in.series.ids.constData());
    QCOMPARE(shared.timesMs.constData(), in.series.timesMs.constData());
    // The same series with two neighbours of different times swapped: copied and sorted back, the same points.
    ChartDataBuilder::Input swapped = in;
    std::swap(swapped.series.timesMs[1], swapped.series.timesMs[2]);
    std::swap(swapped.series.ids[1], swapped.series.ids[2]);
    std::swap(swapped.series.values[1], swapped.series.values[2]);
    const ChartData copied = ChartDataBuilder::build(swapped);
    QVERIFY(copied.ids.constData() != swapped.series.ids.constData());
    QCOMPARE(copied.points.size(), shared.points.size());
    QCOMPARE(copied.ids, shared.ids);
    QCOMPARE(copied.timesMs, shared.timesMs);
    QCOMPARE(copied.points, shared.points);
    QCOMPARE(copied.flagged, shared.flagged);
    QCOMPARE(int(std::count(shared.flagged.cbegin(), shared.flagged.cend(), 1)), 1);
    QCOMPARE(shared.flagged[4321], char(1));
    for (qsizetype i = 0; i < shared.points.size(); ++i)
        QCOMPARE(shared.points[i].x(), ChartTime::toAxis(shared.timesMs[i]));
}

void TestUiChartBuild::envelopeSketchMatchesSeriesSketch()
{
    // The overview strip's sketch read from the chart's envelope is the one SeriesSketch::make draws from the points.
    Series series;
    QVector<QPointF> points;
    const qint64 t0 = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < 100000; ++i) {
        const qint64 t = t0 + qint64(i) * 37000 + (i % 3) * 1000;
        const double v = 70.0 + (i % 101) * 0.25 - (i % 7) * 1.5;
        series.ids.append(i);
        series.timesMs.append(t);
        series.values.append(v);
        points.append(QPointF(double(t), v));
    }
    ChartEnvelope envelope;
    envelope.index(points);
    const SeriesSketch fromEnvelope = envelope.sketch({}, 600);
    const SeriesSketch fromSeries = SeriesSketch::make(series, {}, 600);
    QCOMPARE(fromEnvelope.points, fromSeries.points);
    QCOMPARE(fromEnvelope.fromMs, fromSeries.fromMs);
    QCOMPARE(fromEnvelope.toMs, fromSeries.toMs);
    QCOMPARE(fromEnvelope.minValue, fromSeries.minValue);
    QCOMPARE(fromEnvelope.maxValue, fromSeries.maxValue);
    int differentColumns = 0;
    for (int c = 0; c < 600; ++c) {
        const bool same = fromEnvelope.colMin[c] == fromSeries.colMin[c]
            && fromEnvelope.colMax[c] == fromSeries.colMax[c]
            && std::abs(fromEnvelope.colMean[c] - fromSeries.colMean[c]) < 1e-3f;
        differentColumns += same ? 0 : 1;
    }
    // A point exactly on a column's edge may fall on either side of it (a multiplication against a division): at most
    // a few of 600 columns.
    QVERIFY2(differentColumns <= 6, qPrintable(QString::number(differentColumns)));
}

// A series a little out of time order (copied and sorted by the builder): every array of its chart is the builder's.
ChartDataBuilder::Input jittered(int n, double base)
{
    ChartDataBuilder::Input in;
    in.dataType = QStringLiteral("HeartRateRecord");
    const qint64 t0 = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < n; ++i) {
        in.series.ids.append(100 + i);
        in.series.timesMs.append(t0 + qint64(i) * 60000 + (i % 5 == 1 ? -90000 : 0));
        in.series.values.append(base + i % 17);
    }
    in.outliers = {OutlierPoint {100 + 777, QDateTime::fromMSecsSinceEpoch(in.series.timesMs[777], Qt::UTC), 1, 4}};
    return in;
}

void TestUiChartBuild::viewsGiveTheirArraysToTheNextChart()
{
    // The chart shown before gives its arrays to the next one built (memory already in place, ChartBufferPool), and
    // the chart built in them is the one fresh arrays give.
    ChartBufferPool &pool = ChartBufferPool::instance();
    pool.release();
    const int n = 20000;
    auto view = std::make_unique<OutlierChartView>();
    const QPointF *firstPoints = nullptr;
    const qint64 *firstIds = nullptr;
    {
        const ChartData first = ChartDataBuilder::build(jittered(n, 60));
        firstPoints = first.points.constData();
        firstIds = first.ids.constData();
        view->setChartData(first);
    }
    QCOMPARE(pool.spareCapacity(), 0); // nothing given yet: the view holds the first chart
    view->setChartData(ChartDataBuilder::build(jittered(n, 70)));
    QVERIFY(pool.spareCapacity() >= n);
    const ChartData third = ChartDataBuilder::build(jittered(n, 80));
    QCOMPARE(third.points.constData(), firstPoints);
    QCOMPARE(third.ids.constData(), firstIds);
    QCOMPARE(pool.spareCapacity(), 0);
    pool.release();
    const ChartData fresh = ChartDataBuilder::build(jittered(n, 80));
    QVERIFY(fresh.points.constData() != firstPoints);
    QCOMPARE(third.points, fresh.points);
    QCOMPARE(third.ids, fresh.ids);
    QCOMPARE(third.timesMs, fresh.timesMs);
    QCOMPARE(third.flagged, fresh.flagged);
    QCOMPARE(int(std::count(third.flagged.cbegin(), third.flagged.cend(), 1)), 1);

    // Arrays somebody else still holds are not taken: the chart built in them would change under the holder.
    view->setChartData(ChartDataBuilder::build(jittered(n, 90)));
    const ChartData heldElsewhere = view->chartData();
    const ChartData heldCopy = heldElsewhere;
    pool.release();
    view->setChartData(ChartDataBuilder::build(jittered(n, 100)));
    QCOMPARE(pool.spareCapacity(), 0);
    QCOMPARE(heldElsewhere.points.constData(), heldCopy.points.constData());
    QCOMPARE(heldElsewhere.points, ChartDataBuilder::build(jittered(n, 90)).points);
    // A view that goes gives its chart's arrays.
    view.reset();
    QVERIFY(pool.spareCapacity() >= n);
    pool.release();
}

QTEST_MAIN(TestUiChartBuild)
#include "tst_ui_chartbuild.moc"
