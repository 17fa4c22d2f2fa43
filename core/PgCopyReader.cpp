#include "core/PgCopyReader.h"

#include "core/Database.h"
#include "core/PgConnection.h"
#include "core/PgCopySupport.h"
#include "core/ValueParser.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <functional>
#include <libpq-fe.h>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcCopyReader, "fo.core.reader.copy")

namespace fo {
namespace {

using pgcopy::BinaryCursor;
using pgcopy::cancelCopy;
using pgcopy::failureText;
using pgcopy::finishCommand;
using pgcopy::PgResult;
using pgcopy::pgText;
using pgcopy::timestampToEpochMs;

constexpr qint64 ProgressEvery = 16384;

// The session setting that carries the email from a bound parameter to the COPY (which cannot take parameters).
constexpr const char *EmailSetting = "find_outliers.email";

// Clears the email from the session again, when the connection can still take a statement.
void clearEmailSetting(PGconn *conn)
{
    const PGTransactionStatusType state = PQtransactionStatus(conn);
    if (state != PQTRANS_IDLE && state != PQTRANS_INTRANS)
        return;
    const char *params[] = {EmailSetting};
    const PgResult result(
        PQexecParams(conn, "SELECT set_config($1, '', false)", 1, nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        qCDebug(lcCopyReader) << "could not clear" << EmailSetting << ":" << pgText(PQresultErrorMessage(result.get()));
}

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
};

// Reads one CopyData message of the binary COPY at a time and puts each row's numeric value into its type's
// accumulator. The type of the previous row is remembered, so that the hash lookup happens only when the type
// changes.
class RowGrouper
{
public:
    RowGrouper(std::vector<TypeAccumulator> &types, bool withTimes)
        : m_types(types), m_withTimes(withTimes), m_fieldCount(withTimes ? 4 : 3), m_sorted(types.size(), true),
          m_lastIds(types.size(), std::numeric_limits<qint64>::min())
    { }

    // False when the message is not what the COPY should send; problem() says what is wrong.
    bool addMessage(const char *data, std::size_t size)
    {
        m_cursor = BinaryCursor(data, size);
        if (!m_headerSeen) {
            if (!m_cursor.readHeader(&m_problem))
                return false;
            m_headerSeen = true;
        }
        while (!m_cursor.atEnd()) {
            if (m_trailerSeen)
                return fail(QStringLiteral("data after the end marker"));
            if (!readRow())
                return false;
        }
        return true;
    }

    qint64 rows() const { return m_rows; }
    bool complete() const { return m_trailerSeen; }
    const QString &problem() const { return m_problem; }

    // Puts every type's values in id order, for the few types whose rows did not arrive in it.
    void finish()
    {
        for (std::size_t i = 0; i < m_types.size(); ++i) {
            if (!m_sorted[i])
                sortById(m_types[i]);
        }
    }

private:
    bool fail(const QString &problem)
    {
        m_problem = problem;
        return false;
    }

    bool readRow()
    {
        qint16 fields = 0;
        if (!m_cursor.readInt16(fields))
            return fail(QStringLiteral("a row cut short"));
        if (fields == -1) {
            m_trailerSeen = true;
            return true;
        }
        if (fields != m_fieldCount)
            return fail(QStringLiteral("a row of %1 fields instead of %2").arg(fields).arg(m_fieldCount));

        std::string_view idBytes;
        std::string_view typeBytes;
        std::string_view valueBytes;
        bool idNull = false;
        bool typeNull = false;
        bool valueNull = false;
        if (!m_cursor.readField(idBytes, idNull) || !m_cursor.readField(typeBytes, typeNull)
            || !m_cursor.readField(valueBytes, valueNull))
            return fail(QStringLiteral("a row cut short"));
        qint64 id = 0;
        if (idNull)
            return fail(QStringLiteral("a record without an id"));
        if (!pgcopy::readInteger(idBytes, id))
            return fail(QStringLiteral("an id of %1 bytes").arg(idBytes.size()));
        qint64 timeMs = 0; // a NULL time reads as 0, as QVariant::toLongLong() of NULL does on the QtSql path
        if (m_withTimes) {
            std::string_view timeBytes;
            bool timeNull = false;
            if (!m_cursor.readField(timeBytes, timeNull))
                return fail(QStringLiteral("a row cut short"));
            if (!timeNull) {
                if (timeBytes.size() != 8)
                    return fail(QStringLiteral("a time of %1 bytes").arg(timeBytes.size()));
                if (!timestampToEpochMs(qFromBigEndian<qint64>(timeBytes.data()), timeMs))
                    return fail(QStringLiteral("record %1 has an infinite time, which cannot be charted").arg(id));
            }
        }
        ++m_rows;

        // A NULL type is a group of its own, apart from "" (the old job keyed a dict by data_type, None included).
        const std::size_t index = typeIndex(typeNull ? NullTypeKey : typeBytes, typeNull);
        TypeAccumulator &acc = m_types[index];
        ++acc.rows;
        if (valueNull)
            return true; // not a number, like any other text that does not parse
        const std::optional<double> value = parseValue(valueBytes);
        if (!value)
            return true;
        acc.values.push_back(*value);
        acc.ids.push_back(id);
        if (m_withTimes)
            acc.timesMs.push_back(timeMs);
        if (id < m_lastIds[index])
            m_sorted[index] = false;
        m_lastIds[index] = id;
        return true;
    }

    // The key of the NULL type: a NUL byte, which PostgreSQL text never holds.
    static constexpr std::string_view NullTypeKey {"\0", 1};

    std::size_t typeIndex(std::string_view name, bool isNull)
    {
        if (m_haveLast && name == std::string_view(m_lastType))
            return m_lastIndex;
        std::size_t index = 0;
        const auto it = m_indexByType.find(name);
        if (it != m_indexByType.end()) {
            index = it->second;
        } else {
            index = m_types.size();
            TypeAccumulator acc;
            acc.dataTypeIsNull = isNull;
            if (!isNull)
                acc.dataType = QString::fromUtf8(name.data(), qsizetype(name.size()));
            m_types.push_back(std::move(acc));
            m_sorted.push_back(true);
            m_lastIds.push_back(std::numeric_limits<qint64>::min());
            m_indexByType.emplace(std::string(name), index);
        }
        m_lastType.assign(name);
        m_lastIndex = index;
        m_haveLast = true;
        return index;
    }

    static void sortById(TypeAccumulator &acc)
    {
        std::vector<std::size_t> order(acc.ids.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return acc.ids[a] < acc.ids[b]; });
        const auto permute = [&order](auto &column) {
            std::remove_reference_t<decltype(column)> sorted;
            sorted.reserve(column.size());
            for (const std::size_t i : order)
                sorted.push_back(column[i]);
            column.swap(sorted);
        };
        permute(acc.values);
        permute(acc.ids);
        if (!acc.timesMs.empty())
            permute(acc.timesMs);
    }

    std::vector<TypeAccumulator> &m_types;
    const bool m_withTimes;
    const qint16 m_fieldCount;
    std::vector<bool> m_sorted;
    std::vector<qint64> m_lastIds;
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> m_indexByType;
    std::string m_lastType;
    std::size_t m_lastIndex = 0;
    bool m_haveLast = false;
    BinaryCursor m_cursor {nullptr, 0};
    bool m_headerSeen = false;
    bool m_trailerSeen = false;
    qint64 m_rows = 0;
    QString m_problem;
};

} // namespace

PgCopyReader::PgCopyReader(Database &db)
{
    PGconn *conn = libpqConnection(db);
    if (!conn) {
        qCDebug(lcCopyReader) << "no libpq connection behind this database connection";
        return;
    }
    const PGTransactionStatusType state = PQtransactionStatus(conn);
    if (state != PQTRANS_IDLE && state != PQTRANS_INTRANS) {
        qCDebug(lcCopyReader) << "the connection is busy; reading with QtSql";
        return;
    }
    if (qstrcmp(pg_encoding_to_char(PQclientEncoding(conn)), "UTF8") != 0) {
        qCDebug(lcCopyReader) << "the client encoding is not UTF-8; reading with QtSql";
        return;
    }
    m_conn = conn;
}

Result<ReadOutcome> PgCopyReader::read(const ReadRequest &request, const RecordColumns &columns,
                                       std::vector<TypeAccumulator> &types)
{
    Q_ASSERT(m_conn);
    const QString &table = columns.table;
    const QString what = QStringLiteral("Reading %1").arg(table);
    QElapsedTimer timer;
    timer.start();

    // The email travels as a bound value into a session setting; the COPY reads it back with current_setting(),
    // a stable function, so that the planner still uses the email index. In a sub-select it is evaluated once (an
    // init plan), not once per row when the planner scans the whole table for a large user: such a scan of 12M rows
    // for a 3M-row user took 1.28 s with the call per row and 0.66 s with the sub-select.
    const QByteArray email = request.email.toUtf8();
    const char *params[] = {EmailSetting, email.constData()};
    const PgResult set(
        PQexecParams(m_conn, "SELECT set_config($1, $2, false)", 2, nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(set.get()) != PGRES_TUPLES_OK)
        return Error {failureText(what, m_conn, set.get())};

    // No ORDER BY: the rows come in the order of the table, which is id order unless rows were updated or moved;
    // the grouper sorts the few types that need it, which is cheaper than a server-side sort that spills to disk.
    // Binary format: no text to format on the server or to unescape here, and times travel as integers.
    QString sql = QStringLiteral("COPY (SELECT id, %1, %2").arg(columns.dataType, columns.value);
    if (request.withTimes)
        sql += QStringLiteral(", time");
    sql += QStringLiteral(" FROM %1 WHERE email = (SELECT current_setting('%2'))) TO STDOUT (FORMAT binary)")
               .arg(table, QString::fromLatin1(EmailSetting));
    {
        const PgResult started(PQexec(m_conn, sql.toUtf8().constData()));
        if (PQresultStatus(started.get()) != PGRES_COPY_OUT) {
            const QString error = failureText(what, m_conn, started.get());
            clearEmailSetting(m_conn);
            return Error {error};
        }
    }

    RowGrouper grouper(types, request.withTimes);
    qint64 nextProgress = ProgressEvery;
    int length = 0;
    while (true) {
        char *message = nullptr;
        length = PQgetCopyData(m_conn, &message, 0);
        if (length < 0)
            break; // -1: the COPY is over (finishCommand() tells whether it ended well); -2: the connection failed
        const bool understood = grouper.addMessage(message, std::size_t(length));
        PQfreemem(message);
        if (!understood) {
            cancelCopy(m_conn);
            clearEmailSetting(m_conn);
            return Error {QStringLiteral("%1 failed: after %2 rows, the server sent %3, which this version does not "
                                         "understand. Report this, with the PostgreSQL version.")
                              .arg(what)
                              .arg(grouper.rows())
                              .arg(grouper.problem())};
        }
        if (grouper.rows() >= nextProgress) {
            nextProgress += ProgressEvery;
            if (request.progress)
                request.progress(grouper.rows());
            if (request.cancelled && request.cancelled()) {
                cancelCopy(m_conn);
                clearEmailSetting(m_conn);
                return ReadOutcome::Cancelled;
            }
        }
    }
    const QString error = finishCommand(m_conn);
    if (!error.isEmpty() || length == -2 || PQstatus(m_conn) == CONNECTION_BAD) {
        const QString message = failureText(what, m_conn, error);
        clearEmailSetting(m_conn);
        return Error {message};
    }
    clearEmailSetting(m_conn);
    if (!grouper.complete())
        return Error {QStringLiteral("%1 failed: the data ended without its end marker after %2 rows. Run again; if "
                                     "this repeats, report it with the PostgreSQL version.")
                          .arg(what)
                          .arg(grouper.rows())};
    grouper.finish();
    if (request.progress)
        request.progress(grouper.rows());
    qCDebug(lcCopyReader).noquote() << "read" << grouper.rows() << "rows of" << table << "with COPY in"
                                    << timer.elapsed() << "ms";
    return ReadOutcome::Done;
}

} // namespace fo
