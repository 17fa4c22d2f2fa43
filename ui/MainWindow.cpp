#include "MainWindow.h"

#include "AuthSession.h"
#include "BackgroundTasks.h"
#include "Email.h"
#include "ExportActions.h"
#include "HelpPages.h"
#include "HistoryController.h"
#include "HistoryPanel.h"
#include "HttpProbe.h"
#include "NoticeBanner.h"
#include "OutlierChartView.h"
#include "QueryWorker.h"
#include "ReportExport.h"
#include "ResultsPanel.h"
#include "RunControls.h"
#include "RunSummaryRow.h"
#include "RunWorker.h"
#include "SecretStore.h"
#include "ServiceMonitor.h"
#include "SessionLabel.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "UiLog.h"
#include "UserInfo.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QIcon>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fo::ui {

MainWindow::MainWindow(SecretStore *secrets, AuthSession *session, QWidget *parent)
    : QMainWindow(parent), m_secrets(secrets), m_session(session), m_tasks(new BackgroundTasks(this)),
      m_probe(new HttpProbe(this)), m_config(m_settings.config())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Find outliers"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/find-outliers.svg")));
    buildUi();
    buildMenus();
    connectParts();
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1280, 820);
    restoreState(m_settings.windowState());
    updateActions();
}

MainWindow::~MainWindow()
{
    m_tasks->shutdown();
}

void MainWindow::buildUi()
{
    const ConfigSource config = [this] { return runConfig(); };
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(6);

    // The target: whose data, with which options.
    m_controls = new RunControls(central);
    m_controls->setThresholds(m_config.rawThreshold, m_config.processedThreshold);
    layout->addWidget(m_controls);

    m_keychainNotice = new NoticeBanner(NoticeBanner::Kind::Warning, central);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_errorBanner = new NoticeBanner(NoticeBanner::Kind::Error, central);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    layout->addWidget(m_keychainNotice);
    layout->addWidget(m_errorBanner);

    m_summary = new RunSummaryRow(central);
    layout->addWidget(m_summary);

    // Left: data types and history. Right: the chart over the outliers table.
    m_results = new ResultsPanel(m_tasks, config, central);
    layout->addWidget(m_results, 1);
    setCentralWidget(central);

    m_history = new HistoryController(m_tasks, m_results->historyPanel(), config, this);
    m_export = new ExportActions(m_tasks, m_results, config, this);
    m_reportExport = new ReportExport(
        m_results, [this] { return m_session->isSignedIn() ? m_session->user().email : QString(); }, this);

    // Status bar: the services and who is signed in.
    m_services = new ServiceMonitor(m_tasks, m_probe, config, statusBar());
    m_userLabel = new SessionLabel(m_session, this);
    statusBar()->addPermanentWidget(m_userLabel);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export->csvAction());
    file->addAction(m_export->pngAction());
    file->addAction(m_reportExport->action());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(help::quitShortcut());

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    m_signInAction = account->addAction(tr("&Sign in…"), this, [this] { showSignIn(); });
    m_signOutAction = account->addAction(tr("Sign &out"), this, &MainWindow::signOut);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Reset zoom"), chartView(), &OutlierChartView::resetZoom)
        ->setShortcut(QKeySequence(Qt::Key_Home));
    view->addAction(tr("Check &services"), this, &MainWindow::checkServices)->setShortcut(help::refreshShortcut());

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *preferences = settings->addAction(tr("&Preferences…"), this, &MainWindow::showSettings);
    preferences->setShortcut(help::preferencesShortcut());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *how = helpMenu->addAction(tr("&How outliers are found"), this, [this] {
        help::showPage(this, tr("How outliers are found"), help::howOutliersAreFoundHtml());
    });
    how->setObjectName(QStringLiteral("howOutliersAction"));
    how->setShortcut(help::helpShortcut());
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, [this] {
        help::showPage(this, tr("Keyboard shortcuts"), help::keyboardShortcutsHtml());
    });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    helpMenu->addSeparator();
    helpMenu->addAction(tr("&About Find outliers"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Find outliers"),
                                    tr("<h3>Find outliers %1</h3><p>Flags z-score outliers in a person's health "
                                       "records and records what it found, exactly as the platform's job does.</p>"
                                       "<p>A value is an outlier when |z| = |value − mean| / std > k, per data "
                                       "type.</p>")
                                        .arg(QStringLiteral(FO_VERSION)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setIconPixmap(QIcon(QStringLiteral(":/icons/find-outliers.svg")).pixmap(64, 64));
        box->open();
    });
}

