#include "core/Config.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cmath>

namespace fo {
namespace {

const QStringList &variableNames()
{
    static const QStringList names = {
        QStringLiteral("DB_ENGINE"),
        QStringLiteral("DB_HOST"),
        QStringLiteral("DB_PORT"),
        QStringLiteral("DB_USER"),
        QStringLiteral("DB_PASSWORD"),
        QStringLiteral("DB_NAME"),
        QStringLiteral("REDIS_HOST"),
        QStringLiteral("REDIS_PORT"),
        QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"),
        QStringLiteral("NOTIFICATIONS_API_BASE_URL"),
        QStringLiteral("AUTH_API_BASE_URL"),
        QStringLiteral("DATA_COLLECTION_API_BASE_URL"),
    };
    return names;
}

// Where a value came from, for error messages.
struct Lookup
{
    const QMap<QString, QString> &overrides;
    const QMap<QString, QString> &environment;
    const EnvMap &envFile;
    const QString &envFileName;

    bool has(const QString &name) const
    {
        return overrides.contains(name) || environment.contains(name) || envFile.contains(name);
    }

    QString value(const QString &name, const QString &fallback = QString()) const
    {
        if (overrides.contains(name))
            return overrides.value(name);
        if (environment.contains(name))
            return environment.value(name);
        if (envFile.contains(name))
            return envFile.value(name).value;
        return fallback;
    }

    QString origin(const QString &name) const
    {
        if (overrides.contains(name))
            return QStringLiteral("the command line");
        if (environment.contains(name))
            return QStringLiteral("the environment");
        if (envFile.contains(name))
            return QStringLiteral("%1 line %2").arg(envFileName).arg(envFile.value(name).line);
        return QStringLiteral("the defaults");
    }
};

Result<int> parsePort(const Lookup &lookup, const QString &name, int fallback)
{
    if (!lookup.has(name))
        return fallback;
    const QString text = lookup.value(name).trimmed();
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return Error {QStringLiteral("%1=\"%2\" (from %3) is not a port number: use a whole number from 1 to 65535.")
                          .arg(name, text, lookup.origin(name))};
    return port;
}

Result<double> parseThreshold(const Lookup &lookup, const QString &name, const QString &flag, double fallback)
{
    if (!lookup.has(name))
        return fallback;
    const QString text = lookup.value(name).trimmed();
    bool ok = false;
    const double k = text.toDouble(&ok);
    if (!ok || !(k > 0.0) || !std::isfinite(k))
        return Error {QStringLiteral("%1 \"%2\" is not a valid threshold: give a positive number such as 3 or 2.5.")
                          .arg(flag, text)};
    return k;
}

// The variable of ours that begins `line` (up to the first character that cannot be in a name), or nothing: for a
// line without =, the only part of it that an error may name.
QString leadingVariableName(const QString &line)
{
    qsizetype end = 0;
    while (end < line.size()
           && (line.at(end).isDigit() || line.at(end) == QLatin1Char('_')
               || (line.at(end).unicode() < 0x80 && line.at(end).isLetter())))
        ++end;
    const QString name = line.left(end);
    return variableNames().contains(name) ? name : QString();
}

} // namespace

QStringList configVariableNames()
{
    return variableNames();
}

QString Config::describeDatabase() const
{
    if (dbEngine == DbEngine::Sqlite)
        return QStringLiteral("sqlite:%1").arg(dbName);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(dbUser, dbHost).arg(dbPort).arg(dbName);
}

Result<EnvMap> parseEnvText(const QByteArray &rawText, const QString &fileName)
{
    static const QRegularExpression namePattern(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]*\\z"));
    QByteArray text = rawText;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    EnvMap map;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QByteArray rawLine = lines.at(i);
        if (rawLine.endsWith('\r'))
            rawLine.chop(1);
        if (rawLine.contains('\0'))
            return Error {QStringLiteral("%1 line %2: the line contains a NUL byte; env files are text.")
                              .arg(fileName)
                              .arg(lineNo)};
        QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")) || line.startsWith(QLatin1String("export\t")))
            line = line.mid(7).trimmed();
        // A broken line is never quoted back: it may hold a secret ("DB_PASSWORD: Hunter2", the password alone on a
        // line, a password pasted where the name goes). An error names the file, the line number and at most the
        // variable: the text before = when that is a valid name, or one of our own variables that begins the line.
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq < 0) {
            const QString known = leadingVariableName(line);
            if (!known.isEmpty())
                return Error {QStringLiteral("%1 line %2: %3 is not followed by =. Write %3=value (the line is not "
                                             "shown, since it may hold a secret).")
                                  .arg(fileName)
                                  .arg(lineNo)
                                  .arg(known)};
            return Error {
                QStringLiteral("%1 line %2: expected NAME=value, and the line has no =. Fix the line or put # "
                               "before it (the line is not shown, since it may hold a secret).")
                    .arg(fileName)
                    .arg(lineNo)};
        }
        const QString name = line.left(eq).trimmed();
        if (!namePattern.match(name).hasMatch())
            return Error {QStringLiteral("%1 line %2: the text before = is not a variable name (letters, digits and _, "
                                         "not starting with a digit; it is not shown, since it may hold a secret).")
                              .arg(fileName)
                              .arg(lineNo)};
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 1 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))) {
            const QChar quote = value.front();
            const qsizetype close = value.indexOf(quote, 1);
            if (close < 0)
                return Error {QStringLiteral("%1 line %2: the value of %3 opens a quote (%4) that is never closed.")
                                  .arg(fileName)
                                  .arg(lineNo)
                                  .arg(name, quote)};
            const QString rest = value.mid(close + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#')))
                return Error {QStringLiteral("%1 line %2: unexpected text after the quoted value of %3.")
                                  .arg(fileName)
                                  .arg(lineNo)
                                  .arg(name)};
            value = value.mid(1, close - 1);
        } else {
            // An unquoted value ends at a # that follows a space or tab (a comment), as in the common .env
            // dialects; "p#ss" keeps its #.
            for (qsizetype at = 1; at < value.size(); ++at) {
                if (value.at(at) == QLatin1Char('#')
                    && (value.at(at - 1) == QLatin1Char(' ') || value.at(at - 1) == QLatin1Char('\t'))) {
                    value = value.left(at).trimmed();
                    break;
                }
            }
        }
        map.insert(name, EnvFileEntry {value, lineNo});
    }
    return map;
}

