#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;
class QTextStream;
class QJsonObject;

namespace fo {

// The readable summary the headless tool prints by default. Text from outside (data types, the email, warnings)
// has its control characters escaped (escapeControlChars in TerminalText.h); JSON and CSV keep it as stored.
QString formatSummary(const RunReport &report);

// The machine-readable report (--json); its schema is documented in the README. reportJson() is the object that
// formatJson() prints, for a batch's array of reports.
QJsonObject reportJson(const RunReport &report);
QByteArray formatJson(const RunReport &report);

// One CSV cell per RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled). A text cell that
// begins with = + - @ (or a tab or CR) is prefixed with ' so that spreadsheets do not run it as a formula; so is one
// that begins with ' itself, so that removing one leading ' always gives the text back.
QString csvTextCell(const QString &text);
// A number cell: shortest text that reads back as the same double (-0 is written as 0), never quoted or prefixed.
QString csvNumberCell(double value);

// The CSV export: columns email, iteration, source, data_type, record_id, time, value, z, mean, std, k, and with
// `allPoints` a last column is_outlier (0/1) and one row per numeric point (needs the series).
QStringList csvHeader(bool allPoints);
Status writeCsv(const RunReport &report, QIODevice &out, bool allPoints = false);
// The rows of writeCsv() without the header: a batch writes the header once, then each report's rows.
Status writeCsvRows(const RunReport &report, QIODevice &out, bool allPoints = false);
Status writeCsvFile(const RunReport &report, const QString &path, bool allPoints = false);

// The rows of the CSV export, for writers that add columns of their own (the desktop's): each row's cells up to k
// (csvHeader(false)), with what the row is of. With `allPoints` one row per numeric point, else one per outlier.
struct CsvRowOf
{
    Source source;
    const TypeReport *type;
    qint64 recordId;
    bool outlier;
};
using CsvRowSink = std::function<void(QStringList &cells, const CsvRowOf &of)>;
void forEachCsvRow(const RunReport &report, bool allPoints, const CsvRowSink &sink);
// One CSV line: the cells joined by commas, ended by CRLF (RFC 4180).
void writeCsvRow(QTextStream &stream, const QStringList &cells);

} // namespace fo
