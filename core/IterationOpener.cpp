#include "core/IterationOpener.h"

#include "core/Database.h"
#include "core/History.h"
#include "core/IterationBuilder.h"
#include "core/PgConnection.h"
#include "core/PgCopySupport.h"
#include "core/PlatformTables.h"
#include "core/QueryInterrupt.h"
#include "core/RecordReader.h"
#include "core/ValueParser.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <libpq-fe.h>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

Q_LOGGING_CATEGORY(lcOpener, "fo.core.history.open")

namespace fo {
namespace {

using pgcopy::BinaryCursor;
using pgcopy::PgResult;

constexpr qint64 ProgressEvery = 16384;

// Where the read of the records stands, for the progress callback and the interruption.
struct Reporter
{
    const OpenRequest &request;

    bool interrupted() const { return request.interrupt && request.interrupt->isInterrupted(); }
    void stage(OpenRequest::Stage stage, qint64 done = 0, qint64 expected = 0) const
    {
        if (request.progress)
            request.progress(stage, done, expected);
    }
};

// The smallest power of two that brings `rows` to `target` or fewer.
qint64 sampleEveryFor(qint64 rows, qint64 target)
{
    qint64 every = 1;
    while (target > 0 && rows / every > target && every < (qint64(1) << 40))
        every *= 2;
    return every;
}

// The guess, before any outlier is read, of the type the window will show first: the one it keeps, or the one with
// the most new outliers (then resolved, then persisting) by the counts the runs stored per type, or with the most
// outliers when nothing is compared. New = current - previous is exact when one run's outliers of a type contain
// the other's, as when only a threshold changed; otherwise the guess may be wrong, and the chosen type is read
// after the comparison. The window lists raw types before processed ones, each by name, and picks the first best.
std::optional<TypeRef> guessChosen(const OpenRequest &request, const IterationBuilder &current,
                                   const IterationBuilder *previous)
{
    QVector<QPair<QPair<Source, QString>, const TypeReport *>> numeric;
    for (auto it = current.types().cbegin(); it != current.types().cend(); ++it) {
        if (it->numericRows > 0)
            numeric.append({it.key(), &it.value()});
    }
    if (request.keep) {
        for (const auto &[key, type] : std::as_const(numeric)) {
            if (key.first == request.keep->source && type->dataType == request.keep->dataType
                && type->dataTypeIsNull == request.keep->dataTypeIsNull)
                return request.keep;
        }
    }
    std::stable_sort(numeric.begin(), numeric.end(), [](const auto &a, const auto &b) {
        if (a.first.first != b.first.first)
            return a.first.first == Source::Raw;
        return a.second->dataType < b.second->dataType;
    });
    std::optional<TypeRef> best;
    qint64 bestScore = -1;
    const bool comparing = previous != nullptr;
    for (const auto &[key, type] : std::as_const(numeric)) {
        const qint64 now = current.storedOutliers(key.first, key.second);
        qint64 score = now;
        if (comparing) {
            const qint64 before = previous->hasRun() ? previous->storedOutliers(key.first, key.second) : 0;
            score = std::max<qint64>(0, now - before) * 1000000 + std::max<qint64>(0, before - now) * 1000
                + std::min(now, before);
        }
        if (score > bestScore) {
            bestScore = score;
            best = TypeRef {key.first, type->dataType, type->dataTypeIsNull};
        }
    }
    return best;
}

// A record flagged in either iteration: how many outlier rows each iteration stored for it (1, or more if stored
// twice) and their time, from the outlier table.
struct Membership
{
    qint64 currentCount = 0;
    qint64 currentTimeMs = 0;
    qint64 previousCount = 0;
    qint64 previousTimeMs = 0;
};

// One row of the read that is an outlier of either iteration, kept until the comparison.
struct OutlierRow
{
    qint64 id = 0;
    int type = 0; // index into the table's types
    std::optional<QByteArray> value;
    qint64 timeMs = 0;
};

// What the read gathers per type of one table.
struct TypeGather
{
    struct Point
    {
        qint64 id;
        qint64 timeMs;
        double value;
    };
    TypeRef type;
    std::vector<Point> points;
    bool sorted = true;
    qint64 mask = -1; // a row is in the type's sample when its hash & mask is 0; -1: the type is not sampled
};

OpenedIteration interruptedResult()
{
    OpenedIteration opened;
    opened.interrupted = true;
    return opened;
}

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
};

struct TableGather
{
    Source source = Source::Raw;
    std::vector<TypeGather> types;
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> index; // type bytes (NUL: the NULL type)
    std::vector<OutlierRow> outliers;
    QHash<qint64, Membership> membership; // record id -> its outlier rows in either iteration
    // The same ids for the test every row of the read takes: a bit per id from outlierFrom (a few megabytes at
    // most), or, for ids spread too far for that, the sorted ids.
    std::vector<quint64> outlierBits;
    qint64 outlierFrom = 0;
    std::vector<qint64> sortedOutliers;

