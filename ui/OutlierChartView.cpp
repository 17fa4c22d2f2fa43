#include "OutlierChartView.h"

#include "ChartMarkers.h"
#include "ChartScale.h"
#include "ChartTime.h"
#include "NumberText.h"
#include "TypeNames.h"
#include "ChartEnvelope.h"
#include "Downsampler.h"
#include "NumberText.h"

#include <QApplication>
#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHelpEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace fo::ui {

namespace {

const QColor LineColor(0x2f, 0x5d, 0x8a);
constexpr int HitRadius = 8; // pixels

} // namespace

OutlierChartView::OutlierChartView(QWidget *parent)
    : QChartView(parent),
      m_chart(new QChart),
      m_axisX(new QDateTimeAxis),
      m_axisY(new QValueAxis),
      m_line(new QLineSeries),
      m_bandUpper(new QLineSeries(this)), // QAreaSeries does not own its bounds: the view does
      m_bandLower(new QLineSeries(this)),
      m_band(new QAreaSeries(m_bandUpper, m_bandLower)),
      m_meanLine(new QLineSeries),
      m_outliers(new QLineSeries),
      m_persisting(new QLineSeries),
      m_resolved(new QLineSeries),
      m_selected(new QLineSeries),
      m_envelope(new QLineSeries)
{
    setObjectName(QStringLiteral("chartView"));
    // QChartView made a chart of its own; setChart() hands it back to us rather than deleting it.
    QChart *initialChart = chart();
    setChart(m_chart);
    delete initialChart;
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 220);

    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(6, 6, 12, 6));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    QFont titleFont = m_chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);

    m_axisX->setFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_axisX->setTitleText(tr("Time (%1)").arg(ChartTime::zoneName()));
    m_axisX->setTickCount(6);
    m_axisY->setTitleText(tr("Value"));
    m_axisY->setLabelFormat(QStringLiteral("%.6g"));
    // The axis labels in the locale's numbers ("72,7"), as the tables show them; the window is rebuilt on a language
    // switch, so the locale taken here is the one in use.
    m_chart->setLocale(QLocale());
    m_chart->setLocalizeNumbers(true);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    m_band->setName(tr("Band: mean ± k·std"));
    QColor bandFill = LineColor;
    bandFill.setAlphaF(0.13);
    m_band->setBrush(bandFill);
    QColor bandBorder = LineColor;
    bandBorder.setAlphaF(0.35);
    m_band->setPen(QPen(bandBorder, 1, Qt::DotLine));

    m_meanLine->setName(tr("Mean"));
    QColor meanColor = LineColor;
    meanColor.setAlphaF(0.55);
    m_meanLine->setPen(QPen(meanColor, 1, Qt::DashLine));

    m_envelope->setName(tr("Range per pixel (min–max)"));
    m_envelope->setPen(QPen(QColor(0x9f, 0xb8, 0xd2), 1.0));

    m_line->setName(tr("Values"));
    m_line->setPen(QPen(LineColor, 1.4));
    m_line->setMarkerSize(4);

    // No line, only the marker images (updateMarkerImages()).
    m_outliers->setName(tr("Outliers (|z| > k)"));
    m_persisting->setName(tr("Persisting outliers"));
    m_resolved->setName(tr("Resolved outliers"));
    m_selected->setName(tr("Selected"));
    for (const auto &[series, style] : markerSeries())
        setUpMarkerSeries(series, style);

    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{
             m_band, m_meanLine, m_envelope, m_line, m_resolved, m_persisting, m_outliers, m_selected}) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    for (QAbstractSeries *hidden : {static_cast<QAbstractSeries *>(m_selected), static_cast<QAbstractSeries *>(m_envelope)})
        for (QLegendMarker *marker : m_chart->legend()->markers(hidden))
            marker->setVisible(false);
    // The resolved markers are rings: so is their legend square (a line series' square is filled with its colour).
    for (QLegendMarker *marker : m_chart->legend()->markers(m_resolved))
        marker->setBrush(Qt::NoBrush);
    updateMarkerImages();

    connect(m_axisX, &QDateTimeAxis::rangeChanged, this, [this] {
        if (!m_settingRanges)
            scheduleRebuild();
    });
    clearChart();
}

