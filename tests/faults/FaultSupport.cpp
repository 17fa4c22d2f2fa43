#include "tests/faults/FaultSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <arpa/inet.h>
#include <csignal>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fo::test {
namespace {

constexpr int RunLockClass = 0x666f7275; // the first key of RunLock's advisory lock ("foru")
constexpr qint64 GateLockKey = 0x666f5f6761746521LL; // "fo_gate!": the write gate's advisory lock

QProcessEnvironment cleanEnvironment(const QString &home, const QMap<QString, QString> &env)
{
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
    environment.insert(QStringLiteral("HOME"), env.value(QStringLiteral("HOME"), home));
    environment.insert(QStringLiteral("XDG_DATA_HOME"),
                       env.value(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share")));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

QString sqlQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

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

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString uniqueNamespace(const QString &test)
{
    return QStringLiteral("FO_FAULTS_%1_%2-").arg(test, QUuid::createUuid().toString(QUuid::Id128).left(12));
}

// ---- ToolProcess -------------------------------------------------------------------------------------------------

ToolProcess::ToolProcess() = default;

ToolProcess::~ToolProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        signal(SIGCONT); // a stopped process would not die from SIGKILL's point of view until reaped; be sure
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ToolProcess::start(const QStringList &args, const QMap<QString, QString> &env)
{
    const QString program = binaryPath();
    if (program.isEmpty()) {
        m_err = "[ToolProcess] FO_BINARY is not set: run the tests through ctest (fo_add_test sets it)\n";
        return false;
    }
    m_home = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fo-fault-home-XXXXXX"));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(cleanEnvironment(m_home->path(), env));
    m_process->setProgram(program);
    m_process->setArguments(args);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] { drain(); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] { drain(); });
    m_timer.start();
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_err += "[ToolProcess] could not start " + program.toUtf8() + ": " + m_process->errorString().toUtf8() + '\n';
        return false;
    }
    m_process->closeWriteChannel();
    return true;
}

void ToolProcess::drain()
{
    if (!m_process)
        return;
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
}

qint64 ToolProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool ToolProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool ToolProcess::signal(int signalNumber) const
{
    const qint64 id = pid();
    return id > 0 && ::kill(pid_t(id), signalNumber) == 0;
}

bool ToolProcess::waitForStderr(const QByteArray &text, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_err.contains(text)) {
        if (!isRunning() || timer.hasExpired(timeoutMs)) {
            drain();
            return m_err.contains(text);
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        m_process->waitForReadyRead(20);
        drain();
    }
    return true;
}

bool ToolProcess::waitForFinished(int timeoutMs)
{
    if (!m_process)
        return false;
    if (m_process->state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    if (m_process->state() != QProcess::NotRunning) {
        signal(SIGCONT);
        m_process->kill();
        m_process->waitForFinished(5000);
        drain();
        m_err += "[ToolProcess] killed after " + QByteArray::number(timeoutMs) + " ms without finishing\n";
        return false;
    }
    drain();
    return true;
}

int ToolProcess::exitCode() const
{
    if (!m_process || m_process->state() != QProcess::NotRunning || m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}

bool ToolProcess::exitedNormally() const
{
    return m_process && m_process->state() == QProcess::NotRunning && m_process->exitStatus() == QProcess::NormalExit;
}

QByteArray ToolProcess::commandLine() const
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray ToolProcess::describe() const
{
    return "exit code " + QByteArray::number(exitCode()) + "\n--- stdout:\n" + m_out + "\n--- stderr:\n" + m_err;
}

ToolResult runToolTimed(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs, qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    ToolResult result = runTool(args, env, timeoutMs);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return result;
}

QMap<QString, QString> toolEnv(const QString &dbName, const QMap<QString, QString> &extra)
{
    QMap<QString, QString> env = pgEnv(dbName);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

bool createOwnTables(const QMap<QString, QString> &env, QString *error)
{
    const ToolResult result =
        runTool({QStringLiteral("--email"), QStringLiteral("schema.probe@example.com"), QStringLiteral("--no-notify")},
                env, 60000);
    if (result.exitCode == 0)
        return true;
    if (error)
        *error = QStringLiteral("the run that creates find-outliers' tables failed (exit %1): %2")
                     .arg(result.exitCode)
                     .arg(QString::fromUtf8(result.err));
    return false;
}

// ---- PgObserver --------------------------------------------------------------------------------------------------

PgObserver::PgObserver(const QString &dbName)
{
    const auto server = pgServer();
    if (!server) {
        m_lastError = QStringLiteral("FO_TEST_PG_* is not set");
        return;
    }
    open(server->host, server->port, server->user, server->password, dbName);
}

PgObserver::PgObserver(const QString &host, int port, const QString &user, const QString &password,
                       const QString &dbName)
{
    open(host, port, user, password, dbName);
}

void PgObserver::open(const QString &host, int port, const QString &user, const QString &password,
                      const QString &dbName)
{
    m_connection = QStringLiteral("fo-fault-observer-") + QUuid::createUuid().toString(QUuid::Id128);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    m_db.setHostName(host);
    m_db.setPort(port);
    m_db.setUserName(user);
    m_db.setPassword(password);
    m_db.setDatabaseName(dbName);
    m_db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=fo-fault-observer"));
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
        return;
    }
    exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    exec(QStringLiteral("SET client_min_messages TO warning")); // no NOTICE from DROP ... IF EXISTS
}

PgObserver::~PgObserver()
{
    if (m_connection.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool PgObserver::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_lastError = sql.left(200) + QStringLiteral(": ") + query.lastError().text();
    qWarning().noquote() << "observer:" << m_lastError;
    return false;
}

qint64 PgObserver::count(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next()) {
        m_lastError = sql.left(200) + QStringLiteral(": ") + query.lastError().text();
        qWarning().noquote() << "observer:" << m_lastError;
        return -1;
    }
    return query.value(0).toLongLong();
}

int PgObserver::waitForToolBackend(const QString &condition, int timeoutMs, int pollMs)
{
    QSqlQuery query(m_db);
    const QString sql = QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                                       "application_name = 'find-outliers' AND pid <> pg_backend_pid() AND (%1) "
                                       "LIMIT 1")
                            .arg(condition);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return -1;
    }
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(timeoutMs)) {
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return -1;
        }
        if (query.next())
            return query.value(0).toInt();
        QCoreApplication::processEvents(); // keep stubs of this thread answering
        if (pollMs > 0)
            QThread::msleep(pollMs);
    }
    return -1;
}

