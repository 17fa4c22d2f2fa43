#pragma once

#include "AppSettings.h"
#include "ChartData.h"
#include "Config.h"
#include "History.h"
#include "Pipeline.h"
#include "RunReport.h"

#include <QHash>
#include <QMainWindow>

class QCheckBox;
class QCompleter;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStringListModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace fo::ui {

class AuthSession;
class BackgroundTasks;
class HistoryPanel;
class OutlierChartView;
class OutlierTableModel;
class SecretStore;
class ServiceIndicator;
class ServiceProbe;
class TypeTableModel;
struct UserInfo;

// The support staff's window: sign in, enter a user's email, run the core pipeline on a worker thread, read the
// outliers per data type on a chart and in a table, compare stored iterations, export.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(SecretStore *secrets, AuthSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the database password from the keychain, restores the session, checks the services.
    void start();

    // The configuration runs use (with the database password from the keychain).
    Config runConfig() const;

    // Accessors for tests and the screenshot tool.
    QLineEdit *emailEdit() const { return m_emailEdit; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QCheckBox *dryRunCheck() const { return m_dryRun; }
    QCheckBox *notifyCheck() const { return m_notify; }
    OutlierChartView *chartView() const { return m_chart; }
    TypeTableModel *typeModel() const { return m_typeModel; }
    OutlierTableModel *outlierModel() const { return m_outlierModel; }
    QTableView *typeView() const { return m_typeView; }
    QTableView *outlierView() const { return m_outlierView; }
    HistoryPanel *historyPanel() const { return m_history; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    BackgroundTasks *tasks() const { return m_tasks; }
    const RunReport &report() const { return m_report; }
    bool isComparing() const { return m_comparing; }
    QString keychainNotice() const;
    QString errorBanner() const;
    QString progressText() const;
    QStringList completerEmails() const;
    ServiceIndicator *databaseIndicator() const { return m_dbIndicator; }
    QLabel *userLabel() const { return m_userLabel; }

public Q_SLOTS:
    void startRun();
    void cancelRun();
    void showSignIn(const QString &message = QString());
    void signOut();
    void showSettings();
    void showExport();
    void saveChartAs();
    void checkServices();
    void openIteration(int iteration);
    void selectType(fo::Source source, const QString &dataType);
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void connectWorkers();
    void connectSession();
    void onEmailEdited();
    void onRunProgress(const ProgressUpdate &update, quint64 ticket);
    void onRunWarning(const QString &message, quint64 ticket);
    void onRunFinished(const RunReport &report, quint64 ticket);
    void onSignedIn(const UserInfo &user);
    void onSignedOut();
    void onTypeSelectionChanged();
    void onOutlierSelectionChanged();
    void showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs);
    void showError(const QString &message);
    void clearError();
    void setRunning(bool running);
    void updateSummary();
    void requestChart(Source source, const QString &dataType);
    void buildChartFor(Source source, const QString &dataType, const Series &series);
    void loadIterations();
    void loadKnownEmails();
    void updateActions();
    QString stageText(const ProgressUpdate &update) const;

    SecretStore *m_secrets;
    AuthSession *m_session;
    BackgroundTasks *m_tasks;
    ServiceProbe *m_probe;
    AppSettings m_settings;
    Config m_config;
    QString m_dbPassword;

    // The report shown, and the one it is compared with.
    RunReport m_report;
    RunReport m_previous;
    bool m_comparing = false;
    bool m_hasReport = false;
    QVector<OutlierDiff> m_diffs;
    QHash<QString, Series> m_seriesCache; // "<source>/<type>" of m_report.email
    Source m_selectedSource = Source::Raw;
    QString m_selectedType;

    quint64 m_runTicket = 0;
    quint64 m_chartTicket = 0;
    quint64 m_seriesTicket = 0;
    quint64 m_comparisonTicket = 0;
    quint64 m_iterationsTicket = 0;
    quint64 m_emailsTicket = 0;
    quint64 m_exportTicket = 0;
    quint64 m_dbProbeTicket = 0;
    bool m_runAfterSignIn = false;
    QStringList m_warnings;

    QLineEdit *m_emailEdit = nullptr;
    QLabel *m_emailHint = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_emailModel = nullptr;
    QDoubleSpinBox *m_rawK = nullptr;
    QDoubleSpinBox *m_processedK = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QCheckBox *m_notify = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_keychainNotice = nullptr;
    QLabel *m_errorBanner = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    QTableView *m_typeView = nullptr;
    TypeTableModel *m_typeModel = nullptr;
    QSortFilterProxyModel *m_typeProxy = nullptr;
    HistoryPanel *m_history = nullptr;
    OutlierChartView *m_chart = nullptr;
    QLabel *m_outlierTitle = nullptr;
    QTableView *m_outlierView = nullptr;
    OutlierTableModel *m_outlierModel = nullptr;
    QSortFilterProxyModel *m_outlierProxy = nullptr;
    ServiceIndicator *m_dbIndicator = nullptr;
    ServiceIndicator *m_redisIndicator = nullptr;
    ServiceIndicator *m_notificationsIndicator = nullptr;
    QLabel *m_userLabel = nullptr;
    QTimer *m_emailTimer = nullptr;
    QTimer *m_serviceTimer = nullptr;

    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportPngAction = nullptr;
};

} // namespace fo::ui
