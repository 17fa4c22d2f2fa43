#pragma once

#include "core/ProbeAnswer.h"

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace fo {

// "Can this HTTP service be reached?" for the services the tool talks to over HTTP, the notifications API (Notifier)
// and the auth API: the desktop's status bar and its settings' Test buttons ask it. Every request has a timeout;
// the answer comes back on this object's thread, and only while `context` is alive.
class HttpProbe : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ProbeAnswer &answer)>;
    static constexpr std::chrono::milliseconds DefaultTimeout {5000};

    explicit HttpProbe(QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Any HTTP answer from the server is Ok: the service is there, whatever the path.
    void probe(const QString &url, QObject *context, Callback done);
    // GET `url`: a 2xx or 3xx answer, or one of `expected` (401 from an endpoint that needs a token, 405 from one
    // that takes only POST), is Ok, described by `expectedNote`; any other HTTP status is a Warning that names it.
    void check(const QString &url, const QList<int> &expected, const QString &expectedNote, QObject *context,
               Callback done);
    // The notifications API at `baseUrl` (docs/platform.md 5), the same way wherever it is asked (the status bar and
    // the settings' Test button): GET its one endpoint, send_email, which takes only POST. 405 means the address is
    // right (and nothing is sent); a 404 is a Warning, the address is wrong; no answer is Failed.
    void checkNotificationsApi(const QString &baseUrl, QObject *context, Callback done);

private:
    // An empty or malformed address, answered at once (on the event loop, as a network answer would be); false when
    // the address can be asked.
    bool refuseAddress(const QString &url, QObject *context, const Callback &done);

    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
};

} // namespace fo