void MainWindow::connectParts()
{
    connect(m_controls, &RunControls::runRequested, this, &MainWindow::startRun);
    connect(m_controls, &RunControls::cancelRequested, this, &MainWindow::cancelRun);
    connect(m_controls, &RunControls::emailSettled, this, &MainWindow::loadIterations);
    connect(m_controls, &RunControls::emailSettled, this, &MainWindow::checkRecordPresence);

    RunWorker *run = m_tasks->runWorker();
    connect(run, &RunWorker::progress, this, &MainWindow::onRunProgress);
    connect(run, &RunWorker::warning, this, &MainWindow::onRunWarning);
    connect(run, &RunWorker::finished, this, &MainWindow::onRunFinished);

    connect(m_tasks->queryWorker(), &QueryWorker::knownEmailsLoaded, this,
            [this](const QStringList &emails, const QString &error, quint64 ticket) {
                if (ticket != m_emailsTicket)
                    return;
                if (!error.isEmpty())
                    qCWarning(lcUiShell) << "cannot list the known emails:" << error;
                m_controls->setKnownEmails(emails);
                updateActions();
                Q_EMIT emailsLoaded();
            });

    connect(m_tasks->queryWorker(), &QueryWorker::recordPresenceLoaded, this,
            [this](const QString &email, bool exists, const QString &error, quint64 ticket) {
                if (ticket != m_presenceTicket)
                    return;
                if (!error.isEmpty()) {
                    qCWarning(lcUiShell) << "cannot look for the records of the email typed:" << error;
                    return;
                }
                m_controls->setRecordPresence(email, exists);
                Q_EMIT recordPresenceShown();
            });

    connect(m_tasks->queryWorker(), &QueryWorker::recordCountsLoaded, this,
            [this](const QString &, qint64 raw, qint64 processed, const QString &error, quint64 ticket) {
                if (ticket != m_countsTicket || !m_tasks->isRunning())
                    return;
                if (!error.isEmpty()) {
                    qCWarning(lcUiShell) << "cannot count the records the run will read:" << error;
                    return;
                }
                m_summary->setExpectedRows(raw, processed);
            });

    connect(m_results, &ResultsPanel::chartUpdated, this, [this] {
        updateActions();
        Q_EMIT chartUpdated();
    });
    HistoryPanel *history = m_results->historyPanel();
    connect(history, &HistoryPanel::openRequested, this, &MainWindow::openIteration);
    connect(history, &HistoryPanel::refreshRequested, this, &MainWindow::loadIterations);
    connect(m_history, &HistoryController::iterationsShown, this, &MainWindow::iterationsShown);
    connect(m_history, &HistoryController::comparisonReady, this, &MainWindow::onComparisonReady);
    connect(m_history, &HistoryController::comparisonFailed, this, [this](const QString &message) {
        m_summary->hideOpening();
        showError(message);
    });
    connect(m_history, &HistoryController::openingProgress, m_summary, &RunSummaryRow::showOpening);
    connect(m_summary, &RunSummaryRow::cancelOpenRequested, this, [this] {
        m_history->cancelOpening();
        m_summary->hideOpening();
        // Back to what was shown before.
        if (m_results->hasReport())
            m_summary->showReport(m_results->report(),
                                  m_results->isComparing() ? &m_results->previousReport() : nullptr,
                                  m_results->diffs());
        else
            m_summary->showMessage(QString());
    });

    connect(m_export, &ExportActions::exportFinished, this, &MainWindow::exportFinished);
    connect(m_export, &ExportActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_export, &ExportActions::failed, this, &MainWindow::showError);
    connect(m_reportExport, &ReportExport::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_reportExport, &ReportExport::failed, this, &MainWindow::showError);

    connect(m_secrets, &SecretStore::fallbackActivated, this, [this](const QString &reason) {
        m_keychainNotice->showMessage(tr("<b>The system keychain is not available</b> (%1). Your sign-in and the "
                                         "database password are kept in memory for this session only; you will "
                                         "have to enter them again next time.")
                                          .arg(reason.toHtmlEscaped()));
    });

    connect(m_session, &AuthSession::signedIn, this, &MainWindow::onSignedIn);
    connect(m_session, &AuthSession::signedOut, this, &MainWindow::updateActions);
    connect(m_session, &AuthSession::sessionExpired, this, [this](const QString &message) {
        updateActions();
        showSignIn(message);
    });
    connect(m_session, &AuthSession::restoreFinished, this, [this](bool signedIn) {
        if (!signedIn)
            updateActions();
    });
}

