#include "tests/common/NotificationMessages.h"

#include "tests/common/HttpStub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

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

QVector<NotificationMessage> notificationList(const HttpStub &stub, const QString &toEmail)
{
    QVector<NotificationMessage> list;
    static const QRegularExpression subject(QStringLiteral("^\\[Iteration #(\\d+)\\] (.*)$"));
    for (const HttpStub::Request &request : stub.requests()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        NotificationMessage message;
        message.toEmail = body.value(QStringLiteral("to_email")).toString();
        if (!toEmail.isEmpty() && message.toEmail != toEmail)
            continue;
        message.subject = body.value(QStringLiteral("subject")).toString();
        const QRegularExpressionMatch match = subject.match(message.subject);
        if (!match.hasMatch())
            continue;
        message.iteration = match.captured(1).toInt();
        message.kind = messageKind(match.captured(2));
        message.html = body.value(QStringLiteral("message")).toString();
        list.append(message);
    }
    return list;
}

NotificationMessages notificationMessages(const HttpStub &stub, const QString &toEmail)
{
    NotificationMessages messages;
    for (const NotificationMessage &message : notificationList(stub, toEmail)) {
        messages.byIteration[message.iteration] << message.kind;
        ++messages.total;
    }
    return messages;
}

QPair<QString, QString> messageHeader(const QString &html)
{
    static const QRegularExpression header(QStringLiteral("^<html><body><p>Пользователь: ([^<]*)</p><p>Время запуска: "
                                                          "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC)(?:</p>|<br>)"));
    const QRegularExpressionMatch match = header.match(html);
    return match.hasMatch() ? qMakePair(match.captured(1), match.captured(2)) : QPair<QString, QString>();
}

void verifyNotCompletedMessage(const NotificationMessage &start, const NotificationMessage &end)
{
    QCOMPARE(start.kind, QStringLiteral("start"));
    QCOMPARE(end.kind, QStringLiteral("not completed"));
    QCOMPARE(end.toEmail, start.toEmail);
    QCOMPARE(end.subject, QStringLiteral("[Iteration #%1] Поиск выбросов не завершён").arg(start.iteration));
    QCOMPARE(end.iteration, start.iteration);
    const QPair<QString, QString> startHeader = messageHeader(start.html);
    QVERIFY2(!startHeader.first.isEmpty(), qPrintable(start.html));
    QCOMPARE(messageHeader(end.html), startHeader);
    QCOMPARE(startHeader.first, start.toEmail.toHtmlEscaped());
    static const QRegularExpression shape(QStringLiteral(
        "^<html><body><p>Пользователь: [^<]*</p><p>Время запуска: [^<]*</p><p>([^<]*)</p></body></html>$"));
    const QRegularExpressionMatch match = shape.match(end.html);
    QVERIFY2(match.hasMatch(), qPrintable(end.html));
    const QString said = match.captured(1);
    for (const QString &words : {QStringLiteral("не завершился"), QStringLiteral("Ничего не сохранено"),
                                 QStringLiteral("будет выполнен снова")})
        QVERIFY2(said.contains(words), qPrintable(said));
}

} // namespace fo::test
