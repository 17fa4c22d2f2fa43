#pragma once

#include "core/Config.h"
#include "core/History.h"
#include "core/Pipeline.h"
#include "core/RunReport.h"
#include "ui/account/SessionLabel.h"
#include "ui/results/ResultsPanel.h"
#include "ui/run/RunControls.h"
#include "ui/run/RunSummaryRow.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/NoticeBanner.h"
#include "ui/status/ServiceMonitor.h"

#include <QMainWindow>

#include <array>
#include <optional>

namespace fo {
class AuthSession;
class HttpProbe;
class SecretStore;
struct UserInfo;
} // namespace fo

namespace fo::ui {

class BackgroundTasks;
class ExportActions;
class ReportExport;
class HistoryController;

// The support staff's window: sign in, enter a user's email, run the core pipeline on a worker thread, read the
// outliers per data type on a chart and in a table, compare stored iterations, export.
//
// It puts together the target row (RunControls), the run's progress and summary (RunSummaryRow), the results
// (ResultsPanel), the history (HistoryController), the exports (ExportActions) and the status bar (ServiceMonitor,
// SessionLabel); it owns the run itself, the sign-in flow and the settings.
//
// Its code, by idea: MainWindow.cpp (building the window: parts, menus, connections, view state, closing),
// MainWindowRun.cpp (a run and its results), MainWindowActions.cpp (sign-in, settings, services, export).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // What the operator has in front of them: the form's values, the report shown (and the one it is compared with),
    // the selected type and the chart's zoom. A window rebuilt in another language takes it over whole.
    struct ViewState
    {
        QString email;
        double rawThreshold = DefaultRawThreshold;
        double processedThreshold = DefaultProcessedThreshold;
        bool notify = true;
        bool dryRun = false;
        bool hasReport = false;
        RunReport report;
        bool comparing = false;
        RunReport previous;
        QVector<OutlierDiff> diffs;
        Source source = Source::Raw;
        std::optional<TypeKey> type; // the type selected, if any
        std::optional<std::array<double, 4>> zoom;
        int sideTab = 0;
        QString lastEmail;
    };

