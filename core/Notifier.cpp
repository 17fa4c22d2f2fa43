#include "core/Notifier.h"

#include "core/HttpUrl.h"

#include <QEventLoop>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcNotify, "fo.core.notifications")

namespace fo {
namespace {

QString minuteText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// The URL for a message a person reads: without the password of http://user:password@host/ (a secret).
QString displayUrl(const QString &text)
{
    const QUrl url(text);
    if (url.isValid())
        return url.toDisplayString(QUrl::RemovePassword);
    return text.contains(QLatin1Char('@')) ? QStringLiteral("(not shown: it may hold a password)") : text;
}

QString tableSection(const QString &title, const TableReport &table)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(title));
    html +=
        QStringLiteral("<p>Проверено записей: %1<br>Найдено выбросов: %2</p>").arg(table.rows).arg(table.outlierCount);
    if (table.types.isEmpty())
        return html + QStringLiteral("<p>Записей нет.</p>");
    html += QStringLiteral("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"
                           "<tr><th>Тип данных</th><th>Записей</th><th>Выбросов</th></tr>");
    for (const TypeReport &type : table.types) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(displayDataType(type.dataType, type.dataTypeIsNull)))
                    .arg(type.rows)
                    .arg(type.outliers.size());
    }
    return html + QStringLiteral("</table>");
}

// A request body that can be read once only. Qt's HTTP layer cannot rewind it, so it cannot send a request again
// by itself after the connection closed: the reply fails with ContentReSendError instead.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data) : m_data(std::move(data)) { open(QIODevice::ReadOnly); }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
        std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

// Errors that happen before a connection exists, so the API cannot have received anything. A timeout counts only
// when no byte of the request was written (the caller checks that).
bool neverReachedServer(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout, while connecting
    case QNetworkReply::TimeoutError:
        return true;
    default:
        return false;
    }
}

} // namespace

Notifier::Notifier(QString baseUrl, QString bearerToken)
    : m_baseUrl(std::move(baseUrl)), m_bearerToken(std::move(bearerToken)), m_network(new QNetworkAccessManager)
{ }

Notifier::~Notifier()
{
    delete m_network;
}

QString Notifier::startSubject(int iteration)
{
    return QStringLiteral("[Iteration #%1] Запуск поиска выбросов").arg(iteration);
}

QString Notifier::completionSubject(int iteration)
{
    return QStringLiteral("[Iteration #%1] Завершение поиска выбросов").arg(iteration);
}

QString Notifier::startHtml(const RunReport &report)
{
    return QStringLiteral("<html><body><p>Пользователь: %1</p><p>Время запуска: %2</p>"
                          "<p>Начинается поиск выбросов по всем записям.</p></body></html>")
        .arg(esc(report.email), esc(minuteText(report.startedAt)));
}

QString Notifier::completionHtml(const RunReport &report)
{
    return QStringLiteral("<html><body><p>Пользователь: %1</p><p>Время запуска: %2<br>Время завершения: %3</p>"
                          "%4%5</body></html>")
        .arg(esc(report.email), esc(minuteText(report.startedAt)), esc(minuteText(report.finishedAt)),
             tableSection(QStringLiteral("Исходные записи (raw)"), report.raw),
             tableSection(QStringLiteral("Обработанные записи (processed)"), report.processed));
}

QString Notifier::notCompletedSubject(int iteration)
{
    return QStringLiteral("[Iteration #%1] Поиск выбросов не завершён").arg(iteration);
}

QString Notifier::notCompletedHtml(const RunReport &report)
{
    return QStringLiteral("<html><body><p>Пользователь: %1</p><p>Время запуска: %2</p>"
                          "<p>Этот поиск выбросов не завершился. Ничего не сохранено; поиск будет выполнен снова.</p>"
                          "</body></html>")
        .arg(esc(report.email), esc(minuteText(report.startedAt)));
}

QString Notifier::sendNotCompleted(const RunReport &report)
{
    return send(report.email, notCompletedSubject(report.iteration), notCompletedHtml(report), QStringLiteral("end"));
}

QString Notifier::sendStart(const RunReport &report)
{
    return send(report.email, startSubject(report.iteration), startHtml(report), QStringLiteral("start"));
}

QString Notifier::sendCompletion(const RunReport &report)
{
    return send(report.email, completionSubject(report.iteration), completionHtml(report),
                QStringLiteral("completion"));
}

