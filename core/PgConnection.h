#pragma once

struct pg_conn; // libpq's PGconn

namespace fo {

class Database;

// The libpq connection that QtSql's QPSQL driver holds for `db` (QSqlDriver::handle()), for what QtSql cannot do:
// COPY (PgCopyReader), one-round-trip statements (PgExec), cancelling a running statement (QueryInterrupt). Null for
// SQLite, a closed connection or one whose status is not CONNECTION_OK. Use it only on the thread that owns `db`.
pg_conn *libpqConnection(Database &db);

} // namespace fo
