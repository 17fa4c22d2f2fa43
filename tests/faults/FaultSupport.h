#pragma once

// What the fault-injection tests share: the built tool as a process they can watch, stop and signal; a second
// session on the test database to find the tool's backend in pg_stat_activity and terminate it; a gate that holds
// the tool inside its write transaction; throwaway PostgreSQL and Redis servers that a test may stop or kill
// without disturbing the shared ones; and sockets that accept connections but never answer.
// The observer and the gate are in PgObserver.h, the throwaway servers in ScopedServers.h; this header
// includes both.

#include "tests/common/TestEnv.h"
#include "tests/faults/PgObserver.h"
#include "tests/faults/ScopedServers.h"

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

// A unique Redis key namespace for one test, so that parallel tests on the shared Redis never meet.
QString uniqueNamespace(const QString &test);

} // namespace fo::test
