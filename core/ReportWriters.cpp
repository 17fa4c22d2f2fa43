#include "core/ReportWriters.h"

#include "core/NumpyMath.h"
#include "core/TerminalText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace fo {
namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue jsonNumber(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject tableJson(const TableReport &table)
{
    QJsonArray types;
    for (const TypeReport &type : table.types) {
        QJsonArray outliers;
        for (const OutlierPoint &point : type.outliers) {
            outliers.append(QJsonObject {
                {QStringLiteral("record_id"), point.recordId},
                {QStringLiteral("time"), isoTime(point.time)},
                {QStringLiteral("value"), jsonNumber(point.value)},
                {QStringLiteral("z"), jsonNumber(point.z)},
            });
        }
        types.append(QJsonObject {
            {QStringLiteral("data_type"), type.dataTypeIsNull ? QJsonValue() : QJsonValue(type.dataType)},
            {QStringLiteral("rows"), type.rows},
            {QStringLiteral("numeric_rows"), type.numericRows},
            {QStringLiteral("skipped_rows"), type.skippedRows},
            {QStringLiteral("mean"), jsonNumber(type.mean)},
            {QStringLiteral("std"), jsonNumber(type.std)},
            {QStringLiteral("k"), type.k},
            {QStringLiteral("outlier_count"), qint64(type.outliers.size())},
            {QStringLiteral("outliers"), outliers},
        });
    }
    return QJsonObject {
        {QStringLiteral("k"), table.k},
        {QStringLiteral("rows"), table.rows},
        {QStringLiteral("outlier_count"), table.outlierCount},
        {QStringLiteral("types"), types},
    };
}

QString formatNumber(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("-");
    return QString::number(value, 'g', 6);
}

Status csvWriteFailed(const QIODevice &device)
{
    return Error {QStringLiteral("Writing the CSV failed: %1").arg(device.errorString())};
}

void writeRow(QTextStream &stream, const QStringList &cells)
{
    stream << cells.join(QLatin1Char(',')) << "\r\n";
}

} // namespace

QString formatSummary(const RunReport &report)
{
    QString text;
    QTextStream out(&text);
    // Stored text (data types, the email, warnings quoting a server) reaches a terminal here: control characters
    // are shown escaped (escapeControlChars), never sent raw.
    out << "find-outliers " << report.toolVersion << ": " << escapeControlChars(report.email);
    if (report.status == RunStatus::DryRun)
        out << " (dry run: nothing written)";
    out << "\n";
    out << "Iteration " << report.iteration << ", " << statusName(report.status) << ", started "
        << isoTime(report.startedAt) << ", finished " << isoTime(report.finishedAt) << "\n";
    for (const TableReport *table : {&report.raw, &report.processed}) {
        out << "\n"
            << (table->source == Source::Raw ? "Raw records" : "Processed records") << " (k = " << table->k
            << "): " << table->rows << " rows, " << table->outlierCount << " outliers\n";
        if (table->types.isEmpty()) {
            out << "  (no records)\n";
            continue;
        }
        QStringList names;
        int width = 9;
        for (const TypeReport &type : table->types) {
            names << escapeControlChars(displayDataType(type.dataType, type.dataTypeIsNull));
            width = std::max(width, int(names.constLast().size()));
        }
        out << "  " << QStringLiteral("data type").leftJustified(width) << "  "
            << QStringLiteral("rows").rightJustified(9) << "  " << QStringLiteral("skipped").rightJustified(8) << "  "
            << QStringLiteral("outliers").rightJustified(8) << "  " << QStringLiteral("mean").rightJustified(12) << "  "
            << QStringLiteral("std").rightJustified(12) << "\n";
        for (qsizetype i = 0; i < table->types.size(); ++i) {
            const TypeReport &type = table->types.at(i);
            out << "  " << names.at(i).leftJustified(width) << "  " << QString::number(type.rows).rightJustified(9)
                << "  " << QString::number(type.skippedRows).rightJustified(8) << "  "
                << QString::number(type.outliers.size()).rightJustified(8) << "  "
                << formatNumber(type.mean).rightJustified(12) << "  " << formatNumber(type.std).rightJustified(12)
                << "\n";
        }
    }
    for (const QString &warning : report.warnings)
        out << "\nwarning: " << escapeControlChars(warning);
    if (!report.warnings.isEmpty())
        out << "\n";
    out.flush();
    return text;
}

