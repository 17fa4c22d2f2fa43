#include "ui/history/HistoryController.h"

#include "core/Email.h"
#include "ui/history/HistoryPanel.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

namespace fo::ui {

HistoryController::HistoryController(BackgroundTasks *tasks, HistoryPanel *panel, ConfigSource config, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_panel(panel), m_config(std::move(config))
{
    QueryWorker *query = m_tasks->queryWorker();
    connect(query, &QueryWorker::iterationsLoaded, this,
            [this](const QString &email, const QVector<IterationInfo> &list,
                   const QHash<int, RunThresholds> &thresholds, const QString &error, quint64 ticket) {
                if (ticket != m_iterationsTicket)
                    return;
                if (!error.isEmpty() && list.isEmpty()) {
                    m_panel->clear();
                    m_panel->setMessage(tr("Cannot read the stored iterations: %1").arg(error));
                    return;
                }
                m_panel->setIterations(email, list, thresholds);
                Q_EMIT iterationsShown();
            });
    connect(query, &QueryWorker::comparisonProgress, this, [this](const QString &stage, quint64 ticket) {
        if (ticket == m_comparisonTicket && ticket != 0)
            Q_EMIT openingProgress(stage);
    });
    connect(query, &QueryWorker::comparisonLoaded, this,
            [this](const RunReport &current, const RunReport &previous, bool hasPrevious,
                   const QVector<OutlierDiff> &diffs, const QString &error, quint64 ticket) {
                if (ticket != m_comparisonTicket)
                    return;
                m_comparisonTicket = 0;
                if (!error.isEmpty() && current.email.isEmpty()) {
                    Q_EMIT comparisonFailed(tr("Cannot open the iteration: %1").arg(error));
                    return;
                }
                const QString warning = error.isEmpty()
                    ? QString()
                    : tr("The previous iteration could not be loaded for the comparison: %1").arg(error);
                Q_EMIT comparisonReady(current, previous, hasPrevious, diffs, warning);
            });
}

void HistoryController::cancelOpening()
{
    m_comparisonTicket = 0;
}

void HistoryController::loadIterations(const QString &email)
{
    if (!isValidEmail(email)) {
        m_panel->clear();
        return;
    }
    m_panel->setMessage(tr("Reading the stored iterations of %1…").arg(email));
    m_iterationsTicket = m_tasks->loadIterations(m_config(), email);
}

bool HistoryController::openIteration(const QString &email, int iteration)
{
    if (!isValidEmail(email))
        return false;
    // The panel's list already says which iteration comes before: the worker need not read the list again.
    const int previous = m_panel->email() == email ? m_panel->previousIterationOf(iteration) : -1;
    m_comparisonTicket = m_tasks->loadComparison(m_config(), email, iteration, previous);
    return true;
}

} // namespace fo::ui
