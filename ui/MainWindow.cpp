#include "MainWindow.h"

#include "AuthSession.h"
#include "BackgroundTasks.h"
#include "ChartDataBuilder.h"
#include "Email.h"
#include "ExportDialog.h"
#include "HistoryPanel.h"
#include "OutlierChartView.h"
#include "OutlierTableModel.h"
#include "QueryWorker.h"
#include "RunWorker.h"
#include "SecretStore.h"
#include "ServiceIndicator.h"
#include "ServiceProbe.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "TypeTableModel.h"
#include "UiLog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QCompleter>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace fo::ui {

namespace {

QString seriesKey(Source source, const QString &dataType)
{
    return sourceName(source) + QLatin1Char('/') + dataType;
}

const TypeReport *findType(const RunReport &report, Source source, const QString &dataType)
{
    for (const TypeReport &type : report.table(source).types) {
        if (type.dataType == dataType)
            return &type;
    }
    return nullptr;
}

QLabel *banner(const QString &objectName, const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    label->hide();
    return label;
}

} // namespace

MainWindow::MainWindow(SecretStore *secrets, AuthSession *session, QWidget *parent)
    : QMainWindow(parent),
      m_secrets(secrets),
      m_session(session),
      m_tasks(new BackgroundTasks(this)),
      m_probe(new ServiceProbe(this)),
      m_config(m_settings.config())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Find outliers"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/find-outliers.svg")));
    buildUi();
    buildMenus();
    connectWorkers();
    connectSession();
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
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(6);

    // The target: whose data, with which options.
    auto *target = new QFrame(central);
    target->setObjectName(QStringLiteral("targetFrame"));
    target->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(target);
    grid->setContentsMargins(10, 8, 10, 8);
    grid->setHorizontalSpacing(10);

    m_emailEdit = new QLineEdit(target);
    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_emailEdit->setPlaceholderText(tr("user@example.com"));
    m_emailEdit->setClearButtonEnabled(true);
    m_emailEdit->setMinimumWidth(320);
    m_emailModel = new QStringListModel(this);
    m_completer = new QCompleter(m_emailModel, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_emailEdit->setCompleter(m_completer);
    m_emailHint = new QLabel(target);
    m_emailHint->setObjectName(QStringLiteral("emailHint"));

    m_rawK = new QDoubleSpinBox(target);
    m_processedK = new QDoubleSpinBox(target);
    for (QDoubleSpinBox *k : {m_rawK, m_processedK}) {
        k->setRange(0.1, 100.0);
        k->setDecimals(2);
        k->setSingleStep(0.5);
    }
    m_rawK->setObjectName(QStringLiteral("rawThresholdSpin"));
    m_processedK->setObjectName(QStringLiteral("processedThresholdSpin"));
    m_rawK->setValue(m_config.rawThreshold);
    m_processedK->setValue(m_config.processedThreshold);
    m_rawK->setToolTip(tr("Raw records: a value is an outlier when |z| > k"));
    m_processedK->setToolTip(tr("Processed (daily) records: a value is an outlier when |z| > k"));

    m_notify = new QCheckBox(tr("Notify the user"), target);
    m_notify->setObjectName(QStringLiteral("notifyCheck"));
    m_notify->setChecked(true);
    m_notify->setToolTip(tr("Send the start and completion messages to the user, as the platform's job does"));
    m_dryRun = new QCheckBox(tr("Dry run"), target);
    m_dryRun->setObjectName(QStringLiteral("dryRunCheck"));
    m_dryRun->setToolTip(tr("Compute and show the outliers; write nothing, set no flag, send no message"));

    m_runButton = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("Run"), target);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_runButton->setMinimumWidth(96);
    m_runButton->setStyleSheet(QStringLiteral(
        "QPushButton { background: #2f5d8a; color: white; border-radius: 4px; padding: 5px 16px; font-weight: bold; }"
        "QPushButton:disabled { background: #a9b7c6; }"
        "QPushButton:hover:!disabled { background: #3a70a5; }"));
    m_cancelButton = new QPushButton(tr("Cancel"), target);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);

    auto *emailLabel = new QLabel(tr("User &email:"), target);
    emailLabel->setBuddy(m_emailEdit);
    grid->addWidget(emailLabel, 0, 0);
    grid->addWidget(m_emailEdit, 0, 1);
    auto *options = new QHBoxLayout;
    options->setSpacing(8);
    options->addWidget(new QLabel(tr("Raw k:"), target));
    options->addWidget(m_rawK);
    options->addSpacing(6);
    options->addWidget(new QLabel(tr("Processed k:"), target));
    options->addWidget(m_processedK);
    options->addSpacing(10);
    options->addWidget(m_notify);
    options->addWidget(m_dryRun);
    grid->addLayout(options, 0, 2);
    grid->addWidget(m_runButton, 0, 3);
    grid->addWidget(m_cancelButton, 0, 4);
    grid->addWidget(m_emailHint, 1, 1, 1, 4);
    grid->setColumnStretch(1, 1);
    layout->addWidget(target);

    m_keychainNotice = banner(QStringLiteral("keychainNotice"),
                              QStringLiteral("background: #fef7e0; color: #7a5300; border: 1px solid #f3d37a; "
                                             "border-radius: 4px; padding: 6px;"),
                              central);
    m_errorBanner = banner(QStringLiteral("errorBanner"),
                           QStringLiteral("background: #fce8e6; color: #a50e0e; border: 1px solid #f4b4ae; "
                                          "border-radius: 4px; padding: 6px;"),
                           central);
    layout->addWidget(m_keychainNotice);
    layout->addWidget(m_errorBanner);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(central);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->setMaximumHeight(14);
    m_progress->hide();
    m_progressLabel = new QLabel(central);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(tr("Enter a user's email and press Run, or open a stored iteration under History."));
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_summary, 1);
    layout->addLayout(progressRow);

    // Left: data types and history. Right: the chart over the outliers table.
    auto *split = new QSplitter(Qt::Horizontal, central);
    split->setObjectName(QStringLiteral("mainSplitter"));
    m_sideTabs = new QTabWidget(split);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_typeView = new QTableView(m_sideTabs);
    m_typeView->setObjectName(QStringLiteral("typeView"));
    m_typeModel = new TypeTableModel(this);
    m_typeProxy = new QSortFilterProxyModel(this);
    m_typeProxy->setSourceModel(m_typeModel);
    m_typeProxy->setSortRole(TypeTableModel::SortRole);
    m_typeView->setModel(m_typeProxy);
    m_typeView->setSortingEnabled(true);
    m_typeView->sortByColumn(-1, Qt::AscendingOrder);
    m_typeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_typeView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_typeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_typeView->setAlternatingRowColors(true);
    m_typeView->verticalHeader()->hide();
    m_typeView->verticalHeader()->setDefaultSectionSize(24);
    m_typeView->horizontalHeader()->setSectionResizeMode(TypeTableModel::TypeColumn, QHeaderView::Stretch);
    m_typeView->setWordWrap(false);
    m_sideTabs->addTab(m_typeView, tr("Data types"));
    m_history = new HistoryPanel(m_sideTabs);
    m_sideTabs->addTab(m_history, tr("History"));

    auto *right = new QSplitter(Qt::Vertical, split);
    auto *chartBox = new QWidget(right);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    auto *chartTools = new QToolBar(chartBox);
    chartTools->setIconSize(QSize(16, 16));
    chartTools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_chart = new OutlierChartView(chartBox);
    QAction *zoomIn = chartTools->addAction(tr("Zoom in"), m_chart, [this] { m_chart->zoomBy(1.5); });
    zoomIn->setToolTip(tr("Zoom in (+, the wheel, or drag a rectangle)"));
    QAction *zoomOut = chartTools->addAction(tr("Zoom out"), m_chart, [this] { m_chart->zoomBy(1 / 1.5); });
    zoomOut->setToolTip(tr("Zoom out (−, or the wheel)"));
    QAction *reset = chartTools->addAction(tr("Reset zoom"), m_chart, &OutlierChartView::resetZoom);
    reset->setObjectName(QStringLiteral("resetZoomAction"));
    reset->setToolTip(tr("Show everything (Home)"));
    auto *hint = new QLabel(tr("Drag to zoom · wheel to zoom · Shift+drag or middle button to pan"), chartTools);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding-left: 12px;"));
    chartTools->addWidget(hint);
    chartLayout->addWidget(chartTools);
    chartLayout->addWidget(m_chart, 1);

    auto *outlierBox = new QWidget(right);
    auto *outlierLayout = new QVBoxLayout(outlierBox);
    outlierLayout->setContentsMargins(0, 4, 0, 0);
    m_outlierTitle = new QLabel(tr("Outliers"), outlierBox);
    QFont titleFont = m_outlierTitle->font();
    titleFont.setBold(true);
    m_outlierTitle->setFont(titleFont);
    m_outlierView = new QTableView(outlierBox);
    m_outlierView->setObjectName(QStringLiteral("outlierView"));
    m_outlierModel = new OutlierTableModel(this);
    m_outlierProxy = new QSortFilterProxyModel(this);
    m_outlierProxy->setSourceModel(m_outlierModel);
    m_outlierProxy->setSortRole(OutlierTableModel::SortRole);
    m_outlierView->setModel(m_outlierProxy);
    m_outlierView->setSortingEnabled(true);
    m_outlierView->sortByColumn(OutlierTableModel::TimeColumn, Qt::AscendingOrder);
    m_outlierView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_outlierView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_outlierView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outlierView->setAlternatingRowColors(true);
    m_outlierView->verticalHeader()->hide();
    m_outlierView->verticalHeader()->setDefaultSectionSize(24);
    m_outlierView->horizontalHeader()->setStretchLastSection(true);
    m_outlierView->setWordWrap(false);
    outlierLayout->addWidget(m_outlierTitle);
    outlierLayout->addWidget(m_outlierView);
    right->addWidget(chartBox);
    right->addWidget(outlierBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    split->addWidget(m_sideTabs);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({440, 840});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    // Status bar: the services and who is signed in.
    m_dbIndicator = new ServiceIndicator(tr("Database"), this);
    m_dbIndicator->setObjectName(QStringLiteral("databaseIndicator"));
    m_redisIndicator = new ServiceIndicator(tr("Redis"), this);
    m_redisIndicator->setObjectName(QStringLiteral("redisIndicator"));
    m_notificationsIndicator = new ServiceIndicator(tr("Notifications API"), this);
    m_notificationsIndicator->setObjectName(QStringLiteral("notificationsIndicator"));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_userLabel->setContentsMargins(12, 0, 6, 0);
    statusBar()->addPermanentWidget(m_dbIndicator);
    statusBar()->addPermanentWidget(m_redisIndicator);
    statusBar()->addPermanentWidget(m_notificationsIndicator);
    statusBar()->addPermanentWidget(m_userLabel);
    onSignedOut();

    m_emailTimer = new QTimer(this);
    m_emailTimer->setSingleShot(true);
    m_emailTimer->setInterval(400);
    m_serviceTimer = new QTimer(this);
    m_serviceTimer->setInterval(60 * 1000);

    connect(m_emailEdit, &QLineEdit::textChanged, this, &MainWindow::onEmailEdited);
    connect(m_emailEdit, &QLineEdit::returnPressed, this, &MainWindow::startRun);
    connect(m_emailTimer, &QTimer::timeout, this, &MainWindow::loadIterations);
    connect(m_serviceTimer, &QTimer::timeout, this, &MainWindow::checkServices);
    connect(m_runButton, &QPushButton::clicked, this, &MainWindow::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelRun);
    connect(m_typeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onTypeSelectionChanged);
    connect(m_outlierView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onOutlierSelectionChanged);
    connect(m_history, &HistoryPanel::openRequested, this, &MainWindow::openIteration);
    connect(m_history, &HistoryPanel::refreshRequested, this, &MainWindow::loadIterations);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_exportCsvAction = file->addAction(tr("Export &CSV…"), this, &MainWindow::showExport);
    m_exportCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportPngAction = file->addAction(tr("Save chart as &PNG…"), this, &MainWindow::saveChartAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    m_signInAction = account->addAction(tr("&Sign in…"), this, [this] { showSignIn(); });
    m_signOutAction = account->addAction(tr("Sign &out"), this, &MainWindow::signOut);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Reset zoom"), m_chart, &OutlierChartView::resetZoom)->setShortcut(QKeySequence(Qt::Key_Home));
    view->addAction(tr("Check &services"), this, &MainWindow::checkServices)->setShortcut(QKeySequence::Refresh);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *preferences = settings->addAction(tr("&Preferences…"), this, &MainWindow::showSettings);
    preferences->setShortcut(QKeySequence::Preferences);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Find outliers"), this, [this] {
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

void MainWindow::connectWorkers()
{
    RunWorker *run = m_tasks->runWorker();
    connect(run, &RunWorker::progress, this, &MainWindow::onRunProgress);
    connect(run, &RunWorker::warning, this, &MainWindow::onRunWarning);
    connect(run, &RunWorker::finished, this, &MainWindow::onRunFinished);

    QueryWorker *query = m_tasks->queryWorker();
    connect(query, &QueryWorker::knownEmailsLoaded, this,
            [this](const QStringList &emails, const QString &error, quint64 ticket) {
                if (ticket != m_emailsTicket)
                    return;
                if (!error.isEmpty())
                    qCWarning(lcUi) << "cannot list the known emails:" << error;
                m_emailModel->setStringList(emails);
                onEmailEdited();
                Q_EMIT emailsLoaded();
            });
    connect(query, &QueryWorker::iterationsLoaded, this,
            [this](const QString &email, const QVector<IterationInfo> &list, const QString &error, quint64 ticket) {
                if (ticket != m_iterationsTicket)
                    return;
                if (!error.isEmpty()) {
                    m_history->clear();
                    m_history->setMessage(tr("Cannot read the stored iterations: %1").arg(error));
                    return;
                }
                m_history->setIterations(email, list);
                Q_EMIT iterationsShown();
            });
    connect(query, &QueryWorker::comparisonLoaded, this,
            [this](const RunReport &current, const RunReport &previous, bool hasPrevious,
                   const QVector<OutlierDiff> &diffs, const QString &error, quint64 ticket) {
                if (ticket != m_comparisonTicket)
                    return;
                QApplication::restoreOverrideCursor();
                if (!error.isEmpty() && current.email.isEmpty()) {
                    showError(tr("Cannot open the iteration: %1").arg(error));
                    return;
                }
                if (!error.isEmpty())
                    showError(tr("The previous iteration could not be loaded for the comparison: %1").arg(error));
                else
                    clearError();
                showReport(current, hasPrevious ? &previous : nullptr, diffs);
                Q_EMIT comparisonShown();
            });
    connect(query, &QueryWorker::seriesLoaded, this,
            [this](Source source, const QString &dataType, const Series &series, const QString &error,
                   quint64 ticket) {
                if (ticket != m_seriesTicket)
                    return;
                if (!error.isEmpty()) {
                    m_chart->clearChart(tr("Cannot load the values of %1: %2").arg(dataType, error));
                    return;
                }
                m_seriesCache.insert(seriesKey(source, dataType), series);
                buildChartFor(source, dataType, series);
            });
    connect(query, &QueryWorker::chartBuilt, this, [this](const ChartData &chartData, quint64 ticket) {
        if (ticket != m_chartTicket)
            return;
        m_chart->setChartData(chartData);
        // The view fills its line in the next event-loop pass (no long stall in one go); announce after that.
        QTimer::singleShot(0, this, [this] {
            updateActions();
            Q_EMIT chartUpdated();
        });
    });
    connect(query, &QueryWorker::csvExported, this, [this](bool ok, const QString &message, quint64 ticket) {
        if (ticket != m_exportTicket)
            return;
        if (ok)
            statusBar()->showMessage(message, 8000);
        else
            showError(tr("The CSV export failed: %1").arg(message));
        Q_EMIT exportFinished(ok, message);
    });
    connect(query, &QueryWorker::connectionTested, this, [this](bool ok, const QString &message, quint64 ticket) {
        if (ticket != m_dbProbeTicket)
            return;
        m_dbIndicator->setState(ok ? ServiceIndicator::State::Reachable : ServiceIndicator::State::Unreachable,
                                message);
    });
    connect(m_secrets, &SecretStore::fallbackActivated, this, [this](const QString &reason) {
        m_keychainNotice->setText(tr("<b>The system keychain is not available</b> (%1). Your sign-in and the "
                                     "database password are kept in memory for this session only; you will have "
                                     "to enter them again next time.")
                                      .arg(reason.toHtmlEscaped()));
        m_keychainNotice->show();
    });
}

void MainWindow::connectSession()
{
    connect(m_session, &AuthSession::signedIn, this, &MainWindow::onSignedIn);
    connect(m_session, &AuthSession::signedOut, this, &MainWindow::onSignedOut);
    connect(m_session, &AuthSession::sessionExpired, this, [this](const QString &message) {
        onSignedOut();
        showSignIn(message);
    });
    connect(m_session, &AuthSession::restoreFinished, this, [this](bool signedIn) {
        if (!signedIn)
            onSignedOut();
    });
    connect(m_session, &AuthSession::busyChanged, this, [this](bool busy) {
        if (busy && !m_session->isSignedIn())
            m_userLabel->setText(tr("Signing in…"));
    });
}

void MainWindow::start()
{
    if (m_secrets->isFallbackActive())
        Q_EMIT m_secrets->fallbackActivated(m_secrets->fallbackReason());
    m_session->setOrigin(m_config.authApiBaseUrl);
    if (m_session->isSignedIn())
        onSignedIn(m_session->user());
    else
        m_session->restore();
    const QString last = m_settings.lastEmail();
    if (!last.isEmpty() && m_emailEdit->text().isEmpty())
        m_emailEdit->setText(last);

    auto afterPassword = [this] {
        Q_EMIT passwordLoaded();
        loadKnownEmails();
        checkServices();
        m_serviceTimer->start();
        if (isValidEmail(m_emailEdit->text().trimmed()))
            loadIterations();
    };
    if (m_config.dbEngine == Config::DbEngine::PostgreSql) {
        m_secrets->read(SecretStore::databasePasswordKey(m_config.describeDatabase()), this,
                        [this, afterPassword](const SecretStore::ReadResult &result) {
                            // Nothing stored: the environment's password (DB_PASSWORD), if any.
                            m_dbPassword = result.found ? result.secret
                                                        : AppSettings::environmentConfig().dbPassword;
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
    const QString email = m_emailEdit->text().trimmed();
    if (!isValidEmail(email)) {
        m_history->clear();
        return;
    }
    m_history->setMessage(tr("Reading the stored iterations of %1…").arg(email));
    m_iterationsTicket = m_tasks->loadIterations(runConfig(), email);
}

void MainWindow::onEmailEdited()
{
    const QString email = m_emailEdit->text().trimmed();
    QString style;
    if (email.isEmpty()) {
        m_emailHint->setText(tr("Enter the email of the user whose records you want to check."));
        style = QStringLiteral("color: palette(placeholder-text);");
    } else if (!isValidEmail(email)) {
        m_emailHint->setText(tr("“%1” is not a valid email address.").arg(email));
        style = QStringLiteral("color: #c5221f;");
    } else if (!m_emailModel->stringList().isEmpty() && !m_emailModel->stringList().contains(email)) {
        m_emailHint->setText(tr("✔ Valid address, but the database has no records for it."));
        style = QStringLiteral("color: #9a6700;");
    } else {
        m_emailHint->setText(tr("✔ Valid address."));
        style = QStringLiteral("color: #1e8e3e;");
    }
    m_emailHint->setStyleSheet(style);
    m_emailEdit->setProperty("valid", email.isEmpty() || isValidEmail(email));
    updateActions();
    if (sender() == m_emailEdit)
        m_emailTimer->start();
}

void MainWindow::updateActions()
{
    const bool running = m_tasks->isRunning();
    m_runButton->setEnabled(!running && isValidEmail(m_emailEdit->text().trimmed()));
    m_cancelButton->setEnabled(running);
    m_exportCsvAction->setEnabled(m_hasReport);
    m_exportPngAction->setEnabled(!m_chart->chartData().points.isEmpty() || !m_chart->chartData().markers.isEmpty());
    m_signInAction->setEnabled(!m_session->isSignedIn());
    m_signOutAction->setEnabled(m_session->isSignedIn());
}

void MainWindow::startRun()
{
    if (m_tasks->isRunning())
        return;
    const QString email = m_emailEdit->text().trimmed();
    if (!isValidEmail(email)) {
        showError(tr("“%1” is not a valid email address. Correct it and press Run again.").arg(email));
        return;
    }
    // A run that writes is recorded under the operator's name: sign in first.
    if (!m_dryRun->isChecked() && !m_session->isSignedIn()) {
        m_runAfterSignIn = true;
        showSignIn(tr("Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)"));
        return;
    }
    clearError();
    m_settings.setLastEmail(email);

    RunRequest request;
    request.email = email;
    request.operatorEmail = m_session->isSignedIn() ? m_session->user().email : QString();
    request.rawThreshold = m_rawK->value();
    request.processedThreshold = m_processedK->value();
    request.dryRun = m_dryRun->isChecked();
    request.notify = m_notify->isChecked();
    request.keepSeries = true;
    request.bearerToken = m_session->accessToken();
    m_warnings.clear();
    m_runTicket = m_tasks->startRun(runConfig(), request);
    setRunning(true);
    m_progressLabel->setText(tr("Starting…"));
}

void MainWindow::cancelRun()
{
    if (!m_tasks->isRunning())
        return;
    m_tasks->cancelRun();
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling… nothing will be written."));
}

void MainWindow::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_progressLabel->setVisible(running);
    m_summary->setVisible(!running);
    m_emailEdit->setReadOnly(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_rawK, m_processedK, m_dryRun, m_notify})
        w->setEnabled(!running);
    updateActions();
}

QString MainWindow::stageText(const ProgressUpdate &update) const
{
    const QString n = QLocale().toString(update.count);
    switch (update.stage) {
    case Stage::Connecting:
        return tr("Connecting to the database…");
    case Stage::Locking:
        return tr("Waiting for other runs for this user…");
    case Stage::Flagging:
        return tr("Setting the run flag…");
    case Stage::NotifyingStart:
        return tr("Notifying the user of the start…");
    case Stage::ReadingRaw:
        return tr("Reading raw records: %1 rows").arg(n);
    case Stage::ReadingProcessed:
        return tr("Reading processed records: %1 rows").arg(n);
    case Stage::Detecting:
        return tr("Detecting outliers…");
    case Stage::Writing:
        return tr("Writing: %1 outliers").arg(n);
    case Stage::NotifyingEnd:
        return tr("Notifying the user of the result…");
    case Stage::Done:
        return tr("Done.");
    }
    return QString();
}

void MainWindow::onRunProgress(const ProgressUpdate &update, quint64 ticket)
{
    if (ticket != m_runTicket || !m_cancelButton->isEnabled())
        return;
    m_progressLabel->setText(stageText(update));
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
        m_seriesCache.clear();
        showReport(report, nullptr, {});
        if (report.status == RunStatus::Completed)
            loadIterations();
        loadKnownEmails();
        break;
    }
    Q_EMIT runFinished(report);
}

void MainWindow::showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs)
{
    if (current.email != m_report.email)
        m_seriesCache.clear();
    m_report = current;
    m_comparing = previous != nullptr;
    m_previous = previous ? *previous : RunReport();
    m_diffs = diffs;
    m_hasReport = true;
    // A history report carries no series: drop the series of another iteration's run.
    m_typeModel->setReport(m_report, m_comparing, m_diffs);
    for (int column : {TypeTableModel::NewColumn, TypeTableModel::ResolvedColumn, TypeTableModel::PersistingColumn})
        m_typeView->setColumnHidden(column, !m_comparing);
    m_typeView->resizeColumnsToContents();
    m_typeView->horizontalHeader()->setSectionResizeMode(TypeTableModel::TypeColumn, QHeaderView::Stretch);
    m_outlierView->setColumnHidden(OutlierTableModel::StatusColumn, !m_comparing);
    updateSummary();
    m_sideTabs->setCurrentIndex(m_comparing ? m_sideTabs->indexOf(m_history) : 0);

    // Select the type with the most outliers (new ones first when comparing), so the chart shows something useful.
    int bestRow = -1;
    qint64 bestScore = -1;
    const auto &rows = m_typeModel->rowsData();
    for (int i = 0; i < rows.size(); ++i) {
        const qint64 score = m_comparing ? rows[i].added * 1000000 + rows[i].resolved * 1000 + rows[i].persisting
                                         : rows[i].outliers;
        if (score > bestScore) {
            bestScore = score;
            bestRow = i;
        }
    }
    if (bestRow >= 0) {
        selectType(rows[bestRow].source, rows[bestRow].dataType);
    } else {
        m_selectedType.clear();
        m_outlierModel->setReport(m_report, m_comparing ? &m_previous : nullptr, false, Source::Raw, QString());
        m_chart->clearChart(tr("No numeric values for this user"));
    }
    updateActions();
}

void MainWindow::updateSummary()
{
    const QLocale locale;
    QString status;
    switch (m_report.status) {
    case RunStatus::Completed:
        status = tr("completed");
        break;
    case RunStatus::DryRun:
        status = tr("dry run, nothing written");
        break;
    case RunStatus::Failed:
        status = tr("failed");
        break;
    case RunStatus::Cancelled:
        status = tr("cancelled");
        break;
    }
    const QString when = m_report.finishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text;
    if (m_report.status == RunStatus::DryRun)
        text = tr("<b>%1</b> · dry run at %2 UTC").arg(m_report.email.toHtmlEscaped(), when);
    else
        text = tr("<b>%1</b> · iteration #%2 · %3 UTC · %4")
                   .arg(m_report.email.toHtmlEscaped())
                   .arg(m_report.iteration)
                   .arg(when, status);
    const bool knownRows = m_report.raw.rows > 0 || m_report.processed.rows > 0;
    if (knownRows)
        text += tr(" · raw: %1 rows, <span style='color:#d93025'>%2 outliers</span> · processed: %3 rows, "
                   "<span style='color:#d93025'>%4 outliers</span>")
                    .arg(locale.toString(m_report.raw.rows), locale.toString(m_report.raw.outlierCount),
                         locale.toString(m_report.processed.rows), locale.toString(m_report.processed.outlierCount));
    else
        text += tr(" · raw: <span style='color:#d93025'>%1 outliers</span> · processed: "
                   "<span style='color:#d93025'>%2 outliers</span>")
                    .arg(locale.toString(m_report.raw.outlierCount), locale.toString(m_report.processed.outlierCount));
    if (m_comparing) {
        qint64 added = 0, resolved = 0, persisting = 0;
        for (const OutlierDiff &d : std::as_const(m_diffs)) {
            added += d.added.size();
            resolved += d.resolved.size();
            persisting += d.persisting.size();
        }
        text += QStringLiteral("<br>")
            + tr("Compared with iteration #%1: <span style='color:#d93025'><b>%2 new</b></span>, %3 resolved, "
                 "%4 persisting")
                  .arg(m_previous.iteration)
                  .arg(locale.toString(added), locale.toString(resolved), locale.toString(persisting));
    }
    m_summary->setText(text);
}

void MainWindow::selectType(Source source, const QString &dataType)
{
    const int row = m_typeModel->rowOf(source, dataType);
    if (row < 0)
        return;
    const QModelIndex index = m_typeProxy->mapFromSource(m_typeModel->index(row, 0));
    if (m_typeView->selectionModel()->isRowSelected(index.row(), QModelIndex()) && m_selectedType == dataType
        && m_selectedSource == source) {
        // Already selected: refresh what depends on the report.
        onTypeSelectionChanged();
        return;
    }
    m_typeView->selectRow(index.row());
    m_typeView->scrollTo(index);
}

void MainWindow::onTypeSelectionChanged()
{
    const QModelIndexList rows = m_typeView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = m_typeProxy->mapToSource(rows.first());
    const TypeTableModel::Row &row = m_typeModel->rowsData()[index.row()];
    m_selectedSource = row.source;
    m_selectedType = row.dataType;
    m_outlierModel->setReport(m_report, m_comparing ? &m_previous : nullptr, true, row.source, row.dataType);
    m_outlierView->setColumnHidden(OutlierTableModel::SourceColumn, true);
    m_outlierView->setColumnHidden(OutlierTableModel::TypeColumn, true);
    m_outlierView->resizeColumnsToContents();
    const QString source = row.source == Source::Raw ? tr("raw") : tr("processed");
    m_outlierTitle->setText(tr("Outliers of %1 (%2): %n row(s)", nullptr, m_outlierModel->rowCount())
                                .arg(row.dataType, source));
    requestChart(row.source, row.dataType);
}

void MainWindow::requestChart(Source source, const QString &dataType)
{
    const TypeReport *type = findType(m_report, source, dataType);
    if (type && !type->series.ids.isEmpty()) {
        buildChartFor(source, dataType, type->series);
        return;
    }
    const auto cached = m_seriesCache.constFind(seriesKey(source, dataType));
    if (cached != m_seriesCache.constEnd()) {
        buildChartFor(source, dataType, *cached);
        return;
    }
    m_chart->clearChart(tr("Loading the values of %1…").arg(dataType));
    m_chartTicket = 0;
    m_seriesTicket = m_tasks->loadSeries(runConfig(), m_report.email, source, dataType);
}

void MainWindow::buildChartFor(Source source, const QString &dataType, const Series &series)
{
    ChartDataBuilder::Input input;
    input.source = source;
    input.dataType = dataType;
    input.series = series;
    input.comparing = m_comparing;
    const TypeReport *type = findType(m_report, source, dataType);
    const TypeReport *previous = m_comparing ? findType(m_previous, source, dataType) : nullptr;
    const TypeReport *stats = type && std::isfinite(type->std) ? type : previous;
    if (stats) {
        input.mean = stats->mean;
        input.std = stats->std;
        input.k = stats->k > 0 ? stats->k : m_report.table(source).k;
    } else {
        input.k = m_report.table(source).k;
    }
    if (type)
        input.outliers = type->outliers;
    if (previous)
        input.previousOutliers = previous->outliers;
    m_chartTicket = m_tasks->buildChart(input);
}

void MainWindow::onOutlierSelectionChanged()
{
    const QModelIndexList rows = m_outlierView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = rows.first();
    m_chart->centerOn(index.data(OutlierTableModel::TimeMsRole).toLongLong(),
                      index.data(OutlierTableModel::ValueRole).toDouble(),
                      index.data(OutlierTableModel::RecordIdRole).toLongLong());
}

void MainWindow::openIteration(int iteration)
{
    const QString email = m_history->email().isEmpty() ? m_emailEdit->text().trimmed() : m_history->email();
    if (!isValidEmail(email))
        return;
    m_summary->setText(tr("Opening iteration #%1 of %2…").arg(iteration).arg(email.toHtmlEscaped()));
    m_comparisonTicket = m_tasks->loadComparison(runConfig(), email, iteration);
}

void MainWindow::showError(const QString &message)
{
    m_errorBanner->setText(message);
    m_errorBanner->show();
}

void MainWindow::clearError()
{
    m_errorBanner->clear();
    m_errorBanner->hide();
}

QString MainWindow::keychainNotice() const
{
    return m_keychainNotice->isHidden() ? QString() : m_keychainNotice->text();
}

QString MainWindow::errorBanner() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorBanner->text();
}

