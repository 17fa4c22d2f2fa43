#include "app/JsonLog.h"

#include "core/LogContext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <cstdio>
#include <cstring>

namespace fo::jsonlog {
namespace {

std::atomic_bool g_enabled {false};
std::atomic_bool g_verbose {false};

QMutex &writeMutex()
{
    static QMutex mutex;
    return mutex;
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("error");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void writeLine(const QByteArray &line)
{
    QMutexLocker lock(&writeMutex());
    QByteArray bytes = line;
    bytes += '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *category = context.category ? context.category : "default";
    if (!g_verbose.load() && type != QtFatalMsg && std::strncmp(category, "fo.", 3) != 0)
        return; // Qt's own message (a QtSql warning, a driver's): only with --verbose, as in the text format
    const LogContext &run = LogContext::current();
    writeLine(record(type, QString::fromUtf8(category), run.email, run.iteration, message));
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void install(bool verbose)
{
    g_verbose = verbose;
    g_enabled = true;
    qInstallMessageHandler(handler);
}

bool enabled()
{
    return g_enabled.load();
}

QByteArray record(QtMsgType type, const QString &category, const QString &email, int iteration, const QString &message,
                  const QJsonObject *extra)
{
    QJsonObject object;
    object.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("level"), levelName(type));
    object.insert(QStringLiteral("category"), category);
    object.insert(QStringLiteral("email"), email.isNull() ? QJsonValue() : QJsonValue(email));
    object.insert(QStringLiteral("iteration"), iteration > 0 ? QJsonValue(iteration) : QJsonValue());
    object.insert(QStringLiteral("message"), message);
    if (extra) {
        for (auto it = extra->begin(); it != extra->end(); ++it)
            object.insert(it.key(), it.value());
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void write(QtMsgType type, const char *category, const QString &message, const QJsonObject *extra)
{
    const LogContext &run = LogContext::current();
    writeFor(type, category, run.email, run.iteration, message, extra);
}

void writeFor(QtMsgType type, const char *category, const QString &email, int iteration, const QString &message,
              const QJsonObject *extra)
{
    writeLine(record(type, QString::fromLatin1(category), email, iteration, message, extra));
}

} // namespace fo::jsonlog
