#pragma once

#include <QString>
#include <QStringView>

class QSqlError;

namespace fo {

class Database;

// Tells a failure of the connection to the database (worth trying again a little later) from a failure of the data
// or of the request (the same again would fail the same way). Connection-level: SQLSTATE class 08 (connection
// exception), 53300 (too many connections), 57P01/57P02/57P03 (the server is shutting down, crashed or is starting),
// and libpq's own errors when it could not connect or lost the connection (those carry no SQLSTATE). See
// docs/platform.md 1 for the database.

// True for the SQLSTATEs above.
bool isConnectionSqlState(QStringView sqlState);

// True when text holds libpq's words for a failure to connect or a lost connection ("Connection refused", "server
// closed the connection unexpectedly", "too many connections for role ...", "the database system is starting up",
// ...), or ends with a connection-level SQLSTATE in QPSQL's "(57P01)" form. For errors that reach us as text only,
// such as Database::open's.
bool isConnectionFailureMessage(const QString &text);

// A QtSql error: by its SQLSTATE (QPSQL's nativeErrorCode) when it has one, else by libpq's text.
bool isConnectionFailure(const QSqlError &error);

// libpq's state of an open connection: true when it has lost the connection (PQstatus is CONNECTION_BAD), which is
// how a failure in the middle of a run shows whatever statement was under way. False for SQLite.
bool isConnectionLost(Database &db);

} // namespace fo
