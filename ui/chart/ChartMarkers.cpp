#include "ui/chart/ChartMarkers.h"

#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace fo::ui {

namespace markers {

MarkerStyle outlier()
{
    const QColor red(0xd9, 0x30, 0x25);
    return {red, 10, QPen(Qt::white, 1), red};
}

MarkerStyle persisting()
{
    const QColor blue(0x00, 0x72, 0xb2); // Okabe–Ito blue
    return {blue, 12, QPen(Qt::white, 1), blue, MarkerStyle::Shape::Diamond};
}

MarkerStyle resolved()
{
    const QColor grey(0x80, 0x86, 0x8b);
    return {grey, 11, QPen(grey, 2), Qt::NoBrush};
}

MarkerStyle selected()
{
    const QColor amber(0xf2, 0x9d, 0x0b);
    return {amber, 20, QPen(amber, 2.5), Qt::NoBrush};
}

} // namespace markers

void setUpMarkerSeries(QLineSeries *series, const MarkerStyle &style)
{
    // No line: the pen only gives the colour (color() and the legend square's).
    series->setPen(QPen(style.color, 1, Qt::NoPen));
}

void paintMarker(QPainter *painter, const MarkerStyle &style, const QPointF &centre)
{
    painter->save();
    painter->setPen(style.outline);
    painter->setBrush(style.fill);
    const qreal r = style.diameter / 2;
    if (style.shape == MarkerStyle::Shape::Diamond) {
        const qreal x = centre.x();
        const qreal y = centre.y();
        painter->drawPolygon(QPolygonF({QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)}));
    } else {
        painter->drawEllipse(centre, r, r);
    }
    painter->restore();
}

void setMarkerImage(QLineSeries *series, const MarkerStyle &style, qreal ratio)
{
    // The circle, centred in a square with room for the outline; the square is the marker's size.
    const qreal side = std::ceil(style.diameter + style.outline.widthF()) + 1;
    const int pixels = int(std::ceil(side * ratio));
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        paintMarker(&painter, style, QPointF(side / 2, side / 2));
    }
    series->setMarkerSize(side);
    series->setLightMarker(image);
    series->setPointsVisible(false); // the image only, not the series' own dots as well
}

} // namespace fo::ui
