#include "ui/chart/ChartDataBuilder.h"

#include "ui/chart/ChartBufferPool.h"
#include "ui/chart/ChartTime.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace fo::ui {

namespace {

// Copies the series into `data` sorted by time, ties kept in input order (what a stable sort gives), each time mapped
// to the axis. Series arrive sorted or nearly so (ids in insertion order, times a few places out of order): each point
// is appended, then moved back past the later times before it (an insertion sort done while copying, so that every
// point is read once and written while its neighbours are in the cache). It returns false, with the arrays partly
// filled, once it has moved more than a few places per point (a shuffled series).
bool copySortedByTime(const Series &s, qsizetype n, ChartData *data)
{
    const qint64 *times = s.timesMs.constData();
    const qint64 *ids = s.ids.constData();
    const double *values = s.values.constData();
    // The lists were reserved for n: appending never moves them.
    QPointF *outPoints = data->points.data();
    qint64 *outIds = data->ids.data();
    qint64 *outTimes = data->timesMs.data();
    ChartTime::Mapper mapper;
    const qsizetype budget = 8 * n + 4096;
    qsizetype moved = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 time = times[i];
        const QPointF point(mapper.toAxis(time), values[i]);
        data->points.append(point);
        data->ids.append(ids[i]);
        data->timesMs.append(time);
        if (i == 0 || outTimes[i - 1] <= time)
            continue;
        qsizetype j = i;
        for (; j > 0 && outTimes[j - 1] > time; --j) {
            outTimes[j] = outTimes[j - 1];
            outPoints[j] = outPoints[j - 1];
            outIds[j] = outIds[j - 1];
        }
        outTimes[j] = time;
        outPoints[j] = point;
        outIds[j] = ids[i];
        moved += i - j;
        if (moved > budget)
            return false;
    }
    return true;
}

// The order that sorts a series by time, ties in input order: std::sort on (time, index) pairs.
std::vector<qsizetype> timeOrder(const qint64 *times, qsizetype n)
{
    struct TimeIndex
    {
        qint64 timeMs;
        qsizetype index;
    };
    std::vector<TimeIndex> pairs(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        pairs[size_t(i)] = TimeIndex {times[i], i};
    std::sort(pairs.begin(), pairs.end(), [](const TimeIndex &a, const TimeIndex &b) {
        return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.index < b.index;
    });
    std::vector<qsizetype> order(static_cast<size_t>(n));
    for (qsizetype k = 0; k < n; ++k)
        order[size_t(k)] = pairs[size_t(k)].index;
    return order;
}

bool containsId(const std::vector<qint64> &sorted, qint64 id)
{
    return std::binary_search(sorted.cbegin(), sorted.cend(), id);
}

// Sets `flagged` for the point of each outlier: found by its time (a search on the sorted times), then by its id
// among the points of that time. An outlier whose time matches none of its points is looked up by id alone, in one
// pass over the points. Outliers come in time order as a rule: each search then starts where the last one ended and
// widens in steps of 1, 2, 4... (a few cache lines, not a binary search over the whole series).
void flagOutliers(ChartData *data, const QVector<OutlierPoint> &outliers)
{
    const qint64 *times = data->timesMs.constData();
    const qint64 *ids = data->ids.constData();
    const qsizetype n = data->timesMs.size();
    char *flagged = data->flagged.data();
    std::vector<qint64> missing;
    qsizetype from = 0; // every time before it is earlier than lastTime
    qint64 lastTime = std::numeric_limits<qint64>::min();
    for (const OutlierPoint &p : outliers) {
        const qint64 timeMs = p.time.toMSecsSinceEpoch();
        if (timeMs < lastTime)
            from = 0;
        lastTime = timeMs;
        qsizetype lo = from, hi = from, step = 1;
        while (hi < n && times[hi] < timeMs) {
            lo = hi + 1;
            hi = from + step;
            step *= 2;
        }
        qsizetype k = std::lower_bound(times + lo, times + std::min(hi, n), timeMs) - times;
        from = k;
        bool found = false;
        for (; k < n && times[k] == timeMs; ++k) {
            if (ids[k] == p.recordId) {
                flagged[k] = 1;
                found = true;
            }
        }
        if (!found)
            missing.push_back(p.recordId);
    }
    if (missing.empty())
        return;
    std::sort(missing.begin(), missing.end());
    for (qsizetype k = 0; k < n; ++k) {
        if (containsId(missing, ids[k]))
            flagged[k] = 1;
    }
}

} // namespace

