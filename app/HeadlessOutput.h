#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QByteArray>
#include <QString>
#include <QVector>

class QTextStream;

namespace fo {

class CsvTarget;

// What the headless tool writes for a person or a program: stdout and stderr, errors and warnings (as lines, or as
// JSON records with --log-format json), and the CSV written after the run(s).
namespace headless {

QTextStream &out();
QTextStream &err();

// A report that is already UTF-8 (the JSON) goes to stdout as it is: through out() it would be converted to a QString
// and back.
void writeOut(const QByteArray &bytes);

void printError(const QString &text);
// A warning for the person running the tool: a line on stderr, or one JSON record with --log-format json.
void printWarning(const QString &email, const QString &text);

// The CSV of every report that ran (completed or dry run): the header once, then each report's rows.
QByteArray csvOf(const QVector<RunReport> &reports, Status *status);

// Writes the CSV after the run(s). A failure here comes after the runs were stored: it is reported, and the exit
// code is left to the runs (a scheduler's retry would store another iteration), except for a dry run, which stored
// nothing. Returns false when the failure must fail the exit code.
bool finishCsv(CsvTarget *target, const QVector<RunReport> &reports, bool dryRun);

} // namespace headless
} // namespace fo
