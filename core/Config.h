#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace fo {

// The platform's configuration (docs/platform.md 3), with the same variable names.
// Precedence: command-line flags > process environment > env file > defaults.
struct Config
{
    enum class DbEngine { PostgreSql, Sqlite };

    DbEngine dbEngine = DbEngine::Sqlite;
    QString dbHost;
    int dbPort = 5432;
    QString dbUser;
    QString dbPassword; // secret: never logged, never put in QSettings
    QString dbName; // the database name, or the SQLite file path
    bool embeddedDefault = false; // no database setting at all: SQLite in the user's data folder

    QString redisHost; // empty: the Redis flag is skipped
    int redisPort = 6379;
    QString redisNamespace = QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-");

    QString notificationsApiBaseUrl; // empty: notifications are skipped
    QString authApiBaseUrl = QStringLiteral("http://auth-api:8081");
    QString dataCollectionApiBaseUrl = QStringLiteral("http://data-collection-api:8082");

    double rawThreshold = DefaultRawThreshold;
    double processedThreshold = DefaultProcessedThreshold;

    QString describeDatabase() const; // "postgresql://user@host:port/name" or "sqlite:/path"; no password
};

// The variable names this tool reads.
QStringList configVariableNames();

struct EnvFileEntry
{
    QString value;
    int line = 0;
};
using EnvMap = QMap<QString, EnvFileEntry>;

// Parses `NAME=value` lines. Accepts blank lines, `#` comments, an optional `export ` prefix, a UTF-8 BOM, CRLF
// line ends, and values in single or double quotes. A later duplicate key wins. Any other line is an error that
// names the file, the line number and at most the variable's name: never a value nor the line's text, which may
// hold a secret (fuzz/FuzzChecks.cpp holds every such message to this).
Result<EnvMap> parseEnvText(const QByteArray &text, const QString &fileName);
Result<EnvMap> readEnvFile(const QString &path);

// Builds the configuration from the layers. `overrides` holds values given on the command line, keyed by
// variable name (e.g. "DB_HOST") or by "RAW_THRESHOLD" / "PROCESSED_THRESHOLD".
// `environment` is normally QProcessEnvironment::systemEnvironment() as a map.
Result<Config> resolveConfig(const QMap<QString, QString> &overrides, const QMap<QString, QString> &environment,
                             const EnvMap &envFile, const QString &envFileName);

// The process environment, restricted to the variables this tool reads.
QMap<QString, QString> processEnvironment();

// Path of the embedded SQLite database (QStandardPaths::AppLocalDataLocation/find-outliers.sqlite).
QString embeddedDatabasePath();

} // namespace fo