ChartData ChartDataBuilder::build(const Input &input)
{
    ChartData data;
    data.source = input.source;
    data.dataType = input.dataType;
    data.dataTypeIsNull = input.dataTypeIsNull;
    data.mean = input.mean;
    data.std = input.std;
    data.k = input.k;

    const Series &s = input.series;
    const qsizetype n = std::min({s.ids.size(), s.timesMs.size(), s.values.size()});
    const qint64 *times = s.timesMs.constData();
    const qint64 *ids = s.ids.constData();
    const double *values = s.values.constData();

    // Most series come from the database sorted by time (ordered by id, in the order the records were written): one
    // pass checks it, and their ids and times are then shared with the input instead of copied (24 MB each for 3M
    // points, each page of a copy a page fault).
    // The arrays of the chart shown before, when they are large enough (ChartBufferPool): memory already in place.
    ChartBufferPool::Buffers spare = ChartBufferPool::instance().take(n);
    data.points = std::move(spare.points);
    data.flagged = std::move(spare.flagged);
    ChartBufferPool::reserve(&data.points, n);
    ChartBufferPool::reserve(&data.flagged, n);
    if (std::is_sorted(times, times + n)) {
        data.ids = s.ids.size() == n ? s.ids : s.ids.first(n);
        data.timesMs = s.timesMs.size() == n ? s.timesMs : s.timesMs.first(n);
        ChartData unused; // the spare ids and times stay in the pool
        unused.ids = std::move(spare.ids);
        unused.timesMs = std::move(spare.timesMs);
        ChartBufferPool::instance().give(std::move(unused));
        ChartTime::Mapper mapper;
        for (qsizetype i = 0; i < n; ++i)
            data.points.append(QPointF(mapper.toAxis(times[i]), values[i]));
    } else {
        data.ids = std::move(spare.ids);
        data.timesMs = std::move(spare.timesMs);
        ChartBufferPool::reserve(&data.ids, n);
        ChartBufferPool::reserve(&data.timesMs, n);
        if (!copySortedByTime(s, n, &data)) {
            data.points.resize(n);
            data.ids.resize(n);
            data.timesMs.resize(n);
            QPointF *outPoints = data.points.data();
            qint64 *outIds = data.ids.data();
            qint64 *outTimes = data.timesMs.data();
            const std::vector<qsizetype> order = timeOrder(times, n);
            ChartTime::Mapper mapper;
            for (qsizetype k = 0; k < n; ++k) {
                const qsizetype i = order[size_t(k)];
                outPoints[k] = QPointF(mapper.toAxis(times[i]), values[i]);
                outIds[k] = ids[i];
                outTimes[k] = times[i];
            }
        }
    }
    data.flagged.resize(n); // zeros
    flagOutliers(&data, input.outliers);
    flagOutliers(&data, input.previousOutliers);

    const OutlierComparison comparison(OutlierComparison::idsOf(input.previousOutliers),
                                       OutlierComparison::idsOf(input.outliers));
    auto marker = [&data](const OutlierPoint &p, MarkerKind kind) {
        ChartMarker m;
        m.timeMs = p.time.toMSecsSinceEpoch();
        m.x = ChartTime::toAxis(m.timeMs);
        m.y = p.value;
        m.recordId = p.recordId;
        m.z = std::isfinite(p.z) ? p.z : data.zOf(p.value);
        m.kind = kind;
        return m;
    };
    data.markers.reserve(input.outliers.size() + (input.comparing ? input.previousOutliers.size() : 0));
    for (const OutlierPoint &p : input.outliers) {
        MarkerKind kind = MarkerKind::Current;
        if (input.comparing)
            kind = markerKind(comparison.ofCurrent(p.recordId));
        data.markers.append(marker(p, kind));
    }
    if (input.comparing) {
        for (const OutlierPoint &p : input.previousOutliers) {
            if (comparison.isResolved(p.recordId)) {
                ChartMarker m = marker(p, MarkerKind::Resolved);
                m.z = data.zOf(p.value);
                data.markers.append(m);
            }
        }
    }
    std::stable_sort(data.markers.begin(), data.markers.end(),
                     [](const ChartMarker &a, const ChartMarker &b) { return a.x < b.x; });
    return data;
}

} // namespace fo::ui
