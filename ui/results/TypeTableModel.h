#pragma once

#include "core/History.h"
#include "core/RunReport.h"

#include <QAbstractTableModel>
#include <QVector>

namespace fo::ui {

// The data types of the report shown, raw and processed: rows, skipped values and outliers per type, and when two
// iterations are compared, the new, resolved and persisting outliers.
class TypeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SourceColumn,
        TypeColumn,
        RowsColumn,
        SkippedColumn,
        OutliersColumn,
        NewColumn,
        ResolvedColumn,
        PersistingColumn,
        ColumnCount
    };
    enum Role { SourceRole = Qt::UserRole + 1, TypeRole, SortRole };

    struct Row
    {
        Source source = Source::Raw;
        QString dataType; // as stored; empty when dataTypeIsNull
        bool hasStats = false;
        qint64 rows = 0;
        qint64 numericRows = 0;
        qint64 skippedRows = 0;
        qint64 outliers = 0;
        qint64 added = 0;
        qint64 resolved = 0;
        qint64 persisting = 0;
        bool dataTypeIsNull = false; // the NULL type, apart from ""

        TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }
    };

    explicit TypeTableModel(QObject *parent = nullptr);

    // `diffs` empty and `comparing` false: a single report.
    void setReport(const RunReport &report, bool comparing, const QVector<OutlierDiff> &diffs);
    // The rows setReport() shows, in its order (raw before processed, each by name).
    static QVector<Row> rowsFor(const RunReport &report, const QVector<OutlierDiff> &diffs);
    void clear();
    bool isComparing() const { return m_comparing; }
    const QVector<Row> &rowsData() const { return m_rows; }
    int rowOf(Source source, const TypeKey &type) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<Row> m_rows;
    bool m_comparing = false;
};

} // namespace fo::ui
