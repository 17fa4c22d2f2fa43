#include "core/DesktopCsv.h"

#include "core/DataUnits.h"
#include "core/ReportWriters.h"

#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>

namespace fo {

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
    QMap<QPair<Source, TypeKey>, QSet<qint64>> added;
    if (diffs) {
        for (const OutlierDiff &diff : *diffs) {
            QSet<qint64> &ids = added[{diff.source, diff.key()}];
            for (qint64 id : diff.added)
                ids.insert(id);
        }
    }
    QTextStream stream(&device);
    stream.setEncoding(QStringConverter::Utf8);
    writeCsvRow(stream, desktopCsvHeader(allPoints, diffs != nullptr));
    const TypeReport *type = nullptr; // the type of the rows so far, with its unit and new ids
    QString unit;
    QSet<qint64> newIds;
    forEachCsvRow(report, allPoints, [&](QStringList &cells, const CsvRowOf &of) {
        if (of.type != type) {
            type = of.type;
            unit = csvTextCell(unitOf(type->dataType));
            newIds = added.value({of.source, type->key()});
        }
        cells << unit;
        if (diffs) {
            if (!of.outlier)
                cells << QString();
            else
                cells << (newIds.contains(of.recordId) ? QStringLiteral("new") : QStringLiteral("persisting"));
        }
        if (allPoints)
            cells << (of.outlier ? QStringLiteral("1") : QStringLiteral("0"));
        writeCsvRow(stream, cells);
    });
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
