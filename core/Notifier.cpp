#include "Notifier.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

Q_LOGGING_CATEGORY(lcNotify, "fo.core.notifications")

namespace fo {
namespace {

QString minuteText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString esc(const QString &text) { return text.toHtmlEscaped(); }

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
    html += QStringLiteral("<p>Проверено записей: %1<br>Найдено выбросов: %2</p>").arg(table.rows).arg(table.outlierCount);
    if (table.types.isEmpty())
        return html + QStringLiteral("<p>Записей нет.</p>");
    html += QStringLiteral("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"
                           "<tr><th>Тип данных</th><th>Записей</th><th>Выбросов</th></tr>");
    for (const TypeReport &type : table.types) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(type.dataType))
                    .arg(type.rows)
                    .arg(type.outliers.size());
    }
    return html + QStringLiteral("</table>");
}

} // namespace

Notifier::Notifier(QString baseUrl, QString bearerToken)
    : m_baseUrl(std::move(baseUrl)), m_bearerToken(std::move(bearerToken)), m_network(new QNetworkAccessManager)
{
}

Notifier::~Notifier() { delete m_network; }

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
    QString base = m_baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QStringLiteral("/send_email"));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("The %1 notification was not sent: NOTIFICATIONS_API_BASE_URL \"%2\" is not an http(s) "
                              "URL.")
            .arg(what, displayUrl(m_baseUrl));

    QJsonObject body;
    body.insert(QStringLiteral("to_email"), toEmail);
    body.insert(QStringLiteral("subject"), subject);
    body.insert(QStringLiteral("message"), html);
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);

    QString lastFailure;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setTransferTimeout(TimeoutMs);
        if (!m_bearerToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_bearerToken.toUtf8());
        QNetworkReply *reply = m_network->post(request, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const QString errorText = reply->errorString();
        reply->deleteLater();

        if (status == 200) {
            qCDebug(lcNotify) << what << "notification sent";
            return {};
        }
        bool retry = false;
        if (status >= 500) {
            lastFailure = QStringLiteral("the API answered HTTP %1").arg(status);
            retry = true;
        } else if (status != 0) {
            lastFailure = QStringLiteral("the API answered HTTP %1").arg(status);
        } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            lastFailure = QStringLiteral("no answer within %1 s").arg(TimeoutMs / 1000);
            retry = true;
        } else {
            lastFailure = QStringLiteral("network error: %1").arg(errorText);
            retry = true;
        }
        if (!retry)
            break;
    }
    return QStringLiteral("The %1 notification to %2 was not sent (%3). The run goes on; check "
                          "NOTIFICATIONS_API_BASE_URL (%4).")
        .arg(what, toEmail, lastFailure, displayUrl(url.toString()));
}

} // namespace fo
