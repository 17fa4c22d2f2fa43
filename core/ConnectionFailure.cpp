#include "core/ConnectionFailure.h"

#include "core/Database.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

namespace fo {

bool isConnectionSqlState(QStringView sqlState)
{
    if (sqlState.size() != 5)
        return false;
    return sqlState.startsWith(u"08") || sqlState == u"53300" || sqlState == u"57P01" || sqlState == u"57P02"
        || sqlState == u"57P03";
}

bool isConnectionFailureMessage(const QString &text)
{
    // libpq's messages (client side, and the server's FATAL ones a connection attempt receives), in English: the
    // tool runs with the C or an English locale in its image; an unrecognised text is simply not retried.
    static const char *const phrases[] = {
        "connection refused",
        "could not connect to server",
        "server closed the connection unexpectedly",
        "no connection to the server",
        "connection not open",
        "could not receive data from server",
        "could not send data to server",
        "connection timed out",
        "timeout expired",
        "network is unreachable",
        "no route to host",
        "connection reset by peer",
        "broken pipe",
        "lost synchronization with server",
        "ssl syscall error",
        "ssl connection has been closed unexpectedly",
        "too many connections for role",
        "too many connections for database",
        "sorry, too many clients already",
        "remaining connection slots are reserved",
        "the database system is starting up",
        "the database system is shutting down",
        "the database system is in recovery mode",
        "the database system is not yet accepting connections",
        "the database system is not accepting connections",
        "terminating connection due to administrator command",
        "terminating connection because of crash of another server process",
    };
    const QString lower = text.toLower();
    for (const char *phrase : phrases) {
        if (lower.contains(QLatin1String(phrase)))
            return true;
    }
    static const QRegularExpression sqlState(QStringLiteral("\\(([0-9A-Z]{5})\\)\\s*\\.?\\s*$"));
    const QRegularExpressionMatch match = sqlState.match(text);
    return match.hasMatch() && isConnectionSqlState(match.capturedView(1));
}

bool isConnectionFailure(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return false;
    if (!error.nativeErrorCode().isEmpty())
        return isConnectionSqlState(error.nativeErrorCode());
    // No SQLSTATE: the connection never opened, or died. A ConnectionError may still be a refused login, which
    // trying again would not change: libpq's words decide.
    return isConnectionFailureMessage(error.databaseText()) || isConnectionFailureMessage(error.driverText());
}

bool isConnectionLost(Database &db)
{
    if (!db.isPostgres())
        return false;
    if (!db.db().isOpen() || !db.db().driver())
        return true;
    const QVariant handle = db.db().driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); Qt's documentation and Qt 5 say "PGconn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return false;
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    return !conn || PQstatus(conn) == CONNECTION_BAD;
}

} // namespace fo
