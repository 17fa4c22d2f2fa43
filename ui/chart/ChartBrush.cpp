#include "ui/chart/ChartBrush.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fo::ui {

namespace {

constexpr qreal EdgeGrip = 6.0; // pixels either side of an edge that grab it
constexpr double MinWindowMs = 60.0 * 1000.0;

} // namespace

ChartBrush::ChartBrush(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartBrush"));
    setMouseTracking(true);
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("The whole series. Drag the highlighted window to pan, drag its edges to zoom, click elsewhere to "
                  "move it there; double-click to show everything."));
}

QSize ChartBrush::sizeHint() const
{
    return QSize(400, fontMetrics().height() * 4);
}

void ChartBrush::setSeries(const SeriesSketch &sketch, double fromX, double toX)
{
    m_sketch = sketch;
    m_fromX = fromX;
    m_toX = toX > fromX ? toX : fromX + 1.0;
    m_windowFrom = m_fromX;
    m_windowTo = m_toX;
    m_cache = QPixmap();
    update();
}

void ChartBrush::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        m_cache = QPixmap();
    QWidget::changeEvent(event);
}

void ChartBrush::clear()
{
    setSeries(SeriesSketch(), 0.0, 1.0);
}

void ChartBrush::setWindow(double fromX, double toX)
{
    if (m_drag != Drag::None)
        return; // the drag drives the chart, not the other way round
    m_windowFrom = fromX;
    m_windowTo = toX;
    update();
}

QRectF ChartBrush::plotRect() const
{
    // Aligned with the chart's plot area closely enough to read; the exact alignment is not needed to use it.
    return QRectF(rect()).adjusted(2, 3, -2, -3);
}

double ChartBrush::xToValue(qreal x) const
{
    const QRectF plot = plotRect();
    return m_fromX + (m_toX - m_fromX) * (x - plot.left()) / std::max<qreal>(1.0, plot.width());
}

qreal ChartBrush::valueToX(double v) const
{
    const QRectF plot = plotRect();
    return plot.left() + plot.width() * (v - m_fromX) / (m_toX - m_fromX);
}

QRectF ChartBrush::brushRect() const
{
    const QRectF plot = plotRect();
    const qreal left = std::clamp(valueToX(m_windowFrom), plot.left(), plot.right());
    const qreal right = std::clamp(valueToX(m_windowTo), plot.left(), plot.right());
    return QRectF(left, plot.top(), std::max<qreal>(right - left, 2.0), plot.height());
}

void ChartBrush::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRectF plot = plotRect();
    // The series is drawn once into a pixmap, which each zoom and pan step (the window moves) only copies: drawing
    // the sketch's envelope and markers antialiased took longer than the rest of the strip.
    const qreal ratio = devicePixelRatioF();
    if (m_cache.isNull() || m_cache.size() != size() * ratio || m_cache.devicePixelRatio() != ratio) {
        m_cache = QPixmap(size() * ratio);
        m_cache.setDevicePixelRatio(ratio);
        m_cache.fill(Qt::transparent);
        QPainter cache(&m_cache);
        cache.fillRect(plot, palette().color(QPalette::Base));
        if (!m_sketch.isEmpty()) {
            SeriesSketch::Style style;
            style.font = font();
            style.markerDiameter = 4;
            style.lineWidth = 0.8;
            style.counts = false; // cut off at the strip's top edge; the chart above shows them
            m_sketch.paint(&cache, plot, style);
        }
    }
    p.drawPixmap(0, 0, m_cache);
    // Outside the window: dimmed. The window: outlined, with grips on its edges.
    const QRectF brush = brushRect();
    QColor dim = palette().color(QPalette::Window);
    dim.setAlphaF(0.65);
    p.fillRect(QRectF(plot.left(), plot.top(), brush.left() - plot.left(), plot.height()), dim);
    p.fillRect(QRectF(brush.right(), plot.top(), plot.right() - brush.right(), plot.height()), dim);
    QColor edge = palette().color(QPalette::Highlight);
    p.setPen(QPen(edge, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(brush);
    p.setBrush(edge);
    for (qreal x : {brush.left(), brush.right()})
        p.drawRect(QRectF(x - 2, brush.center().y() - 8, 4, 16));
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
}

void ChartBrush::request(double fromX, double toX)
{
    m_windowFrom = fromX;
    m_windowTo = toX;
    update();
    Q_EMIT windowRequested(fromX, toX);
}

void ChartBrush::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_sketch.isEmpty()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const qreal x = event->position().x();
    const QRectF brush = brushRect();
    m_pressX = x;
    if (std::abs(x - brush.left()) <= EdgeGrip) {
        m_drag = Drag::Left;
    } else if (std::abs(x - brush.right()) <= EdgeGrip) {
        m_drag = Drag::Right;
    } else if (x > brush.left() && x < brush.right()) {
        m_drag = Drag::Move;
    } else {
        // Centre the window where clicked, then drag it from there.
        const double half = (m_windowTo - m_windowFrom) / 2;
        double centre = std::clamp(xToValue(x), m_fromX + half, m_toX - half);
        request(centre - half, centre + half);
        m_drag = Drag::Move;
    }
    m_pressFrom = m_windowFrom;
    m_pressTo = m_windowTo;
    event->accept();
}

void ChartBrush::mouseMoveEvent(QMouseEvent *event)
{
    const qreal x = event->position().x();
    if (m_drag == Drag::None) {
        const QRectF brush = brushRect();
        const bool onEdge = std::abs(x - brush.left()) <= EdgeGrip || std::abs(x - brush.right()) <= EdgeGrip;
        setCursor(onEdge                                        ? Qt::SizeHorCursor
                      : (x > brush.left() && x < brush.right()) ? Qt::OpenHandCursor
                                                                : Qt::PointingHandCursor);
        return;
    }
    const double delta = xToValue(x) - xToValue(m_pressX);
    double from = m_pressFrom;
    double to = m_pressTo;
    switch (m_drag) {
    case Drag::Move: {
        const double width = to - from;
        from = std::clamp(from + delta, m_fromX, m_toX - width);
        to = from + width;
        break;
    }
    case Drag::Left:
        from = std::clamp(from + delta, m_fromX, to - MinWindowMs);
        break;
    case Drag::Right:
        to = std::clamp(to + delta, from + MinWindowMs, m_toX);
        break;
    case Drag::None:
        break;
    }
    request(from, to);
    event->accept();
}

void ChartBrush::mouseReleaseEvent(QMouseEvent *event)
{
    m_drag = Drag::None;
    QWidget::mouseReleaseEvent(event);
}

void ChartBrush::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_drag = Drag::None;
    Q_EMIT resetRequested();
    event->accept();
}

} // namespace fo::ui
