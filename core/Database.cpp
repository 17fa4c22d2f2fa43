#include "core/Database.h"

#include "core/ConnectionFailure.h"
#include "core/Logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <mutex>

Q_LOGGING_CATEGORY(lcDb, "fo.core.db")

namespace fo {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

// The platform's tables in SQLite's dialect, for the embedded database. resources/schema/platform.sql is their one
// definition (embedded as :/schema/platform.sql; the platform's migrations create the same tables in PostgreSQL).
// Each statement is kept but for what SQLite spells otherwise: a SERIAL key is SQLite's INTEGER PRIMARY KEY
// AUTOINCREMENT (ids never reused; the table's own PRIMARY KEY (id) line then goes), and a timestamp has no zone.
Result<QStringList> sqlitePlatformSchema()
{
    QFile file(QStringLiteral(":/schema/platform.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("The platform's schema (:/schema/platform.sql) is missing from this build of "
                                     "find-outliers. Build it again from the sources.")};
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines << line;
    }
    QStringList statements;
    for (QString statement : lines.join(QLatin1Char('\n')).split(QLatin1Char(';'))) {
        statement = statement.simplified();
        if (statement.isEmpty())
            continue;
        statement.replace(QLatin1String("id SERIAL NOT NULL"), QLatin1String("id INTEGER PRIMARY KEY AUTOINCREMENT"));
        statement.remove(QLatin1String(", PRIMARY KEY (id)"));
        statement.replace(QLatin1String("TIMESTAMP WITH TIME ZONE"), QLatin1String("TIMESTAMP"));
        if (statement.contains(QLatin1String("SERIAL")))
            return Error {
                QStringLiteral("The platform's schema has a key this build cannot make in SQLite: %1").arg(statement)};
        statements << statement;
    }
    return statements;
}

const char *const RunTypesTableSql =
    "CREATE TABLE IF NOT EXISTS find_outliers_run_types ("
    " run_id VARCHAR(36) NOT NULL REFERENCES find_outliers_runs (run_id) ON DELETE CASCADE,"
    " source VARCHAR NOT NULL,"
    " data_type TEXT,"
    " rows_read BIGINT NOT NULL,"
    " numeric_rows BIGINT NOT NULL,"
    " skipped_rows BIGINT NOT NULL,"
    " mean DOUBLE PRECISION,"
    " std DOUBLE PRECISION,"
    " k DOUBLE PRECISION NOT NULL,"
    " outliers BIGINT NOT NULL)";

// This tool's own tables; the same text works in PostgreSQL and SQLite.
// find_outliers_runs holds one row per attempt, reserved (status "running") before the start message so that an
// iteration number is never used twice; it ends as "completed", "failed" or "cancelled" (docs/platform.md 2).
// find_outliers_run_types holds whatever data_type the platform's tables hold: NULL, and any length (no index on it).
const char *const OwnSchema[] = {
    "CREATE TABLE IF NOT EXISTS find_outliers_runs ("
    " run_id VARCHAR(36) PRIMARY KEY,"
    " email VARCHAR NOT NULL,"
    " iteration INTEGER NOT NULL,"
    " operator_email VARCHAR NOT NULL DEFAULT '',"
    " started_at TIMESTAMP WITH TIME ZONE NOT NULL,"
    " finished_at TIMESTAMP WITH TIME ZONE NOT NULL,"
    " status VARCHAR NOT NULL,"
    " raw_threshold DOUBLE PRECISION NOT NULL,"
    " processed_threshold DOUBLE PRECISION NOT NULL,"
    " tool_version VARCHAR NOT NULL,"
    " raw_rows BIGINT NOT NULL,"
    " raw_outliers BIGINT NOT NULL,"
    " processed_rows BIGINT NOT NULL,"
    " processed_outliers BIGINT NOT NULL,"
    // The highest id in each outlier table when this run was reserved or written: the next run for the email only
    // has to look above them for rows written by someone else (see nextIteration()).
    " raw_outliers_high_id BIGINT,"
    " processed_outliers_high_id BIGINT,"
    " error TEXT,"
    " UNIQUE (email, iteration))",
    RunTypesTableSql,
    "CREATE INDEX IF NOT EXISTS find_outliers_run_types_run_id ON find_outliers_run_types (run_id)",
};

