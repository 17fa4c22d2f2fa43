#include "core/RedisProbe.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <cerrno>
#include <hiredis/hiredis.h>
#include <memory>
#include <sys/time.h>

namespace fo {
namespace {

timeval toTimeval(std::chrono::milliseconds timeout)
{
    const auto ms = std::max<std::chrono::milliseconds::rep>(timeout.count(), 1);
    timeval tv {};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

bool timedOut(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == ETIMEDOUT || error == EINPROGRESS;
}

struct ContextFree
{
    void operator()(redisContext *context) const { redisFree(context); }
};

struct ReplyFree
{
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};

} // namespace

ProbeAnswer RedisProbe::ping(const QString &host, int port, std::chrono::milliseconds timeout)
{
    using Outcome = ProbeAnswer::Outcome;
    if (host.trimmed().isEmpty())
        return {Outcome::NotConfigured, tr("Redis is not configured: the run flag is skipped.")};
    const QString where = host + QLatin1Char(':') + QString::number(port);
    const auto silent = [&] {
        const int seconds = int(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
        return ProbeAnswer {Outcome::Failed,
                            tr("Redis at %1 did not answer within %n second(s).", nullptr, seconds).arg(where)};
    };

    QElapsedTimer clock;
    clock.start();
    const QByteArray hostBytes = host.toUtf8();
    errno = 0;
    std::unique_ptr<redisContext, ContextFree> context(
        redisConnectWithTimeout(hostBytes.constData(), port, toTimeval(timeout)));
    if (!context)
        return {Outcome::Failed, tr("Cannot reach Redis at %1: %2").arg(where, QStringLiteral("out of memory"))};
    if (context->err) {
        if (context->err == REDIS_ERR_IO && timedOut(errno))
            return silent();
        return {Outcome::Failed, tr("Cannot reach Redis at %1: %2").arg(where, QString::fromUtf8(context->errstr))};
    }

    // Whatever connecting took counts against the same timeout.
    const std::chrono::milliseconds left = timeout - std::chrono::milliseconds(clock.elapsed());
    if (left <= std::chrono::milliseconds::zero())
        return silent();
    redisSetTimeout(context.get(), toTimeval(left));
    errno = 0;
    std::unique_ptr<redisReply, ReplyFree> reply(static_cast<redisReply *>(redisCommand(context.get(), "PING")));
    if (!reply) {
        if (context->err == REDIS_ERR_PROTOCOL)
            return {Outcome::Failed, tr("%1 answered, but not like a Redis server.").arg(where)};
        if (context->err == REDIS_ERR_IO && timedOut(errno))
            return silent();
        return {Outcome::Failed, tr("Cannot reach Redis at %1: %2").arg(where, QString::fromUtf8(context->errstr))};
    }
    const QByteArray text = reply->str ? QByteArray(reply->str, qsizetype(reply->len)) : QByteArray();
    if ((reply->type == REDIS_REPLY_STATUS && text == "PONG")
        || (reply->type == REDIS_REPLY_ERROR && text.startsWith("NOAUTH")))
        return {Outcome::Ok, tr("Redis at %1 answers.").arg(where)};
    if (reply->type == REDIS_REPLY_ERROR) // a Redis server that refuses (protected mode, say): its words say why
        return {Outcome::Failed, tr("Cannot reach Redis at %1: %2").arg(where, QString::fromUtf8(text))};
    return {Outcome::Failed, tr("%1 answered, but not like a Redis server.").arg(where)};
}

void RedisProbe::ping(const QString &host, int port, QObject *context, Callback done, std::chrono::milliseconds timeout)
{
    auto promise = std::make_shared<QPromise<ProbeAnswer>>();
    promise->start();
    // A watcher that belongs to `context` hands the answer over on its thread; it goes with `context`, and the job
    // then finishes unheard. (Qt 6.4's QFuture::then(context, ...) reads the context from the pool's thread.)
    auto *watcher = new QFutureWatcher<ProbeAnswer>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        if (done && watcher->future().resultCount() > 0)
            done(watcher->result());
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, host, port, timeout] {
        promise->addResult(ping(host, port, timeout));
        promise->finish();
    });
}

} // namespace fo
