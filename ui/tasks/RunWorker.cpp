#include "ui/tasks/RunWorker.h"

#include "ui/shell/UiLog.h"

#include <QElapsedTimer>
#include <QThread>

#include <optional>

namespace fo::ui {

RunWorker::RunWorker(std::shared_ptr<std::atomic_bool> cancel, QObject *parent)
    : QObject(parent), m_cancel(std::move(cancel))
{ }

void RunWorker::run(const Config &config, const RunRequest &request, quint64 ticket)
{
    Pipeline pipeline(config);
    pipeline.setCancelFlag(m_cancel.get());

    // Progress is throttled: a stage change always goes through, counts at most every 50 ms, so that a run over
    // millions of rows does not flood the GUI thread's event queue. A stage's last count is never dropped: the one held
    // back goes out before the next stage (a reading that took under 50 ms showed "0 of 3,180 rows" and moved on).
    QElapsedTimer sinceLast;
    sinceLast.start();
    Stage lastStage = Stage::Done;
    bool first = true;
    std::optional<ProgressUpdate> heldBack;
    pipeline.setProgressCallback([&](const ProgressUpdate &update) {
        if (QThread::currentThread()->isInterruptionRequested())
            m_cancel->store(true);
        if (!first && update.stage == lastStage && sinceLast.elapsed() < 50) {
            heldBack = update;
            return;
        }
        if (heldBack && heldBack->stage != update.stage)
            Q_EMIT progress(*heldBack, ticket);
        heldBack.reset();
        first = false;
        lastStage = update.stage;
        sinceLast.restart();
        Q_EMIT progress(update, ticket);
    });
    pipeline.setWarningCallback([this, ticket](const QString &message) { Q_EMIT warning(message, ticket); });

    qCInfo(lcUiRun) << "run started for" << request.email << (request.dryRun ? "(dry run)" : "");
    RunReport report = pipeline.run(request);
    qCInfo(lcUiRun) << "run finished:" << statusName(report.status);
    Q_EMIT finished(report, ticket);
}

} // namespace fo::ui