void OutlierChartView::clearChart(const QString &message)
{
    m_data = ChartData();
    m_axisY->setTitleText(tr("Value"));
    m_message = message.isEmpty() ? tr("Select a data type to see its chart") : message;
    for (QXYSeries *series : std::initializer_list<QXYSeries *>{
             m_line, m_bandUpper, m_bandLower, m_meanLine, m_outliers, m_persisting, m_resolved, m_selected,
             m_envelope})
        series->clear();
    for (QList<QPointF> &all : m_allMarkers)
        all.clear();
    m_thinned = {false, false, false};
    m_markerCounts.clear();
    m_thinnedAway = {0, 0, 0};
    m_enveloped = false;
    computeFullRanges();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setRanges(ChartTime::toAxis(now - 7LL * 24 * 3600 * 1000), ChartTime::toAxis(now), 0.0, 1.0);
    for (QLegendMarker *marker : m_chart->legend()->markers())
        marker->setVisible(false);
    updateTitle();
    Q_EMIT chartDataChanged();
}

void OutlierChartView::setChartData(const ChartData &newData)
{
    m_data = newData;
    m_message.clear();
    m_selected->clear();
    m_axisX->setTitleText(tr("Time (%1)").arg(ChartTime::zoneName()));
    const QString unit = typeUnit(m_data.dataType);
    m_axisY->setTitleText(unit.isEmpty() ? typeName(m_data.dataType)
                                         : tr("%1, %2").arg(typeName(m_data.dataType), unit));

    QList<QPointF> current, persisting, resolved;
    for (const ChartMarker &m : std::as_const(m_data.markers)) {
        switch (m.kind) {
        case MarkerKind::Current:
        case MarkerKind::New:
            current.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::Persisting:
            persisting.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::Resolved:
            resolved.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::None:
            break;
        }
    }
    const bool comparing = std::any_of(m_data.markers.cbegin(), m_data.markers.cend(), [](const ChartMarker &m) {
        return m.kind == MarkerKind::New || m.kind == MarkerKind::Persisting || m.kind == MarkerKind::Resolved;
    });
    m_outliers->setName(comparing ? tr("New outliers") : tr("Outliers (|z| > k)"));
    // Every marker, whatever the range shown: a series that holds only those in view would have to be replaced on
    // zoom and pan. The series get them from thinMarkers(), once the range is set: filled here, QtCharts would lay
    // out (and stroke for its hit shape) every marker of a large series twice before the thinning replaced them.
    m_outliers->clear();
    m_persisting->clear();
    m_resolved->clear();
    m_allMarkers = {current, persisting, resolved};
    m_thinned = {true, true, true}; // "the series does not hold every marker": thinMarkers() fills it
    m_markerCounts.clear();
    m_thinnedAway = {0, 0, 0};

    const QList<std::pair<QAbstractSeries *, bool>> legend{{m_line, true},
                                                           {m_band, m_data.hasBand()},
                                                           {m_meanLine, m_data.hasBand()},
                                                           {m_outliers, !current.isEmpty() || !comparing},
                                                           {m_persisting, !persisting.isEmpty()},
                                                           {m_resolved, !resolved.isEmpty()},
                                                           {m_selected, false}};
    bool legendChanged = false;
    for (const auto &[series, visible] : legend) {
        for (QLegendMarker *marker : m_chart->legend()->markers(series)) {
            legendChanged = legendChanged || marker->isVisible() != visible;
            marker->setVisible(visible);
        }
    }
    // A marker's visibility alone does not relayout the legend: toggle it. Only when it changed: the relayout comes
    // in a later pass of the event loop and paints the chart a second time.
    if (legendChanged) {
        m_chart->legend()->setVisible(false);
        m_chart->legend()->setVisible(true);
    }
    updateTitle();

    computeFullRanges();
    double fromX, toX, fromY, toY;
    fullRanges(&fromX, &toX, &fromY, &toY);
    updateBand(fromX, toX);
    // The line now: deferring it to the next pass of the event loop painted the chart twice (first without it).
    showRanges(fromX, toX, fromY, toY, true);
    Q_EMIT chartDataChanged();
}