// Serialises schema creation between concurrent first runs on PostgreSQL (CREATE TABLE IF NOT EXISTS can race).
constexpr qint64 SchemaLockKey = 0x666f5f736368656dLL; // "fo_schem"

Status execAll(QSqlDatabase &db, const QStringList &statements, const QString &what)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return Error {sqlErrorText(what, query.lastError())};
    }
    return {};
}

Status execAll(QSqlDatabase &db, const char *const *statements, std::size_t count, const QString &what)
{
    QStringList list;
    for (std::size_t i = 0; i < count; ++i)
        list << QString::fromLatin1(statements[i]);
    return execAll(db, list, what);
}

// True when this tool's tables exist in their current shape (nothing to create or upgrade): one cheap catalog query.
bool ownTablesCurrentPostgres(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral(
               "SELECT to_regclass('find_outliers_runs') IS NOT NULL AND to_regclass('find_outliers_run_types') IS NOT "
               "NULL"
               " AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('find_outliers_runs')"
               "  AND attname = 'error' AND NOT attisdropped)"
               " AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('find_outliers_run_types')"
               "  AND attname = 'data_type' AND NOT attnotnull AND NOT attisdropped)"))
        && query.next() && query.value(0).toBool();
}

// Columns and constraints changed after our tables' first release, changed in place in a database made by an older
// version (our tables only; the platform's are never altered). Each step is skipped when already done.
Status upgradeOwnTables(QSqlDatabase &db, bool postgres)
{
    QSqlQuery query(db);
    const auto fail = [&](const QString &table) {
        return Status(Error {sqlErrorText(QStringLiteral("Upgrading %1").arg(table), query.lastError())});
    };
    if (!query.exec(QStringLiteral("SELECT raw_outliers_high_id FROM find_outliers_runs WHERE 1 = 0"))) {
        for (const char *column : {"raw_outliers_high_id", "processed_outliers_high_id"}) {
            if (!query.exec(
                    QStringLiteral("ALTER TABLE find_outliers_runs ADD COLUMN %1 BIGINT").arg(QLatin1String(column))))
                return fail(QStringLiteral("find_outliers_runs"));
        }
    }
    if (!query.exec(QStringLiteral("SELECT error FROM find_outliers_runs WHERE 1 = 0"))
        && !query.exec(QStringLiteral("ALTER TABLE find_outliers_runs ADD COLUMN error TEXT")))
        return fail(QStringLiteral("find_outliers_runs"));

    // find_outliers_run_types once had PRIMARY KEY (run_id, source, data_type) and data_type NOT NULL: a NULL type,
    // or one longer than a btree row (about 2.7 kB), made every run of that user fail.
    if (postgres) {
        if (!query.exec(QStringLiteral("SELECT attnotnull FROM pg_attribute WHERE attrelid = "
                                       "to_regclass('find_outliers_run_types') AND attname = 'data_type'")))
            return fail(QStringLiteral("find_outliers_run_types"));
        if (query.next() && query.value(0).toBool()) {
            for (const QString &sql :
                 {QStringLiteral(
                      "ALTER TABLE find_outliers_run_types DROP CONSTRAINT IF EXISTS find_outliers_run_types_pkey"),
                  QStringLiteral("ALTER TABLE find_outliers_run_types ALTER COLUMN data_type DROP NOT NULL"),
                  QStringLiteral("ALTER TABLE find_outliers_run_types ALTER COLUMN data_type TYPE TEXT"),
                  QStringLiteral("CREATE INDEX IF NOT EXISTS find_outliers_run_types_run_id ON find_outliers_run_types "
                                 "(run_id)")}) {
                if (!query.exec(sql))
                    return fail(QStringLiteral("find_outliers_run_types"));
            }
        }
        return {};
    }
    if (!query.exec(QStringLiteral("SELECT \"notnull\" FROM pragma_table_info('find_outliers_run_types') "
                                   "WHERE name = 'data_type'")))
        return fail(QStringLiteral("find_outliers_run_types"));
    if (query.next() && query.value(0).toInt() != 0) {
        // SQLite cannot drop a constraint: the table is made again with its rows, in the transaction that
        // createSqliteTables() holds (BEGIN IMMEDIATE), so that no other process sees it half done.
        query.finish();
        for (const QString &sql :
             {QStringLiteral("ALTER TABLE find_outliers_run_types RENAME TO find_outliers_run_types_old"),
              QString::fromLatin1(RunTypesTableSql),
              QStringLiteral("INSERT INTO find_outliers_run_types (run_id, source, data_type, rows_read, numeric_rows, "
                             "skipped_rows, mean, std, k, outliers) SELECT run_id, source, data_type, rows_read, "
                             "numeric_rows, skipped_rows, mean, std, k, outliers FROM find_outliers_run_types_old"),
              QStringLiteral("DROP TABLE find_outliers_run_types_old"),
              QStringLiteral(
                  "CREATE INDEX IF NOT EXISTS find_outliers_run_types_run_id ON find_outliers_run_types (run_id)")}) {
            if (!query.exec(sql))
                return fail(QStringLiteral("find_outliers_run_types"));
        }
    }
    return {};
}