    void indexOutliers(const QVector<qint64> &sorted)
    {
        constexpr qint64 MaxBits = qint64(64) << 20; // 8 MB
        outlierBits.clear();
        sortedOutliers.clear();
        if (sorted.isEmpty())
            return;
        outlierFrom = sorted.first();
        const qint64 span = sorted.last() - outlierFrom + 1;
        if (span > MaxBits) {
            sortedOutliers.assign(sorted.cbegin(), sorted.cend());
            return;
        }
        outlierBits.assign(std::size_t((span + 63) / 64), 0);
        for (const qint64 id : sorted)
            outlierBits[std::size_t((id - outlierFrom) / 64)] |= quint64(1) << ((id - outlierFrom) % 64);
    }

    bool isOutlier(qint64 id) const
    {
        if (!outlierBits.empty()) {
            const qint64 at = id - outlierFrom;
            return at >= 0 && at < qint64(outlierBits.size()) * 64
                && (outlierBits[std::size_t(at / 64)] >> (at % 64) & 1) != 0;
        }
        return std::binary_search(sortedOutliers.cbegin(), sortedOutliers.cend(), id);
    }
    // (source, type key) -> one in n of its records read (a power of two; the type's rows hash to a multiple of n)
    QMap<QString, qint64> every;

    int typeIndex(std::string_view bytes, bool isNull)
    {
        static constexpr std::string_view NullKey {"\0", 1};
        const std::string_view key = isNull ? NullKey : bytes;
        if (const auto it = index.find(key); it != index.end())
            return it->second;
        TypeGather gather;
        gather.type.source = source;
        gather.type.dataTypeIsNull = isNull;
        if (!isNull)
            gather.type.dataType = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        const QString typeKey = IterationBuilder::typeKey(gather.type.dataType, isNull);
        gather.mask = every.contains(typeKey) ? every.value(typeKey) - 1 : -1;
        types.push_back(std::move(gather));
        index.emplace(std::string(key), int(types.size() - 1));
        return int(types.size() - 1);
    }
};

// The type's values in id order. The workers of a parallel read send their rows in runs of pages, one after the
// other: sorting the points themselves (not an order of them) keeps it to one pass over memory after the sort.
Series toSeries(TypeGather &gather)
{
    std::vector<TypeGather::Point> &points = gather.points;
    if (!gather.sorted)
        std::sort(points.begin(), points.end(),
                  [](const TypeGather::Point &a, const TypeGather::Point &b) { return a.id < b.id; });
    Series series;
    const auto n = qsizetype(points.size());
    series.ids.resize(n);
    series.timesMs.resize(n);
    series.values.resize(n);
    qint64 *ids = series.ids.data();
    qint64 *times = series.timesMs.data();
    double *values = series.values.data();
    for (qsizetype i = 0; i < n; ++i) {
        ids[i] = points[std::size_t(i)].id;
        times[i] = points[std::size_t(i)].timeMs;
        values[i] = points[std::size_t(i)].value;
    }
    points = {};
    return series;
}

// A binary COPY of rows of both record tables, read on the connection's own thread. Each row:
//   source (int2: 0 raw, 1 processed), id, data_type (text), value (text), time, hash (int8: the bits of the id's
//   hash that the sample plan looks at)
class RecordsCopy
{
public:
    RecordsCopy(PGconn *conn, const Reporter &reporter, OpenRequest::Stage stage, qint64 expected)
        : m_conn(conn), m_reporter(reporter), m_stage(stage), m_expected(expected)
    { }

