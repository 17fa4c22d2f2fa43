#pragma once

// What the notifications API's stand-in (an HttpStub) received, read back the way the user sees it: the messages per
// iteration number, each by its kind ("start", "completion", "not completed"; any other subject as its own text).
// The subjects are the tool's (docs/platform.md 5): "[Iteration #N] Запуск поиска выбросов", ...

#include <QMap>
#include <QString>
#include <QStringList>

namespace fo::test {

class HttpStub;

struct NotificationMessages
{
    QMap<int, QStringList> byIteration;
    int total = 0;
};

// The kind of a message by its subject without the "[Iteration #N] " prefix.
QString messageKind(const QString &subjectText);
// The messages that `stub` received with an iteration subject; only those to toEmail when it is given.
NotificationMessages notificationMessages(const HttpStub &stub, const QString &toEmail = QString());

} // namespace fo::test
