#pragma once

#include "core/History.h"
#include "core/RunReport.h"
#include "ui/chart/ChartData.h"

#include <QAbstractTableModel>
#include <QVector>

namespace fo::ui {

// The outliers of the report shown (of one data type, or of all): time, value, z, why (|z| against k), mean, std,
// k and record id. When two iterations are compared, also the resolved ones, with a status column.
class OutlierTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        SourceColumn,
        TypeColumn,
        TimeColumn,
        ValueColumn,
        ZColumn,
        WhyColumn,
        MeanColumn,
        StdColumn,
        KColumn,
        RecordIdColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, RecordIdRole, TimeMsRole, ValueRole };

    struct Row
    {
        MarkerKind kind = MarkerKind::Current;
        Source source = Source::Raw;
        QString dataType; // as stored; empty when dataTypeIsNull
        bool dataTypeIsNull = false;
        qint64 recordId = 0;
        qint64 timeMs = 0;
        double value = 0.0;
        double z = 0.0;
        double mean = 0.0;
        double std = 0.0;
        double k = 0.0;

        TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }
    };

    explicit OutlierTableModel(QObject *parent = nullptr);

    // Rows of `current` (and with `previous`, the resolved ones), restricted to `type` of `source` when
    // `onlyOneType` is set.
    void setReport(const RunReport &current, const RunReport *previous, bool onlyOneType, Source source,
                   const TypeKey &type);
    void clear();
    const QVector<Row> &rowsData() const { return m_rows; }
    bool isComparing() const { return m_comparing; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString kindText(MarkerKind kind);

private:
    QVector<Row> m_rows;
    bool m_comparing = false;
};

} // namespace fo::ui
