#pragma once

#include "core/Config.h"
#include "core/ProbeAnswer.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fo {
class HttpProbe;
}

namespace fo::ui {

class BackgroundTasks;

// The settings: database (the password goes to the keychain), API origins, Redis, default thresholds, language.
// Every connection has a "Test connection" button; the tests run asynchronously.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(BackgroundTasks *tasks, HttpProbe *http, QWidget *parent = nullptr);

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
    void testRedis();

Q_SIGNALS:
    void settingsAccepted(const fo::Config &config, const QString &language);

private:
    // The result line of a test: a fixed height (the rows below never move) that holds the whole text. `field` is the
    // label of the field tested; a message that names a variable gets the field's label first ("Host (DB_HOST)").
    void showResult(QLabel *label, ProbeAnswer::Outcome outcome, const QString &field, const QString &message);
    void showConnecting(QLabel *label);
    void updateEngine();
    void onEngineChosen();

    BackgroundTasks *m_tasks;
    HttpProbe *m_http;
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
    QLineEdit *m_redisHost;
    QSpinBox *m_redisPort;
    QLabel *m_redisResult;
    QDoubleSpinBox *m_rawK;
    QDoubleSpinBox *m_processedK;
    QComboBox *m_language;
    Config m_base;
    QString m_sqlitePath; // the database name each engine had, restored when the engine is switched back
    QString m_postgresName;
    bool m_postgres = true;
};

} // namespace fo::ui
