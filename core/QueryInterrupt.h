#pragma once

#include <QMutex>

#include <atomic>

struct pg_cancel; // libpq's PGcancel

namespace fo {

class Database;

// Stops a piece of database work from another thread (STYLE.md 6, with the server's help). The worker polls
// isInterrupted() between its steps and batches; while an Armed guard lives on its thread, interrupt() also asks
// PostgreSQL to cancel the statement running on that connection (libpq's PQcancel: QtSql's QPSQL driver in Qt 6.4
// does not implement QSqlDriver::cancelQuery(), so the driver's libpq handle is used), so that a long query ends in
// milliseconds instead of running to its end on the worker while the next request waits behind it.
//
// One object per request: interrupt() after the request has ended (or before its first statement) sends nothing to
// the server, so that it does not cancel a later request's statement on the same connection. Thread-safe.
class QueryInterrupt
{
public:
    QueryInterrupt() = default;
    ~QueryInterrupt();
    QueryInterrupt(const QueryInterrupt &) = delete;
    QueryInterrupt &operator=(const QueryInterrupt &) = delete;

    // Any thread. Idempotent.
    void interrupt();
    bool isInterrupted() const { return m_interrupted.load(std::memory_order_acquire); }

    // On the thread that owns `db`, around the statements that interrupt() may cancel on the server. Nothing is
    // armed for a connection that is not PostgreSQL (SQLite: only the polling stops the work).
    class Armed
    {
    public:
        Armed(QueryInterrupt *interrupt, Database &db);
        ~Armed();
        Armed(const Armed &) = delete;
        Armed &operator=(const Armed &) = delete;

    private:
        QueryInterrupt *m_interrupt;
    };

private:
    std::atomic_bool m_interrupted {false};
    QMutex m_mutex; // guards m_cancel
    pg_cancel *m_cancel = nullptr;
};

} // namespace fo
