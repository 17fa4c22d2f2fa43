#pragma once

#include "Config.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fo::ui {

class BackgroundTasks;
class ServiceProbe;

// The settings: database (the password goes to the keychain), API origins, Redis, default thresholds, language.
// Every connection has a "Test connection" button; the tests run asynchronously.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(BackgroundTasks *tasks, ServiceProbe *probe, QWidget *parent = nullptr);

    void setConfig(const Config &config, const QString &language);
    Config config() const; // with the password typed here
    QString language() const;

    // The result line under each test button (for tests).
    QString databaseTestResult() const;
    QString redisTestResult() const;

public Q_SLOTS:
    void testDatabase();
    void testAuth();
    void testNotifications();
    void testDataCollection();
    void testRedis();

Q_SIGNALS:
    void settingsAccepted(const fo::Config &config, const QString &language);

private:
    void showResult(QLabel *label, bool ok, const QString &message);
    void updateEngine();

    BackgroundTasks *m_tasks;
    ServiceProbe *m_probe;
    quint64 m_dbTicket = 0;
    QComboBox *m_engine;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_dbResult;
    QLineEdit *m_auth;
    QLabel *m_authResult;
    QLineEdit *m_notifications;
    QLabel *m_notificationsResult;
    QLineEdit *m_dataCollection;
    QLabel *m_dataCollectionResult;
    QLineEdit *m_redisHost;
    QSpinBox *m_redisPort;
    QLabel *m_redisResult;
    QDoubleSpinBox *m_rawK;
    QDoubleSpinBox *m_processedK;
    QComboBox *m_language;
    Config m_base;
};

} // namespace fo::ui