    // Runs `sql` (a COPY ... TO STDOUT (FORMAT binary)) and gathers its rows into `tables`. Returns an error, or
    // false when interrupted, true when done.
    Result<bool> run(const QByteArray &sql, TableGather (&tables)[2])
    {
        const QString what = QStringLiteral("Reading the records of %1").arg(m_reporter.request.email);
        {
            const PgResult started(PQexec(m_conn, sql.constData()));
            if (PQresultStatus(started.get()) != PGRES_COPY_OUT) {
                if (m_reporter.interrupted())
                    return false;
                return Error {pgcopy::failureText(what, m_conn, started.get())};
            }
        }
        qint64 nextProgress = ProgressEvery;
        int length = 0;
        while (true) {
            char *message = nullptr;
            length = PQgetCopyData(m_conn, &message, 0);
            if (length < 0)
                break; // -1: the COPY is over (finishCommand() tells whether it ended well); -2: the connection failed
            const bool understood = addMessage(message, std::size_t(length), tables);
            PQfreemem(message);
            if (!understood) {
                pgcopy::cancelCopy(m_conn);
                return Error {QStringLiteral("%1 failed: after %2 rows, the server sent %3, which this version does "
                                             "not understand. Report this, with the PostgreSQL version.")
                                  .arg(what)
                                  .arg(m_rows)
                                  .arg(m_problem)};
            }
            if (m_rows >= nextProgress) {
                nextProgress += ProgressEvery;
                m_reporter.stage(m_stage, m_rows, m_expected);
                if (m_reporter.interrupted()) {
                    pgcopy::cancelCopy(m_conn);
                    return false;
                }
            }
        }
        const QString error = pgcopy::finishCommand(m_conn);
        if (m_reporter.interrupted())
            return false; // the server cancelled the COPY at our request
        if (!error.isEmpty() || length == -2 || PQstatus(m_conn) == CONNECTION_BAD)
            return Error {pgcopy::failureText(what, m_conn, error)};
        if (!m_trailerSeen)
            return Error {QStringLiteral("%1 failed: the data ended without its end marker after %2 rows. Try again; "
                                         "if this repeats, report it with the PostgreSQL version.")
                              .arg(what)
                              .arg(m_rows)};
        m_reporter.stage(m_stage, m_rows, m_expected);
        return true;
    }

    qint64 rows() const { return m_rows; }

private:
    bool fail(const QString &problem)
    {
        m_problem = problem;
        return false;
    }

    bool readTime(BinaryCursor &cursor, qint64 &ms, bool &isNull)
    {
        std::string_view bytes;
        ms = 0; // a NULL time reads as 0, as QVariant::toLongLong() of NULL does on the QtSql path
        if (!cursor.readField(bytes, isNull))
            return fail(QStringLiteral("a row cut short"));
        if (isNull)
            return true;
        if (bytes.size() != 8)
            return fail(QStringLiteral("a time of %1 bytes").arg(bytes.size()));
        if (!pgcopy::timestampToEpochMs(qFromBigEndian<qint64>(bytes.data()), ms))
            return fail(QStringLiteral("an infinite time, which cannot be charted"));
        return true;
    }

    bool readInteger(BinaryCursor &cursor, qint64 &value, bool &isNull)
    {
        std::string_view bytes;
        value = 0;
        if (!cursor.readField(bytes, isNull))
            return fail(QStringLiteral("a row cut short"));
        if (isNull)
            return true;
        if (!pgcopy::readInteger(bytes, value))
            return fail(QStringLiteral("an integer of %1 bytes").arg(bytes.size()));
        return true;
    }

    bool addMessage(const char *data, std::size_t size, TableGather (&tables)[2])
    {
        BinaryCursor cursor(data, size);
        if (!m_headerSeen) {
            if (!cursor.readHeader(&m_problem))
                return false;
            m_headerSeen = true;
        }
        while (!cursor.atEnd()) {
            if (m_trailerSeen)
                return fail(QStringLiteral("data after the end marker"));
            qint16 fields = 0;
            if (!cursor.readInt16(fields))
                return fail(QStringLiteral("a row cut short"));
            if (fields == -1) {
                m_trailerSeen = true;
                continue;
            }
            if (fields != 6)
                return fail(QStringLiteral("a row of %1 fields instead of 6").arg(fields));
            qint64 source = 0, id = 0, hash = 0;
            bool isNull = false, idNull = false, hashNull = false;
            if (!readInteger(cursor, source, isNull) || !readInteger(cursor, id, idNull))
                return false;
            if (isNull || idNull || (source != 0 && source != 1))
                return fail(QStringLiteral("a row without its table or id"));
            std::string_view type, value;
            bool typeNull = false, valueNull = false;
            if (!cursor.readField(type, typeNull) || !cursor.readField(value, valueNull))
                return fail(QStringLiteral("a row cut short"));
            qint64 timeMs = 0;
            if (!readTime(cursor, timeMs, isNull) || !readInteger(cursor, hash, hashNull))
                return false;
            ++m_rows;

            TableGather &table = tables[source];
            const int index = table.typeIndex(type, typeNull);
            if (table.isOutlier(id)) {
                OutlierRow outlier;
                outlier.id = id;
                outlier.type = index;
                if (!valueNull)
                    outlier.value = QByteArray(value.data(), qsizetype(value.size()));
                outlier.timeMs = timeMs;
                table.outliers.push_back(std::move(outlier));
            }
            TypeGather &gather = table.types[std::size_t(index)];
            if (gather.mask < 0 || (hash & gather.mask) != 0 || valueNull)
                continue;
            const std::optional<double> number = parseValue(value);
            if (!number)
                continue;
            if (!gather.points.empty() && id < gather.points.back().id)
                gather.sorted = false;
            gather.points.push_back({id, timeMs, *number});
        }
        return true;
    }