// The embedded database's tables, created (or upgraded) once however many processes open a fresh file at the same
// time (four `--demo` at once): when anything is missing, the work runs inside BEGIN IMMEDIATE, which takes SQLite's
// write lock first and waits for it (the busy timeout) instead of failing with "database is locked" half-way; the
// next process then finds everything in place and writes nothing.
Status createSqliteTables(QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    const auto current = [&query] {
        const bool objects =
            query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('raw_records', "
                                      "'processed_records', 'outliers_records', 'processed_records_outliers_records', "
                                      "'find_outliers_runs', 'find_outliers_run_types', "
                                      "'find_outliers_run_types_run_id')"))
            && query.next() && query.value(0).toInt() == 7;
        query.finish();
        if (!objects
            || !query.exec(QStringLiteral("SELECT raw_outliers_high_id, error FROM find_outliers_runs WHERE 1 = 0")))
            return false;
        const bool nullableType = query.exec(QStringLiteral("SELECT \"notnull\" FROM pragma_table_info("
                                                            "'find_outliers_run_types') WHERE name = 'data_type'"))
            && query.next() && query.value(0).toInt() == 0;
        query.finish();
        return nullableType;
    };
    if (current())
        return {};
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error {sqlErrorText(QStringLiteral("Locking %1 to create its tables").arg(path), query.lastError())};
    const Result<QStringList> platform = sqlitePlatformSchema();
    Status status = platform
        ? execAll(db, platform.value(), QStringLiteral("Creating the platform's tables in %1").arg(path))
        : Status(Error {platform.error()});
    if (status)
        status = execAll(db, OwnSchema, std::size(OwnSchema),
                         QStringLiteral("Creating find-outliers' tables in %1").arg(path));
    if (status)
        status = upgradeOwnTables(db, false);
    if (!status) {
        query.exec(QStringLiteral("ROLLBACK"));
        return status;
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return Error {sqlErrorText(QStringLiteral("Saving the tables of %1").arg(path), query.lastError())};
    return {};
}

// Creates or upgrades this tool's tables when they are not current. A role that may not create tables gets an
// error naming the privilege it lacks, before anything else happens.
Status ensureOwnTablesPostgres(QSqlDatabase &db)
{
    if (ownTablesCurrentPostgres(db))
        return {};
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT current_user, current_schema(), "
                                  "has_schema_privilege(current_schema(), 'CREATE'), "
                                  "to_regclass('find_outliers_runs') IS NOT NULL, "
                                  "current_setting('transaction_read_only')"))
        && query.next()) {
        const QString role = query.value(0).toString();
        const QString schema = query.value(1).toString();
        if (query.value(4).toString() == QLatin1String("on"))
            return Error {QStringLiteral("The database is read-only (a standby, or default_transaction_read_only is "
                                         "on), so find-outliers cannot create its tables (%1, %2) or store a run. Use "
                                         "the primary server, or run with --dry-run, which only reads.")
                              .arg(QLatin1String(RunsTable), QLatin1String(RunTypesTable))};
        if (!query.value(2).toBool() && !query.value(3).toBool())
            return Error {QStringLiteral("The database role \"%1\" lacks the privilege CREATE on schema %2, which "
                                         "find-outliers needs once to create its tables (%3, %4). Ask an administrator "
                                         "to run find-outliers once with a role that may (or to GRANT CREATE ON "
                                         "SCHEMA %2 TO \"%1\"), or run with --dry-run, which only reads.")
                              .arg(role, schema, QLatin1String(RunsTable), QLatin1String(RunTypesTable))};
    }
    if (!query.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(SchemaLockKey)))
        return Error {sqlErrorText(QStringLiteral("Locking the schema"), query.lastError())};
    Status status = execAll(db, OwnSchema, std::size(OwnSchema), QStringLiteral("Creating find-outliers' tables"));
    if (status)
        status = upgradeOwnTables(db, true);
    query.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(SchemaLockKey));
    return status;
}

