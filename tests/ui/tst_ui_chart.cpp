// The chart's pieces without a database: downsampling keeps every outlier and the shape, the chart view puts the
// outliers on the red series and the band where mean ± k·std says, and the tooltip tells time, value and z.

#include "ui/chart/ChartData.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/Downsampler.h"
#include "ui/chart/OutlierChartView.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace fo;
using namespace fo::ui;

class TestUiChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downsampleKeepsOutliersAndExtremes();
    void downsampleSmallSeriesUnchanged();
    void axisTimeIsUtc();
    void builderSortsStablyAndFlagsOutliers_data();
    void builderSortsStablyAndFlagsOutliers();
    void chartShowsOutliersAndBand();
    void zoomAndReset();
    void envelopeAtOneMillion();
};

void TestUiChart::downsampleKeepsOutliersAndExtremes()
{
    QVector<QPointF> points;
    QVector<char> keep;
    const int n = 1'000'000;
    points.reserve(n);
    for (int i = 0; i < n; ++i) {
        points.append(QPointF(i, std::sin(i / 1000.0)));
        keep.append(0);
    }
    // Outliers that are neither the min nor the max of their pixel column.
    for (int i : {12345, 500000, 777777}) {
        points[i].setY(0.0);
        keep[i] = 1;
    }
    points[424242].setY(50.0); // a spike: the max of its column
    const int columns = 800;
    const QList<QPointF> out = Downsampler::minMax(points, keep, 0, n - 1, columns);
    QVERIFY(out.size() <= columns * 4 + 8);
    QVERIFY(out.size() >= columns);
    for (int i : {12345, 500000, 777777, 424242})
        QVERIFY2(out.contains(points[i]), qPrintable(QString::number(i)));
    for (int i = 1; i < out.size(); ++i)
        QVERIFY(out[i - 1].x() <= out[i].x());
    // The shape: the global min and max survive.
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const QPointF &p : out) {
        lo = std::min(lo, p.y());
        hi = std::max(hi, p.y());
    }
    QCOMPARE(hi, 50.0);
    QVERIFY(lo <= -0.9999);

    // A zoomed window: only its points (plus one on each side).
    const QList<QPointF> window = Downsampler::minMax(points, keep, 1000, 1100, columns);
    QCOMPARE(window.size(), 103);
    QCOMPARE(window.first().x(), 999.0);
    QCOMPARE(window.last().x(), 1101.0);
}

void TestUiChart::downsampleSmallSeriesUnchanged()
{
    const QVector<QPointF> points {{1, 1}, {2, 5}, {3, 2}};
    QCOMPARE(Downsampler::minMax(points, {}, 1, 3, 500), QList<QPointF>(points.cbegin(), points.cend()));
    QVERIFY(Downsampler::minMax({}, {}, 0, 1, 100).isEmpty());
}

void TestUiChart::axisTimeIsUtc()
{
    // The date axis labels its values in local time. tests/ui/CMakeLists.txt runs this test under TZ=UTC, where the
    // mapping is the identity, and again under a zone with a half-hour offset and one with daylight saving: there a
    // point's axis value must still read as its UTC wall time, across every change of the local offset in a year.
    const QByteArray tz = qgetenv("TZ");
    QVERIFY2(!tz.isEmpty(), "the test runs with TZ set (fo_add_test)");
    const QTimeZone zone(tz);
    QVERIFY2(zone.isValid(),
             qPrintable(QStringLiteral("no time zone data for TZ=%1 (Debian: tzdata)").arg(QString::fromLatin1(tz))));
    QCOMPARE(QTimeZone::systemTimeZoneId(), tz);
    QVERIFY(ChartTime::isUtc());

    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    const qint64 from = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    constexpr qint64 Step = 15 * 60 * 1000;
    double previous = -HUGE_VAL;
    qint64 skipped = 0; // quarter hours the local clock skips: no axis value reads as them
    for (qint64 t = from; t < to; t += Step) {
        const double axis = ChartTime::toAxis(t);
        const QString at = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(format);
        // Points in time order stay in order on the axis (the downsampler and the brush rely on it).
        QVERIFY2(axis >= previous, qPrintable(at));
        previous = axis;
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        const QDateTime wall(utc.date(), utc.time(), Qt::LocalTime);
        if (!wall.isValid() || wall.time() != utc.time()) {
            ++skipped;
            continue;
        }
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(axis)).toString(format), at);
        QCOMPARE(ChartTime::fromAxis(axis), t);
    }
    // The zone's own changes of offset in that year: the quarter hours skipped are the ones it springs forward by.
    qint64 expectedSkipped = 0;
    for (const QTimeZone::OffsetData &change :
         zone.transitions(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC), QDateTime::fromMSecsSinceEpoch(to, Qt::UTC))) {
        const int before = zone.offsetFromUtc(change.atUtc.addSecs(-1));
        if (change.offsetFromUtc > before)
            expectedSkipped += (change.offsetFromUtc - before) / (15 * 60);
    }
    QCOMPARE(skipped, expectedSkipped);
    if (tz == "Europe/Berlin")
        QCOMPARE(skipped, qint64(4)); // one hour on the last Sunday of March
}

