#pragma once

#include "core/NumpyMath.h"
#include "core/OutlierChange.h"
#include "core/RunReport.h"

#include <QPointF>
#include <QString>
#include <QVector>

#include <cmath>
#include <limits>

namespace fo::ui {

// How a flagged point relates to the comparison shown (or Current when nothing is compared).
enum class MarkerKind : char { None = 0, Current, New, Persisting, Resolved };
inline MarkerKind markerKind(OutlierChange change)
{
    return change == OutlierChange::New
        ? MarkerKind::New
        : (change == OutlierChange::Persisting ? MarkerKind::Persisting : MarkerKind::Resolved);
}

struct ChartMarker
{
    double x = 0.0; // axis value (ChartTime)
    double y = 0.0;
    qint64 recordId = 0;
    qint64 timeMs = 0; // UTC
    double z = std::numeric_limits<double>::quiet_NaN();
    MarkerKind kind = MarkerKind::Current;
};

// One data type's chart, ready to draw: every point sorted by time, the flagged ones, and the band.
struct ChartData
{
    Source source = Source::Raw;
    QString dataType; // as stored; empty when dataTypeIsNull
    bool dataTypeIsNull = false; // the NULL type, apart from ""
    QVector<QPointF> points; // x: axis value (ChartTime), sorted by x
    QVector<qint64> ids; // record id of each point
    QVector<qint64> timesMs; // UTC time of each point
    QVector<char> flagged; // 1 when the point is one of the markers (downsampling keeps it)
    QVector<ChartMarker> markers;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double std = std::numeric_limits<double>::quiet_NaN();
    double k = 0.0;

    TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }
    bool hasBand() const { return std::isfinite(mean) && std::isfinite(std) && std > 0.0; }
    double zOf(double value) const { return zScore(value, mean, std); }
};

} // namespace fo::ui
