#pragma once

#include "core/History.h"
#include "core/IterationOpener.h"
#include "core/RunReport.h"
#include "ui/results/OpenedValues.h"
#include "ui/settings/ConfigSource.h"

#include <QObject>

#include <memory>
#include <optional>

namespace fo {
class QueryInterrupt;
}

namespace fo::ui {

class BackgroundTasks;
class HistoryPanel;

// The History tab's work: reads a user's stored iterations into the panel, and opens one compared with the stored
// iteration before it, with what the window shows first (QueryWorker::openIteration()). Both run on the query
// thread; only the answer to the latest request is used. Cancelling an opening stops its work on the worker and its
// running statement on the database server, so that what is asked next does not wait behind it.
class HistoryController : public QObject
{
    Q_OBJECT

public:
    HistoryController(BackgroundTasks *tasks, HistoryPanel *panel, ConfigSource config, QObject *parent = nullptr);

    // Lists the iterations of `email` (an invalid email empties the panel).
    void loadIterations(const QString &email);
    // Loads `iteration` of `email` and the one before it. False, and nothing asked, when the email is not valid.
    // `keep`: the type the window shows now, which it keeps when the iteration has it.
    bool openIteration(const QString &email, int iteration, const std::optional<fo::TypeRef> &keep = std::nullopt);
    // Stops the opening under way: its query is cancelled on the server and the worker moves on; no answer comes.
    void cancelOpening();
    bool isOpening() const { return m_comparisonTicket != 0; }

Q_SIGNALS:
    void iterationsShown();
    // The iteration asked for. Without a previous one (the first, or it could not be read: `warning` says so),
    // hasPrevious is false.
    void comparisonReady(const fo::RunReport &current, const fo::RunReport &previous, bool hasPrevious,
                         const QVector<fo::OutlierDiff> &diffs, const QString &warning,
                         const fo::ui::OpenedValues &values);
    void comparisonFailed(const QString &message);
    // The stage, in words; `percent` of the rows expected, or -1 when the stage has no count.
    void openingProgress(const QString &stage, int percent);

private:
    BackgroundTasks *m_tasks;
    HistoryPanel *m_panel;
    ConfigSource m_config;
    quint64 m_iterationsTicket = 0;
    quint64 m_comparisonTicket = 0;
    std::shared_ptr<fo::QueryInterrupt> m_interrupt; // of the opening under way
    int m_openingIteration = 0;
    int m_openingPrevious = -1;
};

} // namespace fo::ui
