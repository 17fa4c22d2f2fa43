// OutlierChartView, moving about the chart: the visible ranges, zoom (the wheel, the rubber band, the keys), pan
// (Shift+drag, the middle button, the arrows) and centring on a point.

#include "ui/chart/ChartScale.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace fo::ui {

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
    const QString timeFormat = spanDays <= 2.0 ? QStringLiteral("d MMM HH:mm")
        : spanDays <= 120.0                    ? QStringLiteral("d MMM")
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
    m_selected->replace(QList<QPointF> {QPointF(x, value)});
    showRanges(x - width / 2, x + width / 2, fromY, toY);
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

} // namespace fo::ui
