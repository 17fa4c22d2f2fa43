// MainWindow, a run and its results: the run's configuration and the target's records, starting (with the questions
// before a run), progress, warnings, cancelling, the finished report, comparisons and opening stored iterations.

#include "core/Email.h"
#include "signin/AuthSession.h"
#include "ui/history/HistoryController.h"
#include "ui/history/HistoryPanel.h"
#include "ui/run/RunControls.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/UiLog.h"
#include "ui/tasks/BackgroundTasks.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace fo::ui {

Config MainWindow::runConfig() const
{
    Config c = m_config;
    c.dbPassword = m_dbPassword;
    return c;
}

void MainWindow::loadKnownEmails()
{
    m_emailsTicket = m_tasks->loadKnownEmails(runConfig());
}

void MainWindow::loadIterations()
{
    m_history->loadIterations(m_controls->email());
}

void MainWindow::checkRecordPresence()
{
    if (!m_controls->hasValidEmail())
        return;
    m_presenceTicket = m_tasks->loadRecordPresence(runConfig(), m_controls->email());
}

bool MainWindow::isRunning() const
{
    return m_tasks->isRunning();
}

void MainWindow::startRun()
{
    startRunWith(m_controls->notifiesUser(), false);
}

void MainWindow::startRunWith(bool notify, bool force)
{
    if (m_tasks->isRunning() || m_closeAfterRun)
        return;
    const QString email = m_controls->email();
    if (!isValidEmail(email)) {
        showError(tr("“%1” is not a valid email address. Correct it and press Run again.").arg(email));
        return;
    }
    // An email the database has no record of: a run would still store an iteration and, with "Notify the user", send
    // two messages about nothing. Ask first; the question's own "notify" box is off.
    if (!force && !m_controls->isDryRun() && m_controls->lacksRecords()) {
        askBeforeRunWithoutRecords();
        return;
    }
    // A run that writes is recorded under the operator's name: sign in first.
    if (!m_controls->isDryRun() && !m_session->isSignedIn()) {
        m_runAfterSignIn = true;
        m_notifyOverride = notify;
        showSignIn(tr("Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)"));
        return;
    }
    clearError();
    // Saved when the window closes: a settings write waits for the disk, which has no place at the start of a run.
    m_lastEmail = email;

    RunRequest request;
    request.email = email;
    request.operatorEmail = m_session->isSignedIn() ? m_session->user().email : QString();
    request.rawThreshold = m_controls->rawThreshold();
    request.processedThreshold = m_controls->processedThreshold();
    request.dryRun = m_controls->isDryRun();
    request.notify = notify;
    request.keepSeries = true;
    request.bearerToken = m_session->accessToken();
    m_warnings.clear();
    m_cancelling = false;
    m_runTicket = m_tasks->startRun(runConfig(), request);
    setRunning(true);
    m_summary->showProgressText(tr("Starting…"));
    // How many rows the run will read, for its progress: counted beside the run, on the query thread.
    m_countsTicket = m_tasks->loadRecordCounts(runConfig(), email);
}

void MainWindow::askBeforeRunWithoutRecords()
{
    if (auto *open = findChild<QMessageBox *>(QStringLiteral("noRecordsBox")); open && open->isVisible())
        return;
    const QString email = m_controls->email();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("No records for this user"),
                                tr("The database has no records for %1.").arg(email.toHtmlEscaped()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("noRecordsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("A run finds nothing to check, but still stores an empty iteration under your name. "
                               "Check the address first, or run anyway."));
    auto *notify = new QCheckBox(tr("Notify the user of this run"), box);
    notify->setObjectName(QStringLiteral("noRecordsNotifyCheck"));
    notify->setChecked(false);
    box->setCheckBox(notify);
    QPushButton *run = box->addButton(tr("Run anyway"), QMessageBox::AcceptRole);
    run->setObjectName(QStringLiteral("runAnywayButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, run, notify](QAbstractButton *button) {
        if (button == run)
            startRunWith(notify->isChecked(), true);
        else
            m_controls->emailEdit()->setFocus();
    });
    box->open();
}

