#pragma once

// What the notifications API's stand-in (an HttpStub) received, read back the way the user sees it: the messages per
// iteration number, each by its kind ("start", "completion", "not completed"; any other subject as its own text).
// The subjects are the tool's (docs/platform.md 5): "[Iteration #N] Запуск поиска выбросов", ...

#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fo::test {

class HttpStub;

struct NotificationMessages
{
    QMap<int, QStringList> byIteration;
    int total = 0;
};

// One message as the stub received it.
struct NotificationMessage
{
    int iteration = 0; // N of the subject's "[Iteration #N] "
    QString kind; // messageKind()
    QString toEmail;
    QString subject;
    QString html;
};

// The kind of a message by its subject without the "[Iteration #N] " prefix.
QString messageKind(const QString &subjectText);
// The messages that `stub` received with an iteration subject; only those to toEmail when it is given.
NotificationMessages notificationMessages(const HttpStub &stub, const QString &toEmail = QString());
// The same messages one by one, in the order they came.
QVector<NotificationMessage> notificationList(const HttpStub &stub, const QString &toEmail = QString());

// Checks with Qt Test's macros (FO_RETURN_IF_FAILED after it) that `end` is the "did not complete" message of the
// attempt that `start` announced (docs/platform.md 5): to the same user, for the same iteration number (named in its
// subject), in Russian and in the HTML of the other two messages: the user (HTML-escaped) and the start time in the
// same paragraphs as `start` has them, then the one paragraph saying that the search did not complete, that nothing
// was saved and that it will run again.
void verifyNotCompletedMessage(const NotificationMessage &start, const NotificationMessage &end);
// The paragraphs every message opens with: the user as the HTML has it, and the start time ("2026-06-01 12:00 UTC");
// both empty when the message does not open so.
QPair<QString, QString> messageHeader(const QString &html);

} // namespace fo::test
