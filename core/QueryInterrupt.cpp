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
    // Sent while the worker cannot disarm (it waits for the mutex): the request reaches the server while the armed
    // statement runs or just after it ended, never during a later request's statement. PQcancel waits for the
    // postmaster to take the request, a few milliseconds on a local connection.
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
