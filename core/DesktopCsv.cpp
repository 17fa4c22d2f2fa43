#include "core/DesktopCsv.h"

#include "core/DataUnits.h"
#include "core/ReportWriters.h"

#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>

#include <cmath>

namespace fo {
namespace {

void writeRow(QTextStream &stream, const QStringList &cells)
{
    stream << cells.join(QLatin1Char(',')) << "\r\n";
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QStringList desktopCsvHeader(bool allPoints, bool compared)
{
    QStringList header = csvHeader(false);
    header << QStringLiteral("unit");
    if (compared)
        header << QStringLiteral("status");
    if (allPoints)
        header << QStringLiteral("is_outlier");
    return header;
}

Status writeDesktopCsv(const RunReport &report, const QVector<OutlierDiff> *diffs, QIODevice &device, bool allPoints)
{
    // Which outliers are new since the iteration compared with (the others of the current one persist).
    QHash<QString, QSet<qint64>> added;
    if (diffs) {
        for (const OutlierDiff &diff : *diffs) {
            QSet<qint64> &ids = added[sourceName(diff.source) + QLatin1Char('/') + diff.dataType];
            for (qint64 id : diff.added)
                ids.insert(id);
        }
    }
    QTextStream stream(&device);
    stream.setEncoding(QStringConverter::Utf8);
    writeRow(stream, desktopCsvHeader(allPoints, diffs != nullptr));
    const QString email = csvTextCell(report.email);
    const QString iteration = QString::number(report.iteration);
    for (const TableReport *table : {&report.raw, &report.processed}) {
        const QString source = sourceName(table->source);
        for (const TypeReport &type : table->types) {
            const QString dataType = csvTextCell(type.dataType);
            const QString mean = csvNumberCell(type.mean);
            const QString std = csvNumberCell(type.std);
            const QString k = csvNumberCell(type.k);
            const QString unit = csvTextCell(unitOf(type.dataType));
            const QSet<qint64> newIds = added.value(source + QLatin1Char('/') + type.dataType);
            auto row = [&](qint64 id, const QString &time, double value, double z, bool outlier) {
                QStringList cells = {email,
                                     iteration,
                                     source,
                                     dataType,
                                     QString::number(id),
                                     time,
                                     csvNumberCell(value),
                                     csvNumberCell(z),
                                     mean,
                                     std,
                                     k,
                                     unit};
                if (diffs) {
                    if (!outlier)
                        cells << QString();
                    else
                        cells << (newIds.contains(id) ? QStringLiteral("new") : QStringLiteral("persisting"));
                }
                if (allPoints)
                    cells << (outlier ? QStringLiteral("1") : QStringLiteral("0"));
                writeRow(stream, cells);
            };
            if (!allPoints) {
                for (const OutlierPoint &point : type.outliers)
                    row(point.recordId, isoTime(point.time), point.value, point.z, true);
                continue;
            }
            QSet<qint64> outlierIds;
            for (const OutlierPoint &point : type.outliers)
                outlierIds.insert(point.recordId);
            const Series &series = type.series;
            for (qsizetype i = 0; i < series.ids.size(); ++i) {
                const double z = type.std != 0.0 ? (series.values.at(i) - type.mean) / type.std : std::nan("");
                row(series.ids.at(i), isoTime(QDateTime::fromMSecsSinceEpoch(series.timesMs.at(i), Qt::UTC)),
                    series.values.at(i), z, outlierIds.contains(series.ids.at(i)));
            }
        }
    }
    stream.flush();
    if (stream.status() != QTextStream::Ok)
        return Error {QStringLiteral("Writing the CSV failed: %1").arg(device.errorString())};
    return {};
}

Status writeDesktopCsvFile(const RunReport &report, const QVector<OutlierDiff> *diffs, const QString &path,
                           bool allPoints)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("Cannot write the CSV file %1: %2. Check the folder exists and is writable.")
                          .arg(path, file.errorString())};
    const Status status = writeDesktopCsv(report, diffs, file, allPoints);
    if (!status)
        return status;
    if (!file.commit())
        return Error {QStringLiteral("Cannot save the CSV file %1: %2.").arg(path, file.errorString())};
    return {};
}

} // namespace fo
