#include "ui/status/ServiceMonitor.h"

#include "core/HttpProbe.h"
#include "core/RedisProbe.h"
#include "ui/status/ServiceIndicator.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QStatusBar>
#include <QTimer>

namespace fo::ui {

namespace {

ServiceIndicator::State indicatorState(const ProbeAnswer &answer)
{
    switch (answer.outcome) {
    case ProbeAnswer::Outcome::Ok:
        return ServiceIndicator::State::Reachable;
    case ProbeAnswer::Outcome::Warning:
        return ServiceIndicator::State::Warning;
    case ProbeAnswer::Outcome::NotConfigured:
        return ServiceIndicator::State::Disabled;
    case ProbeAnswer::Outcome::Failed:
        break;
    }
    return ServiceIndicator::State::Unreachable;
}

} // namespace

ServiceMonitor::ServiceMonitor(BackgroundTasks *tasks, HttpProbe *http, ConfigSource config, QStatusBar *statusBar)
    : QObject(statusBar), m_tasks(tasks), m_http(http), m_config(std::move(config)),
      m_database(new ServiceIndicator(tr("Database"), statusBar)),
      m_redis(new ServiceIndicator(tr("Redis"), statusBar)),
      m_notifications(new ServiceIndicator(tr("Notifications API"), statusBar)), m_timer(new QTimer(this))
{
    m_database->setObjectName(QStringLiteral("databaseIndicator"));
    m_redis->setObjectName(QStringLiteral("redisIndicator"));
    m_notifications->setObjectName(QStringLiteral("notificationsIndicator"));
    statusBar->addPermanentWidget(m_database);
    statusBar->addPermanentWidget(m_redis);
    statusBar->addPermanentWidget(m_notifications);

    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &ServiceMonitor::checkNow);
    connect(m_tasks->queryWorker(), &QueryWorker::connectionTested, this,
            [this](bool ok, const QString &message, quint64 ticket) {
                if (ticket != m_databaseTicket)
                    return;
                m_database->setState(ok ? ServiceIndicator::State::Reachable : ServiceIndicator::State::Unreachable,
                                     message);
            });
}

void ServiceMonitor::startPeriodicChecks()
{
    m_timer->start();
}

void ServiceMonitor::checkNow()
{
    // Answers to an earlier check (of another configuration, perhaps) no longer count.
    const quint64 generation = ++m_generation;
    const Config config = m_config();
    m_database->setState(ServiceIndicator::State::Checking, config.describeDatabase());
    m_databaseTicket = m_tasks->testConnection(config);
    if (config.redisHost.isEmpty()) {
        m_redis->setState(ServiceIndicator::State::Disabled, tr("REDIS_HOST is empty: the run flag is skipped."));
    } else {
        m_redis->setState(ServiceIndicator::State::Checking);
        RedisProbe::ping(config.redisHost, config.redisPort, this, [this, generation](const ProbeAnswer &answer) {
            if (generation != m_generation)
                return;
            m_redis->setState(indicatorState(answer), answer.message);
        });
    }
    if (config.notificationsApiBaseUrl.isEmpty()) {
        m_notifications->setState(ServiceIndicator::State::Disabled,
                                  tr("NOTIFICATIONS_API_BASE_URL is empty: no messages are sent."));
    } else {
        m_notifications->setState(ServiceIndicator::State::Checking);
        // The same check as the settings' Test button: an API that answers 404 there is not "reachable" here.
        m_http->checkNotificationsApi(config.notificationsApiBaseUrl, this,
                                      [this, generation](const ProbeAnswer &answer) {
                                          if (generation != m_generation)
                                              return;
                                          m_notifications->setState(indicatorState(answer), answer.message);
                                      });
    }
}

} // namespace fo::ui