void TestUiChart::builderSortsStablyAndFlagsOutliers_data()
{
    QTest::addColumn<int>("shuffle"); // how far points stray from time order: 0 sorted, 3 nearly, -1 shuffled
    QTest::newRow("sorted") << 0;
    QTest::newRow("nearly sorted (ids in insertion order)") << 3;
    QTest::newRow("shuffled") << -1;
}

void TestUiChart::builderSortsStablyAndFlagsOutliers()
{
    QFETCH(int, shuffle);
    const int n = 20000;
    const qint64 t0 = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    ChartDataBuilder::Input in;
    in.dataType = QStringLiteral("HeartRateRecord");
    for (int i = 0; i < n; ++i) {
        // Every time twice (ties), each a little out of order, or in a scrambled order.
        qint64 slot = i / 2;
        if (shuffle > 0)
            slot += (i * 7) % (shuffle + 1) - shuffle / 2;
        else if (shuffle < 0)
            slot = (qint64(i) * 7919) % n / 2;
        in.series.ids.append(1000 + i);
        in.series.timesMs.append(t0 + slot * 60000);
        in.series.values.append(i);
    }
    // Outliers found by their time and id, one whose time does not match its point (found by id alone), a resolved
    // one of a previous iteration.
    auto outlier = [&in](int i, qint64 timeShiftMs) {
        OutlierPoint p;
        p.recordId = in.series.ids[i];
        p.time = QDateTime::fromMSecsSinceEpoch(in.series.timesMs[i] + timeShiftMs, Qt::UTC);
        p.value = in.series.values[i];
        p.z = 5.0;
        return p;
    };
    in.outliers = {outlier(0, 0), outlier(4001, 0), outlier(n - 1, 0), outlier(777, 1000)};
    in.previousOutliers = {outlier(4001, 0), outlier(12345, 0)};
    in.comparing = true;
    const ChartData data = ChartDataBuilder::build(in);

    // The order a stable sort by time gives.
    QVector<int> expected(n);
    std::iota(expected.begin(), expected.end(), 0);
    std::stable_sort(expected.begin(), expected.end(),
                     [&in](int a, int b) { return in.series.timesMs[a] < in.series.timesMs[b]; });
    QCOMPARE(data.points.size(), n);
    QCOMPARE(data.flagged.size(), n);
    QSet<qint64> flaggedIds;
    for (int k = 0; k < n; ++k) {
        const int i = expected[k];
        QCOMPARE(data.ids[k], in.series.ids[i]);
        QCOMPARE(data.timesMs[k], in.series.timesMs[i]);
        QCOMPARE(data.points[k], QPointF(ChartTime::toAxis(in.series.timesMs[i]), in.series.values[i]));
        if (data.flagged[k])
            flaggedIds.insert(data.ids[k]);
    }
    QCOMPARE(flaggedIds,
             (QSet<qint64> {in.series.ids[0], in.series.ids[4001], in.series.ids[n - 1], in.series.ids[777],
                            in.series.ids[12345]}));
    // Markers: new, persisting and resolved, sorted by time.
    QCOMPARE(data.markers.size(), 5);
    int kinds[5] = {};
    for (int k = 0; k < data.markers.size(); ++k) {
        ++kinds[int(data.markers[k].kind)];
        if (k > 0)
            QVERIFY(data.markers[k - 1].x <= data.markers[k].x);
    }
    QCOMPARE(kinds[int(MarkerKind::New)], 3);
    QCOMPARE(kinds[int(MarkerKind::Persisting)], 1);
    QCOMPARE(kinds[int(MarkerKind::Resolved)], 1);
}

