#pragma once

#include "core/Config.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace fo {

// A QtSql connection owned by the calling thread, under a unique name, removed when this object dies
// (STYLE.md 5: one connection per thread, never shared across threads).
class Database
{
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    enum class OpenMode {
        ReadWrite, // creates (for SQLite) the platform's tables and (always) this tool's own, or upgrades them
        ReadOnly, // writes nothing at all: for dry runs (a SELECT-only role, a standby, a read-only SQLite file)
    };

    // Opens the connection the configuration names. Connect timeout: 10 s. Safe from several threads at once: QtSql's
    // first use and each driver's first connection are made once, alone (see firstUseAlone() in Database.cpp).
    static Result<Database> open(const Config &config, OpenMode mode = OpenMode::ReadWrite);

    QSqlDatabase &db() { return m_db; }
    bool isPostgres() const { return m_postgres; }
    const QString &connectionName() const { return m_name; }

    // Starts a transaction that will write. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), which waits
    // out the busy timeout: a deferred transaction that reads first and then writes gets "database is locked" at
    // once, without waiting, when another process writes in between. Ends with db().commit() or db().rollback().
    // `what` names the step in the error ("Starting the write transaction").
    Status beginWrite(const QString &what);

private:
    QSqlDatabase m_db;
    QString m_name;
    bool m_postgres = false;
};

// "what failed: the driver's text"; never contains the password.
QString sqlErrorText(const QString &what, const QSqlError &error);

// A timestamp as a bound value: the UTC time as ISO 8601 text with milliseconds, which both databases read.
QString timestampText(const QDateTime &time);
// Where a statement takes timestampText(): PostgreSQL casts the text ("CAST(? AS timestamptz)"), SQLite keeps it.
QString timestampPlaceholder(const Database &db);

// Names of this tool's own tables (docs/platform.md 1: "We may add tables of our own").
inline constexpr const char *RunsTable = "find_outliers_runs";
inline constexpr const char *RunTypesTable = "find_outliers_run_types";

} // namespace fo
