#include "tests/common/TestEnv.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <hiredis/hiredis.h>
#include <memory>

namespace fo::test {

namespace {

Q_LOGGING_CATEGORY(lcTestEnv, "fo.test.env")

QString envValue(const char *name)
{
    return qEnvironmentVariable(name);
}

QString randomHex()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
}

QString uniqueConnectionName(const QString &purpose)
{
    return QStringLiteral("fo_test_") + purpose + u'_' + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString databasePrefix(const QString &prefix)
{
    QString cleaned;
    for (const QChar c : prefix.toLower()) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
        cleaned += allowed ? c : QChar(u'_');
    }
    if (cleaned.isEmpty() || cleaned.front().isDigit())
        cleaned.prepend(QStringLiteral("t"));
    // PostgreSQL cuts identifiers at 63 bytes; leave room for "_" and 16 hex digits.
    return cleaned.left(40);
}

// Splits an SQL script into statements at ';'. Knows '--' comments, '/* */' comments, 'string' literals (with ''
// inside) and "identifiers"; not dollar quoting, which the schema does not use.
QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            while (i < n && script.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'/' && next == u'*') {
            i += 2;
            while (i + 1 < n && !(script.at(i) == u'*' && script.at(i + 1) == u'/'))
                ++i;
            ++i; // past the closing '/'
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"') {
            current += c;
            for (++i; i < n; ++i) {
                current += script.at(i);
                if (script.at(i) == c) {
                    if (i + 1 < n && script.at(i + 1) == c) { // doubled quote: still inside
                        current += script.at(++i);
                        continue;
                    }
                    break;
                }
            }
            continue;
        }
        if (c == u';') {
            if (!current.trimmed().isEmpty())
                statements << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

// Runs the statements on a fresh connection to dbName; empty on success, else what failed.
QString execOnDatabase(const QString &dbName, const QStringList &statements)
{
    const QString connection = uniqueConnectionName(QStringLiteral("exec"));
    QString message;
    {
        QSqlDatabase db = openPg(dbName, connection);
        if (!db.isOpen()) {
            message =
                QStringLiteral("cannot connect to database ") + dbName + QStringLiteral(": ") + db.lastError().text();
        } else {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    message = QStringLiteral("in database ") + dbName + QStringLiteral(", `") + statement
                        + QStringLiteral("` failed: ") + query.lastError().text();
                    break;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return message;
}

using RedisContextPtr = std::unique_ptr<redisContext, decltype(&redisFree)>;
using RedisReplyPtr = std::unique_ptr<redisReply, decltype(&freeReplyObject)>;

RedisContextPtr redisConnect()
{
    const auto server = redisServer();
    if (!server) {
        qCWarning(lcTestEnv) << "FO_TEST_REDIS_HOST / FO_TEST_REDIS_PORT are not set: run the tests through"
                                " scripts/test.sh";
        return {nullptr, &redisFree};
    }
    const timeval timeout {5, 0};
    RedisContextPtr context(redisConnectWithTimeout(server->first.toUtf8().constData(), server->second, timeout),
                            &redisFree);
    if (!context || context->err) {
        qCWarning(lcTestEnv) << "cannot connect to Redis at" << server->first << server->second << ":"
                             << (context ? context->errstr : "out of memory");
        return {nullptr, &redisFree};
    }
    redisSetTimeout(context.get(), timeout);
    return context;
}

// One command with up to two binary-safe arguments; null on a connection failure.
RedisReplyPtr redisRun(const char *format, const QByteArray &a, const QByteArray &b = {})
{
    RedisContextPtr context = redisConnect();
    if (!context)
        return {nullptr, &freeReplyObject};
    void *reply = redisCommand(context.get(), format, a.constData(), size_t(a.size()), b.constData(), size_t(b.size()));
    if (!reply) {
        qCWarning(lcTestEnv) << "Redis command" << format << "failed:" << context->errstr;
        return {nullptr, &freeReplyObject};
    }
    RedisReplyPtr result(static_cast<redisReply *>(reply), &freeReplyObject);
    if (result->type == REDIS_REPLY_ERROR)
        qCWarning(lcTestEnv) << "Redis command" << format
                             << "answered:" << QByteArray(result->str, qsizetype(result->len));
    return result;
}

} // namespace

// ---- PostgreSQL ------------------------------------------------------------------------------------------------

std::optional<PgServer> pgServer()
{
    const QString host = envValue("FO_TEST_PG_HOST");
    bool portOk = false;
    const int port = envValue("FO_TEST_PG_PORT").toInt(&portOk);
    if (host.isEmpty() || !portOk)
        return std::nullopt;
    PgServer server;
    server.host = host;
    server.port = port;
    server.user = envValue("FO_TEST_PG_USER");
    if (server.user.isEmpty())
        server.user = QStringLiteral("postgres");
    server.password = envValue("FO_TEST_PG_PASSWORD");
    return server;
}

QSqlDatabase openPg(const QString &dbName, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    const auto server = pgServer();
    if (!server) {
        qCWarning(lcTestEnv) << "FO_TEST_PG_HOST / FO_TEST_PG_PORT are not set: run the tests through"
                                " scripts/test.sh";
        return db;
    }
    db.setHostName(server->host);
    db.setPort(server->port);
    db.setUserName(server->user);
    db.setPassword(server->password);
    db.setDatabaseName(dbName);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        qCWarning(lcTestEnv).noquote() << "cannot open database" << dbName << "on" << server->host << server->port
                                       << ":" << db.lastError().text();
        return db;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SET TIME ZONE 'UTC'")))
        qCWarning(lcTestEnv).noquote() << "SET TIME ZONE failed:" << query.lastError().text();
    return db;
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        qCWarning(lcTestEnv).noquote() << "query failed:" << sql << ":" << query.lastError().text();
        return -1;
    }
    if (!query.next()) {
        qCWarning(lcTestEnv).noquote() << "query returned no row:" << sql;
        return -1;
    }
    return query.value(0).toLongLong();
}

QString createDatabase(const QString &prefix, QString *error)
{
    const auto fail = [error](const QString &message) {
        qCWarning(lcTestEnv).noquote() << message;
        if (error)
            *error = message;
        return QString();
    };

    if (!pgServer())
        return fail(QStringLiteral("no test PostgreSQL: FO_TEST_PG_HOST / FO_TEST_PG_PORT are not set; run the tests"
                                   " through scripts/test.sh"));

    const QString schemaPath = sourceDir() + QStringLiteral("/resources/schema/platform.sql");
    QFile schemaFile(schemaPath);
    if (sourceDir().isEmpty() || !schemaFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the platform schema ") + schemaPath
                    + QStringLiteral(" (is FO_SOURCE_DIR set to the repository?)"));
    const QStringList statements = splitSqlStatements(QString::fromUtf8(schemaFile.readAll()));
    if (statements.isEmpty())
        return fail(QStringLiteral("the platform schema ") + schemaPath + QStringLiteral(" holds no statement"));

    const QString name = databasePrefix(prefix) + u'_' + randomHex();
    const QString created =
        execOnDatabase(QStringLiteral("postgres"), {QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name)});
    if (!created.isEmpty())
        return fail(created);

    const QString loaded = execOnDatabase(name, statements);
    if (!loaded.isEmpty()) {
        dropDatabase(name);
        return fail(loaded);
    }
    if (error)
        error->clear();
    return name;
}

void dropDatabase(const QString &name)
{
    if (name.isEmpty() || !pgServer())
        return;
    const QString message = execOnDatabase(
        QStringLiteral("postgres"),
        {QStringLiteral("DROP DATABASE IF EXISTS ") + quoteIdentifier(name) + QStringLiteral(" WITH (FORCE)")});
    if (!message.isEmpty())
        qCWarning(lcTestEnv).noquote() << message;
}

fo::Config pgConfig(const QString &dbName)
{
    fo::Config config;
    config.dbEngine = fo::Config::DbEngine::PostgreSql;
    if (const auto server = pgServer()) {
        config.dbHost = server->host;
        config.dbPort = server->port;
        config.dbUser = server->user;
        config.dbPassword = server->password;
    }
    config.dbName = dbName;
    config.embeddedDefault = false;
    config.redisHost.clear();
    config.notificationsApiBaseUrl.clear();
    return config;
}

QMap<QString, QString> pgEnv(const QString &dbName)
{
    const fo::Config config = pgConfig(dbName);
    return {
        {QStringLiteral("DB_ENGINE"), QStringLiteral("postgresql")}, {QStringLiteral("DB_HOST"), config.dbHost},
        {QStringLiteral("DB_PORT"), QString::number(config.dbPort)}, {QStringLiteral("DB_USER"), config.dbUser},
        {QStringLiteral("DB_PASSWORD"), config.dbPassword},          {QStringLiteral("DB_NAME"), config.dbName},
    };
}

// ---- Redis -------------------------------------------------------------------------------------------------------

std::optional<std::pair<QString, int>> redisServer()
{
    const QString host = envValue("FO_TEST_REDIS_HOST");
    bool portOk = false;
    const int port = envValue("FO_TEST_REDIS_PORT").toInt(&portOk);
    if (host.isEmpty() || !portOk)
        return std::nullopt;
    return std::make_pair(host, port);
}

QString redisGet(const QString &key)
{
    const RedisReplyPtr reply = redisRun("GET %b", key.toUtf8());
    if (!reply || reply->type != REDIS_REPLY_STRING)
        return QString();
    if (reply->len == 0)
        return QStringLiteral(""); // an empty value, not a missing key
    return QString::fromUtf8(reply->str, qsizetype(reply->len));
}

long long redisTtl(const QString &key)
{
    const RedisReplyPtr reply = redisRun("TTL %b", key.toUtf8());
    if (!reply || reply->type != REDIS_REPLY_INTEGER)
        return RedisTtlError;
    return reply->integer;
}

bool redisSet(const QString &key, const QString &value)
{
    const RedisReplyPtr reply = redisRun("SET %b %b", key.toUtf8(), value.toUtf8());
    return reply && reply->type == REDIS_REPLY_STATUS;
}

bool redisDel(const QString &key)
{
    const RedisReplyPtr reply = redisRun("DEL %b", key.toUtf8());
    return reply && reply->type == REDIS_REPLY_INTEGER;
}

// ---- The built tool ----------------------------------------------------------------------------------------------

QString binaryPath()
{
    return envValue("FO_BINARY");
}

QString sourceDir()
{
    return envValue("FO_SOURCE_DIR");
}

ToolResult runTool(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs,
                   const QByteArray &stdinData)
{
    ToolResult result;
    const QString program = binaryPath();
    if (program.isEmpty()) {
        result.err = "[runTool] FO_BINARY is not set: run the tests through ctest (fo_add_test sets it)\n";
        return result;
    }

    QTemporaryDir freshHome(QDir::tempPath() + QStringLiteral("/fo-test-home-XXXXXX"));
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"),
                       system.value(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin")));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    for (const char *name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        const QString variable = QString::fromLatin1(name);
        if (system.contains(variable))
            environment.insert(variable, system.value(variable));
    }
    const QString home = env.value(QStringLiteral("HOME"), freshHome.path());
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"),
                       env.value(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share")));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    process.setArguments(args);

    QEventLoop loop;
    bool failedToStart = false;
    bool timedOut = false;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart) {
            failedToStart = true;
            loop.quit();
        }
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        process.kill();
        loop.quit();
    });

    process.start();
    if (process.state() != QProcess::NotRunning) {
        if (!stdinData.isEmpty())
            process.write(stdinData);
        process.closeWriteChannel();
    }
    if (process.state() != QProcess::NotRunning && !failedToStart) {
        timer.start(timeoutMs);
        loop.exec();
        timer.stop();
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000); // only after kill: nothing left for the stubs to answer
    }

    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (failedToStart) {
        result.err += "[runTool] could not start " + program.toUtf8() + ": " + process.errorString().toUtf8() + '\n';
        return result;
    }
    if (timedOut) {
        result.err += "[runTool] killed after " + QByteArray::number(timeoutMs) + " ms without finishing\n";
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = result.finished ? process.exitCode() : -1;
    return result;
}

} // namespace fo::test
