#include "core/PgCopyReader.h"

#include "core/Database.h"
#include "core/ValueParser.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDriver>
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

constexpr qint64 ProgressEvery = 16384;

// The session setting that carries the email from a bound parameter to the COPY (which cannot take parameters).
constexpr const char *EmailSetting = "find_outliers.email";

struct PgResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

QString pgText(const char *message)
{
    return message ? QString::fromUtf8(message).simplified() : QString();
}

// "what failed: the server's message"; says so when the connection is gone.
QString failureText(const QString &what, PGconn *conn, const QString &serverMessage)
{
    QString text = serverMessage;
    if (text.isEmpty())
        text = pgText(PQerrorMessage(conn));
    if (text.isEmpty())
        text = QStringLiteral("unknown database error");
    QString message = QStringLiteral("%1 failed: %2").arg(what, text);
    if (PQstatus(conn) == CONNECTION_BAD)
        message += QStringLiteral(" (the connection to the database was lost; check that the server is running and "
                                  "run again)");
    return message;
}

QString failureText(const QString &what, PGconn *conn, const PGresult *result)
{
    return failureText(what, conn, result ? pgText(PQresultErrorMessage(result)) : QString());
}

// Reads the results that follow a COPY until libpq has none left. Returns the first error's message, or an empty
// string when the COPY ended well.
QString finishCommand(PGconn *conn)
{
    QString error;
    while (PGresult *raw = PQgetResult(conn)) {
        const PgResult result(raw);
        const ExecStatusType status = PQresultStatus(raw);
        if (error.isEmpty() && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            error = pgText(PQresultErrorMessage(raw));
            if (error.isEmpty())
                error = pgText(PQresStatus(status));
        }
    }
    return error;
}

// Stops a COPY under way: asks the server to cancel it, then drains what is already on its way, leaving the
// connection idle (or in an aborted transaction, if the caller had one open).
void cancelCopy(PGconn *conn)
{
    if (PGcancel *cancel = PQgetCancel(conn)) {
        char errorBuffer[256];
        if (!PQcancel(cancel, errorBuffer, int(sizeof errorBuffer)))
            qCWarning(lcCopyReader) << "could not cancel the COPY:" << errorBuffer;
        PQfreeCancel(cancel);
    }
    char *buffer = nullptr;
    while (PQgetCopyData(conn, &buffer, 0) > 0)
        PQfreemem(buffer);
    finishCommand(conn);
}

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

// COPY's binary format (PostgreSQL's documentation of COPY, "Binary Format"): an 11-byte signature, a 32-bit flags
// field and a 32-bit header extension length followed by that many bytes; then per row a 16-bit field count and,
// per field, a 32-bit length (-1: NULL) and that many bytes; a field count of -1 ends the data. Integers are in
// network byte order. The server sends one row per CopyData message, with the header in front of the first.
// Text arrives as it is, converted to the client encoding (UTF-8): no escapes to undo.
constexpr char BinarySignature[] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};
constexpr std::size_t BinaryHeaderSize = sizeof BinarySignature + 4 + 4;

// Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps.
constexpr qint64 PostgresEpochUs = 946684800000000LL;

// A record's time as the QtSql path computes it, CAST(EXTRACT(EPOCH FROM time) * 1000 AS BIGINT): since
// PostgreSQL 14 EXTRACT is an exact numeric, and the cast rounds half away from zero. False for +-infinity, which
// that cast refuses too.
bool timestampToEpochMs(qint64 postgresUs, qint64 &ms)
{
    qint64 us = 0;
    if (postgresUs == std::numeric_limits<qint64>::max() || postgresUs == std::numeric_limits<qint64>::min()
        || __builtin_add_overflow(postgresUs, PostgresEpochUs, &us))
        return false;
    ms = us / 1000;
    const qint64 rest = us % 1000;
    if (rest >= 500)
        ++ms;
    else if (rest <= -500)
        --ms;
    return true;
}

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
        m_at = data;
        m_end = data + size;
        if (!m_headerSeen && !readHeader())
            return false;
        while (m_at < m_end) {
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

    bool readInt16(qint16 &value)
    {
        if (m_end - m_at < 2)
            return false;
        value = qFromBigEndian<qint16>(m_at);
        m_at += 2;
        return true;
    }

    bool readInt32(qint32 &value)
    {
        if (m_end - m_at < 4)
            return false;
        value = qFromBigEndian<qint32>(m_at);
        m_at += 4;
        return true;
    }

    // One field: its bytes, or isNull.
    bool readField(std::string_view &bytes, bool &isNull)
    {
        qint32 length = 0;
        if (!readInt32(length) || length < -1 || length > m_end - m_at)
            return false;
        isNull = length == -1;
        bytes = isNull ? std::string_view() : std::string_view(m_at, std::size_t(length));
        if (!isNull)
            m_at += length;
        return true;
    }

    bool readHeader()
    {
        qint32 flags = 0;
        qint32 extension = 0;
        if (std::size_t(m_end - m_at) < BinaryHeaderSize
            || std::memcmp(m_at, BinarySignature, sizeof BinarySignature) != 0)
            return fail(QStringLiteral("no binary COPY signature"));
        m_at += sizeof BinarySignature;
        readInt32(flags);
        readInt32(extension);
        // Bit 16 announces OIDs (never for a query); bits 0-15 are critical flags a reader must know.
        if ((flags & 0x1ffff) != 0)
            return fail(QStringLiteral("binary COPY flags %1").arg(flags, 0, 16));
        if (extension < 0 || extension > m_end - m_at)
            return fail(QStringLiteral("a binary COPY header extension of %1 bytes").arg(extension));
        m_at += extension;
        m_headerSeen = true;
        return true;
    }

    bool readRow()
    {
        qint16 fields = 0;
        if (!readInt16(fields))
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
        if (!readField(idBytes, idNull) || !readField(typeBytes, typeNull) || !readField(valueBytes, valueNull))
            return fail(QStringLiteral("a row cut short"));
        qint64 id = 0;
        if (idNull)
            return fail(QStringLiteral("a record without an id"));
        if (idBytes.size() == 4)
            id = qFromBigEndian<qint32>(idBytes.data());
        else if (idBytes.size() == 2)
            id = qFromBigEndian<qint16>(idBytes.data());
        else if (idBytes.size() == 8)
            id = qFromBigEndian<qint64>(idBytes.data());
        else
            return fail(QStringLiteral("an id of %1 bytes").arg(idBytes.size()));
        qint64 timeMs = 0; // a NULL time reads as 0, as QVariant::toLongLong() of NULL does on the QtSql path
        if (m_withTimes) {
            std::string_view timeBytes;
            bool timeNull = false;
            if (!readField(timeBytes, timeNull))
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
    const char *m_at = nullptr;
    const char *m_end = nullptr;
    bool m_headerSeen = false;
    bool m_trailerSeen = false;
    qint64 m_rows = 0;
    QString m_problem;
};

} // namespace

PgCopyReader::PgCopyReader(Database &db)
{
    if (!db.isPostgres() || !db.db().isOpen() || !db.db().driver())
        return;
    const QVariant handle = db.db().driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); Qt's documentation and Qt 5 say "PGconn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)) {
        qCDebug(lcCopyReader) << "the driver's handle is" << handle.typeName() << ", not a PGconn";
        return;
    }
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return;
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