    PGconn *m_conn;
    const Reporter &m_reporter;
    OpenRequest::Stage m_stage;
    qint64 m_expected;
    bool m_headerSeen = false;
    bool m_trailerSeen = false;
    qint64 m_rows = 0;
    QString m_problem;
};

// A statement on `conn` whose result does not matter beyond success (BEGIN, set_config, COMMIT).
Status exec(PGconn *conn, const QString &what, const char *sql, const std::vector<QByteArray> &values = {})
{
    std::vector<const char *> params;
    for (const QByteArray &value : values)
        params.push_back(value.constData());
    const PgResult result(PQexecParams(conn, sql, int(params.size()), nullptr, params.data(), nullptr, nullptr, 0));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return Error {pgcopy::failureText(what, conn, result.get())};
    return {};
}

// "r.data_type" for the plain column, "CAST(r.data_type AS text)" for a cast: RecordColumns' expressions, with the
// table named (the joins bring columns of their own).
QString qualified(const QString &expression, const QString &column)
{
    if (expression == column)
        return QStringLiteral("r.") + column;
    QString qualifiedExpression = expression;
    return qualifiedExpression.replace(QStringLiteral("(%1").arg(column), QStringLiteral("(r.%1").arg(column));
}

// Runs a COPY of `sql` into `tables` in a read-only transaction of its own, with `settings` (name, value) set for
// that transaction only. Besides them: no JIT (compiling costs more than it saves on a read this size), and a
// parallel plan even though the planner cannot tell how few rows the filter keeps (it would otherwise price sending
// every row from the workers). Returns an error, or false when interrupted.
Result<bool> copyInTransaction(PGconn *conn, const Reporter &reporter,
                               const QVector<QPair<QByteArray, QByteArray>> &settings, const QByteArray &sql,
                               OpenRequest::Stage stage, qint64 expected, TableGather (&tables)[2])
{
    const QString what = QStringLiteral("Reading the records of %1").arg(reporter.request.email);
    QByteArray set = "SELECT set_config('jit', 'off', true), set_config('parallel_tuple_cost', '0.001', true)";
    std::vector<QByteArray> values;
    for (const auto &[name, value] : settings) {
        values.push_back(name);
        values.push_back(value);
        set += ", set_config($" + QByteArray::number(values.size() - 1) + ", $" + QByteArray::number(values.size())
            + ", true)";
    }
    Status ready = exec(conn, what, "BEGIN READ ONLY");
    if (ready)
        ready = exec(conn, what, set.constData(), values);
    Result<bool> read = ready ? Result<bool>(true) : Result<bool>(Error {ready.error()});
    if (read.ok()) {
        reporter.stage(stage, 0, expected);
        RecordsCopy copy(conn, reporter, stage, expected);
        read = copy.run(sql, tables);
        qCDebug(lcOpener).noquote() << "COPY read" << copy.rows() << "rows (expected" << expected << ")";
    }
    if (PQtransactionStatus(conn) != PQTRANS_IDLE)
        (void)exec(conn, what, read.ok() && read.value() ? "COMMIT" : "ROLLBACK");
    if (reporter.interrupted())
        return false;
    return read;
}

// An SQL literal for `text` (libpq's quoting for this connection's encoding and settings).
QString literal(PGconn *conn, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    char *quoted = PQescapeLiteral(conn, utf8.constData(), std::size_t(utf8.size()));
    if (!quoted)
        return QStringLiteral("NULL"); // out of memory: matches nothing
    const QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

// A condition on the row's type (the column expression `dataType`): equal to `type`, or one of `types`.
QString typeCondition(PGconn *conn, const QString &dataType, const QVector<TypeRef> &types)
{
    QStringList names;
    bool null = false;
    for (const TypeRef &type : types) {
        if (type.dataTypeIsNull)
            null = true;
        else
            names << literal(conn, type.dataType);
    }
    QStringList parts;
    if (names.size() == 1)
        parts << QStringLiteral("%1 = %2").arg(dataType, names.first());
    else if (!names.isEmpty())
        // More than eight constants: PostgreSQL looks them up in a hash table, not one by one.
        parts << QStringLiteral("%1 = ANY(ARRAY[%2]::text[])").arg(dataType, names.join(QLatin1Char(',')));
    if (null)
        parts << QStringLiteral("%1 IS NULL").arg(dataType);
    return parts.isEmpty() ? QStringLiteral("false") : QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" OR ")));
}

