#pragma once

#include <QString>

namespace fo {

// The run that the calling thread is working on, for log records that name it (--log-format json: "email" and
// "iteration"). Each thread has its own: a batch worker sets it for the email it runs.
struct LogContext
{
    QString email;
    int iteration = 0; // 0 until the run has its number

    static LogContext &current(); // this thread's
};

} // namespace fo