static ChartDataBuilder::Input sampleInput(int n, QVector<OutlierPoint> *outliers)
{
    ChartDataBuilder::Input in;
    in.source = Source::Raw;
    in.dataType = QStringLiteral("HeartRateRecord");
    const qint64 t0 = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < n; ++i) {
        // Stored in id order, not time order: the builder sorts.
        const int slot = (i * 7919) % n;
        in.series.ids.append(i + 1);
        in.series.timesMs.append(t0 + qint64(slot) * 60000);
        in.series.values.append(70.0 + (slot % 10));
    }
    for (int i : {10, 20000, 40000}) {
        in.series.values[i] = 200.0;
        OutlierPoint p;
        p.recordId = in.series.ids[i];
        p.time = QDateTime::fromMSecsSinceEpoch(in.series.timesMs[i], Qt::UTC);
        p.value = 200.0;
        p.z = 9.5;
        outliers->append(p);
    }
    in.mean = 74.5;
    in.std = 2.9;
    in.k = 3.0;
    in.outliers = *outliers;
    return in;
}

void TestUiChart::chartShowsOutliersAndBand()
{
    QVector<OutlierPoint> outliers;
    const ChartData data = ChartDataBuilder::build(sampleInput(50000, &outliers));
    for (int i = 1; i < data.points.size(); ++i)
        QVERIFY(data.points[i - 1].x() <= data.points[i].x());

    OutlierChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setChartData(data);
    QTRY_VERIFY(view.lineSeries()->count() > 0);

    // Every outlier is a red marker at its time and value.
    const QList<QPointF> red = view.outlierSeries()->points();
    QCOMPARE(red.size(), outliers.size());
    for (const OutlierPoint &p : outliers)
        QVERIFY(red.contains(QPointF(ChartTime::toAxis(p.time.toMSecsSinceEpoch()), p.value)));
    QCOMPARE(view.outlierSeries()->color(), QColor(0xd9, 0x30, 0x25));
    // 50 points a pixel column: the envelope (issue 11), a min-max band per column with the line through the
    // columns' means; the band reaches every outlier.
    QVERIFY(view.isEnveloped());
    const QList<QPointF> line = view.lineSeries()->points();
    const QList<QPointF> envelope = view.envelopeSeries()->points();
    QVERIFY2(line.size() <= 1000 && envelope.size() <= 2000, qPrintable(QString::number(line.size())));
    const double column = 2 * (envelope.last().x() - envelope.first().x()) / (envelope.size() - 2);
    for (const QPointF &p : red)
        QVERIFY(std::any_of(envelope.cbegin(), envelope.cend(),
                            [&](const QPointF &e) { return std::abs(e.x() - p.x()) <= column && e.y() >= p.y(); }));
    // The band: mean ± k·std.
    const QList<QPointF> upper = view.bandSeries()->upperSeries()->points();
    const QList<QPointF> lower = view.bandSeries()->lowerSeries()->points();
    QVERIFY(!upper.isEmpty() && !lower.isEmpty());
    QCOMPARE(upper.first().y(), 74.5 + 3.0 * 2.9);
    QCOMPARE(lower.first().y(), 74.5 - 3.0 * 2.9);
    // The axis shows UTC dates.
    QCOMPARE(view.timeAxis()->min().toString(QStringLiteral("yyyy-MM")), QStringLiteral("2026-05"));

    // The tooltip over an outlier names its time, value and z.
    const OutlierPoint &first = outliers.first();
    const QPointF chartPos = view.chart()->mapToPosition(
        QPointF(ChartTime::toAxis(first.time.toMSecsSinceEpoch()), first.value), view.lineSeries());
    const QPoint viewPos = view.mapFromScene(view.chart()->mapToScene(chartPos));
    const QString tip = view.tooltipAt(viewPos);
    QVERIFY2(tip.contains(first.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("200")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("9.5")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Outlier")), qPrintable(tip));
}

void TestUiChart::zoomAndReset()
{
    QVector<OutlierPoint> outliers;
    const ChartData data = ChartDataBuilder::build(sampleInput(50000, &outliers));
    OutlierChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setChartData(data);
    QTRY_VERIFY(view.lineSeries()->count() > 0);
    const QDateTime fullMin = view.timeAxis()->min();
    const QDateTime fullMax = view.timeAxis()->max();
    const qint64 fullWidth = fullMin.msecsTo(fullMax);

    // Wheel zoom narrows the time range and re-samples the line for the new window.
    const QPoint centre = view.viewport()->rect().center();
    QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 480), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QTRY_VERIFY(view.timeAxis()->min().msecsTo(view.timeAxis()->max()) < fullWidth / 2);
    const QList<QPointF> zoomedLine = view.lineSeries()->points();
    QVERIFY(!zoomedLine.isEmpty());

    // Rubber band: a drag zooms into the rectangle.
    view.resetZoom();
    const QRect plot = view.mapFromScene(view.chart()->mapToScene(view.chart()->plotArea())).boundingRect();
    QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, plot.center() - QPoint(100, 50));
    QTest::mouseMove(view.viewport(), plot.center() + QPoint(100, 50));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, plot.center() + QPoint(100, 50));
    QTRY_VERIFY(view.timeAxis()->min().msecsTo(view.timeAxis()->max()) < fullWidth / 2);

    // Pan with the keyboard moves the window without changing its width.
    const qint64 width = view.timeAxis()->min().msecsTo(view.timeAxis()->max());
    const QDateTime before = view.timeAxis()->min();
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(view.timeAxis()->min() > before);
    QVERIFY(std::abs(view.timeAxis()->min().msecsTo(view.timeAxis()->max()) - width) < 1000);

    // Reset shows everything again; Home does the same.
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.timeAxis()->min(), fullMin);
    QCOMPARE(view.timeAxis()->max(), fullMax);

    // Centring on a point keeps it in view and marks it.
    const OutlierPoint &p = outliers.last();
    view.centerOn(p.time.toMSecsSinceEpoch(), p.value, p.recordId);
    QVERIFY(view.timeAxis()->min() < p.time && view.timeAxis()->max() > p.time);
    QVERIFY(view.timeAxis()->min().msecsTo(view.timeAxis()->max()) < fullWidth);
}

