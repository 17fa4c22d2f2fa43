#include "core/QueryInterrupt.h"

#include "core/Database.h"
#include "core/PgConnection.h"

#include <QLoggingCategory>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcInterrupt, "fo.core.interrupt")

namespace fo {

QueryInterrupt::~QueryInterrupt()
{
    if (m_cancel)
        PQfreeCancel(m_cancel);
}

void QueryInterrupt::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    QMutexLocker lock(&m_mutex);
    if (!m_cancel)
        return;
    // Sent while the worker cannot disarm (it waits for the mutex). PQcancel returns once the postmaster has
    // signalled the backend (a few milliseconds on a local connection), so the signal lands while the armed statement
    // runs, or while the backend waits for its next command, which ignores it: a later request's statement could only
    // meet it if that backend were not scheduled at all in between.
    char error[256] = {};
    if (!PQcancel(m_cancel, error, int(sizeof error)))
        qCWarning(lcInterrupt) << "could not ask the database to cancel the query:" << error;
}

QueryInterrupt::Armed::Armed(QueryInterrupt *interrupt, Database &db) : m_interrupt(interrupt)
{
    if (!m_interrupt)
        return;
    PGconn *conn = libpqConnection(db);
    PGcancel *cancel = conn ? PQgetCancel(conn) : nullptr;
    QMutexLocker lock(&m_interrupt->m_mutex);
    if (m_interrupt->m_cancel)
        PQfreeCancel(m_interrupt->m_cancel);
    m_interrupt->m_cancel = cancel;
}

QueryInterrupt::Armed::~Armed()
{
    if (!m_interrupt)
        return;
    QMutexLocker lock(&m_interrupt->m_mutex);
    if (m_interrupt->m_cancel)
        PQfreeCancel(m_interrupt->m_cancel);
    m_interrupt->m_cancel = nullptr;
}

} // namespace fo
