#pragma once

#include <QBrush>
#include <QColor>
#include <QPen>

class QLineSeries;
class QPainter;
class QPointF;

namespace fo::ui {

// How one kind of marker on the chart looks: a circle (or a diamond) of `diameter` pixels with `outline` and `fill`.
// `color` names the kind in the legend and is the series' color(). New and persisting outliers differ in colour (red
// and blue, apart for every colour vision) and in shape (circle and diamond).
struct MarkerStyle
{
    enum class Shape { Circle, Diamond };
    QColor color;
    qreal diameter = 10;
    QPen outline;
    QBrush fill;
    Shape shape = Shape::Circle;
};

namespace markers {
MarkerStyle outlier(); // red, white outline: an outlier (a new one, when comparing)
MarkerStyle persisting(); // blue diamond: an outlier in both compared runs
MarkerStyle resolved(); // grey ring: an outlier only in the earlier run
MarkerStyle selected(); // amber ring: the row selected in the table
} // namespace markers

// Makes `series` a series of markers: no line, and the style's colour for color() and the legend square.
void setUpMarkerSeries(QLineSeries *series, const MarkerStyle &style);

// Paints one marker of `style` centred on `centre` (the chart's marker images and the legend's samples).
void paintMarker(QPainter *painter, const MarkerStyle &style, const QPointF &centre);

// Draws `style` at each point of `series` as an image rendered for `ratio` (device pixels per pixel). A line series
// given a "light marker" image blits it at each point from one graphics item; a scatter series made one graphics
// item per point the first time it showed them (70-100 ms for 5,000 outliers), even when it drew an image instead.
void setMarkerImage(QLineSeries *series, const MarkerStyle &style, qreal ratio);

} // namespace fo::ui
