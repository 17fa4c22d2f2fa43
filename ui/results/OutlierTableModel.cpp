#include "ui/results/OutlierTableModel.h"

#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace fo::ui {

namespace {

QVariant sortNumber(double value)
{
    return std::isfinite(value) ? value : -HUGE_VAL;
}

} // namespace

OutlierTableModel::OutlierTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void OutlierTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_comparing = false;
    endResetModel();
}

void OutlierTableModel::setReport(const RunReport &current, const RunReport *previous, bool onlyOneType, Source source,
                                  const TypeKey &onlyType)
{
    beginResetModel();
    m_rows.clear();
    m_comparing = previous != nullptr;
    auto wanted = [&](Source s, const TypeReport &type) {
        return !onlyOneType || (s == source && type.key() == onlyType);
    };
    auto rowOf = [](MarkerKind kind, Source s, const RunReport &report, const TypeReport &type, const OutlierPoint &p) {
        Row row;
        row.kind = kind;
        row.source = s;
        row.dataType = type.dataType;
        row.dataTypeIsNull = type.dataTypeIsNull;
        row.recordId = p.recordId;
        row.timeMs = p.time.toMSecsSinceEpoch();
        row.value = p.value;
        row.z = p.z;
        row.mean = type.mean;
        row.std = type.std;
        row.k = type.k > 0 ? type.k : report.table(s).k;
        return row;
    };

    // Raw and processed record ids come from two tables: each source is compared on its own.
    const auto comparisonOf = [&](Source s) {
        return previous
            ? OutlierComparison(OutlierComparison::idsOf(*previous, s), OutlierComparison::idsOf(current, s))
            : OutlierComparison({}, {});
    };
    const OutlierComparison comparisons[] = {comparisonOf(Source::Raw), comparisonOf(Source::Processed)};
    for (Source s : {Source::Raw, Source::Processed}) {
        for (const TypeReport &type : current.table(s).types) {
            if (!wanted(s, type))
                continue;
            for (const OutlierPoint &p : type.outliers) {
                const MarkerKind kind =
                    previous ? markerKind(comparisons[int(s)].ofCurrent(p.recordId)) : MarkerKind::Current;
                m_rows.append(rowOf(kind, s, current, type, p));
            }
        }
    }
    if (previous) {
        for (Source s : {Source::Raw, Source::Processed}) {
            for (const TypeReport &type : previous->table(s).types) {
                if (!wanted(s, type))
                    continue;
                for (const OutlierPoint &p : type.outliers)
                    if (comparisons[int(s)].isResolved(p.recordId))
                        m_rows.append(rowOf(MarkerKind::Resolved, s, *previous, type, p));
            }
        }
    }
    endResetModel();
}

QString OutlierTableModel::kindText(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::New:
        return tr("new");
    case MarkerKind::Persisting:
        return tr("persisting");
    case MarkerKind::Resolved:
        return tr("resolved");
    case MarkerKind::Current:
        return tr("outlier");
    case MarkerKind::None:
        break;
    }
    return QString();
}

int OutlierTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutlierTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutlierTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case RecordIdRole:
        return row.recordId;
    case TimeMsRole:
        return row.timeMs;
    case ValueRole:
        return row.value;
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            return int(row.kind);
        case SourceColumn:
            return int(row.source);
        case TypeColumn:
            return row.dataType;
        case TimeColumn:
            return row.timeMs;
        case ValueColumn:
            return row.value;
        case ZColumn:
            return sortNumber(row.z);
        case WhyColumn:
            return std::isfinite(row.z) && row.k > 0 ? std::abs(row.z) / row.k : -HUGE_VAL;
        case MeanColumn:
            return sortNumber(row.mean);
        case StdColumn:
            return sortNumber(row.std);
        case KColumn:
            return row.k;
        case RecordIdColumn:
            return row.recordId;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return kindText(row.kind);
        case SourceColumn:
            return row.source == Source::Raw ? tr("raw") : tr("processed");
        case TypeColumn:
            return typeName(row.key());
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ValueColumn:
            return withUnit(numberText(row.value), row.dataType);
        case ZColumn:
            return std::isfinite(row.z) ? zText(row.z, row.k) : QStringLiteral("—");
        case WhyColumn:
            if (!std::isfinite(row.z))
                return tr("z unknown (stored by the old job)");
            if (row.kind == MarkerKind::Resolved)
                return tr("was |z| %1 > %2").arg(zText(std::abs(row.z), row.k), thresholdText(row.k));
            return tr("|z| %1 > k %2  (%3× k)")
                .arg(zText(std::abs(row.z), row.k), thresholdText(row.k), ratioText(std::abs(row.z), row.k));
        case MeanColumn:
            return numberText(row.mean);
        case StdColumn:
            return numberText(row.std);
        case KColumn:
            return thresholdText(row.k);
        case RecordIdColumn:
            return QString::number(row.recordId);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= ValueColumn && index.column() != WhyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn || index.column() == WhyColumn) {
            switch (row.kind) {
            case MarkerKind::Resolved:
                return QBrush(QColor(0x6b, 0x71, 0x76));
            case MarkerKind::Persisting:
                return QBrush(QColor(0x00, 0x72, 0xb2)); // blue, as on the chart
            default:
                return QBrush(QColor(0xc5, 0x22, 0x1f));
            }
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() == WhyColumn && row.kind != MarkerKind::Resolved && std::isfinite(row.z) && row.k > 0) {
            // Deeper red the further beyond k.
            const double excess = std::min(1.0, (std::abs(row.z) / row.k - 1.0) / 2.0);
            QColor c(0xd9, 0x30, 0x25);
            c.setAlphaF(0.08 + 0.22 * std::max(0.0, excess));
            return QBrush(c);
        }
        return {};
    case Qt::ToolTipRole:
        if (std::isfinite(row.z))
            return tr("z = (value − mean) / std = (%1 − %2) / %3 = %4; a point is an outlier when |z| > k = %5")
                .arg(numberText(row.value), numberText(row.mean), numberText(row.std), zText(row.z, row.k),
                     thresholdText(row.k));
        return {};
    default:
        return {};
    }
}

QVariant OutlierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source");
    case TypeColumn:
        return tr("Data type");
    case TimeColumn:
        return tr("Time (UTC)");
    case ValueColumn:
        return tr("Value");
    case ZColumn:
        return tr("z");
    case WhyColumn:
        return tr("Why");
    case MeanColumn:
        return tr("Mean");
    case StdColumn:
        return tr("Std");
    case KColumn:
        return tr("k");
    case RecordIdColumn:
        return tr("Record id");
    default:
        return {};
    }
}

} // namespace fo::ui
