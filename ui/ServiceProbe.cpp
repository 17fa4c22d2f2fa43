#include "ServiceProbe.h"

#include "HttpUrl.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace fo::ui {

ServiceProbe::ServiceProbe(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

void ServiceProbe::probeRedis(const QString &host, int port, QObject *context, Callback done)
{
    QPointer<QObject> guard(context);
    auto answered = std::make_shared<bool>(false);
    auto answer = [guard, done, answered](bool ok, const QString &message) {
        if (*answered)
            return;
        *answered = true;
        if (guard && done)
            done(ok, message);
    };
    if (host.trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [answer] { answer(false, tr("Redis is not configured: the run flag is skipped.")); });
        return;
    }
    auto *socket = new QTcpSocket(this);
    const QString where = host + QLatin1Char(':') + QString::number(port);
    connect(socket, &QTcpSocket::connected, socket, [socket] { socket->write("PING\r\n"); });
    connect(socket, &QTcpSocket::readyRead, socket, [socket, answer, where] {
        const QByteArray line = socket->readAll();
        if (line.startsWith("+PONG") || line.startsWith("-NOAUTH"))
            answer(true, tr("Redis at %1 answers.").arg(where));
        else
            answer(false, tr("%1 answered, but not like a Redis server.").arg(where));
        socket->disconnectFromHost();
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [socket, answer, where] {
        answer(false, tr("Cannot reach Redis at %1: %2").arg(where, socket->errorString()));
        socket->deleteLater();
    });
    QPointer<QTcpSocket> socketGuard(socket);
    QTimer::singleShot(m_timeoutMs, this, [socketGuard, answer, where, this] {
        answer(false, tr("Redis at %1 did not answer within %n second(s).", nullptr, m_timeoutMs / 1000).arg(where));
        if (socketGuard) {
            socketGuard->abort();
            socketGuard->deleteLater();
        }
    });
    socket->connectToHost(host, quint16(port));
}

void ServiceProbe::probeHttp(const QString &url, QObject *context, Callback done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](bool ok, const QString &message) {
        if (guard && done)
            done(ok, message);
    };
    const QUrl target(url.trimmed());
    if (url.trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [answer] { answer(false, tr("Not configured.")); });
        return;
    }
    if (!isHttpUrl(target)) {
        QTimer::singleShot(0, this, [answer, url] { answer(false, tr("“%1” is not a valid http(s) URL.").arg(url)); });
        return;
    }
    QNetworkRequest request(target);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, answer, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0)
            answer(true, tr("%1 answers (HTTP %2).").arg(url).arg(status));
        else
            answer(false, tr("Cannot reach %1: %2").arg(url, reply->errorString()));
    });
}

void ServiceProbe::checkHttp(const QString &url, const QList<int> &expected, const QString &expectedNote,
                             QObject *context, OutcomeCallback done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](Outcome outcome, const QString &message) {
        if (guard && done)
            done(outcome, message);
    };
    const QUrl target(url.trimmed());
    if (url.trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [answer] { answer(Outcome::NotConfigured, tr("Not configured.")); });
        return;
    }
    if (!isHttpUrl(target)) {
        QTimer::singleShot(0, this,
                           [answer, url] { answer(Outcome::Failed, tr("“%1” is not a valid http(s) URL.").arg(url)); });
        return;
    }
    QNetworkRequest request(target);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, answer, url, expected, expectedNote] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            answer(Outcome::Failed, tr("Cannot reach %1: %2").arg(url, reply->errorString()));
        else if (expected.contains(status))
            answer(Outcome::Ok, tr("%1 answers (HTTP %2: %3).").arg(url).arg(status).arg(expectedNote));
        else if (status >= 200 && status < 400)
            answer(Outcome::Ok, tr("%1 answers (HTTP %2).").arg(url).arg(status));
        else
            answer(Outcome::Warning,
                   tr("%1 is reachable, but answered HTTP %2: check the address.").arg(url).arg(status));
    });
}

} // namespace fo::ui