void MainWindow::start()
{
    if (m_secrets->isFallbackActive())
        Q_EMIT m_secrets->fallbackActivated(m_secrets->fallbackReason());
    m_session->setOrigin(m_config.authApiBaseUrl);
    if (m_session->isSignedIn()) {
        m_userLabel->showSignedIn(m_session->user());
        onSignedIn(m_session->user());
    } else {
        m_session->restore();
    }
    const QString last = m_settings.lastEmail();
    if (!last.isEmpty() && m_controls->email().isEmpty())
        m_controls->setEmail(last);

    auto afterPassword = [this] {
        Q_EMIT passwordLoaded();
        loadKnownEmails();
        checkServices();
        m_services->startPeriodicChecks();
        if (m_controls->hasValidEmail()) {
            loadIterations();
            checkRecordPresence();
        }
    };
    if (m_config.dbEngine == Config::DbEngine::PostgreSql) {
        m_secrets->read(SecretStore::databasePasswordKey(m_config.describeDatabase()), this,
                        [this, afterPassword](const SecretStore::ReadResult &result) {
                            // Nothing stored: the environment's password (DB_PASSWORD), if any.
                            m_dbPassword = result.found ? result.secret : AppSettings::environmentConfig().dbPassword;
                            afterPassword();
                        });
    } else {
        QTimer::singleShot(0, this, afterPassword);
    }
}

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

MainWindow::ViewState MainWindow::viewState() const
{
    ViewState state;
    state.email = m_controls->emailEdit()->text();
    state.rawThreshold = m_controls->rawThreshold();
    state.processedThreshold = m_controls->processedThreshold();
    state.notify = m_controls->notifiesUser();
    state.dryRun = m_controls->isDryRun();
    state.lastEmail = m_lastEmail;
    state.sideTab = m_results->sideTabs()->currentIndex();
    state.hasReport = m_results->hasReport();
    if (state.hasReport) {
        state.report = m_results->report();
        state.comparing = m_results->isComparing();
        if (state.comparing)
            state.previous = m_results->previousReport();
        state.diffs = m_results->diffs();
        state.source = m_results->selectedSource();
        state.dataType = m_results->selectedType();
        if (m_results->hasChart() && chartView()->isZoomed())
            state.zoom = chartView()->viewRanges();
    }
    return state;
}

void MainWindow::restoreViewState(const ViewState &state)
{
    m_controls->setEmail(state.email);
    m_controls->setThresholds(state.rawThreshold, state.processedThreshold);
    m_controls->setNotifiesUser(state.notify);
    m_controls->setDryRun(state.dryRun);
    m_lastEmail = state.lastEmail;
    if (state.hasReport) {
        const RunReport *previous = state.comparing ? &state.previous : nullptr;
        m_results->restoreReport(state.report, previous, state.diffs, state.source, state.dataType, state.zoom);
        m_summary->showReport(state.report, previous, state.diffs);
        updateActions();
    }
    m_results->sideTabs()->setCurrentIndex(state.sideTab);
}

void MainWindow::updateActions()
{
    m_export->updateActions();
    m_reportExport->updateAction();
    m_signInAction->setEnabled(!m_session->isSignedIn());
    m_signOutAction->setEnabled(m_session->isSignedIn());
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

void MainWindow::showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs)
{
    m_results->showReport(current, previous, diffs);
    m_summary->showReport(current, previous, diffs);
    updateActions();
}

void MainWindow::onComparisonReady(const RunReport &current, const RunReport &previous, bool hasPrevious,
                                   const QVector<OutlierDiff> &diffs, const QString &warning)
{
    m_summary->hideOpening();
    if (warning.isEmpty())
        clearError();
    else
        showError(warning);
    showReport(current, hasPrevious ? &previous : nullptr, diffs);
    Q_EMIT comparisonShown();
}