Result<EnvMap> readEnvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("Cannot read the env file %1: %2. Check the path given to --env-file.")
                          .arg(path, file.errorString())};
    return parseEnvText(file.readAll(), path);
}

QMap<QString, QString> processEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QMap<QString, QString> map;
    for (const QString &name : variableNames()) {
        if (env.contains(name))
            map.insert(name, env.value(name));
    }
    return map;
}

QString embeddedDatabasePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/find-outliers/find-outliers.sqlite");
}

Result<Config> resolveConfig(const QMap<QString, QString> &overrides, const QMap<QString, QString> &environment,
                             const EnvMap &envFile, const QString &envFileName)
{
    const Lookup lookup {overrides, environment, envFile, envFileName};
    Config config;

    const QStringList dbVariables = {QStringLiteral("DB_ENGINE"),   QStringLiteral("DB_HOST"),
                                     QStringLiteral("DB_PORT"),     QStringLiteral("DB_USER"),
                                     QStringLiteral("DB_PASSWORD"), QStringLiteral("DB_NAME")};
    bool anyDb = false;
    for (const QString &name : dbVariables)
        anyDb = anyDb || lookup.has(name);

    if (!anyDb) {
        config.dbEngine = Config::DbEngine::Sqlite;
        config.dbName = embeddedDatabasePath();
        config.embeddedDefault = true;
    } else {
        const QString engine =
            lookup.value(QStringLiteral("DB_ENGINE"), QStringLiteral("postgresql")).trimmed().toLower();
        if (engine == QLatin1String("postgresql") || engine == QLatin1String("postgres")) {
            config.dbEngine = Config::DbEngine::PostgreSql;
            config.dbHost = lookup.value(QStringLiteral("DB_HOST"), QStringLiteral("localhost"));
            const Result<int> port = parsePort(lookup, QStringLiteral("DB_PORT"), 5432);
            if (!port)
                return Error {port.error()};
            config.dbPort = port.value();
            config.dbUser = lookup.value(QStringLiteral("DB_USER"), QStringLiteral("postgres"));
            config.dbPassword = lookup.value(QStringLiteral("DB_PASSWORD"), QStringLiteral("postgres"));
            config.dbName = lookup.value(QStringLiteral("DB_NAME"), QStringLiteral("records"));
        } else if (engine == QLatin1String("sqlite")) {
            config.dbEngine = Config::DbEngine::Sqlite;
            config.dbName = lookup.value(QStringLiteral("DB_NAME"));
            if (config.dbName.isEmpty())
                config.dbName = embeddedDatabasePath();
        } else {
            return Error {QStringLiteral("DB_ENGINE=\"%1\" (from %2) is not supported: use postgresql or sqlite.")
                              .arg(engine, lookup.origin(QStringLiteral("DB_ENGINE")))};
        }
    }

    config.redisHost = lookup.value(QStringLiteral("REDIS_HOST")).trimmed();
    const Result<int> redisPort = parsePort(lookup, QStringLiteral("REDIS_PORT"), 6379);
    if (!redisPort)
        return Error {redisPort.error()};
    config.redisPort = redisPort.value();
    config.redisNamespace =
        lookup.value(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), config.redisNamespace);
    config.notificationsApiBaseUrl = lookup.value(QStringLiteral("NOTIFICATIONS_API_BASE_URL")).trimmed();
    config.authApiBaseUrl = lookup.value(QStringLiteral("AUTH_API_BASE_URL"), config.authApiBaseUrl).trimmed();
    config.dataCollectionApiBaseUrl =
        lookup.value(QStringLiteral("DATA_COLLECTION_API_BASE_URL"), config.dataCollectionApiBaseUrl).trimmed();

    const Result<double> rawK =
        parseThreshold(lookup, QStringLiteral("RAW_THRESHOLD"), QStringLiteral("--raw-threshold"), DefaultRawThreshold);
    if (!rawK)
        return Error {rawK.error()};
    const Result<double> processedK =
        parseThreshold(lookup, QStringLiteral("PROCESSED_THRESHOLD"), QStringLiteral("--processed-threshold"),
                       DefaultProcessedThreshold);
    if (!processedK)
        return Error {processedK.error()};
    config.rawThreshold = rawK.value();
    config.processedThreshold = processedK.value();
    return config;
}

} // namespace fo