void OutlierChartView::updateTitle()
{
    if (!m_message.isEmpty()) {
        m_chart->setTitle(m_message);
        return;
    }
    const QString source = m_data.source == Source::Raw ? tr("raw records") : tr("processed records");
    QString title = tr("%1 (%2)").arg(typeName(m_data.dataType), source);
    if (m_data.hasBand())
        title += QStringLiteral("  ·  ") + tr("mean %1, std %2, k = %3")
                     .arg(numberText(m_data.mean), numberText(m_data.std), numberText(m_data.k));
    m_chart->setTitle(title);
}

void OutlierChartView::fullRanges(double *fromX, double *toX, double *fromY, double *toY) const
{
    *fromX = m_fullRanges[0];
    *toX = m_fullRanges[1];
    *fromY = m_fullRanges[2];
    *toY = m_fullRanges[3];
}

void OutlierChartView::computeFullRanges()
{
    double minX = HUGE_VAL, maxX = -HUGE_VAL;
    // In the same pass, the blocks the envelope of a wide view reads instead of every point (ChartEnvelope).
    m_envelopeIndex.index(m_data.points);
    double minY = m_envelopeIndex.minY(), maxY = m_envelopeIndex.maxY();
    if (!m_data.points.isEmpty()) {
        minX = m_data.points.constFirst().x(); // const: first() would detach, a copy of the points
        maxX = m_data.points.constLast().x();
    }
    for (const ChartMarker &m : std::as_const(m_data.markers)) {
        minX = std::min(minX, m.x);
        maxX = std::max(maxX, m.x);
        minY = std::min(minY, m.y);
        maxY = std::max(maxY, m.y);
    }
    if (m_data.hasBand()) {
        minY = std::min(minY, m_data.mean - m_data.k * m_data.std);
        maxY = std::max(maxY, m_data.mean + m_data.k * m_data.std);
    }
    if (!(maxX >= minX)) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        minX = ChartTime::toAxis(now - 7LL * 24 * 3600 * 1000);
        maxX = ChartTime::toAxis(now);
    }
    if (!(maxY >= minY)) {
        minY = 0.0;
        maxY = 1.0;
    }
    const double spanX = std::max(maxX - minX, 60000.0);
    const double spanY = maxY - minY > 0 ? maxY - minY : std::max(std::abs(maxY), 1.0);
    m_fullRanges[0] = minX - spanX * 0.02;
    m_fullRanges[1] = maxX + spanX * 0.02;
    m_fullRanges[2] = minY - spanY * 0.06;
    m_fullRanges[3] = maxY + spanY * 0.06;
}

void OutlierChartView::updateBand(double fromX, double toX)
{
    if (!m_data.hasBand()) {
        m_bandUpper->clear();
        m_bandLower->clear();
        m_meanLine->clear();
        return;
    }
    const double upper = m_data.mean + m_data.k * m_data.std;
    const double lower = m_data.mean - m_data.k * m_data.std;
    // Wider than the data, so that panning never shows the band's end.
    const double margin = (toX - fromX) * 1000.0;
    m_bandUpper->replace(QList<QPointF>{{fromX - margin, upper}, {toX + margin, upper}});
    m_bandLower->replace(QList<QPointF>{{fromX - margin, lower}, {toX + margin, lower}});
    m_meanLine->replace(QList<QPointF>{{fromX - margin, m_data.mean}, {toX + margin, m_data.mean}});
}

void OutlierChartView::showRanges(double fromX, double toX, double fromY, double toY, bool dataChanged)
{
    const bool timeChanged = dataChanged || qint64(fromX) != m_axisX->min().toMSecsSinceEpoch()
        || qint64(toX) != m_axisX->max().toMSecsSinceEpoch();
    // Without this, the chart would lay out the old line and envelope (QtCharts strokes a line series' whole path for
    // its shape at each axis change: thousands of points, several times a step) for the new range, only to have them
    // replaced right after.
    if (timeChanged)
        clearLines();
    setRanges(fromX, toX, fromY, toY);
    // New data can change the title and the axis labels, and so the plot area: lay the chart out now, so that the line
    // is sampled for the plot's width, and the layout does not paint the chart a second time.
    if (dataChanged)
        m_chart->layout()->activate();
    if (timeChanged)
        rebuildVisible(); // the line depends on the time range only
}

