#pragma once

#include "core/Config.h"

#include <QByteArray>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTest>

#include <optional>
#include <utility>

// What the test executables share: the services that scripts/test.sh starts (scripts/test-services.sh exports
// FO_TEST_*), the built tool (FO_BINARY) and the source tree (FO_SOURCE_DIR), both set by fo_add_test.

// After a helper that checks with Qt Test's macros (they return from the helper only): return from the test function
// too when the helper failed.
#define FO_RETURN_IF_FAILED()                                                                                          \
    do {                                                                                                               \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

namespace fo::test {

// ---- PostgreSQL ------------------------------------------------------------------------------------------------

struct PgServer
{
    QString host;
    int port = 0;
    QString user;
    QString password;
};

// The test server from FO_TEST_PG_HOST / _PORT / _USER / _PASSWORD; nullopt when FO_TEST_PG_HOST or
// FO_TEST_PG_PORT is unset (a test should then QFAIL: CI always provides one). The user defaults to "postgres".
std::optional<PgServer> pgServer();

// Creates a fresh database `<prefix>_<16 random hex digits>` (the prefix is lower-cased, anything but
// [a-z0-9_] becomes '_') and loads $FO_SOURCE_DIR/resources/schema/platform.sql into it. Returns its name, or an
// empty string with the reason in *error (if given).
QString createDatabase(const QString &prefix, QString *error = nullptr);

// DROP DATABASE IF EXISTS ... WITH (FORCE): also ends sessions a test or the tool left open. Failures are only
// logged.
void dropDatabase(const QString &name);

// A configuration for that database on the test server: PostgreSQL, no Redis, no notifications.
fo::Config pgConfig(const QString &dbName);

// The same as the platform's environment variables: DB_ENGINE=postgresql, DB_HOST, DB_PORT, DB_USER,
// DB_PASSWORD, DB_NAME.
QMap<QString, QString> pgEnv(const QString &dbName);

// Opens a QPSQL connection to that database on the test server, under connectionName, with the session time zone
// set to UTC. Check isOpen(); the caller removes the connection (QSqlDatabase::removeDatabase) when done.
QSqlDatabase openPg(const QString &dbName, const QString &connectionName);

// The first column of the first row of sql, as a number; -1 (and a warning with the SQL error) when the query
// fails or returns no row.
qint64 scalar(QSqlDatabase &db, const QString &sql);

// ---- Redis -------------------------------------------------------------------------------------------------------

// The test server from FO_TEST_REDIS_HOST / FO_TEST_REDIS_PORT; nullopt when unset.
std::optional<std::pair<QString, int>> redisServer();

// The value (UTF-8) of a key on the test server; a null QString() when the key does not exist or Redis cannot be
// reached (with a warning), an empty non-null string for an empty value.
QString redisGet(const QString &key);

// TTL of a key in seconds: -1 when it has no expiry, -2 when it does not exist, RedisTtlError on failure.
inline constexpr long long RedisTtlError = -3;
long long redisTtl(const QString &key);

// SET key value (no expiry); DEL key. False when Redis cannot be reached or refuses.
bool redisSet(const QString &key, const QString &value);
bool redisDel(const QString &key);

// ---- The built tool ----------------------------------------------------------------------------------------------

QString binaryPath(); // FO_BINARY
QString sourceDir(); // FO_SOURCE_DIR

struct ToolResult
{
    int exitCode = -1; // the process's exit code; -1 when it crashed, was killed or did not start
    bool finished = false; // exited normally (not crashed, not killed on timeout, started at all)
    QByteArray out;
    QByteArray err; // on timeout or failure to start, ends with a line "[runTool] ..." saying so
};

// Runs the built tool with args and a clean environment: only PATH, LANG=C.UTF-8, TZ=UTC, HOME and
// XDG_DATA_HOME (a fresh temporary directory, removed afterwards, and its .local/share, unless env gives them),
// sanitizer options (ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS) when set, and then env. No DISPLAY, no
// QT_QPA_PLATFORM and no D-Bus address unless env gives them. Writes stdinData and closes standard input.
// Waits in a local event loop, so objects of the calling thread (an HttpStub) keep serving meanwhile; kills the
// process after timeoutMs.
ToolResult runTool(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs = 120000,
                   const QByteArray &stdinData = {});

} // namespace fo::test
