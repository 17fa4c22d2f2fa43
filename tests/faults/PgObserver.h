#pragma once

// A second session on the test database (PgObserver): it finds the tool's backend in pg_stat_activity and
// terminates it; a gate that holds the tool inside its write transaction; catching the tool mid-read; and the
// users that the fault tests insert. Included by FaultSupport.h.

#include <QSqlDatabase>
#include <QString>

namespace fo::test {

class ToolProcess;

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

} // namespace fo::test
