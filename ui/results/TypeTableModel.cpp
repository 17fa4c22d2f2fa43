#include "ui/results/TypeTableModel.h"

#include "ui/text/TypeNames.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace fo::ui {

TypeTableModel::TypeTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void TypeTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_comparing = false;
    endResetModel();
}

QVector<TypeTableModel::Row> TypeTableModel::rowsFor(const RunReport &report, const QVector<OutlierDiff> &diffs)
{
    QVector<Row> rows;
    for (Source source : {Source::Raw, Source::Processed}) {
        for (const TypeReport &type : report.table(source).types) {
            Row row;
            row.source = source;
            row.dataType = type.dataType;
            row.dataTypeIsNull = type.dataTypeIsNull;
            row.hasStats = type.rows > 0 || type.numericRows > 0;
            row.rows = type.rows;
            row.numericRows = type.numericRows;
            row.skippedRows = type.skippedRows;
            row.outliers = type.outliers.size();
            rows.append(row);
        }
    }
    for (const OutlierDiff &diff : diffs) {
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&diff](const Row &r) { return r.source == diff.source && r.key() == diff.key(); });
        if (it == rows.end()) {
            Row row;
            row.source = diff.source;
            row.dataType = diff.dataType;
            row.dataTypeIsNull = diff.dataTypeIsNull;
            rows.append(row);
            it = rows.end() - 1;
        }
        it->added = diff.added.size();
        it->resolved = diff.resolved.size();
        it->persisting = diff.persisting.size();
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.source != b.source)
            return a.source == Source::Raw;
        return a.key() < b.key();
    });
    return rows;
}

void TypeTableModel::setReport(const RunReport &report, bool comparing, const QVector<OutlierDiff> &diffs)
{
    beginResetModel();
    m_comparing = comparing;
    m_rows = rowsFor(report, diffs);
    endResetModel();
}

int TypeTableModel::rowOf(Source source, const TypeKey &type) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].source == source && m_rows[i].key() == type)
            return i;
    }
    return -1;
}

int TypeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TypeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TypeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const QLocale locale;
    auto count = [&](qint64 value, bool known) -> QVariant {
        if (role == SortRole)
            return known ? value : -1;
        return known ? QVariant(locale.toString(value)) : QVariant(QStringLiteral("—"));
    };
    switch (role) {
    case SourceRole:
        return int(row.source);
    case TypeRole:
        return row.dataType;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case SourceColumn:
            if (role == SortRole)
                return int(row.source);
            return row.source == Source::Raw ? tr("raw") : tr("processed");
        case TypeColumn:
            return typeName(row.key());
        case RowsColumn:
            return count(row.rows, row.hasStats);
        case SkippedColumn:
            return count(row.skippedRows, row.hasStats);
        case OutliersColumn:
            return count(row.outliers, true);
        case NewColumn:
            return count(row.added, true);
        case ResolvedColumn:
            return count(row.resolved, true);
        case PersistingColumn:
            return count(row.persisting, true);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= RowsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((index.column() == OutliersColumn && row.outliers > 0) || (index.column() == NewColumn && row.added > 0))
            return QBrush(QColor(0xd9, 0x30, 0x25));
        if (index.column() == SkippedColumn && row.skippedRows > 0)
            return QBrush(QColor(0x9a, 0x67, 0x00));
        return {};
    case Qt::FontRole:
        if (index.column() == OutliersColumn && row.outliers > 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TypeColumn)
            return QString(typeNameWithUnit(row.key()) + QLatin1Char('\n') + storedAsText(row.key()));
        if (!row.hasStats)
            return tr("This iteration was written by the old job: only its outliers are stored, not the counts.");
        return tr("%1 rows, %2 numeric, %3 skipped (not numeric), %4 outliers")
            .arg(locale.toString(row.rows), locale.toString(row.numericRows), locale.toString(row.skippedRows),
                 locale.toString(row.outliers));
    default:
        return {};
    }
}

QVariant TypeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SkippedColumn:
            return tr("Rows whose value is not a finite number; they are not part of the statistics");
        case NewColumn:
            return tr("Outliers in this iteration that were not outliers in the previous one");
        case ResolvedColumn:
            return tr("Outliers in the previous iteration that are no longer outliers");
        case PersistingColumn:
            return tr("Outliers in both iterations");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case TypeColumn:
        return tr("Data type");
    case RowsColumn:
        return tr("Rows");
    case SkippedColumn:
        return tr("Skipped");
    case OutliersColumn:
        return tr("Outliers");
    case NewColumn:
        return tr("New");
    case ResolvedColumn:
        return tr("Resolved");
    case PersistingColumn:
        return tr("Persisting");
    default:
        return {};
    }
}

} // namespace fo::ui
