#pragma once

#include "ui/settings/ConfigSource.h"

#include <QObject>

class QStatusBar;
class QTimer;

namespace fo {
class HttpProbe;
}

namespace fo::ui {

class BackgroundTasks;
class ServiceIndicator;

// The status bar's service lights: can the database, Redis and the notifications API be reached? Checked on
// request (at start, on View → Check services, after the settings change) and then every minute.
class ServiceMonitor : public QObject
{
    Q_OBJECT

public:
    // Adds the three indicators to `statusBar`.
    ServiceMonitor(BackgroundTasks *tasks, HttpProbe *http, ConfigSource config, QStatusBar *statusBar);

    void startPeriodicChecks();

    ServiceIndicator *databaseIndicator() const { return m_database; }
    ServiceIndicator *redisIndicator() const { return m_redis; }
    ServiceIndicator *notificationsIndicator() const { return m_notifications; }

public Q_SLOTS:
    void checkNow();

private:
    BackgroundTasks *m_tasks;
    HttpProbe *m_http;
    ConfigSource m_config;
    ServiceIndicator *m_database;
    ServiceIndicator *m_redis;
    ServiceIndicator *m_notifications;
    QTimer *m_timer;
    quint64 m_databaseTicket = 0;
    quint64 m_generation = 0;
};

} // namespace fo::ui
