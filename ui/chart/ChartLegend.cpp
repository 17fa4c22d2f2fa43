#include "ui/chart/ChartLegend.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fo::ui {

namespace {

constexpr qreal SampleGap = 5; // between an entry's sample and its label
constexpr qreal EntryGap = 16; // between two entries of a row

} // namespace

ChartLegend::ChartLegend(QGraphicsItem *parent) : QGraphicsItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    update();
}

void ChartLegend::setFont(const QFont &font)
{
    m_font = font;
    update();
}

void ChartLegend::setTextColor(const QColor &color)
{
    m_textColor = color;
    update();
}

qreal ChartLegend::sampleWidth() const
{
    return std::ceil(QFontMetricsF(m_font).height() * 1.6);
}

qreal ChartLegend::rowHeight() const
{
    qreal height = QFontMetricsF(m_font).height();
    for (const Entry &entry : m_entries)
        if (entry.sample == Entry::Sample::Marker)
            height = std::max(height, entry.marker.diameter + entry.marker.outline.widthF() + 2);
    return std::ceil(height + 4);
}

qreal ChartLegend::entryWidth(int index) const
{
    const QFontMetricsF metrics(m_font);
    return sampleWidth() + SampleGap + std::ceil(metrics.horizontalAdvance(m_entries.at(index).text));
}

qreal ChartLegend::layOut(qreal width)
{
    prepareGeometryChange();
    m_rects.clear();
    m_size = QSizeF(std::max<qreal>(width, 0), 0);
    if (m_entries.isEmpty())
        return 0;
    const qreal height = rowHeight();
    // Rows of whole entries, greedily; then each row is centred.
    QList<QList<int>> rows(1);
    qreal used = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        const qreal w = entryWidth(i);
        if (!rows.last().isEmpty() && used + EntryGap + w > width) {
            rows.append(QList<int>());
            used = 0;
        }
        used += (rows.last().isEmpty() ? 0 : EntryGap) + w;
        rows.last().append(i);
    }
    m_rects.resize(m_entries.size());
    qreal y = 0;
    for (const QList<int> &row : std::as_const(rows)) {
        qreal rowWidth = -EntryGap;
        for (int i : row)
            rowWidth += EntryGap + entryWidth(i);
        qreal x = std::max<qreal>(0, std::floor((width - rowWidth) / 2));
        for (int i : row) {
            m_rects[i] = QRectF(x, y, entryWidth(i), height);
            x += entryWidth(i) + EntryGap;
        }
        y += height;
    }
    m_size.setHeight(y);
    update();
    return y;
}

QRectF ChartLegend::boundingRect() const
{
    QRectF bounds(QPointF(0, 0), m_size);
    for (const QRectF &r : m_rects)
        bounds |= r;
    return bounds;
}

void ChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(m_font);
    const qreal sample = sampleWidth();
    const QFontMetricsF metrics(m_font);
    for (int i = 0; i < m_entries.size() && i < m_rects.size(); ++i) {
        const Entry &entry = m_entries[i];
        const QRectF &rect = m_rects[i];
        const QRectF box(rect.left(), rect.top(), sample, rect.height());
        const qreal midY = box.center().y();
        switch (entry.sample) {
        case Entry::Sample::Line: {
            QPen pen = entry.pen;
            pen.setWidthF(std::max<qreal>(pen.widthF(), 2.0));
            pen.setCapStyle(Qt::FlatCap);
            painter->setPen(pen);
            painter->drawLine(QPointF(box.left() + 1, midY), QPointF(box.right() - 1, midY));
            break;
        }
        case Entry::Sample::Area: {
            const qreal half = std::round(metrics.height() * 0.35);
            painter->setPen(entry.pen);
            painter->setBrush(entry.brush);
            painter->drawRect(QRectF(box.left() + 1, midY - half, box.width() - 2, 2 * half));
            break;
        }
        case Entry::Sample::Marker:
            paintMarker(painter, entry.marker, box.center());
            break;
        }
        painter->setPen(m_textColor);
        painter->setBrush(Qt::NoBrush);
        const QRectF label(box.right() + SampleGap, rect.top(), rect.right() - box.right() - SampleGap, rect.height());
        painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, entry.text);
    }
    painter->restore();
}

} // namespace fo::ui
