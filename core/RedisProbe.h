#pragma once

#include "core/ProbeAnswer.h"

#include <QCoreApplication>

#include <chrono>
#include <functional>

class QObject;

namespace fo {

// "Can Redis be reached?", asked the way RedisFlag talks to it: hiredis connects with a timeout and sends PING. A PONG
// is Ok, and so is NOAUTH (only a Redis server says it: it wants a password, which this tool, like its flag, never
// sends, since the platform configures none). An answer in another protocol, a refused connection or silence until
// the timeout is Failed, with words that say which.
class RedisProbe
{
    Q_DECLARE_TR_FUNCTIONS(fo::RedisProbe)

public:
    using Callback = std::function<void(const ProbeAnswer &answer)>;
    static constexpr std::chrono::milliseconds DefaultTimeout {5000};

    // Blocks for at most `timeout` in all (connecting and the answer): call it off the GUI thread.
    static ProbeAnswer ping(const QString &host, int port, std::chrono::milliseconds timeout = DefaultTimeout);

    // The same on a thread of the global thread pool; `done` runs on `context`'s thread, and only while `context` is
    // alive (a window closed meanwhile gets no answer).
    static void ping(const QString &host, int port, QObject *context, Callback done,
                     std::chrono::milliseconds timeout = DefaultTimeout);
};

} // namespace fo