void OutlierChartView::setRanges(double fromX, double toX, double fromY, double toY)
{
    m_settingRanges = true;
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(fromX)), QDateTime::fromMSecsSinceEpoch(qint64(toX)));
    // Round ticks (1, 2 or 5 times a power of ten) with the decimals they need, whatever the range shown; the
    // time labels suit the span: hours within two days, days up to a few months, months beyond. The axis lays its
    // ticks out at each change: the range and the interval change in the order whose step between has fewer ticks
    // (the old interval over a new, much wider range would be millions).
    const ChartScale::Ticks ticks = ChartScale::valueTicks(fromY, toY, 6);
    if (ticks.step > 0.0) {
        const double oldStep = m_axisY->tickType() == QValueAxis::TicksDynamic ? m_axisY->tickInterval() : 0.0;
        const double oldSpan = m_axisY->max() - m_axisY->min();
        const bool intervalFirst = oldStep <= 0.0 || (toY - fromY) / oldStep > oldSpan / ticks.step;
        if (intervalFirst)
            m_axisY->setTickInterval(ticks.step);
        m_axisY->setRange(fromY, toY);
        m_axisY->setTickInterval(ticks.step);
        m_axisY->setTickAnchor(0.0);
        // QValueAxis::setLabelFormat lays the labels out again even when the format is the same (Qt 6.4).
        const QString format = QStringLiteral("%.") + QString::number(ticks.decimals) + QStringLiteral("f");
        if (m_axisY->labelFormat() != format)
            m_axisY->setLabelFormat(format);
        m_axisY->setTickType(QValueAxis::TicksDynamic);
    } else {
        m_axisY->setRange(fromY, toY);
    }
    const double spanDays = (toX - fromX) / (24.0 * 3600 * 1000);
    const QString timeFormat = spanDays <= 2.0     ? QStringLiteral("d MMM HH:mm")
                               : spanDays <= 120.0 ? QStringLiteral("d MMM")
                                                   : QStringLiteral("MMM yyyy");
    if (m_axisX->format() != timeFormat)
        m_axisX->setFormat(timeFormat);
    m_settingRanges = false;
}

void OutlierChartView::clearLines()
{
    m_line->clear();
    if (m_enveloped)
        m_envelope->clear();
}

void OutlierChartView::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        rebuildVisible();
    });
}

