#include "core/HttpProbe.h"

#include "core/HttpUrl.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace fo {
namespace {

// The callback, called only while its context is alive.
HttpProbe::Callback guarded(QObject *context, HttpProbe::Callback done)
{
    return [guard = QPointer<QObject>(context), done = std::move(done)](const ProbeAnswer &answer) {
        if (guard && done)
            done(answer);
    };
}

} // namespace

HttpProbe::HttpProbe(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) { }

bool HttpProbe::refuseAddress(const QString &url, QObject *context, const Callback &done)
{
    const QUrl target(url.trimmed());
    ProbeAnswer answer;
    if (url.trimmed().isEmpty())
        answer = {ProbeAnswer::Outcome::NotConfigured, tr("Not configured.")};
    else if (!isHttpUrl(target))
        answer = {ProbeAnswer::Outcome::Failed, tr("“%1” is not a valid http(s) URL.").arg(url)};
    else
        return false;
    QTimer::singleShot(0, this, [answer, callback = guarded(context, done)] { callback(answer); });
    return true;
}

void HttpProbe::probe(const QString &url, QObject *context, Callback done)
{
    if (refuseAddress(url, context, done))
        return;
    QNetworkRequest request(QUrl(url.trimmed()));
    request.setTransferTimeout(int(m_timeout.count()));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, url, answer = guarded(context, std::move(done))] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0)
            answer({ProbeAnswer::Outcome::Ok, tr("%1 answers (HTTP %2).").arg(url).arg(status)});
        else
            answer({ProbeAnswer::Outcome::Failed, tr("Cannot reach %1: %2").arg(url, reply->errorString())});
    });
}

void HttpProbe::check(const QString &url, const QList<int> &expected, const QString &expectedNote, QObject *context,
                      Callback done)
{
    if (refuseAddress(url, context, done))
        return;
    QNetworkRequest request(QUrl(url.trimmed()));
    request.setTransferTimeout(int(m_timeout.count()));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this,
            [reply, url, expected, expectedNote, answer = guarded(context, std::move(done))] {
                reply->deleteLater();
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 0)
                    answer({ProbeAnswer::Outcome::Failed, tr("Cannot reach %1: %2").arg(url, reply->errorString())});
                else if (expected.contains(status))
                    answer({ProbeAnswer::Outcome::Ok,
                            tr("%1 answers (HTTP %2: %3).").arg(url).arg(status).arg(expectedNote)});
                else if (status >= 200 && status < 400)
                    answer({ProbeAnswer::Outcome::Ok, tr("%1 answers (HTTP %2).").arg(url).arg(status)});
                else
                    answer({ProbeAnswer::Outcome::Warning,
                            tr("%1 is reachable, but answered HTTP %2: check the address.").arg(url).arg(status)});
            });
}

void HttpProbe::checkNotificationsApi(const QString &baseUrl, QObject *context, Callback done)
{
    const QString base = serviceBaseText(baseUrl);
    const QString url = base.isEmpty() ? QString() : base + QStringLiteral("/send_email");
    check(url, {405}, tr("the send_email endpoint is there"), context, std::move(done));
}

} // namespace fo
