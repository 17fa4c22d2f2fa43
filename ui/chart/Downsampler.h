#pragma once

#include <QList>
#include <QPointF>
#include <QVector>

namespace fo::ui {

// Reduces a time-sorted series to what a chart of `columns` pixels can show: per pixel column the minimum and the
// maximum (in time order), plus every point marked in `keep` (the outliers). Points just outside [fromX, toX] are
// kept so that the line runs off the edges. Output is sorted by x.
class Downsampler
{
public:
    static QList<QPointF> minMax(const QVector<QPointF> &sorted, const QVector<char> &keep, double fromX, double toX,
                                 int columns);
};

} // namespace fo::ui