QString MainWindow::progressText() const
{
    return m_progressLabel->text();
}

QStringList MainWindow::completerEmails() const
{
    return m_emailModel->stringList();
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
    connect(dialog, &QDialog::rejected, this, [this] { m_runAfterSignIn = false; });
    dialog->open();
}

void MainWindow::signOut()
{
    m_runAfterSignIn = false;
    m_session->signOut();
}

void MainWindow::onSignedIn(const UserInfo &user)
{
    const QString name = user.name.isEmpty() ? user.email : user.name;
    m_userLabel->setText(tr("Signed in as <b>%1</b> &lt;%2&gt;").arg(name.toHtmlEscaped(), user.email.toHtmlEscaped()));
    m_userLabel->setToolTip(tr("Runs you start are recorded under %1.").arg(user.email));
    updateActions();
    if (m_runAfterSignIn) {
        m_runAfterSignIn = false;
        QTimer::singleShot(0, this, &MainWindow::startRun);
    }
}

void MainWindow::onSignedOut()
{
    m_userLabel->setText(tr("Not signed in"));
    m_userLabel->setToolTip(tr("Account → Sign in…"));
    if (m_signInAction)
        updateActions();
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
    Config saved = config;
    saved.dbPassword.clear();
    m_settings.saveConfig(saved);
    m_config = m_settings.config();
    if (config.dbPassword != m_dbPassword || oldDescription != m_config.describeDatabase()) {
        m_dbPassword = config.dbPassword;
        if (m_config.dbEngine == Config::DbEngine::PostgreSql)
            m_secrets->write(SecretStore::databasePasswordKey(m_config.describeDatabase()), m_dbPassword, this);
    }
    m_rawK->setValue(m_config.rawThreshold);
    m_processedK->setValue(m_config.processedThreshold);
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
    m_dbIndicator->setState(ServiceIndicator::State::Checking, m_config.describeDatabase());
    m_dbProbeTicket = m_tasks->testConnection(runConfig());
    if (m_config.redisHost.isEmpty()) {
        m_redisIndicator->setState(ServiceIndicator::State::Disabled, tr("REDIS_HOST is empty: the run flag is skipped."));
    } else {
        m_redisIndicator->setState(ServiceIndicator::State::Checking);
        m_probe->probeRedis(m_config.redisHost, m_config.redisPort, this, [this](bool ok, const QString &message) {
            m_redisIndicator->setState(ok ? ServiceIndicator::State::Reachable : ServiceIndicator::State::Unreachable,
                                       message);
        });
    }
    if (m_config.notificationsApiBaseUrl.isEmpty()) {
        m_notificationsIndicator->setState(ServiceIndicator::State::Disabled,
                                           tr("NOTIFICATIONS_API_BASE_URL is empty: no messages are sent."));
    } else {
        m_notificationsIndicator->setState(ServiceIndicator::State::Checking);
        m_probe->probeHttp(m_config.notificationsApiBaseUrl, this, [this](bool ok, const QString &message) {
            m_notificationsIndicator->setState(
                ok ? ServiceIndicator::State::Reachable : ServiceIndicator::State::Unreachable, message);
        });
    }
}

