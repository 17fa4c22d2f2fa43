#pragma once

// What the fault-injection tests share: the built tool as a process they can watch, stop and signal; a second
// session on the test database to find the tool's backend in pg_stat_activity and terminate it; a gate that holds
// the tool inside its write transaction; throwaway PostgreSQL and Redis servers that a test may stop or kill
// without disturbing the shared ones; and sockets that accept connections but never answer.

#include "tests/common/TestEnv.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace fo::test {

// A free TCP port on 127.0.0.1 (nothing listens there once this returns); 0 on failure.
int freePort();

// The built tool, started with the same clean environment as runTool() (PATH, LANG, TZ, a fresh HOME, the
// sanitizer options, then `env`), and returned at once so that the test can act while it runs. Waiting spins a
// local event loop, so that an HttpStub of the calling thread keeps answering.
class ToolProcess
{
public:
    ToolProcess();
    ~ToolProcess(); // kills the process if it still runs

    bool start(const QStringList &args, const QMap<QString, QString> &env);
    qint64 pid() const;
    bool isRunning() const;

    // Sends a signal to the process (SIGTERM, SIGSTOP, SIGCONT, SIGKILL, ...).
    bool signal(int signalNumber) const;

    // Waits until standard error contains `text` (or the process ends, or the time is up).
    bool waitForStderr(const QByteArray &text, int timeoutMs);
    // Waits for the process to end; kills it and returns false after timeoutMs.
    bool waitForFinished(int timeoutMs);

    // What the process printed so far, and how it ended (valid after waitForFinished()).
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }
    int exitCode() const; // -1 when it crashed, was killed or has not ended
    bool exitedNormally() const;
    qint64 elapsedMs() const { return m_timer.elapsed(); }

    // /proc/<pid>/cmdline of the running process (arguments separated by NUL bytes).
    QByteArray commandLine() const;

    // For QVERIFY2 messages: exit code and both outputs.
    QByteArray describe() const;

private:
    void drain();

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    QElapsedTimer m_timer;
};

// The same, run to its end: args, environment, and the time limit (the process is killed after it).
ToolResult runToolTimed(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs, qint64 *elapsedMs);

// pgEnv(dbName) plus `extra`.
QMap<QString, QString> toolEnv(const QString &dbName, const QMap<QString, QString> &extra = {});

// Runs the tool once for schema.probe@example.com (no records, no notification), which creates find-outliers' own
// tables (find_outliers_runs, find_outliers_run_types) in the database, so that a test can put a trigger on them before
// the run it hurts.
bool createOwnTables(const QMap<QString, QString> &env, QString *error);

// A second session on a test database, opened by the test: it watches the tool's backend in pg_stat_activity,
// terminates it, holds locks, and counts what was stored.
class PgObserver
{
public:
    // The test database on the shared server.
    explicit PgObserver(const QString &dbName);
    // Any server: host, port, user, password, database.
    PgObserver(const QString &host, int port, const QString &user, const QString &password, const QString &dbName);
    ~PgObserver();

    bool isOpen() const { return m_db.isOpen(); }
    QString lastError() const { return m_lastError; }
    QSqlDatabase &db() { return m_db; }

    bool exec(const QString &sql);
    qint64 count(const QString &sql); // the first column of the first row; -1 on failure

    // The pid of a find-outliers backend (application_name 'find-outliers') in this database whose row in
    // pg_stat_activity matches `condition` (SQL over pg_stat_activity's columns); -1 when none does within
    // timeoutMs. Polls every pollMs; 0 polls without pausing, to catch a statement that lasts a fraction of a second.
    int waitForToolBackend(const QString &condition, int timeoutMs, int pollMs = 10);
    // True when the condition holds for that backend now.
    bool backendMatches(int pid, const QString &condition);
    // Waits until the backend has left pg_stat_activity.
    bool waitForBackendGone(int pid, int timeoutMs);
    // pg_terminate_backend(pid): the fault that a DBA, a failover or an OOM kill causes.
    bool terminate(int pid);

    // The same run lock the tool takes for an email (RunLock: pg_try_advisory_lock(0x666f7275, hashtext(email))).
    bool lockRun(const QString &email);
    bool unlockRun(const QString &email);

private:
    void open(const QString &host, int port, const QString &user, const QString &password, const QString &dbName);

