#include "core/PgConnection.h"

#include "core/Database.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace fo {

PGconn *libpqConnection(Database &db)
{
    if (!db.isPostgres() || !db.db().isOpen() || !db.db().driver())
        return nullptr;
    const QVariant handle = db.db().driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); Qt's documentation and Qt 5 say "PGconn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    return conn && PQstatus(conn) == CONNECTION_OK ? conn : nullptr;
}

} // namespace fo