void MainWindow::showExport()
{
    if (!m_hasReport)
        return;
    auto *dialog = new ExportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString name = m_report.email;
    name.replace(QLatin1Char('@'), QLatin1Char('_'));
    dialog->setPath(QDir::home().filePath(QStringLiteral("find-outliers-%1-%2.csv").arg(name).arg(m_report.iteration)));
    connect(dialog, &ExportDialog::exportRequested, this, &MainWindow::exportCsv);
    dialog->open();
}

void MainWindow::exportCsv(const QString &path, bool allPoints)
{
    statusBar()->showMessage(tr("Exporting to %1…").arg(path));
    m_exportTicket = m_tasks->exportCsv(runConfig(), m_report, path, allPoints);
}

void MainWindow::saveChartAs()
{
    auto *dialog = new QFileDialog(this, tr("Save chart as PNG"),
                                   QDir::home().filePath(QStringLiteral("%1-%2.png").arg(m_selectedType).arg(m_report.iteration)),
                                   tr("PNG images (*.png)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        if (saveChartPng(file))
            statusBar()->showMessage(tr("Saved the chart to %1.").arg(file), 8000);
        else
            showError(tr("Cannot write the image %1. Choose another folder.").arg(file));
    });
    dialog->open();
}

bool MainWindow::saveChartPng(const QString &path)
{
    return m_chart->grab().save(path, "PNG");
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    if (m_tasks->isRunning())
        m_tasks->cancelRun();
    QMainWindow::closeEvent(event);
}

} // namespace fo::ui
