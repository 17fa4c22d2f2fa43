#include "core/OutlierChange.h"

#include <QMap>
#include <QPair>

#include <algorithm>

namespace fo {
namespace {

std::vector<qint64> sortedUnique(std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

bool contains(const std::vector<qint64> &sorted, qint64 id)
{
    return std::binary_search(sorted.cbegin(), sorted.cend(), id);
}

} // namespace

OutlierComparison::OutlierComparison(std::vector<qint64> previousIds, std::vector<qint64> currentIds)
    : m_previous(sortedUnique(std::move(previousIds))), m_current(sortedUnique(std::move(currentIds)))
{ }

std::vector<qint64> OutlierComparison::idsOf(const QVector<OutlierPoint> &outliers)
{
    std::vector<qint64> ids;
    ids.reserve(size_t(outliers.size()));
    for (const OutlierPoint &point : outliers)
        ids.push_back(point.recordId);
    return ids;
}

std::vector<qint64> OutlierComparison::idsOf(const RunReport &report, Source source)
{
    std::vector<qint64> ids;
    ids.reserve(size_t(report.table(source).outlierCount));
    for (const TypeReport &type : report.table(source).types) {
        for (const OutlierPoint &point : type.outliers)
            ids.push_back(point.recordId);
    }
    return ids;
}

OutlierChange OutlierComparison::ofCurrent(qint64 recordId) const
{
    return contains(m_previous, recordId) ? OutlierChange::Persisting : OutlierChange::New;
}

bool OutlierComparison::isResolved(qint64 previousRecordId) const
{
    return !contains(m_current, previousRecordId);
}

QVector<qint64> OutlierComparison::ids(OutlierChange change) const
{
    QVector<qint64> ids;
    if (change == OutlierChange::Resolved) {
        for (const qint64 id : m_previous) {
            if (isResolved(id))
                ids.push_back(id);
        }
        return ids;
    }
    for (const qint64 id : m_current) {
        if (ofCurrent(id) == change)
            ids.push_back(id);
    }
    return ids;
}

QVector<OutlierDiff> compareRuns(const RunReport &previous, const RunReport &current)
{
    // Per (source, data type): the ids of the previous iteration, then of the current one.
    QMap<QPair<Source, TypeKey>, QPair<std::vector<qint64>, std::vector<qint64>>> byType;
    for (const Source source : {Source::Raw, Source::Processed}) {
        for (const TypeReport &type : previous.table(source).types) {
            std::vector<qint64> &ids = byType[{source, type.key()}].first;
            const std::vector<qint64> more = OutlierComparison::idsOf(type.outliers);
            ids.insert(ids.end(), more.cbegin(), more.cend());
        }
        for (const TypeReport &type : current.table(source).types) {
            std::vector<qint64> &ids = byType[{source, type.key()}].second;
            const std::vector<qint64> more = OutlierComparison::idsOf(type.outliers);
            ids.insert(ids.end(), more.cbegin(), more.cend());
        }
    }
    QVector<OutlierDiff> diffs;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const OutlierComparison comparison(it->first, it->second);
        OutlierDiff diff;
        diff.source = it.key().first;
        diff.dataType = it.key().second.dataType;
        diff.dataTypeIsNull = it.key().second.isNull;
        diff.added = comparison.ids(OutlierChange::New);
        diff.resolved = comparison.ids(OutlierChange::Resolved);
        diff.persisting = comparison.ids(OutlierChange::Persisting);
        diffs.push_back(diff);
    }
    return diffs;
}

} // namespace fo
