#include "core/Logging.h"

#include "core/TerminalText.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcServerNotice, "fo.core.db.server")

namespace fo {
namespace {

std::atomic_bool g_verbose {false};
std::atomic_bool g_installed {false};

bool isOurCategory(const char *category)
{
    return category && std::strncmp(category, "fo.", 3) == 0;
}

QString withoutTrailingLineEnds(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && (text.at(end - 1) == QLatin1Char('\n') || text.at(end - 1) == QLatin1Char('\r')))
        --end;
    return text.left(end);
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Qt's own messages are for the verbose log; a fatal one is always shown, since the process ends with it.
    if (!isOurCategory(context.category) && !g_verbose.load() && type != QtFatalMsg)
        return;
    const QString line = qFormatLogMessage(type, context, escapeControlChars(withoutTrailingLineEnds(message)));
    const QByteArray bytes = line.toUtf8() + '\n';
    static QMutex mutex; // whole lines, also from the batch's worker threads
    const QMutexLocker locker(&mutex);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

extern "C" void logServerNotice(void *, const char *message)
{
    qCDebug(lcServerNotice).noquote() << withoutTrailingLineEnds(QString::fromUtf8(message));
}

} // namespace

void installMessageHandler(bool verbose)
{
    g_verbose.store(verbose);
    if (!g_installed.exchange(true))
        qInstallMessageHandler(handleMessage);
}

void routeServerNotices(QSqlDatabase &db)
{
    if (!db.driver())
        return;
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); Qt's documentation and Qt 5 say "PGconn*".
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return;
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    if (conn)
        PQsetNoticeProcessor(conn, logServerNotice, nullptr);
}

} // namespace fo
