#include "ui/chart/Downsampler.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace fo::ui {

QList<QPointF> Downsampler::minMax(const QVector<QPointF> &sorted, const QVector<char> &keep, double fromX, double toX,
                                   int columns)
{
    QList<QPointF> out;
    const qsizetype n = sorted.size();
    if (n == 0)
        return out;
    columns = std::max(columns, 1);
    if (!(toX > fromX)) {
        fromX = sorted.first().x();
        toX = sorted.last().x();
    }
    const QPointF *p = sorted.constData();
    auto byX = [](const QPointF &point, double x) { return point.x() < x; };
    qsizetype begin = std::lower_bound(p, p + n, fromX, byX) - p;
    qsizetype end = std::lower_bound(p, p + n, std::nextafter(toX, HUGE_VAL), byX) - p;
    // One point beyond each edge, so that the line continues off screen.
    if (begin > 0)
        --begin;
    if (end < n)
        ++end;

    if (end - begin <= qsizetype(columns) * 2) {
        out.reserve(end - begin);
        for (qsizetype i = begin; i < end; ++i)
            out.append(p[i]);
        return out;
    }

    const char *kept = keep.constData();
    const qsizetype keptSize = std::min(keep.size(), end);
    const double width = (toX - fromX) / columns;
    out.reserve(qsizetype(columns) * 4);
    QVarLengthArray<qsizetype, 64> bucket;
    qsizetype i = begin;
    while (i < end) {
        // The pixel column of point i ends at bucketEnd; one division per column, not per point. Point i belongs to
        // it whatever the rounding, so that the loop always moves on.
        const double bucketEnd = fromX + (std::floor((p[i].x() - fromX) / width) + 1.0) * width;
        qsizetype minIdx = i;
        qsizetype maxIdx = i;
        double minY = p[i].y();
        double maxY = minY;
        bucket.clear();
        if (i < keptSize && kept[i] != 0)
            bucket.append(i);
        qsizetype j = i + 1;
        for (; j < end && p[j].x() < bucketEnd; ++j) {
            const double y = p[j].y();
            if (y < minY) {
                minY = y;
                minIdx = j;
            }
            if (y > maxY) {
                maxY = y;
                maxIdx = j;
            }
            if (j < keptSize && kept[j] != 0)
                bucket.append(j);
        }
        // Min and max keep the shape; with the kept points, in time order.
        bucket.append(minIdx);
        bucket.append(maxIdx);
        std::sort(bucket.begin(), bucket.end());
        const auto last = std::unique(bucket.begin(), bucket.end());
        for (auto it = bucket.begin(); it != last; ++it)
            out.append(p[*it]);
        i = j;
    }
    return out;
}

} // namespace fo::ui