// QtSql's first use (its driver table, its plugin loader) is not safe from two threads at once in Qt 6.4: two batch
// workers that opened their first connections together raced inside it (valgrind --tool=helgrind), and a batch could
// hang at exit in QtSql's clean-up after its summary. The first read of the driver table is made once, alone.
void readDriverTableAlone()
{
    static std::once_flag once;
    std::call_once(once, [] { (void)QSqlDatabase::drivers(); });
}

// The first connection of each driver type instantiates its plugin; it is made alone too.
void loadDriverAlone(bool postgres, const QString &driver)
{
    static std::once_flag psql;
    static std::once_flag sqlite;
    std::call_once(postgres ? psql : sqlite, [&driver] {
        const QString name = QStringLiteral("fo-first-") + driver;
        {
            const QSqlDatabase first = QSqlDatabase::addDatabase(driver, name);
        }
        QSqlDatabase::removeDatabase(name);
    });
}

} // namespace

Status Database::beginWrite(const QString &what)
{
    if (m_postgres) {
        if (!m_db.transaction())
            return Error {sqlErrorText(what, m_db.lastError())};
        return {};
    }
    QSqlQuery begin(m_db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error {sqlErrorText(what, begin.lastError())};
    return {};
}

QString timestampText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString timestampPlaceholder(const Database &db)
{
    return db.isPostgres() ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
}

QString sqlErrorText(const QString &what, const QSqlError &error)
{
    // libpq's messages span lines ("server closed the connection unexpectedly\n\tThis probably means...") and QPSQL
    // appends "(SQLSTATE)", empty when the connection died: one line, without the empty "()".
    QString text = error.databaseText().simplified();
    if (text.endsWith(QLatin1String("()")))
        text = text.chopped(2).trimmed();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1); // callers go on with ". Nothing was written." and the like
    if (text.isEmpty())
        text = error.driverText().simplified();
    if (text.isEmpty())
        text = QStringLiteral("unknown database error");
    return QStringLiteral("%1 failed: %2").arg(what, text);
}

Database::~Database()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Database::Database(Database &&other) noexcept
    : m_db(std::move(other.m_db)), m_name(std::move(other.m_name)), m_postgres(other.m_postgres)
{
    other.m_db = QSqlDatabase();
    other.m_name.clear();
}

Database &Database::operator=(Database &&other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_name, other.m_name);
    std::swap(m_postgres, other.m_postgres);
    return *this;
}