void MainWindow::selectType(Source source, const QString &dataType)
{
    m_results->selectType(source, dataType);
}

void MainWindow::openIteration(int iteration)
{
    HistoryPanel *panel = m_results->historyPanel();
    const QString email = panel->email().isEmpty() ? m_controls->email() : panel->email();
    if (m_history->openIteration(email, iteration))
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

void MainWindow::showSignIn(const QString &message)
{
    if (auto *existing = findChild<SignInDialog *>()) {
        if (!message.isEmpty())
            existing->showError(message);
        existing->raise();
        return;
    }
    auto *dialog = new SignInDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOrigin(m_session->origin().isEmpty() ? m_config.authApiBaseUrl : m_session->origin());
    dialog->setLogin(m_settings.lastTestLogin());
    if (!message.isEmpty())
        dialog->showError(message);
    connect(dialog, &SignInDialog::originChosen, this, [this](const QString &origin, const QString &login) {
        m_settings.setLastTestLogin(login);
        if (origin != m_config.authApiBaseUrl) {
            m_config.authApiBaseUrl = origin;
            m_settings.saveConfig(m_config);
        }
        m_session->setOrigin(origin);
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        m_runAfterSignIn = false;
        m_notifyOverride.reset();
    });
    dialog->open();
}

void MainWindow::signOut()
{
    m_runAfterSignIn = false;
    m_session->signOut();
}

void MainWindow::onSignedIn(const UserInfo &)
{
    updateActions();
    if (m_runAfterSignIn) {
        m_runAfterSignIn = false;
        const bool notify = m_notifyOverride.value_or(m_controls->notifiesUser());
        m_notifyOverride.reset();
        // Any question about missing records was answered before the sign-in.
        QTimer::singleShot(0, this, [this, notify] { startRunWith(notify, true); });
    }
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_tasks, m_probe, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfig(runConfig(), m_settings.language());
    connect(dialog, &SettingsDialog::settingsAccepted, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::applySettings(const Config &config, const QString &language)
{
    const QString oldDescription = m_config.describeDatabase();
    const QString oldOrigin = m_config.authApiBaseUrl;
    const double oldRawK = m_config.rawThreshold;
    const double oldProcessedK = m_config.processedThreshold;
    Config saved = config;
    saved.dbPassword.clear();
    m_settings.saveConfig(saved);
    m_config = m_settings.config();
    if (config.dbPassword != m_dbPassword || oldDescription != m_config.describeDatabase()) {
        m_dbPassword = config.dbPassword;
        if (m_config.dbEngine == Config::DbEngine::PostgreSql)
            m_secrets->write(SecretStore::databasePasswordKey(m_config.describeDatabase()), m_dbPassword, this);
    }
    // New defaults replace the thresholds of the form; otherwise the operator's values stay.
    if (m_config.rawThreshold != oldRawK || m_config.processedThreshold != oldProcessedK)
        m_controls->setThresholds(m_config.rawThreshold, m_config.processedThreshold);
    if (oldOrigin != m_config.authApiBaseUrl) {
        m_session->setOrigin(m_config.authApiBaseUrl);
        m_session->restore();
    }
    loadKnownEmails();
    checkServices();
    if (language != m_settings.language()) {
        m_settings.setLanguage(language);
        Q_EMIT languageChangeRequested(language);
    }
}

void MainWindow::checkServices()
{
    m_services->checkNow();
}

void MainWindow::showExport()
{
    m_export->showCsvDialog();
}

void MainWindow::exportCsv(const QString &path, bool allPoints)
{
    m_export->exportCsv(path, allPoints);
}

void MainWindow::saveChartAs()
{
    m_export->showPngDialog();
}

bool MainWindow::saveChartPng(const QString &path)
{
    return m_export->saveChartPng(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tasks->isRunning()) {
        // Never silently: the operator decides (askBeforeClosingDuringRun()); a close already decided waits for the
        // worker to finish (onRunFinished() closes again).
        event->ignore();
        if (!m_closeAfterRun)
            askBeforeClosingDuringRun();
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    if (!m_lastEmail.isEmpty())
        m_settings.setLastEmail(m_lastEmail);
    QMainWindow::closeEvent(event);
}

} // namespace fo::ui