QJsonObject reportJson(const RunReport &report)
{
    QJsonArray warnings;
    for (const QString &warning : report.warnings)
        warnings.append(warning);
    return QJsonObject {
        {QStringLiteral("schema_version"), 1},
        {QStringLiteral("tool_version"), report.toolVersion},
        {QStringLiteral("run_id"), report.runId},
        {QStringLiteral("email"), report.email},
        {QStringLiteral("operator"), report.operatorEmail},
        {QStringLiteral("iteration"), report.iteration},
        {QStringLiteral("status"), statusName(report.status)},
        {QStringLiteral("error"), report.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report.error)},
        {QStringLiteral("dry_run"), report.status == RunStatus::DryRun},
        {QStringLiteral("started_at"), isoTime(report.startedAt)},
        {QStringLiteral("finished_at"), isoTime(report.finishedAt)},
        {QStringLiteral("raw_threshold"), report.rawThreshold},
        {QStringLiteral("processed_threshold"), report.processedThreshold},
        {QStringLiteral("raw"), tableJson(report.raw)},
        {QStringLiteral("processed"), tableJson(report.processed)},
        {QStringLiteral("warnings"), warnings},
    };
}

QByteArray formatJson(const RunReport &report)
{
    return QJsonDocument(reportJson(report)).toJson(QJsonDocument::Indented);
}

QString csvTextCell(const QString &text)
{
    QString cell = text;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        // A leading ' is prefixed too: a spreadsheet hides one leading ', and a reader that strips the prefix can
        // only tell "'=x" from "=x" this way (found by fuzz/fuzz_csv).
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r')
            || first == QLatin1Char('\''))
            cell.prepend(QLatin1Char('\''));
    }
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n'))
        || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1String("\""), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QString csvNumberCell(double value)
{
    if (!std::isfinite(value))
        return QString();
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QStringList csvHeader(bool allPoints)
{
    QStringList header = {QStringLiteral("email"),     QStringLiteral("iteration"), QStringLiteral("source"),
                          QStringLiteral("data_type"), QStringLiteral("record_id"), QStringLiteral("time"),
                          QStringLiteral("value"),     QStringLiteral("z"),         QStringLiteral("mean"),
                          QStringLiteral("std"),       QStringLiteral("k")};
    if (allPoints)
        header << QStringLiteral("is_outlier");
    return header;
}

Status writeCsv(const RunReport &report, QIODevice &device, bool allPoints)
{
    QTextStream stream(&device);
    stream.setEncoding(QStringConverter::Utf8);
    writeRow(stream, csvHeader(allPoints));
    stream.flush();
    if (stream.status() != QTextStream::Ok)
        return csvWriteFailed(device);
    return writeCsvRows(report, device, allPoints);
}

void forEachCsvRow(const RunReport &report, bool allPoints, const CsvRowSink &sink)
{
    const QString email = csvTextCell(report.email);
    const QString iteration = QString::number(report.iteration);
    for (const TableReport *table : {&report.raw, &report.processed}) {
        const QString source = sourceName(table->source);
        for (const TypeReport &type : table->types) {
            const QString dataType = csvTextCell(type.dataType);
            const QString mean = csvNumberCell(type.mean);
            const QString std = csvNumberCell(type.std);
            const QString k = csvNumberCell(type.k);
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
                                     k};
                sink(cells, CsvRowOf {table->source, &type, id, outlier});
            };
            if (!allPoints) {
                for (const OutlierPoint &point : type.outliers)
                    row(point.recordId, isoTime(point.time), point.value, point.z, true);
                continue;
            }
            qsizetype next = 0; // outliers and series are both in id order
            const Series &series = type.series;
            for (qsizetype i = 0; i < series.ids.size(); ++i) {
                const bool outlier = next < type.outliers.size() && type.outliers.at(next).recordId == series.ids.at(i);
                if (outlier)
                    ++next;
                const double z = zScore(series.values.at(i), type.mean, type.std);
                row(series.ids.at(i), isoTime(QDateTime::fromMSecsSinceEpoch(series.timesMs.at(i), Qt::UTC)),
                    series.values.at(i), z, outlier);
            }
        }
    }
}

void writeCsvRow(QTextStream &stream, const QStringList &cells)
{
    writeRow(stream, cells);
}

Status writeCsvRows(const RunReport &report, QIODevice &device, bool allPoints)
{
    QTextStream stream(&device);
    stream.setEncoding(QStringConverter::Utf8);
    forEachCsvRow(report, allPoints, [&](QStringList &cells, const CsvRowOf &of) {
        if (allPoints)
            cells << (of.outlier ? QStringLiteral("1") : QStringLiteral("0"));
        writeRow(stream, cells);
    });
    stream.flush();
    if (stream.status() != QTextStream::Ok)
        return csvWriteFailed(device);
    return {};
}

Status writeCsvFile(const RunReport &report, const QString &path, bool allPoints)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("Cannot write the CSV file %1: %2. Check the folder exists and is writable.")
                          .arg(path, file.errorString())};
    const Status status = writeCsv(report, file, allPoints);
    if (!status)
        return status;
    if (!file.commit())
        return Error {QStringLiteral("Cannot save the CSV file %1: %2.").arg(path, file.errorString())};
    return {};
}

} // namespace fo
