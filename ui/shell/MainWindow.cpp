#include "ui/shell/MainWindow.h"

#include "core/HttpProbe.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "ui/account/SessionLabel.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ExportActions.h"
#include "ui/export/ReportExport.h"
#include "ui/history/HistoryController.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/ResultsPanel.h"
#include "ui/run/RunControls.h"
#include "ui/run/RunSummaryRow.h"
#include "ui/shell/HelpPages.h"
#include "ui/shell/NoticeBanner.h"
#include "ui/shell/UiLog.h"
#include "ui/status/ServiceMonitor.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"
#include "ui/tasks/RunWorker.h"

#include <QAction>
#include <QCloseEvent>
#include <QIcon>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
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
        help::showPage(this, tr("Keyboard shortcuts"), help::keyboardShortcutsHtml(menuBar()));
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
        if (m_results->hasSelectedType())
            state.type = m_results->selectedType();
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
        m_results->restoreReport(state.report, previous, state.diffs, state.source, state.type, state.zoom);
        m_summary->showReport(state.report, previous, state.diffs);
        updateActions();
    }
    m_results->sideTabs()->setCurrentIndex(state.sideTab);
}

void MainWindow::takeOverDatabasePassword(const QString &password)
{
    if (m_dbPassword.isEmpty())
        m_dbPassword = password;
}

void MainWindow::updateActions()
{
    m_export->updateActions();
    m_reportExport->updateAction();
    m_signInAction->setEnabled(!m_session->isSignedIn());
    m_signOutAction->setEnabled(m_session->isSignedIn());
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
