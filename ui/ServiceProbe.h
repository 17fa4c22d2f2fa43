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

    // What a settings "Test" button says: the service answered as it should; it answered, but not as the service
    // would at that address (a 404: the address is wrong); it could not be reached; nothing is configured.
    enum class Outcome { Ok, Warning, Failed, NotConfigured };
    using OutcomeCallback = std::function<void(Outcome outcome, const QString &message)>;

    explicit ServiceProbe(QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // Connects and sends PING; a +PONG (or an authentication error, which proves a Redis server) is a success.
    void probeRedis(const QString &host, int port, QObject *context, Callback done);
    // Any HTTP answer from the server is a success: the service is there, whatever the path.
    void probeHttp(const QString &url, QObject *context, Callback done);
    // GET `url`: a 2xx or 3xx answer, or one of `expected` (401 from an endpoint that needs a token, 405 from one
    // that takes only POST), is Ok, described by `expectedNote`; any other HTTP status is a Warning that names it.
    void checkHttp(const QString &url, const QList<int> &expected, const QString &expectedNote, QObject *context,
                   OutcomeCallback done);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 5000;
};

} // namespace fo::ui