// The sample plan of one table: which types are read in full, and which one row in n of (n a power of two).
struct TablePlan
{
    QVector<TypeRef> whole;
    QMap<qint64, QVector<TypeRef>> sampled; // n -> the types read one row in n
    int typeCount = 0; // numeric types of the table in the run's statistics
    qint64 maxMask = 0;
};

// One table's part of the read: the email's rows that are outliers of either iteration (their ids, from the outlier
// table, as a constant array, which PostgreSQL looks up in a hash table), that belong to a type read in full, or to
// a sampled type and whose id hashes to a multiple of its n. Every test is in the scan's own filter (no join), so
// that the rows it drops cost as little as possible. The email comes from a session setting, read once.
QString tableSelect(PGconn *conn, Source source, const RecordColumns &columns, const TablePlan &plan,
                    const QVector<qint64> &outlierIds)
{
    const QString dataType = qualified(columns.dataType, QStringLiteral("data_type"));
    QStringList keep;
    if (!plan.whole.isEmpty())
        keep << typeCondition(conn, dataType, plan.whole);
    for (auto it = plan.sampled.cbegin(); it != plan.sampled.cend(); ++it) {
        // When every sampled type of the table shares one n, the type need not be checked: a row of another type
        // (one the run did not analyse) is dropped by the reader.
        const bool allTypes = plan.sampled.size() == 1 && it->size() + plan.whole.size() == plan.typeCount;
        const QString hashed = QStringLiteral("(hashint8(r.id::int8) & %1) = 0").arg(it.key() - 1);
        keep << (allTypes ? hashed : QStringLiteral("(%1 AND %2)").arg(hashed, typeCondition(conn, dataType, *it)));
    }
    if (!outlierIds.isEmpty()) {
        QStringList ids;
        ids.reserve(outlierIds.size());
        for (const qint64 id : outlierIds) {
            if (id <= columns.idLimit) // an id the column cannot hold is no record's
                ids << QString::number(id);
        }
        // In the id column's own type: no cast per row.
        const QString type = columns.idLimit <= std::numeric_limits<qint16>::max() ? QStringLiteral("int2")
            : columns.idLimit <= std::numeric_limits<qint32>::max()                ? QStringLiteral("int4")
                                                                                   : QStringLiteral("int8");
        keep << QStringLiteral("r.id = ANY('{%1}'::%2[])").arg(ids.join(QLatin1Char(',')), type);
    }
    if (keep.isEmpty())
        keep << QStringLiteral("false");
    return QStringLiteral("SELECT %1::int2, r.id, %2, %3, r.time, hashint8(r.id::int8) & %4 FROM %5 r"
                          " WHERE r.email = (SELECT current_setting('find_outliers.email')) AND (%6)")
        .arg(source == Source::Raw ? 0 : 1)
        .arg(dataType, qualified(columns.value, QStringLiteral("value")))
        .arg(plan.maxMask)
        .arg(columns.table, keep.join(QStringLiteral(" OR ")));
}

// Every row of one type of one table, for RecordsCopy.
QString typeSelect(PGconn *conn, const TypeRef &type, const RecordColumns &columns)
{
    const QString dataType = qualified(columns.dataType, QStringLiteral("data_type"));
    return QStringLiteral("SELECT %1::int2, r.id, %2, %3, r.time, 0::int8 FROM %4 r"
                          " WHERE r.email = (SELECT current_setting('find_outliers.email')) AND %5")
        .arg(type.source == Source::Raw ? 0 : 1)
        .arg(dataType, qualified(columns.value, QStringLiteral("value")), columns.table,
             typeCondition(conn, dataType, {type}));
}

struct Plan
{
    TablePlan tables[2];
    qint64 expectedRows = 0;
};

Plan samplePlan(const OpenRequest &request, const IterationBuilder &current, const std::optional<TypeRef> &full,
                TableGather (&gathers)[2])
{
    Plan plan;
    for (auto it = current.types().cbegin(); it != current.types().cend(); ++it) {
        const TypeReport &type = it.value();
        if (type.numericRows <= 0)
            continue;
        const Source source = it.key().first;
        const int index = source == Source::Raw ? 0 : 1;
        TablePlan &table = plan.tables[index];
        const TypeRef ref {source, type.dataType, type.dataTypeIsNull};
        const qint64 every = full && *full == ref ? 1 : sampleEveryFor(type.numericRows, request.samplePoints);
        gathers[index].every.insert(it.key().second, every);
        ++table.typeCount;
        if (every == 1)
            table.whole.append(ref);
        else
            table.sampled[every].append(ref);
        table.maxMask = std::max(table.maxMask, every - 1);
        plan.expectedRows += type.rows / every + current.storedOutliers(source, it.key().second);
    }
    return plan;
}

