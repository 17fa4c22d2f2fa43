#include "ui/tasks/BackgroundTasks.h"

#include "core/QueryInterrupt.h"
#include "ui/tasks/QueryWorker.h"
#include "ui/tasks/RunWorker.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace fo::ui {

namespace {

// Called on a worker thread: its work yields the CPU to the GUI thread. That matters beyond the GUI thread itself:
// while it paints, Qt's raster engine hands large fills to the threads of QThreadPool::globalInstance() and waits for
// them, so a busy worker at the same priority can stall a paint for a whole scheduler slice. QThread priorities do
// nothing for normal threads on Linux, where the thread's nice value is raised instead.
void yieldToTheGuiThread()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

} // namespace

BackgroundTasks::BackgroundTasks(QObject *parent) : QObject(parent), m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_runThread.setObjectName(QStringLiteral("fo-run"));
    m_queryThread.setObjectName(QStringLiteral("fo-query"));
    m_openThread.setObjectName(QStringLiteral("fo-open"));

    m_runWorker = new RunWorker(m_cancel);
    m_runWorker->moveToThread(&m_runThread);
    connect(&m_runThread, &QThread::finished, m_runWorker, &QObject::deleteLater);
    connect(m_runWorker, &RunWorker::finished, this, [this] { m_running = false; });

    m_queryWorker = new QueryWorker;
    m_queryWorker->moveToThread(&m_queryThread);
    connect(&m_queryThread, &QThread::finished, m_queryWorker, &QObject::deleteLater);

    m_openWorker = new QueryWorker;
    m_openWorker->moveToThread(&m_openThread);
    connect(&m_openThread, &QThread::finished, m_openWorker, &QObject::deleteLater);

    m_runThread.start(QThread::LowPriority);
    m_queryThread.start(QThread::LowPriority);
    // Not lowered: the operator waits for an opening, which is short, and its reading keeps pace with the
    // database server only at the server's priority (at nice 10 on a busy machine, 3M rows took 0.2 s longer).
    m_openThread.start();
    for (QObject *worker : std::initializer_list<QObject *> {m_runWorker, m_queryWorker})
        QMetaObject::invokeMethod(worker, &yieldToTheGuiThread, Qt::QueuedConnection);
}

BackgroundTasks::~BackgroundTasks()
{
    shutdown();
}

void BackgroundTasks::shutdown()
{
    m_cancel->store(true);
    if (const std::shared_ptr<QueryInterrupt> opening = m_openInterrupt.lock())
        opening->interrupt();
    for (QThread *thread : {&m_runThread, &m_queryThread, &m_openThread}) {
        if (!thread->isRunning())
            continue;
        thread->requestInterruption();
        thread->quit();
        thread->wait();
    }
}

quint64 BackgroundTasks::startRun(const Config &config, const RunRequest &request)
{
    const quint64 ticket = m_nextTicket++;
    m_cancel->store(false);
    m_running = true;
    RunWorker *worker = m_runWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, request, ticket] { worker->run(config, request, ticket); }, Qt::QueuedConnection);
    return ticket;
}

void BackgroundTasks::cancelRun()
{
    m_cancel->store(true);
}

quint64 BackgroundTasks::loadKnownEmails(const Config &config)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, ticket] { worker->knownEmails(config, ticket); }, Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::loadIterations(const Config &config, const QString &email)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, email, ticket] { worker->iterations(config, email, ticket); }, Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::loadRecordPresence(const Config &config, const QString &email)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, email, ticket] { worker->recordPresence(config, email, ticket); },
        Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::loadRecordCounts(const Config &config, const QString &email)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, email, ticket] { worker->recordCounts(config, email, ticket); }, Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::openIteration(const Config &config, const QString &email, int iteration, int previousIteration,
                                       const std::optional<TypeRef> &keep,
                                       const std::shared_ptr<QueryInterrupt> &interrupt)
{
    const quint64 ticket = m_nextTicket++;
    m_openInterrupt = interrupt;
    QueryWorker *worker = m_openWorker;
    QMetaObject::invokeMethod(
        worker,
        [worker, config, email, iteration, previousIteration, keep, interrupt, ticket] {
            worker->openIteration(config, email, iteration, previousIteration, keep, interrupt, ticket);
        },
        Qt::QueuedConnection);
    return ticket;
}

void BackgroundTasks::prepareOpening(const Config &config)
{
    QueryWorker *worker = m_openWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config] { worker->connectNow(config); }, Qt::QueuedConnection);
}

quint64 BackgroundTasks::loadExactSketches(const Config &config, const RunReport &report, const QVector<TypeRef> &types)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, report, types, ticket] { worker->exactSketches(config, report, types, ticket); },
        Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::loadStoredText(const Config &config, const QString &email, Source source, const TypeKey &type)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker,
        [worker, config, email, source, type, ticket] { worker->storedText(config, email, source, type, ticket); },
        Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::loadSeries(const Config &config, const QString &email, Source source, const TypeKey &type)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, email, source, type, ticket] { worker->series(config, email, source, type, ticket); },
        Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::testConnection(const Config &config)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, config, ticket] { worker->testConnection(config, ticket); }, Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::buildChart(const ChartDataBuilder::Input &input)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker, [worker, input, ticket] { worker->buildChart(input, ticket); }, Qt::QueuedConnection);
    return ticket;
}

quint64 BackgroundTasks::exportCsv(const Config &config, const RunReport &report, const QString &path, bool allPoints,
                                   bool compared, const QVector<OutlierDiff> &diffs)
{
    const quint64 ticket = m_nextTicket++;
    QueryWorker *worker = m_queryWorker;
    QMetaObject::invokeMethod(
        worker,
        [worker, config, report, path, allPoints, compared, diffs, ticket] {
            worker->exportCsv(config, report, path, allPoints, compared, diffs, ticket);
        },
        Qt::QueuedConnection);
    return ticket;
}

} // namespace fo::ui
