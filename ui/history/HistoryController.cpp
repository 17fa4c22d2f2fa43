#include "ui/history/HistoryController.h"

#include "core/Email.h"
#include "core/QueryInterrupt.h"
#include "ui/history/HistoryPanel.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QLocale>

#include <algorithm>

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
                if (!list.isEmpty())
                    m_tasks->prepareOpening(m_config());
                Q_EMIT iterationsShown();
            });
    QueryWorker *opener = m_tasks->openWorker();
    connect(opener, &QueryWorker::openingProgress, this,
            [this](int stage, qint64 done, qint64 expected, quint64 ticket) {
                if (ticket != m_comparisonTicket || ticket == 0)
                    return;
                const QLocale locale;
                switch (OpenRequest::Stage(stage)) {
                case OpenRequest::Stage::ReadingRuns:
                    Q_EMIT openingProgress(m_openingPrevious > 0 ? tr("Reading iteration #%1 and #%2, the one before…")
                                                                       .arg(m_openingIteration)
                                                                       .arg(m_openingPrevious)
                                                                 : tr("Reading iteration #%1…").arg(m_openingIteration),
                                           -1);
                    break;
                case OpenRequest::Stage::ReadingRecords: {
                    const int percent = expected > 0 ? int(std::min<qint64>(99, done * 100 / expected)) : -1;
                    Q_EMIT openingProgress(tr("Reading the outliers and the values to chart: %1 of about %2 rows")
                                               .arg(locale.toString(done), locale.toString(std::max(done, expected))),
                                           percent);
                    break;
                }
                case OpenRequest::Stage::Comparing:
                    Q_EMIT openingProgress(tr("Comparing…"), -1);
                    break;
                case OpenRequest::Stage::ReadingType: {
                    const int percent = expected > 0 ? int(std::min<qint64>(99, done * 100 / expected)) : -1;
                    Q_EMIT openingProgress(
                        tr("Reading every value of the type shown first: %1 rows").arg(locale.toString(done)), percent);
                    break;
                }
                }
            });
    connect(opener, &QueryWorker::iterationOpened, this,
            [this](bool interrupted, const RunReport &current, const RunReport &previous, bool hasPrevious,
                   const QVector<OutlierDiff> &diffs, const OpenedValues &values, const QString &previousError,
                   const QString &error, quint64 ticket) {
                if (ticket != m_comparisonTicket)
                    return;
                m_comparisonTicket = 0;
                m_interrupt.reset();
                if (interrupted)
                    return; // cancelled: the window has gone back to what it showed
                if (!error.isEmpty()) {
                    Q_EMIT comparisonFailed(tr("Cannot open the iteration: %1").arg(error));
                    return;
                }
                const QString warning = previousError.isEmpty()
                    ? QString()
                    : tr("The previous iteration could not be loaded for the comparison: %1").arg(previousError);
                Q_EMIT comparisonReady(current, previous, hasPrevious, diffs, warning, values);
            });
}

void HistoryController::cancelOpening()
{
    m_comparisonTicket = 0;
    if (m_interrupt)
        m_interrupt->interrupt();
    m_interrupt.reset();
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

bool HistoryController::openIteration(const QString &email, int iteration, const std::optional<TypeRef> &keep)
{
    if (!isValidEmail(email))
        return false;
    // One opening at a time: the one under way stops, and the worker moves on to this one.
    cancelOpening();
    // The panel's list already says which iteration comes before: the worker need not read the list again.
    const int previous = m_panel->email() == email ? m_panel->previousIterationOf(iteration) : -1;
    m_openingIteration = iteration;
    m_openingPrevious = previous;
    m_interrupt = std::make_shared<QueryInterrupt>();
    m_comparisonTicket = m_tasks->openIteration(m_config(), email, iteration, previous, keep, m_interrupt);
    return true;
}

} // namespace fo::ui
