#include "core/PgCopySupport.h"

#include <QLoggingCategory>

#include <cstring>
#include <libpq-fe.h>
#include <limits>

Q_LOGGING_CATEGORY(lcCopySupport, "fo.core.reader.copy")

namespace fo::pgcopy {

namespace {

constexpr char BinarySignature[] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};
constexpr std::size_t BinaryHeaderSize = sizeof BinarySignature + 4 + 4;

// Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps.
constexpr qint64 PostgresEpochUs = 946684800000000LL;

} // namespace

void ResultDeleter::operator()(PGresult *result) const
{
    PQclear(result);
}

QString pgText(const char *message)
{
    return message ? QString::fromUtf8(message).simplified() : QString();
}

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

void cancelCopy(PGconn *conn)
{
    if (PGcancel *cancel = PQgetCancel(conn)) {
        char errorBuffer[256];
        if (!PQcancel(cancel, errorBuffer, int(sizeof errorBuffer)))
            qCWarning(lcCopySupport) << "could not cancel the COPY:" << errorBuffer;
        PQfreeCancel(cancel);
    }
    char *buffer = nullptr;
    while (PQgetCopyData(conn, &buffer, 0) > 0)
        PQfreemem(buffer);
    finishCommand(conn);
}

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

bool BinaryCursor::readHeader(QString *problem)
{
    qint32 flags = 0;
    qint32 extension = 0;
    if (std::size_t(m_end - m_at) < BinaryHeaderSize
        || std::memcmp(m_at, BinarySignature, sizeof BinarySignature) != 0) {
        *problem = QStringLiteral("no binary COPY signature");
        return false;
    }
    m_at += sizeof BinarySignature;
    readInt32(flags);
    readInt32(extension);
    // Bit 16 announces OIDs (never for a query); bits 0-15 are critical flags a reader must know.
    if ((flags & 0x1ffff) != 0) {
        *problem = QStringLiteral("binary COPY flags %1").arg(flags, 0, 16);
        return false;
    }
    if (extension < 0 || extension > m_end - m_at) {
        *problem = QStringLiteral("a binary COPY header extension of %1 bytes").arg(extension);
        return false;
    }
    m_at += extension;
    return true;
}

} // namespace fo::pgcopy
