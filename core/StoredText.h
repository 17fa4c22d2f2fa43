#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QStringList>
#include <QVector>

namespace fo {

class Database;

// What the desktop shows of a data type the z-score rule cannot read (no value parses as a number): a few of the
// stored values as they are, and, for values written "systolic/diastolic" ("120/80", blood pressure), the two
// numbers as two series for viewing only. The stored results keep the platform's rule (docs/platform.md, section 2):
// these series are never analysed or written.
struct StoredText
{
    qint64 rows = 0;
    QStringList samples; // the first few distinct values, as stored
    // Rows that read as "S/D": times (UTC ms since the epoch) and the two numbers.
    QVector<qint64> pairTimesMs;
    QVector<double> firstValues; // systolic
    QVector<double> secondValues; // diastolic
};

// Splits "120/80" (spaces allowed around each part, ASCII decimals) into its two numbers.
bool parseValuePair(const QString &text, double *first, double *second);

// Reads the values of one type of `email` (the NULL type when type.isNull) from raw_records or processed_records,
// in id order.
Result<StoredText> loadStoredText(Database &db, const QString &email, Source source, const TypeKey &type,
                                  int sampleCount = 8);

} // namespace fo