bool PgObserver::backendMatches(int pid, const QString &condition)
{
    return count(
               QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %1 AND (%2)").arg(pid).arg(condition))
        == 1;
}

bool PgObserver::waitForBackendGone(int pid, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(timeoutMs)) {
        if (count(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %1").arg(pid)) == 0)
            return true;
        QThread::msleep(20);
        QCoreApplication::processEvents();
    }
    return false;
}

bool PgObserver::terminate(int pid)
{
    return count(QStringLiteral("SELECT CASE WHEN pg_terminate_backend(%1) THEN 1 ELSE 0 END").arg(pid)) == 1;
}

bool PgObserver::lockRun(const QString &email)
{
    return count(QStringLiteral("SELECT CASE WHEN pg_try_advisory_lock(%1, hashtext(%2)) THEN 1 ELSE 0 END")
                     .arg(RunLockClass)
                     .arg(sqlQuote(email)))
        == 1;
}

bool PgObserver::unlockRun(const QString &email)
{
    return count(QStringLiteral("SELECT CASE WHEN pg_advisory_unlock(%1, hashtext(%2)) THEN 1 ELSE 0 END")
                     .arg(RunLockClass)
                     .arg(sqlQuote(email)))
        == 1;
}

// ---- WriteGate ---------------------------------------------------------------------------------------------------

WriteGate::WriteGate(PgObserver &observer) : m_observer(observer) { }

WriteGate::~WriteGate()
{
    if (!m_observer.isOpen())
        return;
    if (m_closed)
        open();
    if (m_installed)
        m_observer.exec(QStringLiteral("DROP TRIGGER IF EXISTS fo_fault_gate ON find_outliers_run_types"));
}

bool WriteGate::install()
{
    m_installed = m_observer.exec(QStringLiteral("CREATE OR REPLACE FUNCTION fo_fault_gate() RETURNS trigger "
                                                 "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(%1); "
                                                 "RETURN NULL; END $$")
                                      .arg(GateLockKey))
        && m_observer.exec(QStringLiteral("DROP TRIGGER IF EXISTS fo_fault_gate ON find_outliers_run_types"))
        && m_observer.exec(QStringLiteral("CREATE TRIGGER fo_fault_gate BEFORE INSERT ON find_outliers_run_types "
                                          "FOR EACH STATEMENT EXECUTE FUNCTION fo_fault_gate()"));
    return m_installed;
}

bool WriteGate::close()
{
    m_closed = m_observer.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(GateLockKey));
    return m_closed;
}

bool WriteGate::open()
{
    if (!m_closed)
        return true;
    m_closed = !m_observer.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(GateLockKey));
    return !m_closed;
}

