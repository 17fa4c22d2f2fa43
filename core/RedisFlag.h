#pragma once

#include <QString>

struct redisContext;

namespace fo {

// The platform's "job is active" flag (docs/platform.md 4): key <namespace><email>, "true" with a one-hour expiry while
// a run is under way, "false" (no expiry) when it ends, however it ends. Redis is advisory: every failure is
// returned as a warning text and never fails the run.
class RedisFlag
{
public:
    static constexpr int ExpirySeconds = 3600;
    static constexpr int TimeoutMs = 2000;

    RedisFlag(QString host, int port, QString key);
    ~RedisFlag();
    RedisFlag(const RedisFlag &) = delete;
    RedisFlag &operator=(const RedisFlag &) = delete;

    // Each returns an empty string on success, or a warning that says what failed.
    QString setActive(); // SET key "true" EX 3600
    QString setInactive(); // SET key "false"

    const QString &key() const { return m_key; }

private:
    QString set(bool active);
    QString connect();
    void disconnect();

    QString m_host;
    int m_port;
    QString m_key;
    redisContext *m_context = nullptr;
};

} // namespace fo
