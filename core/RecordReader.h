#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <functional>
#include <limits>
#include <optional>
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

struct RecordColumns;

struct ReadRequest
{
    Source source = Source::Raw;
    QString email;
    bool withTimes = false;
    std::function<void(qint64 rowsSoFar)> progress; // every few thousand rows
    std::function<bool()> cancelled; // polled between batches
    const RecordColumns *columns = nullptr; // from recordColumns() on this connection; null: looked up by the read
};

enum class ReadOutcome { Done, Cancelled };

// How one record table's columns are selected, whatever their types in this database: the platform's schema has
// `value` TEXT (docs/platform.md 1), but other deployments drift to number columns. Both read paths select these
// expressions, so that they see the same text for the same row.
struct RecordColumns
{
    QString table; // raw_records or processed_records
    QString dataType = QStringLiteral("data_type"); // cast to text when the column is not text
    QString value = QStringLiteral("value"); // cast to text when the column is a number
    qint64 idLimit = std::numeric_limits<qint64>::max(); // the largest id the id column's type holds
};

// Learns the types of the table's id, data_type, value and time columns (PostgreSQL: one catalog query; SQLite,
// whose columns have no fixed type, needs none) and returns how to select them. id must be smallint, integer or
// bigint; value text (text, varchar, char, name) or a number (smallint, integer, bigint, real, double precision,
// numeric: read as the text PostgreSQL prints for it, the shortest that gives the number back, as the old job's
// driver did); time timestamp or timestamptz; data_type anything (a type that is not text is grouped by its text).
// Any other type is refused with an error naming the table, the column and the type, and what to do.
Result<RecordColumns> recordColumns(Database &db, Source source);

// recordColumns() of both tables: a run calls it before it flags, sends or writes anything. forWriting also checks
// that the outlier tables' record-id columns hold the ids of the email's records (an integer column cannot hold the
// ids above 2^31 of a bigint id column), so that such a run fails here, not in its write.
Status checkRecordTables(Database &db, const QString &email, bool forWriting);

// What checkRecordTables() learns of the tables, kept for one connection so that a batch asks the catalog once per
// connection, not once per email (the email's own check, ids against a narrower outlier column, still runs for each).
struct RecordTables
{
    RecordColumns raw;
    RecordColumns processed;
    bool outliersDescribed = false; // the two limits below are known
    qint64 rawOutlierIdLimit = std::numeric_limits<qint64>::max(); // the largest id the outlier column holds
    qint64 processedOutlierIdLimit = std::numeric_limits<qint64>::max();
    QString rawOutlierIdType;
    QString processedOutlierIdType;

    const RecordColumns &columns(Source source) const { return source == Source::Raw ? raw : processed; }
};

// checkRecordTables() with what it learns kept in `known` (filled on the first call for a connection, then used).
Status checkRecordTables(Database &db, const QString &email, bool forWriting, std::optional<RecordTables> &known);

// Reads every row of the email from raw_records or processed_records, parses each value, and groups by data type,
// each type's values in id order. Memory grows with the numeric values only, never with row objects.
// On PostgreSQL this is a COPY over the QPSQL connection's libpq handle (PgCopyReader), the fast path; elsewhere,
// or with FO_READ_METHOD=qtsql in the environment, it is readRecordsWithQtSql(). Both give identical results.
Result<ReadOutcome> readRecords(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types);

// The portable path: a forward-only QtSql query ordered by id (SQLite, and PostgreSQL when COPY is not available).
Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types);
Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, const RecordColumns &columns,
                                         std::vector<TypeAccumulator> &types);

// False when FO_READ_METHOD=qtsql turns the COPY reads off (to compare both paths, or as an escape hatch for a
// proxy in front of PostgreSQL that does not pass COPY through).
bool copyReadAllowed();

// The SQL expression giving a record's time as milliseconds since the epoch, for this database's dialect.
QString epochMsExpression(const Database &db, const QString &column);

} // namespace fo
