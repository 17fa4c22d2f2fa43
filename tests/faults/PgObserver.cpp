#include "tests/faults/PgObserver.h"

#include "tests/faults/FaultSupport.h"

#include <QCoreApplication>
#include <QDebug>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <csignal>

namespace fo::test {
namespace {

constexpr int RunLockClass = 0x666f7275; // the first key of RunLock's advisory lock ("foru")
constexpr qint64 GateLockKey = 0x666f5f6761746521LL; // "fo_gate!": the write gate's advisory lock

QString sqlQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

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

} // namespace fo::test