void OutlierChartView::rebuildVisible()
{
    const double fromX = double(m_axisX->min().toMSecsSinceEpoch());
    const double toX = double(m_axisX->max().toMSecsSinceEpoch());
    updateMarkerImages();
    if (m_data.points.isEmpty()) {
        m_line->clear();
        if (m_enveloped) {
            m_envelope->clear();
            m_enveloped = false;
            for (QLegendMarker *marker : m_chart->legend()->markers(m_envelope))
                marker->setVisible(false);
            m_line->setName(tr("Values"));
        }
        thinMarkers(fromX, toX); // no line: every marker
        return;
    }
    const int columns = std::max(100, int(m_chart->plotArea().width()));
    auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    const QPointF *begin = m_data.points.constData();
    const QPointF *end = begin + m_data.points.size();
    const QPointF *first = std::lower_bound(begin, end, fromX, byX);
    const QPointF *last = std::lower_bound(first, end, toX, [](const QPointF &p, double x) { return p.x() <= x; });
    const qsizetype visible = last - first;
    const bool envelope = visible > 3 * qsizetype(columns);
    if (envelope) {
        // The envelope: per pixel column the minimum and maximum (the band) and the mean (the line). Every point is
        // in a column; the outliers show as markers, not as spikes of the line.
        const ChartEnvelope::Columns stats = m_envelopeIndex.columns(first, last, fromX, toX, columns);
        const QVector<double> &lo = stats.lo, &hi = stats.hi, &sum = stats.sum;
        const QVector<qsizetype> &count = stats.count;
        const double scale = columns / (toX - fromX);
        QList<QPointF> band, means;
        band.reserve(2 * columns);
        means.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (count[c] == 0)
                continue;
            const double x = fromX + (c + 0.5) / scale;
            // Minimum then maximum in one column, maximum then minimum in the next: a zig-zag that fills the band.
            const bool up = (c % 2) == 0;
            band.append(QPointF(x, up ? lo[c] : hi[c]));
            band.append(QPointF(x, up ? hi[c] : lo[c]));
            means.append(QPointF(x, sum[c] / double(count[c])));
        }
        m_envelope->replace(band);
        m_line->replace(means);
        m_line->setPointsVisible(false);
    } else {
        if (m_enveloped)
            m_envelope->clear();
        const QList<QPointF> points = Downsampler::minMax(m_data.points, m_data.flagged, fromX, toX, columns);
        m_line->replace(points);
        m_line->setPointsVisible(points.size() < columns / 6);
    }
    if (envelope != m_enveloped) {
        m_enveloped = envelope;
        for (QLegendMarker *marker : m_chart->legend()->markers(m_envelope))
            marker->setVisible(envelope);
        m_line->setName(envelope ? tr("Mean per pixel") : tr("Values"));
    }
    thinMarkers(fromX, toX);
    // Up to about three points a pixel column (the downsampling gives two, plus the outliers) the strokes show one by
    // one, and antialiasing keeps them smooth. Beyond that the line is a solid band: antialiasing shows nothing there
    // and triples the paint (25 ms for 5k points). The markers are images, drawn antialiased either way.
    const bool antialias = !envelope && visible <= 3 * qsizetype(columns);
    if (renderHints().testFlag(QPainter::Antialiasing) != antialias)
        setRenderHint(QPainter::Antialiasing, antialias);
}

std::array<std::pair<QLineSeries *, MarkerStyle>, 4> OutlierChartView::markerSeries() const
{
    return {{{m_outliers, markers::outlier()},
             {m_persisting, markers::persisting()},
             {m_resolved, markers::resolved()},
             {m_selected, markers::selected()}}};
}

void OutlierChartView::thinMarkers(double fromX, double toX)
{
    // Zoomed out, markers closer than their width would pile up: one per marker-wide column (the farthest from the
    // mean), with the number it stands for. Zoomed in, every outlier has its own marker.
    m_markerCounts.clear();
    m_thinnedAway = {0, 0, 0};
    const std::array<QLineSeries *, 3> series = {m_outliers, m_persisting, m_resolved};
    const double width = m_chart->plotArea().width();
    const double bucketPx = std::max<qreal>(4.0, markers::outlier().diameter);
    const double centre = m_data.hasBand() ? m_data.mean : (m_fullRanges[2] + m_fullRanges[3]) / 2;
    for (size_t k = 0; k < series.size(); ++k) {
        const QList<QPointF> &all = m_allMarkers[k];
        if (!m_enveloped || all.isEmpty() || width <= 0) {
            if (m_thinned[k]) {
                series[k]->replace(all);
                m_thinned[k] = false;
            }
            continue;
        }
        const double scale = width / (toX - fromX) / bucketPx;
        QList<QPointF> kept;
        qsizetype i = 0;
        while (i < all.size()) {
            const QPointF &p = all[i];
            if (p.x() < fromX || p.x() > toX) {
                ++i;
                continue;
            }
            const qint64 bucket = qint64(std::floor((p.x() - fromX) * scale));
            QPointF extreme = p;
            int n = 0;
            for (; i < all.size() && all[i].x() <= toX && qint64(std::floor((all[i].x() - fromX) * scale)) == bucket;
                 ++i, ++n) {
                if (std::abs(all[i].y() - centre) > std::abs(extreme.y() - centre))
                    extreme = all[i];
            }
            kept.append(extreme);
            if (n > 1) {
                m_markerCounts.append({extreme, n});
                m_thinnedAway[k] += n - 1;
            }
        }
        series[k]->replace(kept);
        m_thinned[k] = true;
    }
}

void OutlierChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (m_markerCounts.isEmpty())
        return;
    painter->save();
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(markers::outlier().color);
    const QRectF plot = m_chart->plotArea();
    const qreal offset = markers::outlier().diameter * 0.6;
    const QFontMetricsF metrics(font);
    // A count that would overlap one already drawn is left out ("152" and "134" side by side read as "152134"): the
    // marker stays, and zooming in shows the count again.
    // The markers count as drawn: a number on top of the next marker was as hard to read.
    QVector<QRectF> drawn;
    const qreal radius = markers::outlier().diameter / 2;
    for (QLineSeries *series : {m_outliers, m_persisting, m_resolved}) {
        for (const QPointF &p : series->points()) {
            const QPointF pos = m_chart->mapToPosition(p, m_line);
            if (plot.contains(pos))
                drawn.append(QRectF(m_chart->mapToScene(pos) - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)));
        }
    }
    for (const auto &[point, count] : std::as_const(m_markerCounts)) {
        const QPointF pos = m_chart->mapToPosition(point, m_line);
        if (!plot.contains(pos))
            continue;
        const QString text = QString::number(count);
        const QPointF at = m_chart->mapToScene(pos) + QPointF(offset, -offset);
        const QRectF box = metrics.boundingRect(text).translated(at).adjusted(-2, -1, 2, 1);
        // Its own marker is below-left of it, and overlaps the box by a pixel or two: not counted.
        const QRectF own(m_chart->mapToScene(pos) - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
        auto blocks = [&box, &own](const QRectF &r) { return r != own && r.intersects(box); };
        if (std::any_of(drawn.cbegin(), drawn.cend(), blocks))
            continue;
        drawn.append(box);
        painter->drawText(at, text);
    }
    painter->restore();
}

void OutlierChartView::updateMarkerImages()
{
    const qreal ratio = devicePixelRatioF();
    if (ratio == m_markerImageRatio)
        return;
    m_markerImageRatio = ratio;
    for (const auto &[series, style] : markerSeries())
        setMarkerImage(series, style, ratio);
}

void OutlierChartView::panBy(qreal dx, qreal dy)
{
    // The axis-range handler would rebuild in the next pass (a second paint): rebuild here, once. As in showRanges(),
    // the old line is not laid out for the new range first.
    if (dx != 0)
        clearLines();
    m_settingRanges = true;
    m_chart->scroll(dx, dy);
    m_settingRanges = false;
    if (dx != 0)
        rebuildVisible(); // the line depends on the time range only
}

void OutlierChartView::resetZoom()
{
    double fromX, toX, fromY, toY;
    fullRanges(&fromX, &toX, &fromY, &toY);
    showRanges(fromX, toX, fromY, toY);
}

void OutlierChartView::showXRange(double fromX, double toX)
{
    double fullFromX, fullToX, fullFromY, fullToY;
    fullRanges(&fullFromX, &fullToX, &fullFromY, &fullToY);
    fromX = std::max(fromX, fullFromX);
    toX = std::min(toX, fullToX);
    if (toX - fromX < 1000.0)
        return;
    showRanges(fromX, toX, fullFromY, fullToY);
}

void OutlierChartView::zoomBy(double factor)
{
    const double fromX = double(m_axisX->min().toMSecsSinceEpoch());
    const double toX = double(m_axisX->max().toMSecsSinceEpoch());
    const double centre = (fromX + toX) / 2;
    const double half = (toX - fromX) / 2 / factor;
    showRanges(centre - half, centre + half, m_axisY->min(), m_axisY->max());
}

std::array<double, 4> OutlierChartView::viewRanges() const
{
    return {double(m_axisX->min().toMSecsSinceEpoch()), double(m_axisX->max().toMSecsSinceEpoch()), m_axisY->min(),
            m_axisY->max()};
}

bool OutlierChartView::isZoomed() const
{
    const std::array<double, 4> shown = viewRanges();
    // The time axis keeps whole milliseconds.
    return std::abs(shown[0] - std::floor(m_fullRanges[0])) > 1 || std::abs(shown[1] - std::floor(m_fullRanges[1])) > 1
        || shown[2] != m_fullRanges[2] || shown[3] != m_fullRanges[3];
}

