#pragma once

#include <QSortFilterProxyModel>

namespace fo::ui {

// The outliers table's proxy: sorts, and when following the chart, keeps only the outliers whose time is in the
// range the chart shows (OutlierTableModel::TimeMsRole, UTC).
class OutlierRangeFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit OutlierRangeFilter(QObject *parent = nullptr);

    void setFollowing(bool following);
    bool isFollowing() const { return m_following; }
    void setRange(qint64 fromMs, qint64 toMs);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_following = false;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace fo::ui
