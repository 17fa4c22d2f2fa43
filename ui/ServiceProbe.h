#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace fo::ui {

// Asynchronous "can it be reached?" checks for the status bar and the settings' "Test connection" buttons. Each
// check has a timeout and calls back on this object's thread, only while `context` is alive.
class ServiceProbe : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(bool ok, const QString &message)>;

    explicit ServiceProbe(QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // Connects and sends PING; a +PONG (or an authentication error, which proves a Redis server) is a success.
    void probeRedis(const QString &host, int port, QObject *context, Callback done);
    // Any HTTP answer from the server is a success: the service is there, whatever the path.
    void probeHttp(const QString &url, QObject *context, Callback done);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 5000;
};

} // namespace fo::ui