void OutlierChartView::setViewRanges(const std::array<double, 4> &ranges)
{
    showRanges(ranges[0], ranges[1], ranges[2], ranges[3]);
}

void OutlierChartView::centerOn(qint64 timeMs, double value, qint64 recordId)
{
    Q_UNUSED(recordId)
    const double x = ChartTime::toAxis(timeMs);
    double fullFromX, fullToX, fullFromY, fullToY;
    fullRanges(&fullFromX, &fullToX, &fullFromY, &fullToY);
    double width = double(m_axisX->max().toMSecsSinceEpoch() - m_axisX->min().toMSecsSinceEpoch());
    if (width >= (fullToX - fullFromX) * 0.9)
        width = (fullToX - fullFromX) / 8;
    double fromY = m_axisY->min();
    double toY = m_axisY->max();
    if (value < fromY || value > toY) {
        fromY = fullFromY;
        toY = fullToY;
    }
    m_selected->replace(QList<QPointF>{QPointF(x, value)});
    showRanges(x - width / 2, x + width / 2, fromY, toY);
}

int OutlierChartView::nearestPoint(const QPoint &pos, bool *isMarker) const
{
    *isMarker = false;
    if (m_data.points.isEmpty() && m_data.markers.isEmpty())
        return -1;
    const QPointF chartPos = m_chart->mapFromScene(mapToScene(pos));
    if (!m_chart->plotArea().adjusted(-HitRadius, -HitRadius, HitRadius, HitRadius).contains(chartPos))
        return -1;
    double best = HitRadius * HitRadius;
    int bestIndex = -1;
    for (int i = 0; i < m_data.markers.size(); ++i) {
        const ChartMarker &m = m_data.markers[i];
        const QPointF p = m_chart->mapToPosition(QPointF(m.x, m.y), m_line);
        const double d = QPointF::dotProduct(p - chartPos, p - chartPos);
        if (d <= best) {
            best = d;
            bestIndex = i;
            *isMarker = true;
        }
    }
    if (bestIndex >= 0)
        return bestIndex;
    // The points whose x is within the hit radius, found by binary search on the sorted series.
    const QPointF left = m_chart->mapToValue(chartPos - QPointF(HitRadius, 0), m_line);
    const QPointF right = m_chart->mapToValue(chartPos + QPointF(HitRadius, 0), m_line);
    auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    auto it = std::lower_bound(m_data.points.cbegin(), m_data.points.cend(), left.x(), byX);
    int examined = 0;
    for (; it != m_data.points.cend() && it->x() <= right.x() && examined < 50000; ++it, ++examined) {
        const QPointF p = m_chart->mapToPosition(*it, m_line);
        const double d = QPointF::dotProduct(p - chartPos, p - chartPos);
        if (d <= best) {
            best = d;
            bestIndex = int(it - m_data.points.cbegin());
        }
    }
    return bestIndex;
}

