#include "core/RedisFlag.h"

#include <QLoggingCategory>

#include <hiredis/hiredis.h>
#include <sys/time.h>

Q_LOGGING_CATEGORY(lcRedis, "fo.core.redis")

namespace fo {
namespace {

timeval toTimeval(int ms)
{
    timeval tv {};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

} // namespace

RedisFlag::RedisFlag(QString host, int port, QString key) : m_host(std::move(host)), m_port(port), m_key(std::move(key))
{ }

RedisFlag::~RedisFlag()
{
    disconnect();
}

void RedisFlag::disconnect()
{
    if (m_context) {
        redisFree(m_context);
        m_context = nullptr;
    }
}

QString RedisFlag::connect()
{
    if (m_context)
        return {};
    const QByteArray host = m_host.toUtf8();
    m_context = redisConnectWithTimeout(host.constData(), m_port, toTimeval(TimeoutMs));
    if (!m_context)
        return QStringLiteral("cannot allocate a Redis connection");
    if (m_context->err) {
        const QString why = QString::fromUtf8(m_context->errstr);
        disconnect();
        return QStringLiteral("cannot connect to Redis at %1:%2 (%3)").arg(m_host).arg(m_port).arg(why);
    }
    redisSetTimeout(m_context, toTimeval(TimeoutMs));
    return {};
}

QString RedisFlag::set(bool active)
{
    // One reconnect attempt: the server may have restarted since the last write.
    QString failure;
    for (int attempt = 0; attempt < 2; ++attempt) {
        failure = connect();
        if (!failure.isEmpty())
            continue;
        const QByteArray key = m_key.toUtf8();
        auto *reply = static_cast<redisReply *>(
            active
                ? redisCommand(m_context, "SET %b true EX %d", key.constData(), std::size_t(key.size()), ExpirySeconds)
                : redisCommand(m_context, "SET %b false", key.constData(), std::size_t(key.size())));
        if (!reply) {
            failure = QStringLiteral("Redis at %1:%2 did not answer (%3)")
                          .arg(m_host)
                          .arg(m_port)
                          .arg(QString::fromUtf8(m_context->errstr));
            disconnect();
            continue;
        }
        const bool ok = reply->type == REDIS_REPLY_STATUS;
        if (!ok)
            failure = QStringLiteral("Redis refused SET: %1")
                          .arg(QString::fromUtf8(reply->str ? reply->str : "unexpected reply"));
        freeReplyObject(reply);
        if (ok) {
            qCDebug(lcRedis) << "set" << m_key << (active ? "true" : "false");
            return {};
        }
        return QStringLiteral("Could not set the Redis flag %1 to \"%2\": %3")
            .arg(m_key, active ? QStringLiteral("true") : QStringLiteral("false"), failure);
    }
    return QStringLiteral("Could not set the Redis flag %1 to \"%2\": %3. The run goes on; check REDIS_HOST and "
                          "REDIS_PORT.")
        .arg(m_key, active ? QStringLiteral("true") : QStringLiteral("false"), failure);
}

QString RedisFlag::setActive()
{
    return set(true);
}
QString RedisFlag::setInactive()
{
    return set(false);
}

} // namespace fo
