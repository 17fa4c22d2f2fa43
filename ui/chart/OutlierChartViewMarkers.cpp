// OutlierChartView, the outlier markers: their series, thinning to what the screen can show, their images for the
// screen's pixel ratio, and the counts painted beside markers that stand for several outliers.

#include "ui/chart/ChartMarkers.h"
#include "ui/chart/OutlierChartView.h"

#include <QFont>
#include <QLineSeries>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fo::ui {

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
                drawn.append(
                    QRectF(m_chart->mapToScene(pos) - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)));
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

} // namespace fo::ui
