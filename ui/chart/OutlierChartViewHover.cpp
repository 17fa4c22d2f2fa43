// OutlierChartView, what the mouse points at: the nearest point or marker and its tooltip.

#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLineSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace fo::ui {

namespace {

constexpr int HitRadius = 8; // pixels

} // namespace

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
    const QString time =
        ChartTime::text(timeMs, QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ') + ChartTime::zoneName();
    QString text = tr("<b>%1</b><br>%2: %3<br>z: %4")
                       .arg(time, typeName(m_data.key()).toHtmlEscaped(),
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
