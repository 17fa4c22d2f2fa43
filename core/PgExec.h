#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

struct pg_conn; // libpq's PGconn

namespace fo {

class Database;

// One statement with bound values in ONE round trip, on the libpq connection that QtSql's QPSQL driver holds for
// `db` (as PgCopyReader does): PQexecParams, the values sent apart from the SQL text ($1, $2... placeholders),
// never spliced into it. A QSqlQuery::prepare() + exec() costs three round trips on QPSQL (PREPARE, EXECUTE and, when
// the query goes, DEALLOCATE); the statements a batch runs for every email use this instead (issue 14).
// Unavailable (isAvailable() false) for SQLite, or a connection QtSql no longer holds: use QSqlQuery then.
class PgExec
{
public:
    explicit PgExec(Database &db);
    bool isAvailable() const { return m_conn != nullptr; }

    // The rows, each value as PostgreSQL's text (a null QString for NULL). Values: null QVariant -> NULL; bool,
    // integers and strings as their text; a double as its shortest text that reads back as the same number (a
    // non-finite one as NULL). `what` starts the error message ("what failed: the server's words").
    Result<QVector<QStringList>> exec(const QString &what, const char *sql, const QVariantList &values = {});

private:
    pg_conn *m_conn = nullptr;
};

} // namespace fo