// More outlier records than this in one table (every user's, of the two iteration numbers) and the read by id is
// cheaper than a constant list of them in the read of the records.
constexpr qsizetype MaxOutlierIds = 200000;

Status readMembership(PGconn *conn, Source source, int iteration, int previousIteration,
                      QHash<qint64, Membership> &membership)
{
    const QString what =
        QStringLiteral("Reading the outliers of iterations %1 and %2").arg(iteration).arg(previousIteration);
    const QByteArray sql = QStringLiteral("SELECT outliers_search_iteration_num::int8, %1::int8,"
                                          " outliers_search_iteration_datetime FROM %2"
                                          " WHERE outliers_search_iteration_num IN ($1, $2)")
                               .arg(outlierIdColumn(source), outlierTable(source))
                               .toUtf8();
    const QByteArray first = QByteArray::number(iteration);
    const QByteArray second = QByteArray::number(previousIteration > 0 ? previousIteration : -1);
    const char *params[] = {first.constData(), second.constData()};
    // Binary results: tens of thousands of rows, read as integers without text in between.
    const PgResult result(PQexecParams(conn, sql.constData(), 2, nullptr, params, nullptr, nullptr, 1));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        return Error {pgcopy::failureText(what, conn, result.get())};
    const int rows = PQntuples(result.get());
    membership.reserve(rows);
    auto integer = [&](int row, int column) -> qint64 {
        if (PQgetisnull(result.get(), row, column) || PQgetlength(result.get(), row, column) != 8)
            return 0;
        return qFromBigEndian<qint64>(PQgetvalue(result.get(), row, column));
    };
    for (int row = 0; row < rows; ++row) {
        Membership &member = membership[integer(row, 1)];
        qint64 timeMs = 0; // NULL reads as 0, as QVariant::toLongLong() of NULL does on the QtSql path
        if (!PQgetisnull(result.get(), row, 2) && PQgetlength(result.get(), row, 2) == 8
            && !pgcopy::timestampToEpochMs(qFromBigEndian<qint64>(PQgetvalue(result.get(), row, 2)), timeMs))
            return Error {QStringLiteral("%1 failed: an outlier row has an infinite time").arg(what)};
        // Any row's time will do for the iteration's: one run writes one time on all of its rows.
        if (integer(row, 0) == iteration) {
            if (member.currentCount++ == 0)
                member.currentTimeMs = timeMs;
        } else if (member.previousCount++ == 0) {
            member.previousTimeMs = timeMs;
        }
    }
    return {};
}

// The slow path: what loadIteration() reads, one query per table and iteration, and no values.
Result<OpenedIteration> openWithQueries(Database &db, const OpenRequest &request, const Reporter &reporter)
{
    OpenedIteration opened;
    QueryInterrupt::Armed armed(request.interrupt, db);
    Result<RunReport> current = history::loadIteration(db, request.email, request.iteration);
    if (reporter.interrupted())
        return interruptedResult();
    if (!current.ok())
        return Error {current.error()};
    opened.current = current.value();
    if (request.previousIteration > 0) {
        Result<RunReport> previous = history::loadIteration(db, request.email, request.previousIteration);
        if (reporter.interrupted())
            return interruptedResult();
        if (previous.ok()) {
            opened.previous = previous.value();
            opened.hasPrevious = true;
        } else {
            opened.previousError = previous.error();
        }
    }
    reporter.stage(OpenRequest::Stage::Comparing);
    if (opened.hasPrevious)
        opened.diffs = compareRuns(opened.previous, opened.current);
    if (request.choose)
        opened.chosen = request.choose(opened.current, opened.hasPrevious ? &opened.previous : nullptr, opened.diffs);
    return opened;
}

} // namespace