QString Notifier::send(const QString &toEmail, const QString &subject, const QString &html, const QString &what)
{
    const QUrl url = serviceUrl(m_baseUrl, QStringLiteral("/send_email"));
    if (!isHttpUrl(url))
        return QStringLiteral("The %1 notification was not sent: NOTIFICATIONS_API_BASE_URL \"%2\" is not an http(s) "
                              "URL.")
            .arg(what, displayUrl(m_baseUrl));

    QJsonObject body;
    body.insert(QStringLiteral("to_email"), toEmail);
    body.insert(QStringLiteral("subject"), subject);
    body.insert(QStringLiteral("message"), html);
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);

    // The retry policy (README, "What happens when..."): a user must never get the same message twice, so a request
    // is sent again only when it certainly did not reach the API.
    QString lastFailure;
    bool mayHaveArrived = false;
    for (int attempt = 1; attempt <= MaxAttempts; ++attempt) {
        if (attempt > 1) {
            qCInfo(lcNotify) << what << "notification: trying again in" << RetryPauseMs << "ms after" << lastFailure;
            QEventLoop pause;
            QTimer::singleShot(RetryPauseMs, &pause, &QEventLoop::quit);
            pause.exec(QEventLoop::ExcludeUserInputEvents);
        }
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
        request.setTransferTimeout(TimeoutMs);
        if (!m_bearerToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_bearerToken.toUtf8());
        // A fresh connection for every message: a kept-alive connection that the server closes just as we write to
        // it would leave us unsure whether the message arrived.
        request.setRawHeader("Connection", "close");
        // HTTP/1.1 only: the one-shot body below is what stops Qt's own resend, and that is what we test.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, false);
        // A redirect is reported, not followed: following it means sending the message again (a POST that became a
        // GET, on a 301 or 302, would not be the message at all).
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        // Qt's HTTP layer sends a request again by itself when the connection closes before an answer (even a POST,
        // in Qt 6.4). A body that cannot be read twice, and that Qt may not copy, makes that resend fail instead.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *oneShotBody = new OneShotBody(payload);
        QNetworkReply *reply = m_network->post(request, oneShotBody);
        oneShotBody->setParent(reply);
        // Whether any of the request went out. The connections end with the loop (their context).
        QEventLoop loop;
        bool requestSent = false;
        QObject::connect(reply, &QNetworkReply::requestSent, &loop, [&requestSent] { requestSent = true; });
        QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, [&requestSent](qint64 sent, qint64) {
            if (sent > 0)
                requestSent = true;
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const QString errorText = reply->errorString();
        const QUrl redirect = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        reply->deleteLater();

        if (status == 200) {
            qCDebug(lcNotify) << what << "notification sent";
            return {};
        }
        bool retry = false;
        if (status != 0) {
            // An answer. 503 says that the API did not act on the request (a proxy in front of a service that is
            // down, or the service shedding load): worth one more try. A 3xx or 4xx refused the request, and would
            // refuse it again. Any other status (500, 502, 504, a 2xx that is not 200) may come after the message
            // was stored or relayed, so it is not sent again.
            lastFailure = QStringLiteral("the API answered HTTP %1").arg(status);
            if (status >= 300 && status < 400 && redirect.isValid())
                lastFailure += QStringLiteral(", a redirect to %1").arg(displayUrl(url.resolved(redirect).toString()));
            retry = status == 503;
            mayHaveArrived = (status >= 500 && status != 503) || status < 300;
        } else if (!requestSent && neverReachedServer(error)) {
            // Refused, unknown host, or no connection within the timeout: nothing was sent.
            lastFailure = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError
                ? QStringLiteral("no connection within %1 s").arg(TimeoutMs / 1000)
                : QStringLiteral("network error: %1").arg(errorText);
            retry = true;
            mayHaveArrived = false;
        } else if (!requestSent && error == QNetworkReply::SslHandshakeFailedError) {
            // Nothing is sent before the TLS handshake succeeds; trying again would fail the same way.
            lastFailure = QStringLiteral("network error: %1").arg(errorText);
            mayHaveArrived = false;
        } else {
            // The request went out and no answer came back: the API may have acted on it.
            mayHaveArrived = true;
            if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
                lastFailure = QStringLiteral("no answer within %1 s").arg(TimeoutMs / 1000);
            else if (error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::ContentReSendError)
                lastFailure = QStringLiteral("network error: Connection closed before an answer");
            else
                lastFailure = QStringLiteral("network error: %1").arg(errorText);
        }
        qCInfo(lcNotify) << what << "notification, attempt" << attempt << "failed:" << lastFailure;
        if (!retry)
            break;
    }
    if (mayHaveArrived)
        return QStringLiteral("The %1 notification to %2 may not have been sent (%3). It is not sent again, so that "
                              "the user never gets it twice. The run goes on; check NOTIFICATIONS_API_BASE_URL (%4).")
            .arg(what, toEmail, lastFailure, displayUrl(url.toString()));
    return QStringLiteral("The %1 notification to %2 was not sent (%3). The run goes on; check "
                          "NOTIFICATIONS_API_BASE_URL (%4).")
        .arg(what, toEmail, lastFailure, displayUrl(url.toString()));
}

} // namespace fo