void TestUiChart::envelopeAtOneMillion()
{
    // A million points over a year, 5,000 outliers in clusters: zoomed out, the chart draws a bounded number of
    // points (the envelope per pixel column and one marker per marker width, with counts); zoomed in, every outlier
    // in view has its own marker.
    ChartDataBuilder::Input in;
    in.dataType = QStringLiteral("HeartRateRecord");
    in.mean = 72;
    in.std = 8;
    in.k = 3;
    const qint64 t0 = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const int n = 1000000;
    in.series.ids.reserve(n);
    in.series.timesMs.reserve(n);
    in.series.values.reserve(n);
    for (int i = 0; i < n; ++i) {
        const qint64 t = t0 + qint64(i) * 31536; // a year
        const bool spike = (i % 200) == 7 && (i / 20000) % 2 == 0;
        const double v = spike ? 160.0 + i % 13 : 72.0 + 6.0 * std::sin(i * 0.001) + (i % 17) * 0.3;
        in.series.ids.append(i + 1);
        in.series.timesMs.append(t);
        in.series.values.append(v);
        if (spike)
            in.outliers.append(OutlierPoint {i + 1, QDateTime::fromMSecsSinceEpoch(t, Qt::UTC), v, (v - 72) / 8});
    }
    QCOMPARE(in.outliers.size(), 2500);
    OutlierChartView view;
    view.resize(1200, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setChartData(ChartDataBuilder::build(in));
    QTRY_VERIFY(view.lineSeries()->count() > 0);
    const int width = int(view.chart()->plotArea().width());
    QVERIFY(view.isEnveloped());
    QVERIFY2(view.lineSeries()->count() <= width, qPrintable(QString::number(view.lineSeries()->count())));
    QVERIFY(view.envelopeSeries()->count() <= 2 * width);
    const int shown = int(view.outlierSeries()->count());
    QVERIFY2(shown <= width / 4 && shown > 10, qPrintable(QString::number(shown)));
    // Every outlier is counted once: the markers shown alone plus those standing for several.
    int counted = shown;
    for (const auto &pair : view.markerCounts())
        counted += pair.second - 1;
    QCOMPARE(counted, int(in.outliers.size()));
    QVERIFY(!view.markerCounts().isEmpty());

    // Zoomed in to a few hours: plain points, each outlier in view on its own marker.
    const double from = view.lineSeries()->points().first().x();
    view.setViewRanges({from + 3.0e9, from + 3.0e9 + 6 * 3600 * 1000.0, 0.0, 200.0});
    QTRY_VERIFY(!view.isEnveloped());
    int inView = 0;
    for (const OutlierPoint &p : in.outliers) {
        const double x = ChartTime::toAxis(p.time.toMSecsSinceEpoch());
        inView += x >= from + 3.0e9 && x <= from + 3.0e9 + 6 * 3600 * 1000.0 ? 1 : 0;
    }
    QVERIFY(inView > 0);
    QCOMPARE(int(view.outlierSeries()->count()), int(in.outliers.size())); // every one, none thinned
    QVERIFY(view.markerCounts().isEmpty());
}

QTEST_MAIN(TestUiChart)
#include "tst_ui_chart.moc"