    QString m_connection;
    QSqlDatabase m_db;
    QString m_lastError;
};

// Holds the tool inside its write transaction: a statement trigger on find_outliers_run_types takes an advisory
// lock that the observer's session holds while the gate is closed. The tool has then already inserted its
// outlier rows (uncommitted) and waits; the test injects its fault, then opens the gate.
class WriteGate
{
public:
    explicit WriteGate(PgObserver &observer);
    ~WriteGate(); // opens the gate and removes the trigger

    bool install(); // needs find-outliers' own tables (createOwnTables)
    bool close(); // later writes block
    bool open(); // they go on
    // The pid of the tool's backend once it waits at the gate; -1 after timeoutMs.
    int waitForToolAtGate(int timeoutMs);

private:
    PgObserver &m_observer;
    bool m_closed = false;
    bool m_installed = false;
};

// The condition (for PgObserver) of a tool backend that is streaming the records of `table` to the tool.
QString readingCondition(const QString &table);

// Catches the tool in the middle of reading `table`: waits for its backend to run the read, stops the tool
// (SIGSTOP) so that the server blocks while sending rows (wait_event ClientWrite), and returns the backend's pid.
// The tool stays stopped: inject the fault, then send SIGCONT. Returns -1 (with the tool running again) when the
// read ended before it could be caught; the table must hold enough data (tens of MB) for this not to happen.
int catchToolMidRead(ToolProcess &tool, PgObserver &observer, const QString &table, int timeoutMs);

// Inserts `rows` raw records of one email in one statement with generate_series: values about 60..100 with long
// decimal tails (about 100 bytes a row), so that reading them takes a while and cannot sit in socket buffers.
bool insertBigUser(PgObserver &observer, const QString &email, int rows);

// Inserts a small, ordinary user: `normal` heart rates around 60 and one spike in raw_records, and steps with one
// spike in processed_records. Returns false on failure.
bool insertSmallUser(PgObserver &observer, const QString &email,
                     const QString &dataType = QStringLiteral("HeartRateRecord"));

// A listening TCP socket on 127.0.0.1 that never accepts and never answers: a hung server, a firewall that
// drops. The kernel completes the handshake, so a client's connect succeeds and its first read waits.
class SilentServer
{
public:
    SilentServer();
    ~SilentServer();
    bool isListening() const { return m_fd >= 0; }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

// A Redis server of the test's own, on a free port (or the given one), that the test may kill.
class ScopedRedisServer
{
public:
    ScopedRedisServer();
    ~ScopedRedisServer();

    bool start(int port = 0);
    void kill(); // SIGKILL, as the OOM killer or a crashed node would
    int port() const { return m_port; }

    // GET key (null QString when missing or unreachable) and TTL key (-2 missing, -1 no expiry, -3 on failure).
    QString get(const QString &key) const;
    long long ttl(const QString &key) const;

private:
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
};

// A PostgreSQL cluster of the test's own (initdb, trust authentication), in a temporary directory, on a free
// port, which the test may stop, crash and restart. Uses FO_TEST_PG_BINDIR and FO_TEST_PG_RUNAS from
// scripts/test-services.sh.
class ScopedPgCluster
{
public:
    ScopedPgCluster();
    ~ScopedPgCluster(); // stops it (immediate) and removes its files

    bool init(QString *error);
    bool start(QString *error);
    bool stop(const QString &mode, QString *error); // "fast" or "immediate"
    int port() const { return m_port; }

    // Creates a database with the platform's schema (resources/schema/platform.sql) with psql.
    bool createDatabase(const QString &name, QString *error);
    // The tool's environment for a database of this cluster (the password is not checked: trust).
    QMap<QString, QString> env(const QString &dbName) const;

private:
    bool runAsOwner(const QString &program, const QStringList &args, int timeoutMs, QString *output);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_runAs;
    int m_port = 0;
    bool m_running = false;
};

// A unique Redis key namespace for one test, so that parallel tests on the shared Redis never meet.
QString uniqueNamespace(const QString &test);

} // namespace fo::test
