#pragma once

#include "core/RunReport.h"
#include "ui/chart/SeriesSketch.h"

#include <QPointF>
#include <QVector>

#include <cmath>

namespace fo::ui {

// The envelope of a series sorted by x, per column of a range: the minimum, maximum, sum and count of the points in
// each column. Built once per series (index()): the minimum, maximum and sum of each block of BlockSize points, so that
// a column reads its whole blocks instead of every point (3M points: 47k blocks), and the points at its two ends. The
// detail chart draws it per pixel column when zoomed out; the overview strip sketches the whole series from it.
class ChartEnvelope
{
public:
    static constexpr qsizetype BlockSize = 64;

    struct Columns
    {
        QVector<double> lo; // +inf where a column has no point
        QVector<double> hi; // -inf where a column has no point
        QVector<double> sum;
        QVector<qsizetype> count;
    };

    // Indexes `points` (sorted by x), which must stay alive and unchanged while the envelope is used.
    void index(const QVector<QPointF> &points);
    void clear();
    // The smallest and largest y of the points (inf and -inf without points).
    double minY() const { return m_minY; }
    double maxY() const { return m_maxY; }

    // `columns` equal columns over [first, last) of the points: a point is in column c when its x is below the
    // column's end fromX + (c + 1) * (toX - fromX) / columns, and the last column takes all the rest.
    Columns columns(const QPointF *first, const QPointF *last, double fromX, double toX, int columns) const;
    // The whole series in `columns` columns over its time span, with its outliers: the overview strip's picture.
    SeriesSketch sketch(const QVector<OutlierPoint> &outliers, int columns) const;

private:
    const QPointF *m_points = nullptr;
    qsizetype m_size = 0;
    QVector<double> m_blockMin;
    QVector<double> m_blockMax;
    QVector<double> m_blockSum;
    double m_minY = HUGE_VAL;
    double m_maxY = -HUGE_VAL;
};

} // namespace fo::ui
