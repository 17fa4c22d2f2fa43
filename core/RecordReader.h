#pragma once

#include "Result.h"
#include "RunReport.h"

#include <functional>
#include <vector>

namespace fo {

class Database;

// The rows of one data type as they are read: every numeric value with its record id (and time, when asked),
// in id order, plus the count of all rows.
struct TypeAccumulator
{
    QString dataType;
    qint64 rows = 0;
    std::vector<double> values;
    std::vector<qint64> ids;
    std::vector<qint64> timesMs; // only with times
    bool dataTypeIsNull = false; // the rows' data_type is NULL: a group of its own, apart from ""
};

struct ReadRequest
{
    Source source = Source::Raw;
    QString email;
    bool withTimes = false;
    std::function<void(qint64 rowsSoFar)> progress; // every few thousand rows
    std::function<bool()> cancelled;                // polled between batches
};

enum class ReadOutcome { Done, Cancelled };

// Reads every row of the email from raw_records or processed_records, parses each value, and groups by data type,
// each type's values in id order. Memory grows with the numeric values only, never with row objects.
// On PostgreSQL this is a COPY over the QPSQL connection's libpq handle (PgCopyReader), the fast path; elsewhere,
// or with FO_READ_METHOD=qtsql in the environment, it is readRecordsWithQtSql(). Both give identical results.
Result<ReadOutcome> readRecords(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types);

// The portable path: a forward-only QtSql query ordered by id (SQLite, and PostgreSQL when COPY is not available).
Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types);

// The SQL expression giving a record's time as milliseconds since the epoch, for this database's dialect.
QString epochMsExpression(const Database &db, const QString &column);

} // namespace fo
