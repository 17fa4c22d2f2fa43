#pragma once

#include "ui/chart/ChartMarkers.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QRectF>
#include <QString>

namespace fo::ui {

// The detail chart's legend, drawn here rather than by QLegend: QLegend lays its entries out in one row and cuts the
// labels that do not fit ("Band: mean ± k·…" and "Range per pixel (…" beside a comparison at the default window size,
// more in Russian). This one wraps: as many rows as the width needs, each centred, every label whole. Each entry's
// sample looks like what it names: a line, the shaded band, or the marker itself (new and persisting outliers differ
// in shape here too, not only in colour).
class ChartLegend : public QGraphicsItem
{
public:
    struct Entry
    {
        enum class Sample { Line, Area, Marker };
        QString text;
        Sample sample = Sample::Line;
        QPen pen; // Line: the line; Area: the band's border
        QBrush brush; // Area: the band's fill
        MarkerStyle marker; // Marker
    };

    explicit ChartLegend(QGraphicsItem *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    void setFont(const QFont &font);
    void setTextColor(const QColor &color);

    // Lays the entries out in rows no wider than `width` (an entry wider than that alone gets a row of its own);
    // returns the height they take, 0 without entries.
    qreal layOut(qreal width);
    // Where each entry (its sample and its whole label) is drawn, in this item's coordinates, after layOut().
    const QList<QRectF> &entryRects() const { return m_rects; }
    // The width entry `index` needs: its sample, the gap and its label, whole.
    qreal entryWidth(int index) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal sampleWidth() const;
    qreal rowHeight() const;

    QList<Entry> m_entries;
    QList<QRectF> m_rects;
    QFont m_font;
    QColor m_textColor = Qt::black;
    QSizeF m_size;
};

} // namespace fo::ui
