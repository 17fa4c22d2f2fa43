#include "ui/results/OutlierRangeFilter.h"

#include "ui/results/OutlierTableModel.h"

namespace fo::ui {

OutlierRangeFilter::OutlierRangeFilter(QObject *parent) : QSortFilterProxyModel(parent) { }

void OutlierRangeFilter::setFollowing(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    invalidateFilter();
}

void OutlierRangeFilter::setRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    if (m_following)
        invalidateFilter();
}

bool OutlierRangeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_following)
        return true;
    const qint64 time =
        sourceModel()->index(sourceRow, 0, sourceParent).data(OutlierTableModel::TimeMsRole).toLongLong();
    return time >= m_fromMs && time <= m_toMs;
}

} // namespace fo::ui
