#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class QJsonObject;

namespace fo::jsonlog {

// --log-format json: every log record on stderr is one JSON object on one line, for a cluster's log collector:
//   {"time":"2026-12-06T11:00:00.123Z","level":"info","category":"fo.core.writer","email":"a@example.com",
//    "iteration":4,"message":"..."}
// "email" and "iteration" come from the thread's LogContext (null when the record is about no run). Everything is
// escaped by the JSON writer (quotes, backslashes, control characters, newlines in a message), so a record is always
// one line and one object whatever an email or an error text holds.

// Installs the handler for Qt's messages and turns on record(). Our categories (fo.*, filtered by the rules --verbose
// sets) always go out; Qt's own messages (QtSql's warnings, a driver's) only with `verbose`, as in the text format.
void install(bool verbose);
bool enabled();

// One record, without the newline. `email` null and `iteration` 0 mean "no run".
QByteArray record(QtMsgType type, const QString &category, const QString &email, int iteration, const QString &message,
                  const QJsonObject *extra = nullptr);

// Writes one record to stderr as one line (one write, serialised between threads), with this thread's LogContext.
void write(QtMsgType type, const char *category, const QString &message, const QJsonObject *extra = nullptr);
// The same for a message about one email (a batch's line for it).
void writeFor(QtMsgType type, const char *category, const QString &email, int iteration, const QString &message,
              const QJsonObject *extra = nullptr);

} // namespace fo::jsonlog
