#include "Downsampler.h"

#include <algorithm>
#include <cmath>

namespace fo::ui {

QList<QPointF> Downsampler::minMax(const QVector<QPointF> &sorted, const QVector<char> &keep, double fromX,
                                   double toX, int columns)
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
    auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    qsizetype begin = std::lower_bound(sorted.cbegin(), sorted.cend(), fromX, byX) - sorted.cbegin();
    qsizetype end = std::lower_bound(sorted.cbegin(), sorted.cend(), std::nextafter(toX, HUGE_VAL), byX)
        - sorted.cbegin();
    // One point beyond each edge, so that the line continues off screen.
    if (begin > 0)
        --begin;
    if (end < n)
        ++end;
    const auto isKept = [&keep](qsizetype i) { return i < keep.size() && keep[i] != 0; };

    if (end - begin <= qsizetype(columns) * 2) {
        out.reserve(end - begin);
        for (qsizetype i = begin; i < end; ++i)
            out.append(sorted[i]);
        return out;
    }

    const double width = (toX - fromX) / columns;
    out.reserve(columns * 4);
    QVector<qsizetype> bucketPoints;
    qsizetype i = begin;
    while (i < end) {
        const double x = sorted[i].x();
        const auto bucket = qint64(std::floor((x - fromX) / width));
        qsizetype minIdx = i;
        qsizetype maxIdx = i;
        bucketPoints.clear();
        qsizetype j = i;
        for (; j < end; ++j) {
            if (qint64(std::floor((sorted[j].x() - fromX) / width)) != bucket)
                break;
            if (sorted[j].y() < sorted[minIdx].y())
                minIdx = j;
            if (sorted[j].y() > sorted[maxIdx].y())
                maxIdx = j;
            if (isKept(j))
                bucketPoints.append(j);
        }
        // Min and max keep the shape (in time order after the sort below).
        bucketPoints.append(minIdx);
        bucketPoints.append(maxIdx);
        std::sort(bucketPoints.begin(), bucketPoints.end());
        bucketPoints.erase(std::unique(bucketPoints.begin(), bucketPoints.end()), bucketPoints.end());
        for (qsizetype k : std::as_const(bucketPoints))
            out.append(sorted[k]);
        i = j;
    }
    return out;
}

} // namespace fo::ui
