#pragma once

#include <QString>
#include <QtEndian>

#include <cstddef>
#include <memory>
#include <string_view>

struct pg_conn; // libpq's PGconn
struct pg_result; // libpq's PGresult

namespace fo::pgcopy {

// What the binary COPY readers (PgCopyReader for runs, IterationOpener for the desktop) share: libpq results and
// errors, ending or cancelling a COPY, and the parsing of COPY's binary format.

struct ResultDeleter
{
    void operator()(pg_result *result) const;
};
using PgResult = std::unique_ptr<pg_result, ResultDeleter>;

// libpq's text, simplified; empty for null.
QString pgText(const char *message);

// "what failed: the server's message" (libpq's connection message when the server gave none); says so when the
// connection is gone.
QString failureText(const QString &what, pg_conn *conn, const QString &serverMessage);
QString failureText(const QString &what, pg_conn *conn, const pg_result *result);

// Reads the results that follow a COPY until libpq has none left. Returns the first error's message, or an empty
// string when the COPY ended well.
QString finishCommand(pg_conn *conn);

// Stops a COPY under way: asks the server to cancel it, then drains what is already on its way, leaving the
// connection idle (or in an aborted transaction, if the caller had one open).
void cancelCopy(pg_conn *conn);

// A record's time as the QtSql path computes it, CAST(EXTRACT(EPOCH FROM time) * 1000 AS BIGINT), from the
// microseconds since 2000-01-01 that binary COPY sends: since PostgreSQL 14 EXTRACT is an exact numeric, and the
// cast rounds half away from zero. False for +-infinity, which that cast refuses too.
bool timestampToEpochMs(qint64 postgresUs, qint64 &ms);

// COPY's binary format (PostgreSQL's documentation of COPY, "Binary Format"): an 11-byte signature, a 32-bit flags
// field and a 32-bit header extension length followed by that many bytes; then per row a 16-bit field count and,
// per field, a 32-bit length (-1: NULL) and that many bytes; a field count of -1 ends the data. Integers are in
// network byte order. The server sends one row per CopyData message, with the header in front of the first. Text
// arrives as it is, converted to the client encoding (UTF-8): no escapes to undo.
class BinaryCursor
{
public:
    BinaryCursor(const char *data, std::size_t size) : m_at(data), m_end(data + size) { }

    bool atEnd() const { return m_at >= m_end; }
    // The header in front of the first row; false, with `problem` set, when it is not COPY's.
    bool readHeader(QString *problem);
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

private:
    const char *m_at;
    const char *m_end;
};

// A binary COPY integer field (smallint, integer or bigint: 2, 4 or 8 bytes in network byte order) as 64 bits; false
// for any other size.
inline bool readInteger(std::string_view bytes, qint64 &value)
{
    switch (bytes.size()) {
    case 2:
        value = qFromBigEndian<qint16>(bytes.data());
        return true;
    case 4:
        value = qFromBigEndian<qint32>(bytes.data());
        return true;
    case 8:
        value = qFromBigEndian<qint64>(bytes.data());
        return true;
    default:
        return false;
    }
}

} // namespace fo::pgcopy
