#pragma once

#include "core/Config.h"
#include "core/Pipeline.h"
#include "core/RunReport.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace fo::ui {

// Lives on the run thread (STYLE.md 4). run() calls the same core Pipeline as the headless tool; the pipeline opens
// its own database connection, Redis connection and network manager on this thread. Progress, warnings and the
// report go back to the GUI thread by queued signal.
class RunWorker : public QObject
{
    Q_OBJECT

public:
    explicit RunWorker(std::shared_ptr<std::atomic_bool> cancel, QObject *parent = nullptr);

    // Called on the worker's thread (queued from BackgroundTasks).
    void run(const fo::Config &config, const fo::RunRequest &request, quint64 ticket);

Q_SIGNALS:
    void progress(const fo::ProgressUpdate &update, quint64 ticket);
    void warning(const QString &message, quint64 ticket);
    void finished(const fo::RunReport &report, quint64 ticket);

private:
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace fo::ui
