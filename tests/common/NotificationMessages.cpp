#include "tests/common/NotificationMessages.h"

#include "tests/common/HttpStub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fo::test {

QString messageKind(const QString &subjectText)
{
    if (subjectText == QStringLiteral("Запуск поиска выбросов"))
        return QStringLiteral("start");
    if (subjectText == QStringLiteral("Завершение поиска выбросов"))
        return QStringLiteral("completion");
    if (subjectText == QStringLiteral("Поиск выбросов не завершён"))
        return QStringLiteral("not completed");
    return subjectText;
}

NotificationMessages notificationMessages(const HttpStub &stub, const QString &toEmail)
{
    NotificationMessages messages;
    static const QRegularExpression subject(QStringLiteral("^\\[Iteration #(\\d+)\\] (.*)$"));
    for (const HttpStub::Request &request : stub.requests()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (!toEmail.isEmpty() && body.value(QStringLiteral("to_email")).toString() != toEmail)
            continue;
        const QRegularExpressionMatch match = subject.match(body.value(QStringLiteral("subject")).toString());
        if (!match.hasMatch())
            continue;
        messages.byIteration[match.captured(1).toInt()] << messageKind(match.captured(2));
        ++messages.total;
    }
    return messages;
}

} // namespace fo::test
