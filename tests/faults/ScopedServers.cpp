#include "tests/faults/ScopedServers.h"

#include "tests/faults/FaultSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <hiredis/hiredis.h>

namespace fo::test {
namespace {

redisContext *redisOpen(int port)
{
    const timeval timeout {2, 0};
    redisContext *context = redisConnectWithTimeout("127.0.0.1", port, timeout);
    if (context && context->err) {
        redisFree(context);
        return nullptr;
    }
    if (context)
        redisSetTimeout(context, timeout);
    return context;
}

} // namespace

// ---- ScopedRedisServer -------------------------------------------------------------------------------------------

ScopedRedisServer::ScopedRedisServer() = default;

ScopedRedisServer::~ScopedRedisServer()
{
    kill();
}

bool ScopedRedisServer::start(int port)
{
    kill();
    m_port = port > 0 ? port : freePort();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fo-fault-redis-XXXXXX"));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("redis-server"),
                     {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                      QStringLiteral("no"), QStringLiteral("--dir"), m_dir->path()});
    if (!m_process->waitForStarted(5000))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(10000)) {
        if (redisContext *context = redisOpen(m_port)) {
            auto *reply = static_cast<redisReply *>(redisCommand(context, "PING"));
            const bool ok = reply && reply->type == REDIS_REPLY_STATUS;
            if (reply)
                freeReplyObject(reply);
            redisFree(context);
            if (ok)
                return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
        QThread::msleep(50);
    }
    return false;
}

void ScopedRedisServer::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString ScopedRedisServer::get(const QString &key) const
{
    redisContext *context = redisOpen(m_port);
    if (!context)
        return QString();
    const QByteArray k = key.toUtf8();
    auto *reply = static_cast<redisReply *>(redisCommand(context, "GET %b", k.constData(), std::size_t(k.size())));
    QString value;
    if (reply && reply->type == REDIS_REPLY_STRING)
        value = reply->len ? QString::fromUtf8(reply->str, qsizetype(reply->len)) : QStringLiteral("");
    if (reply)
        freeReplyObject(reply);
    redisFree(context);
    return value;
}

long long ScopedRedisServer::ttl(const QString &key) const
{
    redisContext *context = redisOpen(m_port);
    if (!context)
        return -3;
    const QByteArray k = key.toUtf8();
    auto *reply = static_cast<redisReply *>(redisCommand(context, "TTL %b", k.constData(), std::size_t(k.size())));
    long long ttl = -3;
    if (reply && reply->type == REDIS_REPLY_INTEGER)
        ttl = reply->integer;
    if (reply)
        freeReplyObject(reply);
    redisFree(context);
    return ttl;
}

// ---- ScopedPgCluster ---------------------------------------------------------------------------------------------

ScopedPgCluster::ScopedPgCluster() = default;

ScopedPgCluster::~ScopedPgCluster()
{
    if (m_running)
        stop(QStringLiteral("immediate"), nullptr);
}

bool ScopedPgCluster::runAsOwner(const QString &program, const QStringList &args, int timeoutMs, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_runAs.isEmpty())
        process.start(program, args);
    else
        process.start(QStringLiteral("runuser"),
                      QStringList {QStringLiteral("-u"), m_runAs, QStringLiteral("--"), program} + args);
    const bool finished = process.waitForStarted(10000) && process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool ScopedPgCluster::init(QString *error)
{
    m_binDir = qEnvironmentVariable("FO_TEST_PG_BINDIR");
    m_runAs = qEnvironmentVariable("FO_TEST_PG_RUNAS");
    if (m_binDir.isEmpty() || !QFile::exists(m_binDir + QStringLiteral("/initdb"))) {
        if (error)
            *error = QStringLiteral("FO_TEST_PG_BINDIR is not set or holds no initdb: run the tests with "
                                    "scripts/test.sh");
        return false;
    }
    const QString parent = qEnvironmentVariable("FO_TEST_SERVICES_DIR", QDir::tempPath());
    m_dir = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/fo-fault-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory in ") + parent;
        return false;
    }
    QFile::setPermissions(m_dir->path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                              | QFileDevice::ExeOther);
    if (!m_runAs.isEmpty()) {
        QProcess chown;
        chown.start(QStringLiteral("chown"), {m_runAs + QLatin1Char(':'), m_dir->path()});
        chown.waitForFinished(10000);
    }
    QString output;
    if (!runAsOwner(m_binDir + QStringLiteral("/initdb"),
                    {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-U"),
                     QStringLiteral("postgres"), QStringLiteral("--auth=trust"), QStringLiteral("-E"),
                     QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
                    60000, &output)) {
        if (error)
            *error = QStringLiteral("initdb failed: ") + output;
        return false;
    }
    m_port = freePort();
    return m_port > 0;
}

bool ScopedPgCluster::start(QString *error)
{
    QString output;
    // fsync=off survives a crash of the server (the data is in the system's cache); synchronous_commit=off would
    // not (the last commits could vanish in a crash test), so it stays on.
    const QString options = QStringLiteral("-c port=%1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=%2 "
                                           "-c fsync=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir->path());
    if (!runAsOwner(m_binDir + QStringLiteral("/pg_ctl"),
                    {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-l"),
                     m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options, QStringLiteral("-w"),
                     QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                    70000, &output)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        if (error)
            *error = QStringLiteral("pg_ctl start failed: ") + output + QString::fromUtf8(log.readAll().right(2000));
        return false;
    }
    m_running = true;
    return true;
}

bool ScopedPgCluster::stop(const QString &mode, QString *error)
{
    QString output;
    const bool ok =
        runAsOwner(m_binDir + QStringLiteral("/pg_ctl"),
                   {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"), mode,
                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("stop")},
                   40000, &output);
    if (ok)
        m_running = false;
    else if (error)
        *error = QStringLiteral("pg_ctl stop failed: ") + output;
    return ok;
}

bool ScopedPgCluster::createDatabase(const QString &name, QString *error)
{
    const QString psql = m_binDir + QStringLiteral("/psql");
    const QStringList common = {
        QStringLiteral("-X"), QStringLiteral("-q"),        QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
        QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
        QStringLiteral("-U"), QStringLiteral("postgres")};
    for (const QStringList &args :
         {common
              + QStringList {QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"),
                             QStringLiteral("CREATE DATABASE \"%1\"").arg(name)},
          common
              + QStringList {QStringLiteral("-d"), name, QStringLiteral("-f"),
                             sourceDir() + QStringLiteral("/resources/schema/platform.sql")}}) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(psql, args);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            if (error)
                *error =
                    QStringLiteral("psql %1 failed: %2").arg(args.join(u' '), QString::fromUtf8(process.readAll()));
            return false;
        }
    }
    return true;
}

QMap<QString, QString> ScopedPgCluster::env(const QString &dbName) const
{
    return {
        {QStringLiteral("DB_ENGINE"), QStringLiteral("postgresql")},
        {QStringLiteral("DB_HOST"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("DB_PORT"), QString::number(m_port)},
        {QStringLiteral("DB_USER"), QStringLiteral("postgres")},
        {QStringLiteral("DB_PASSWORD"), QStringLiteral("unused-with-trust")},
        {QStringLiteral("DB_NAME"), dbName},
    };
}

} // namespace fo::test