void MainWindow::askBeforeClosingDuringRun()
{
    if (auto *open = findChild<QMessageBox *>(QStringLiteral("closeDuringRunBox")); open && open->isVisible())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("A run is in progress"),
                                tr("The run for %1 has not finished.").arg(m_lastEmail.toHtmlEscaped()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeDuringRunBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Cancel it and quit: nothing of it is written, the user is told that the analysis did "
                               "not complete, and the run flag goes back to \"false\" before the window closes. Or "
                               "keep running and close the window later."));
    QPushButton *quit = box->addButton(tr("Cancel the run and quit"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("cancelAndQuitButton"));
    QPushButton *keep = box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *button) {
        if (button != quit)
            return;
        m_closeAfterRun = true;
        if (!m_tasks->isRunning()) {
            // It ended while the question was open.
            close();
            Q_EMIT closedAfterRun();
            return;
        }
        // The window goes away now; it closes (and the application quits) once the worker has finished: the
        // pipeline cancels at its next check, sends its end message and resets the Redis flag. No nested loop.
        cancelRun();
        hide();
    });
    box->open();
}

void MainWindow::cancelRun()
{
    if (!m_tasks->isRunning())
        return;
    m_tasks->cancelRun();
    m_cancelling = true;
    m_controls->setState(RunControls::State::Cancelling);
    m_summary->showProgressText(tr("Cancelling… nothing will be written."));
}

void MainWindow::setRunning(bool running)
{
    m_summary->setRunning(running);
    m_controls->setState(running ? RunControls::State::Running : RunControls::State::Idle);
    updateActions();
}

void MainWindow::onRunProgress(const ProgressUpdate &update, quint64 ticket)
{
    if (ticket != m_runTicket || m_cancelling)
        return;
    m_summary->showStage(update);
}

void MainWindow::onRunWarning(const QString &message, quint64 ticket)
{
    if (ticket != m_runTicket)
        return;
    m_warnings.append(message);
    statusBar()->showMessage(tr("Warning: %1").arg(message), 10000);
}

void MainWindow::onRunFinished(const RunReport &report, quint64 ticket)
{
    if (ticket != m_runTicket)
        return;
    setRunning(false);
    if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
        m_controls->setRecordPresence(report.email, report.raw.rows + report.processed.rows > 0);
    if (m_closeAfterRun) {
        Q_EMIT runFinished(report);
        close();
        Q_EMIT closedAfterRun();
        return;
    }
    switch (report.status) {
    case RunStatus::Failed:
        showError(tr("The run failed and nothing was written: %1").arg(report.error));
        break;
    case RunStatus::Cancelled:
        showError(tr("The run was cancelled: nothing was written and the run flag is back to \"false\"."));
        break;
    case RunStatus::Completed:
    case RunStatus::DryRun:
        if (report.warnings.isEmpty())
            clearError();
        else
            showError(tr("The run finished with warnings:") + QStringLiteral("<ul><li>")
                      + report.warnings.join(QStringLiteral("</li><li>")).toHtmlEscaped()
                      + QStringLiteral("</li></ul>"));
        m_results->forgetSeries();
        showReport(report, nullptr, {});
        if (report.status == RunStatus::Completed)
            loadIterations();
        // The known emails are not listed again: a run adds none, and listing them scans every record on the
        // database server just as the window draws the results.
        break;
    }
    Q_EMIT runFinished(report);
}

void MainWindow::showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                            const OpenedValues &values)
{
    m_results->showReport(current, previous, diffs, values);
    m_summary->showReport(current, previous, diffs);
    updateActions();
}

void MainWindow::onComparisonReady(const RunReport &current, const RunReport &previous, bool hasPrevious,
                                   const QVector<OutlierDiff> &diffs, const QString &warning,
                                   const OpenedValues &values)
{
    m_summary->hideOpening();
    if (warning.isEmpty())
        clearError();
    else
        showError(warning);
    showReport(current, hasPrevious ? &previous : nullptr, diffs, values);
    Q_EMIT comparisonShown();
}

void MainWindow::selectType(Source source, const TypeKey &type)
{
    m_results->selectType(source, type);
}

void MainWindow::openIteration(int iteration)
{
    HistoryPanel *panel = m_results->historyPanel();
    const QString email = panel->email().isEmpty() ? m_controls->email() : panel->email();
    // The type shown now stays shown when the iteration has it: the opening reads its every value.
    std::optional<TypeRef> keep;
    if (m_results->hasReport() && m_results->report().email == email && m_results->hasSelectedType())
        keep = TypeRef::of(m_results->selectedSource(), m_results->selectedType());
    if (m_history->openIteration(email, iteration, keep))
        m_summary->showOpening(tr("Opening iteration #%1 of %2…").arg(iteration).arg(email));
}

void MainWindow::showError(const QString &message)
{
    m_errorBanner->showMessage(message);
}

void MainWindow::clearError()
{
    m_errorBanner->clearMessage();
}

} // namespace fo::ui
