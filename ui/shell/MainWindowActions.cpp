// MainWindow, what the menus do besides a run: sign in and out, the settings, the service check, export and saving
// the chart.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "signin/UserInfo.h"
#include "ui/account/SignInDialog.h"
#include "ui/export/ExportActions.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/UiLog.h"

#include <QTimer>

namespace fo::ui {

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

} // namespace fo::ui