Result<Database> Database::open(const Config &config, OpenMode mode)
{
    readDriverTableAlone();
    const bool readOnly = mode == OpenMode::ReadOnly;
    Database result;
    result.m_postgres = config.dbEngine == Config::DbEngine::PostgreSql;
    result.m_name = QStringLiteral("fo-%1-%2")
                        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()))
                        .arg(g_connectionCounter.fetchAndAddRelaxed(1));
    const QString driver = result.m_postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error {
            QStringLiteral("The Qt SQL driver %1 is not installed. Install the package %2.")
                .arg(driver,
                     result.m_postgres ? QStringLiteral("libqt6sql6-psql") : QStringLiteral("libqt6sql6-sqlite"))};
    loadDriverAlone(result.m_postgres, driver);
    result.m_db = QSqlDatabase::addDatabase(driver, result.m_name);

    if (result.m_postgres) {
        result.m_db.setHostName(config.dbHost);
        result.m_db.setPort(config.dbPort);
        result.m_db.setUserName(config.dbUser);
        result.m_db.setPassword(config.dbPassword);
        result.m_db.setDatabaseName(config.dbName);
        result.m_db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=find-outliers"));
    } else {
        const QFileInfo info(config.dbName);
        if (readOnly && !info.exists())
            return Error {
                QStringLiteral("There is no SQLite database at %1, so there is nothing to read. Check DB_NAME, "
                               "or run find-outliers --demo to create the demo database.")
                    .arg(config.dbName)};
        if (!readOnly && !QDir().mkpath(info.absolutePath()))
            return Error {QStringLiteral("Cannot create the folder %1 for the SQLite database. Check its permissions "
                                         "or set DB_NAME to another path.")
                              .arg(info.absolutePath())};
        result.m_db.setDatabaseName(config.dbName);
        result.m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000")
                                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    }

    if (!result.m_db.open()) {
        // libpq's reason on one line (it spans lines, and QSqlError::text() would add QPSQL's "Unable to connect").
        QString reason = result.m_db.lastError().databaseText().simplified();
        if (reason.isEmpty())
            reason = result.m_db.lastError().text().simplified();
        if (!reason.endsWith(QLatin1Char('.')) && !reason.endsWith(QLatin1Char('?')))
            reason += QLatin1Char('.');
        return Error {QStringLiteral("Cannot connect to the database %1: %2 Check DB_HOST, DB_PORT, DB_USER, "
                                     "DB_PASSWORD and DB_NAME, and that the server is running.")
                          .arg(config.describeDatabase(), reason)};
    }
    qCDebug(lcDb) << "connected to" << config.describeDatabase();
    routeServerNotices(result.m_db); // a server NOTICE goes to the verbose log, not raw onto stderr

    if (!result.m_postgres && readOnly) {
        // A database in WAL mode can be read only where SQLite may create its -shm file beside it. When the folder
        // is not ours to write (a file we may only read), it is opened as immutable instead: read as it is on disk.
        QSqlQuery probe(result.m_db);
        if (!probe.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"))) {
            qCDebug(lcDb) << "read-only open failed (" << probe.lastError().text() << "); opening as immutable";
            probe = QSqlQuery();
            result.m_db.close();
            result.m_db.setConnectOptions(
                QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=30000"));
            result.m_db.setDatabaseName(
                QUrl::fromLocalFile(QFileInfo(config.dbName).absoluteFilePath()).toString(QUrl::FullyEncoded)
                + QStringLiteral("?immutable=1"));
            if (!result.m_db.open()
                || !QSqlQuery(result.m_db).exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")))
                return Error {
                    sqlErrorText(QStringLiteral("Opening the SQLite database %1 read-only").arg(config.dbName),
                                 result.m_db.lastError())};
        }
    }

    QSqlQuery query(result.m_db);
    if (result.m_postgres) {
        // Timestamps come back in UTC. No statement timeout: reading a large user's records may take minutes, and a
        // run that hangs is ended by its caller (SIGTERM, Cancel, the job's deadline). It is set to 0 (none) here, so
        // that a default of the server, the database or the role (ALTER ROLE ... SET statement_timeout) cannot end a
        // long read half-way. One round trip for both.
        query.exec(QStringLiteral("SELECT set_config('TimeZone', 'UTC', false), "
                                  "set_config('statement_timeout', '0', false)"));
        if (!readOnly) {
            const Status own = ensureOwnTablesPostgres(result.m_db);
            if (!own) // with libpq's words when the connection died meanwhile, so that a batch knows to try again
                return Error {
                    own.error()
                    + (isConnectionLost(result) ? QStringLiteral(" (no connection to the server)") : QString())};
        }
    } else if (!readOnly) {
        query.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        query.finish(); // it answers with a row: an unfinished statement would keep the COMMIT below from working
        const Status status = createSqliteTables(result.m_db, config.dbName);
        if (!status)
            return Error {status.error()};
    }
    return result;
}

} // namespace fo