    MainWindow(SecretStore *secrets, AuthSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the database password from the keychain, restores the session, checks the services.
    void start();

    // The configuration runs use (with the database password from the keychain).
    Config runConfig() const;

    ViewState viewState() const;
    // Call after start().
    void restoreViewState(const ViewState &state);
    // The database password to use until the keychain answers (start() reads it): a window rebuilt in another language
    // takes over the old one's, so that what it restores can be read at once (a stored iteration keeps no values: its
    // chart is read from the database again).
    void takeOverDatabasePassword(const QString &password);
    bool isRunning() const;

    // Accessors for tests and the screenshot tool.
    QLineEdit *emailEdit() const { return m_controls->emailEdit(); }
    QPushButton *runButton() const { return m_controls->runButton(); }
    QPushButton *cancelButton() const { return m_controls->cancelButton(); }
    QCheckBox *dryRunCheck() const { return m_controls->dryRunCheck(); }
    QCheckBox *notifyCheck() const { return m_controls->notifyCheck(); }
    OutlierChartView *chartView() const { return m_results->chartView(); }
    TypeTableModel *typeModel() const { return m_results->typeModel(); }
    OutlierTableModel *outlierModel() const { return m_results->outlierModel(); }
    QTableView *typeView() const { return m_results->typeView(); }
    QTableView *outlierView() const { return m_results->outlierView(); }
    HistoryPanel *historyPanel() const { return m_results->historyPanel(); }
    QTabWidget *sideTabs() const { return m_results->sideTabs(); }
    BackgroundTasks *tasks() const { return m_tasks; }
    HistoryController *historyController() const { return m_history; }
    const RunReport &report() const { return m_results->report(); }
    bool isComparing() const { return m_results->isComparing(); }
    QString keychainNotice() const { return m_keychainNotice->message(); }
    QString errorBanner() const { return m_errorBanner->message(); }
    QString progressText() const { return m_summary->progressText(); }
    qint64 expectedRows() const { return m_summary->expectedRows(); }
    QStringList completerEmails() const { return m_controls->knownEmails(); }
    ServiceIndicator *databaseIndicator() const { return m_services->databaseIndicator(); }
    ServiceIndicator *redisIndicator() const { return m_services->redisIndicator(); }
    ServiceIndicator *notificationsIndicator() const { return m_services->notificationsIndicator(); }
    QLabel *userLabel() const { return m_userLabel; }
    ReportExport *reportExport() const { return m_reportExport; }

public Q_SLOTS:
    void startRun();
    void cancelRun();
    // Asks first when the email has no records (notify off for that run by default); `force` skips the question.
    void startRunWith(bool notify, bool force);
    void showSignIn(const QString &message = QString());
    void signOut();
    void showSettings();
    void showExport();
    void saveChartAs();
    void checkServices();
    void openIteration(int iteration);
    void selectType(fo::Source source, const fo::TypeKey &type);
    // Writes the CSV in the background; exportFinished() tells how it went.
    void exportCsv(const QString &path, bool allPoints);
    bool saveChartPng(const QString &path);
    void applySettings(const fo::Config &config, const QString &language);

Q_SIGNALS:
    void runFinished(const fo::RunReport &report);
    void chartUpdated();
    void comparisonShown();
    void iterationsShown();
    void emailsLoaded();
    void exportFinished(bool ok, const QString &message);
    void languageChangeRequested(const QString &code);
    void passwordLoaded();
    // The operator chose to cancel the run and quit; the run has now ended and the window closed. The application
    // quits on it (the window was hidden, and closing a hidden window does not end the application by itself).
    void closedAfterRun();
    // The database answered whether the email typed has records (the hint shows it).
    void recordPresenceShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void connectParts();
    void loadIterations();
    void loadKnownEmails();
    void checkRecordPresence();
    void askBeforeRunWithoutRecords();
    void askBeforeClosingDuringRun();
    void onRunProgress(const ProgressUpdate &update, quint64 ticket);
    void onRunWarning(const QString &message, quint64 ticket);
    void onRunFinished(const RunReport &report, quint64 ticket);
    void onSignedIn(const UserInfo &user);
    void onComparisonReady(const RunReport &current, const RunReport &previous, bool hasPrevious,
                           const QVector<OutlierDiff> &diffs, const QString &warning, const OpenedValues &values);
    void showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                    const OpenedValues &values = {});
    void showError(const QString &message);
    void clearError();
    void setRunning(bool running);
    void updateActions();

    SecretStore *m_secrets;
    AuthSession *m_session;
    BackgroundTasks *m_tasks;
    HttpProbe *m_probe;
    AppSettings m_settings;
    Config m_config;
    QString m_dbPassword;
    QString m_lastEmail; // of the last run started here

    quint64 m_runTicket = 0;
    quint64 m_emailsTicket = 0;
    bool m_cancelling = false;
    bool m_runAfterSignIn = false;
    bool m_closeAfterRun = false; // the operator chose "cancel the run and quit": close once the run has ended
    std::optional<bool> m_notifyOverride; // the answer given for an email with no records, for the run it starts
    quint64 m_presenceTicket = 0;
    quint64 m_countsTicket = 0;
    QStringList m_warnings;

    RunControls *m_controls = nullptr;
    NoticeBanner *m_keychainNotice = nullptr;
    NoticeBanner *m_errorBanner = nullptr;
    RunSummaryRow *m_summary = nullptr;
    ResultsPanel *m_results = nullptr;
    HistoryController *m_history = nullptr;
    ExportActions *m_export = nullptr;
    ReportExport *m_reportExport = nullptr;
    ServiceMonitor *m_services = nullptr;
    SessionLabel *m_userLabel = nullptr;

    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
};

} // namespace fo::ui
