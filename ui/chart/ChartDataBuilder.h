#pragma once

#include "core/History.h"
#include "ui/chart/ChartData.h"

namespace fo::ui {

// Turns a data type's series and outliers into ChartData: sorts by time, maps times to the axis, and marks the
// flagged points. Pure; runs on a worker thread for large series.
class ChartDataBuilder
{
public:
    struct Input
    {
        Source source = Source::Raw;
        QString dataType; // as stored; empty when dataTypeIsNull
        bool dataTypeIsNull = false;
        Series series;
        double mean = std::numeric_limits<double>::quiet_NaN();
        double std = std::numeric_limits<double>::quiet_NaN();
        double k = 0.0;
        QVector<OutlierPoint> outliers; // of the iteration shown
        QVector<OutlierPoint> previousOutliers; // of the iteration compared with (empty: no comparison)
        bool comparing = false;
    };

    static ChartData build(const Input &input);
};

} // namespace fo::ui