int WriteGate::waitForToolAtGate(int timeoutMs)
{
    // The tool's statement shows as "EXECUTE qpsqlpstmt_N (...)" (QPSQL prepares with SQL PREPARE), so it is
    // recognised by what it waits for: the tool itself takes no blocking advisory lock.
    return m_observer.waitForToolBackend(QStringLiteral("wait_event_type = 'Lock' AND wait_event = 'advisory'"),
                                         timeoutMs);
}

// ---- Reads ---------------------------------------------------------------------------------------------------------

QString readingCondition(const QString &table)
{
    // The COPY read shows its SQL; the QtSql read shows "EXECUTE qpsqlpstmt_N ('<email>')", like every other
    // statement the tool prepares. A candidate is confirmed by its waiting to send rows (ClientWrite).
    return QStringLiteral("state = 'active' AND (query ILIKE '%FROM %1 WHERE email%' OR query ILIKE 'EXECUTE %')")
        .arg(table);
}

int catchToolMidRead(ToolProcess &tool, PgObserver &observer, const QString &table, int timeoutMs)
{
    const QString reading = readingCondition(table);
    QElapsedTimer total;
    total.start();
    while (!total.hasExpired(timeoutMs) && tool.isRunning()) {
        const int pid = observer.waitForToolBackend(reading, int(std::max<qint64>(1, timeoutMs - total.elapsed())), 0);
        if (pid < 0)
            return -1;
        tool.signal(SIGSTOP);
        // The tool no longer reads its socket: once the buffers are full, the server waits to send.
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(5000)) {
            if (observer.backendMatches(pid, reading + QStringLiteral(" AND wait_event = 'ClientWrite'")))
                return pid;
            if (!observer.backendMatches(pid, reading))
                break; // a short statement, or the read ended before the tool stopped
            QThread::msleep(5);
        }
        tool.signal(SIGCONT);
    }
    return -1;
}

bool insertBigUser(PgObserver &observer, const QString &email, int rows)
{
    return observer.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                        "SELECT 'HeartRateRecord', %1, TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 "
                                        "minute', (60 + g % 40)::text || '.' || repeat('0', 80) "
                                        "FROM generate_series(1, %2) AS g")
                             .arg(sqlQuote(email))
                             .arg(rows));
}

bool insertSmallUser(PgObserver &observer, const QString &email, const QString &dataType)
{
    const QString e = sqlQuote(email);
    const QString t = sqlQuote(dataType);
    return observer.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                        "SELECT %1, %2, TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 hour', "
                                        "(60 + g % 4)::text FROM generate_series(1, 30) AS g")
                             .arg(t, e))
        && observer.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                        "VALUES (%1, %2, '2026-02-01T00:00:00Z', '190')")
                             .arg(t, e))
        && observer.exec(QStringLiteral("INSERT INTO processed_records (data_type, email, time, value) "
                                        "SELECT 'StepsRecord', %1, TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 day', "
                                        "(9000 + 25 * (g % 5))::text FROM generate_series(1, 30) AS g")
                             .arg(e))
        && observer.exec(QStringLiteral("INSERT INTO processed_records (data_type, email, time, value) "
                                        "VALUES ('StepsRecord', %1, '2026-02-01T00:00:00Z', '40000')")
                             .arg(e));
}

// ---- SilentServer ------------------------------------------------------------------------------------------------

SilentServer::SilentServer()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_fd, 64) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
}

SilentServer::~SilentServer()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

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