QString OutlierChartView::tooltipAt(const QPoint &pos) const
{
    bool isMarker = false;
    const int index = nearestPoint(pos, &isMarker);
    if (index < 0)
        return QString();
    qint64 timeMs = 0;
    double value = 0.0;
    double z = 0.0;
    qint64 id = 0;
    MarkerKind kind = MarkerKind::None;
    if (isMarker) {
        const ChartMarker &m = m_data.markers[index];
        timeMs = m.timeMs;
        value = m.y;
        z = m.z;
        id = m.recordId;
        kind = m.kind;
    } else {
        timeMs = m_data.timesMs[index];
        value = m_data.points[index].y();
        z = m_data.zOf(value);
        id = m_data.ids[index];
    }
    const QString time = ChartTime::text(timeMs, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
                         + ChartTime::zoneName();
    QString text = tr("<b>%1</b><br>%2: %3<br>z: %4")
                       .arg(time, typeName(m_data.dataType).toHtmlEscaped(),
                            withUnit(numberText(value), m_data.dataType).toHtmlEscaped(), zText(z, m_data.k));
    switch (kind) {
    case MarkerKind::Current:
        text += QStringLiteral("<br>")
            + tr("<span style='color:#d93025'>Outlier: |z| %1 &gt; k = %2</span>")
                  .arg(zText(std::abs(z), m_data.k), thresholdText(m_data.k));
        break;
    case MarkerKind::New:
        text += QStringLiteral("<br>")
            + tr("<span style='color:#d93025'>New outlier: |z| %1 &gt; k = %2</span>")
                  .arg(zText(std::abs(z), m_data.k), thresholdText(m_data.k));
        break;
    case MarkerKind::Persisting:
        text += QStringLiteral("<br>")
            + tr("<span style='color:#0072b2'>Persisting outlier: |z| %1 &gt; k = %2</span>")
                  .arg(zText(std::abs(z), m_data.k), thresholdText(m_data.k));
        break;
    case MarkerKind::Resolved:
        text += QStringLiteral("<br>") + tr("Resolved: an outlier in the previous iteration only");
        break;
    case MarkerKind::None:
        break;
    }
    text += QStringLiteral("<br>") + tr("Record #%1").arg(id);
    return text;
}

void OutlierChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0 || m_data.points.isEmpty()) {
        event->ignore();
        return;
    }
    const double factor = std::pow(1.25, steps);
    const QPointF chartPos = m_chart->mapFromScene(mapToScene(event->position().toPoint()));
    const QPointF anchor = m_chart->mapToValue(chartPos, m_line);
    double fromX = double(m_axisX->min().toMSecsSinceEpoch());
    double toX = double(m_axisX->max().toMSecsSinceEpoch());
    double fromY = m_axisY->min();
    double toY = m_axisY->max();
    if (event->modifiers() & Qt::ControlModifier) {
        fromY = anchor.y() - (anchor.y() - fromY) / factor;
        toY = anchor.y() + (toY - anchor.y()) / factor;
    } else {
        fromX = anchor.x() - (anchor.x() - fromX) / factor;
        toX = anchor.x() + (toX - anchor.x()) / factor;
        if (toX - fromX < 1000.0)
            return;
    }
    showRanges(fromX, toX, fromY, toY);
    event->accept();
}

void OutlierChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_panning = true;
        m_lastPanPos = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void OutlierChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_lastPanPos;
        m_lastPanPos = event->position().toPoint();
        panBy(-delta.x(), delta.y());
        event->accept();
        return;
    }
    // Nothing covers the chart while a button is held (a drag-zoom or a pan).
    const QString text = event->buttons() == Qt::NoButton ? tooltipAt(event->position().toPoint()) : QString();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    QChartView::mouseMoveEvent(event);
}

void OutlierChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void OutlierChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // As in the web front end: a double-click shows everything.
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void OutlierChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Home:
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        return;
    case Qt::Key_Left:
        panBy(-m_chart->plotArea().width() / 10, 0);
        return;
    case Qt::Key_Right:
        panBy(m_chart->plotArea().width() / 10, 0);
        return;
    case Qt::Key_Up:
        panBy(0, m_chart->plotArea().height() / 10);
        return;
    case Qt::Key_Down:
        panBy(0, -m_chart->plotArea().height() / 10);
        return;
    default:
        break;
    }
    QChartView::keyPressEvent(event);
}

void OutlierChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // As many time labels as fit whole ("2026-06-17 14:00" is about 110 px): six of them on a narrow chart were cut
    // to "2026-06-17 1…".
    const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("2026-06-17 14:00")) + 24;
    const int ticks = std::clamp(int(event->size().width() - 80) / labelWidth + 1, 2, 6);
    if (m_axisX->tickCount() != ticks)
        m_axisX->setTickCount(ticks);
    scheduleRebuild();
}

bool OutlierChartView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave)
        QToolTip::hideText();
    if (event->type() == QEvent::ToolTip) {
        // The application asks for a tooltip once the mouse rests (never while a button is held). QGraphicsView
        // would ask the scene, which has none and hides the one mouseMoveEvent() showed: a tooltip stayed only
        // while a button was held. Answer with the point's own.
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = QApplication::mouseButtons() == Qt::NoButton ? tooltipAt(help->pos()) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QChartView::viewportEvent(event);
}

} // namespace fo::ui