namespace history {

Result<OpenedIteration> openIteration(Database &db, const OpenRequest &request)
{
    const Reporter reporter {request};
    QElapsedTimer timer;
    timer.start();
    if (reporter.interrupted())
        return interruptedResult();
    reporter.stage(OpenRequest::Stage::ReadingRuns);

    OpenRequest resolved = request;
    if (resolved.previousIteration < 0) {
        QueryInterrupt::Armed armed(request.interrupt, db);
        Result<QVector<IterationInfo>> list = iterations(db, request.email);
        if (reporter.interrupted())
            return interruptedResult();
        if (!list.ok())
            return Error {list.error()};
        // The newest stored iteration older than this one (the list is newest first).
        resolved.previousIteration = 0;
        for (const IterationInfo &info : list.value()) {
            if (info.iteration < request.iteration) {
                resolved.previousIteration = info.iteration;
                break;
            }
        }
    }

    PGconn *conn = db.isPostgres() && copyReadAllowed() ? libpqConnection(db) : nullptr;
    if (conn
        && (PQtransactionStatus(conn) != PQTRANS_IDLE
            || qstrcmp(pg_encoding_to_char(PQclientEncoding(conn)), "UTF8") != 0))
        conn = nullptr;

    IterationBuilder current(request.email, request.iteration);
    std::optional<IterationBuilder> previous;
    RecordColumns columns[2];
    {
        QueryInterrupt::Armed armed(request.interrupt, db);
        if (const Status read = current.readRun(db); !read) {
            if (reporter.interrupted())
                return interruptedResult();
            return Error {read.error()};
        }
        if (resolved.previousIteration > 0) {
            previous.emplace(request.email, resolved.previousIteration);
            if (const Status read = previous->readRun(db); !read) {
                if (reporter.interrupted())
                    return interruptedResult();
                previous.reset(); // read as loadIteration() would, to report its error
            }
        }
        for (const Source source : {Source::Raw, Source::Processed}) {
            if (!conn)
                break;
            const Result<RecordColumns> described = recordColumns(db, source);
            if (!described.ok()) {
                if (reporter.interrupted())
                    return interruptedResult();
                return Error {described.error()};
            }
            columns[source == Source::Raw ? 0 : 1] = described.value();
        }
    }
    if (reporter.interrupted())
        return interruptedResult();
    const qint64 runsMs = timer.elapsed();
    // Without this tool's statistics there is nothing for the overview to sketch (the window shows such types as not
    // analysed), and the outliers are cheaper to look up by id than to find in a read of every record.
    if (!conn || !current.hasRun() || (resolved.previousIteration > 0 && !previous))
        return openWithQueries(db, resolved, reporter);

    // Which records are outliers of either iteration: the outlier tables know them by id only (no email, and no
    // index on the record id), so this lists every user's outlier rows of these two iteration numbers; the read
    // below keeps the email's. Where there are very many of them, the lookups one by one cost less.
    TableGather tables[2];
    tables[0].source = Source::Raw;
    tables[1].source = Source::Processed;
    QVector<qint64> outlierIds[2];
    {
        QueryInterrupt::Armed armed(request.interrupt, db);
        for (const Source source : {Source::Raw, Source::Processed}) {
            const int index = source == Source::Raw ? 0 : 1;
            const Status read =
                readMembership(conn, source, request.iteration, resolved.previousIteration, tables[index].membership);
            if (reporter.interrupted())
                return interruptedResult();
            if (!read)
                return Error {read.error()};
            if (tables[index].membership.size() > MaxOutlierIds)
                return openWithQueries(db, resolved, reporter);
            outlierIds[index] = tables[index].membership.keys().toVector();
            std::sort(outlierIds[index].begin(), outlierIds[index].end());
            tables[index].indexOutliers(outlierIds[index]);
        }
    }

    const qint64 idsMs = timer.elapsed();
    const std::optional<TypeRef> guess = guessChosen(request, current, previous ? &*previous : nullptr);
    const Plan plan = samplePlan(request, current, guess, tables);
    const QByteArray sql = QStringLiteral("COPY (%1 UNION ALL %2) TO STDOUT (FORMAT binary)")
                               .arg(tableSelect(conn, Source::Raw, columns[0], plan.tables[0], outlierIds[0]),
                                    tableSelect(conn, Source::Processed, columns[1], plan.tables[1], outlierIds[1]))
                               .toUtf8();
    {
        QueryInterrupt::Armed armed(request.interrupt, db);
        const Result<bool> read = copyInTransaction(conn, reporter, {{"find_outliers.email", request.email.toUtf8()}},
                                                    sql, OpenRequest::Stage::ReadingRecords, plan.expectedRows, tables);
        if (reporter.interrupted() || (read.ok() && !read.value()))
            return interruptedResult();
        if (!read.ok())
            return Error {read.error()};
    }

    const qint64 recordsMs = timer.elapsed();
    // The outliers in record id order, raw before processed, as loadIteration() adds them.
    for (TableGather &table : tables) {
        std::sort(table.outliers.begin(), table.outliers.end(),
                  [](const OutlierRow &a, const OutlierRow &b) { return a.id < b.id; });
        for (const OutlierRow &row : table.outliers) {
            const TypeRef &type = table.types[std::size_t(row.type)].type;
            const Membership member = table.membership.value(row.id);
            for (qint64 i = 0; i < member.currentCount; ++i)
                current.addOutlier(table.source, row.id, type.dataType, type.dataTypeIsNull, row.value, row.timeMs,
                                   member.currentTimeMs);
            for (qint64 i = 0; previous && i < member.previousCount; ++i)
                previous->addOutlier(table.source, row.id, type.dataType, type.dataTypeIsNull, row.value, row.timeMs,
                                     member.previousTimeMs);
        }
        table.outliers = {};
        table.membership = {};
        table.outlierBits = {};
        table.sortedOutliers = {};
    }
    OpenedIteration opened;
    Result<RunReport> currentReport = current.finish();
    if (!currentReport.ok())
        return Error {currentReport.error()};
    opened.current = std::move(currentReport).value();
    if (previous) {
        Result<RunReport> previousReport = previous->finish();
        if (previousReport.ok()) {
            opened.previous = std::move(previousReport).value();
            opened.hasPrevious = true;
        } else {
            opened.previousError = previousReport.error();
        }
    }
    reporter.stage(OpenRequest::Stage::Comparing);
    if (opened.hasPrevious)
        opened.diffs = compareRuns(opened.previous, opened.current);
    if (request.choose)
        opened.chosen = request.choose(opened.current, opened.hasPrevious ? &opened.previous : nullptr, opened.diffs);

    // The values, each type's in id order; a type the read found no row of gets empty ones, so that the window
    // knows it was read. A type the run did not analyse gets none: no sketch, no chart.
    for (TableGather &table : tables) {
        for (auto every = table.every.cbegin(); every != table.every.cend(); ++every) {
            const TypeReport stats = current.types().value({table.source, every.key()});
            TypeValues values;
            values.type = TypeRef {table.source, stats.dataType, stats.dataTypeIsNull};
            values.sampleEvery = every.value();
            values.rows = stats.numericRows;
            const auto found =
                table.index.find(stats.dataTypeIsNull ? std::string(1, '\0') : stats.dataType.toStdString());
            if (found != table.index.end()) {
                values.series = toSeries(table.types[std::size_t(found->second)]);
                table.types[std::size_t(found->second)] = TypeGather {};
            }
            opened.values.append(std::move(values));
        }
    }

    // The chosen type, whole, when the guess missed it.
    if (opened.chosen) {
        const TypeRef chosen = *opened.chosen;
        const auto have = std::find_if(opened.values.begin(), opened.values.end(),
                                       [&](const TypeValues &v) { return v.type == chosen; });
        const bool whole = have != opened.values.end() && have->sampleEvery == 1;
        const QString key = IterationBuilder::typeKey(chosen.dataType, chosen.dataTypeIsNull);
        const TypeReport stats = current.types().value({chosen.source, key});
        const bool notAnalysed = stats.rows > 0 && stats.numericRows == 0;
        if (!whole && !notAnalysed) {
            qCInfo(lcOpener).noquote() << "the type shown first," << chosen.dataType
                                       << ", was not foretold: reading it";
            TableGather typeTables[2];
            typeTables[0].source = Source::Raw;
            typeTables[1].source = Source::Processed;
            typeTables[chosen.source == Source::Raw ? 0 : 1].every.insert(key, 1);
            Result<bool> read(true);
            {
                QueryInterrupt::Armed armed(request.interrupt, db);
                read = copyInTransaction(
                    conn, reporter, {{"find_outliers.email", request.email.toUtf8()}},
                    typeSelect(conn, chosen, columns[chosen.source == Source::Raw ? 0 : 1]).toUtf8().prepend("COPY (")
                        + ") TO STDOUT (FORMAT binary)",
                    OpenRequest::Stage::ReadingType, stats.rows > 0 ? stats.rows : -1, typeTables);
            }
            if (reporter.interrupted() || (read.ok() && !read.value()))
                return interruptedResult();
            if (read.ok()) {
                TableGather &table = typeTables[chosen.source == Source::Raw ? 0 : 1];
                Series series;
                if (!table.types.empty())
                    series = toSeries(table.types.front());
                if (have != opened.values.end()) {
                    have->series = std::move(series);
                    have->sampleEvery = 1;
                } else {
                    opened.values.append(TypeValues {chosen, std::move(series), 1, stats.numericRows});
                }
            } else {
                qCWarning(lcOpener).noquote() << read.error();
            }
            // On an error the window reads the type again and says what failed.
        }
    }
    qCDebug(lcOpener).noquote() << "opened iteration" << request.iteration << "in" << timer.elapsed()
                                << "ms: runs read at" << runsMs << "ms, outlier ids at" << idsMs << "ms, records at"
                                << recordsMs << "ms";
    return opened;
}

} // namespace history

} // namespace fo
