#pragma once

#include "core/OutlierChange.h"
#include "core/Result.h"
#include "core/RunReport.h"

#include <QVector>

#include <functional>
#include <optional>

namespace fo {

class Database;
class QueryInterrupt;

// A data type of one table.
struct TypeRef
{
    Source source = Source::Raw;
    QString dataType;
    bool dataTypeIsNull = false;

    static TypeRef of(Source source, const TypeKey &type) { return TypeRef {source, type.dataType, type.isNull}; }
    TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }

    bool operator==(const TypeRef &other) const
    {
        return source == other.source && dataTypeIsNull == other.dataTypeIsNull && dataType == other.dataType;
    }
};

// What the desktop asks for when the operator opens a stored iteration.
struct OpenRequest
{
    enum class Stage {
        ReadingRuns, // the two runs' records and statistics
        ReadingRecords, // the user's records: both iterations' outliers, the overview's values, the chosen type's
        Comparing,
        ReadingType, // the chosen type's every value, when the read of the records did not have them
    };

    QString email;
    int iteration = 0;
    // The stored iteration before it: 0 when there is none, -1 when unknown (the list of iterations is then read,
    // a join of both outlier tables with the records).
    int previousIteration = -1;
    // The type the window shows now, which it keeps when the iteration has it: the best guess of `choose`'s answer.
    std::optional<TypeRef> keep;
    // Which type the window will show first, given the comparison (called on the reading thread): its every value
    // is read. The window's own rule, so that what is read is what it shows.
    std::function<std::optional<TypeRef>(const RunReport &current, const RunReport *previous,
                                         const QVector<OutlierDiff> &diffs)>
        choose;
    // The overview's sketch of a type needs no more than about this many of its values: a type with more is read
    // one value in 2^n, the smallest power of two that brings it to this many or fewer.
    qint64 samplePoints = 8192;
    // Where the work is; `done` and `expected` count rows for ReadingRecords and ReadingType (expected is an
    // estimate; -1 when unknown), and are 0 otherwise. Called on the reading thread.
    std::function<void(Stage stage, qint64 done, qint64 expected)> progress;
    QueryInterrupt *interrupt = nullptr;
};

// Values of one type, in id order: every numeric value (sampleEvery 1), or those of about one record in sampleEvery
// (the records whose id hashes to a multiple of it: the same ones at every opening, spread over the whole time).
struct TypeValues
{
    TypeRef type;
    Series series;
    qint64 sampleEvery = 1;
    qint64 rows = 0; // the type's numeric rows by the run's statistics (what a sample stands for)
};

struct OpenedIteration
{
    bool interrupted = false; // QueryInterrupt: nothing else is set
    RunReport current;
    RunReport previous;
    bool hasPrevious = false;
    QVector<OutlierDiff> diffs;
    // Set when the previous iteration could not be read (hasPrevious is then false): why.
    QString previousError;
    // The current iteration's numeric types, each sampled for the overview or whole; empty when the database
    // cannot give them in one read (SQLite, a connection COPY cannot use, an iteration without this tool's
    // statistics): the window then reads them per type.
    QVector<TypeValues> values;
    // What `choose` answered; its values are whole in `values` when it is a numeric type of either iteration.
    std::optional<TypeRef> chosen;
};

namespace history {

// Opens `iteration` of `email` compared with the stored iteration before it, with the values the window shows
// first, in as few passes over the user's records as possible. On PostgreSQL, for an iteration this tool wrote:
// one read (a binary COPY over QtSql's own libpq connection) of both record tables gives both iterations' outliers
// (joined to the outlier rows by the server), a sample of each numeric type for the overview's sketches and, when
// `keep` or the runs' stored per-type outlier counts foretell `choose`'s answer, that type's every value; if the
// guess was wrong, a second read fetches the chosen type. Elsewhere it reads as loadIteration() and returns no values.
// The reports are the ones loadIteration() gives. An error when the iteration itself cannot be read.
Result<OpenedIteration> openIteration(Database &db, const OpenRequest &request);

} // namespace history

} // namespace fo
