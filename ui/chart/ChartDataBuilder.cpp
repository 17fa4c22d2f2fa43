#include "ui/chart/ChartDataBuilder.h"

#include "ui/chart/ChartTime.h"

#include <algorithm>
#include <cmath>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace fo::ui {

namespace {

// Reserves room for n elements in `v`. The arrays of a large chart are fresh memory (33 MB for 1M points), and each
// 4 KiB page of it costs a page fault when first written: about 145 ms of CPU for 1M points on this project's virtual
// machine. On Linux the buffer asks for transparent huge pages (Debian serves them to memory that asks: "madvise"), a
// fault per 2 MiB: about 35 ms. It is advice: where it is not taken, the same happens, only slower.
template<typename T> void reserveLarge(QVector<T> *v, qsizetype n)
{
    v->reserve(n);
#ifdef Q_OS_LINUX
    const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<quintptr>(v->constData()) & ~(pageSize - 1);
    const auto end = reinterpret_cast<quintptr>(v->constData() + n);
    if (end - begin >= (quintptr(2) << 20))
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

// Sorts the points by time in place, ties kept in input order (what a stable sort gives). Series arrive sorted or
// nearly so (ids in insertion order, times a few places out of order): an insertion sort puts those right in about one
// pass, with no memory beyond the arrays. It returns false, leaving the arrays only partly sorted, when it has moved
// more than a few places per point (a shuffled series).
bool insertionSortByTime(QPointF *points, qint64 *ids, qint64 *times, qsizetype n)
{
    const qsizetype budget = 8 * n + 4096;
    qsizetype moved = 0;
    for (qsizetype i = 1; i < n; ++i) {
        const qint64 time = times[i];
        if (times[i - 1] <= time)
            continue;
        const QPointF point = points[i];
        const qint64 id = ids[i];
        qsizetype j = i;
        for (; j > 0 && times[j - 1] > time; --j) {
            times[j] = times[j - 1];
            points[j] = points[j - 1];
            ids[j] = ids[j - 1];
        }
        times[j] = time;
        points[j] = point;
        ids[j] = id;
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
        pairs[size_t(i)] = TimeIndex{times[i], i};
    std::sort(pairs.begin(), pairs.end(), [](const TimeIndex &a, const TimeIndex &b) {
        return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.index < b.index;
    });
    std::vector<qsizetype> order(static_cast<size_t>(n));
    for (qsizetype k = 0; k < n; ++k)
        order[size_t(k)] = pairs[size_t(k)].index;
    return order;
}

std::vector<qint64> sortedIds(const QVector<OutlierPoint> &outliers)
{
    std::vector<qint64> ids;
    ids.reserve(size_t(outliers.size()));
    for (const OutlierPoint &p : outliers)
        ids.push_back(p.recordId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

bool containsId(const std::vector<qint64> &sorted, qint64 id)
{
    return std::binary_search(sorted.cbegin(), sorted.cend(), id);
}

// Sets `flagged` for the point of each outlier: found by its time (binary search on the sorted times), then by its
// id among the points of that time. An outlier whose time matches none of its points is looked up by id alone, in
// one pass over the points.
void flagOutliers(ChartData *data, const QVector<OutlierPoint> &outliers)
{
    const qint64 *times = data->timesMs.constData();
    const qint64 *ids = data->ids.constData();
    const qsizetype n = data->timesMs.size();
    char *flagged = data->flagged.data();
    std::vector<qint64> missing;
    for (const OutlierPoint &p : outliers) {
        const qint64 timeMs = p.time.toMSecsSinceEpoch();
        qsizetype k = std::lower_bound(times, times + n, timeMs) - times;
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
    data.mean = input.mean;
    data.std = input.std;
    data.k = input.k;

    const Series &s = input.series;
    const qsizetype n = std::min({s.ids.size(), s.timesMs.size(), s.values.size()});
    const qint64 *times = s.timesMs.constData();
    const qint64 *ids = s.ids.constData();
    const double *values = s.values.constData();

    // Filled by append (each page written once), in input order, then sorted in place.
    reserveLarge(&data.points, n);
    reserveLarge(&data.ids, n);
    reserveLarge(&data.timesMs, n);
    reserveLarge(&data.flagged, n);
    for (qsizetype i = 0; i < n; ++i)
        data.points.append(QPointF(ChartTime::toAxis(times[i]), values[i]));
    data.ids.append(s.ids.constBegin(), s.ids.constBegin() + n);
    data.timesMs.append(s.timesMs.constBegin(), s.timesMs.constBegin() + n);
    data.flagged.resize(n); // zeros
    QPointF *outPoints = data.points.data();
    qint64 *outIds = data.ids.data();
    qint64 *outTimes = data.timesMs.data();
    if (!std::is_sorted(times, times + n) && !insertionSortByTime(outPoints, outIds, outTimes, n)) {
        const std::vector<qsizetype> order = timeOrder(times, n);
        for (qsizetype k = 0; k < n; ++k) {
            const qsizetype i = order[size_t(k)];
            outPoints[k] = QPointF(ChartTime::toAxis(times[i]), values[i]);
            outIds[k] = ids[i];
            outTimes[k] = times[i];
        }
    }
    flagOutliers(&data, input.outliers);
    flagOutliers(&data, input.previousOutliers);

    const std::vector<qint64> currentIds = sortedIds(input.outliers);
    const std::vector<qint64> previousIds = sortedIds(input.previousOutliers);
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
            kind = containsId(previousIds, p.recordId) ? MarkerKind::Persisting : MarkerKind::New;
        data.markers.append(marker(p, kind));
    }
    if (input.comparing) {
        for (const OutlierPoint &p : input.previousOutliers) {
            if (!containsId(currentIds, p.recordId)) {
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
