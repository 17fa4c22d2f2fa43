#pragma once

#include "core/History.h"
#include "core/RunReport.h"
#include "ui/settings/ConfigSource.h"

#include <QObject>

namespace fo::ui {

class BackgroundTasks;
class HistoryPanel;

// The History tab's work: reads a user's stored iterations into the panel, and opens one compared with the stored
// iteration before it. Both queries run on the query thread; only the answer to the latest request is used.
class HistoryController : public QObject
{
    Q_OBJECT

public:
    HistoryController(BackgroundTasks *tasks, HistoryPanel *panel, ConfigSource config, QObject *parent = nullptr);

    // Lists the iterations of `email` (an invalid email empties the panel).
    void loadIterations(const QString &email);
    // Loads `iteration` of `email` and the one before it. False, and nothing asked, when the email is not valid.
    bool openIteration(const QString &email, int iteration);
    // The answer to the iteration being opened will be dropped (the query on the worker runs to its end).
    void cancelOpening();
    bool isOpening() const { return m_comparisonTicket != 0; }

Q_SIGNALS:
    void iterationsShown();
    // The iteration asked for. Without a previous one (the first, or it could not be read: `warning` says so),
    // hasPrevious is false.
    void comparisonReady(const fo::RunReport &current, const fo::RunReport &previous, bool hasPrevious,
                         const QVector<fo::OutlierDiff> &diffs, const QString &warning);
    void comparisonFailed(const QString &message);
    void openingProgress(const QString &stage);

private:
    BackgroundTasks *m_tasks;
    HistoryPanel *m_panel;
    ConfigSource m_config;
    quint64 m_iterationsTicket = 0;
    quint64 m_comparisonTicket = 0;
};

} // namespace fo::ui
