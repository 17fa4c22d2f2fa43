#include "ChartDataBuilder.h"

#include "ChartTime.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace fo::ui {

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
    QVector<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&s](qsizetype a, qsizetype b) { return s.timesMs[a] < s.timesMs[b]; });

    QSet<qint64> currentIds;
    for (const OutlierPoint &p : input.outliers)
        currentIds.insert(p.recordId);
    QSet<qint64> previousIds;
    for (const OutlierPoint &p : input.previousOutliers)
        previousIds.insert(p.recordId);

    data.points.reserve(n);
    data.ids.reserve(n);
    data.timesMs.reserve(n);
    data.flagged.reserve(n);
    for (qsizetype i : order) {
        const qint64 id = s.ids[i];
        data.points.append(QPointF(ChartTime::toAxis(s.timesMs[i]), s.values[i]));
        data.ids.append(id);
        data.timesMs.append(s.timesMs[i]);
        data.flagged.append(currentIds.contains(id) || previousIds.contains(id) ? 1 : 0);
    }

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
    for (const OutlierPoint &p : input.outliers) {
        MarkerKind kind = MarkerKind::Current;
        if (input.comparing)
            kind = previousIds.contains(p.recordId) ? MarkerKind::Persisting : MarkerKind::New;
        data.markers.append(marker(p, kind));
    }
    if (input.comparing) {
        for (const OutlierPoint &p : input.previousOutliers) {
            if (!currentIds.contains(p.recordId)) {
                ChartMarker m = marker(p, MarkerKind::Resolved);
                m.z = data.zOf(p.value);
                data.markers.append(m);
            }
        }
    }
    std::sort(data.markers.begin(), data.markers.end(),
              [](const ChartMarker &a, const ChartMarker &b) { return a.x < b.x; });
    return data;
}

} // namespace fo::ui
