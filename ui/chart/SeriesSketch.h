#pragma once

#include "core/RunReport.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QVector>

#include <limits>

class QPainter;

namespace fo::ui {

// A series reduced to a fixed number of columns over its time span: per column the minimum, maximum and mean of its
// values, and the outliers. Small whatever the series' size (a few thousand numbers for 3M points), so an overview of
// fifty types or a report of every type holds only these. Drawn by paint() into any rectangle: the min-max band
// (the envelope) with the mean line over it, and the outliers as red dots, one per pixel column with a count when
// several share it. Used by the overview's cards and the PDF report (at print resolution).
struct SeriesSketch
{
    struct Mark
    {
        qint64 timeMs = 0;
        double value = 0.0;
    };

    qint64 fromMs = 0;
    qint64 toMs = 0;
    double minValue = std::numeric_limits<double>::quiet_NaN();
    double maxValue = std::numeric_limits<double>::quiet_NaN();
    qint64 points = 0;
    QVector<float> colMin; // NaN where a column has no point
    QVector<float> colMax;
    QVector<float> colMean;
    QVector<Mark> outliers; // sorted by time

    bool isEmpty() const { return points == 0; }

    // `columns` columns over the series' span. A `sample` of the values misses most of the extremes: the outliers'
    // values then widen their columns' envelope too (as they would with every value), and the span.
    static SeriesSketch make(const Series &series, const QVector<OutlierPoint> &outliers, int columns,
                             bool sample = false);

    struct Style
    {
        bool axes = false; // value and time ticks with labels, and the axis titles below
        bool utc = true;
        QString valueTitle; // "Heart rate (bpm)"
        QString timeTitle; // "Time (UTC)"
        QFont font;
        QColor line = QColor(0x1a, 0x73, 0xe8);
        QColor outlier = QColor(0xd9, 0x30, 0x25);
        qreal markerDiameter = 6.0;
        qreal lineWidth = 1.2;
        bool counts = true; // the number of outliers a dot stands for, beside it (off in a strip too low to show it)
        double mean = std::numeric_limits<double>::quiet_NaN(); // with std and k: the band mean ± k·std
        double std = std::numeric_limits<double>::quiet_NaN();
        double k = 0.0;
        // More series drawn in the same plot, on the same scales (blood pressure's two numbers).
        QVector<QPair<const SeriesSketch *, QColor>> overlays;
    };
    // Draws into `rect` (the whole chart, axes included when asked for).
    void paint(QPainter *painter, const QRectF &rect, const Style &style) const;
};

} // namespace fo::ui
