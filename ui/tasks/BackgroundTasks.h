#pragma once

#include "core/Config.h"
#include "core/History.h"
#include "core/IterationOpener.h"
#include "core/Pipeline.h"
#include "core/RunReport.h"
#include "ui/chart/ChartDataBuilder.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace fo {
class QueryInterrupt;
}

namespace fo::ui {

class QueryWorker;
class RunWorker;

// Owns the worker threads: one for runs (the core Pipeline), one for reading history, and one for opening a stored
// iteration (a QueryWorker with its own connection), so that opening an old iteration never waits behind a long run,
// and the window's other reads (the history list, the count behind a run's progress, a type's values) never wait
// behind an opening. Requests go to the workers by queued call; answers come back through the workers' signals. On
// destruction: cancel, requestInterruption(), quit(), wait() (STYLE.md 4).
class BackgroundTasks : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundTasks(QObject *parent = nullptr);
    ~BackgroundTasks() override;

    RunWorker *runWorker() const { return m_runWorker; }
    QueryWorker *queryWorker() const { return m_queryWorker; }
    // Where openIteration() runs; its answers (QueryWorker::openingProgress, iterationOpened) come from it.
    QueryWorker *openWorker() const { return m_openWorker; }

    // Each returns the ticket its answer will carry.
    quint64 startRun(const Config &config, const RunRequest &request);
    void cancelRun();
    bool isRunning() const { return m_running; }

    quint64 loadKnownEmails(const Config &config);
    quint64 loadIterations(const Config &config, const QString &email);
    quint64 loadRecordPresence(const Config &config, const QString &email);
    quint64 loadRecordCounts(const Config &config, const QString &email);
    // QueryWorker::openIteration(); `interrupt` stops it (the running statement included), as shutdown() does.
    quint64 openIteration(const Config &config, const QString &email, int iteration, int previousIteration,
                          const std::optional<TypeRef> &keep, const std::shared_ptr<QueryInterrupt> &interrupt);
    quint64 loadSeries(const Config &config, const QString &email, Source source, const TypeKey &type);
    // Connects the opening's worker ahead of the first opening (the history list is shown: one may follow).
    void prepareOpening(const Config &config);
    quint64 loadExactSketches(const Config &config, const RunReport &report, const QVector<TypeRef> &types);
    quint64 loadStoredText(const Config &config, const QString &email, Source source, const TypeKey &type);
    quint64 testConnection(const Config &config);
    quint64 buildChart(const ChartDataBuilder::Input &input);
    quint64 exportCsv(const Config &config, const RunReport &report, const QString &path, bool allPoints,
                      bool compared = false, const QVector<OutlierDiff> &diffs = {});

    // Stops both threads; safe to call twice.
    void shutdown();

private:
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThread m_runThread;
    QThread m_queryThread;
    QThread m_openThread;
    RunWorker *m_runWorker = nullptr;
    QueryWorker *m_queryWorker = nullptr;
    QueryWorker *m_openWorker = nullptr;
    quint64 m_nextTicket = 1;
    std::weak_ptr<QueryInterrupt> m_openInterrupt; // of the latest opening
    bool m_running = false;
};

} // namespace fo::ui
