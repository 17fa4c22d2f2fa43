#pragma once

#include "core/Config.h"
#include "core/Pipeline.h"
#include "core/StageTimer.h"

#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>

namespace fo {

// Runs the pipeline for many emails with at most `jobs` at a time. Each worker is a QThread with its own database,
// Redis and network connections (STYLE.md 5); its database connection is kept from one email to the next
// (Pipeline::setKeepConnection) and opened again after a failure. One email's failure does not stop the others.
//
// A run that fails for a connection-level reason (RunReport::transient: the server refused or lost the connection,
// has too many connections, is starting or shutting down) is run again for the same email, for at most
// `retryForSeconds` after its first such failure. The workers back off together: one connection failure closes a
// shared gate for a delay that doubles with each failure in a row (0.25 s up to 2 s), no worker starts a run while
// it is closed, and the number of runs at a time drops to the number still under way (the connections the server
// gave us), growing back by one after every 5 x that many runs that get through. A restarting server or a role's
// connection limit is so met by a few attempts instead of the whole queue.
// Other failures (the data, a privilege, an invalid email) are never run again.
class BatchRunner
{
public:
    // --retry-for when it is not given: what --help says, what the option holds, and what a batch gets.
    static constexpr int DefaultRetryForSeconds = 60;

    struct Options
    {
        int jobs = 1;
        RunRequest request; // every field but email is used for each email
        int retryForSeconds = DefaultRetryForSeconds; // 0: never run an email again
        bool stageTimes = false; // time each stage of every run (StageTimer); passed to the finished callback
    };

    BatchRunner(Config config, Options options);

    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    struct Finished
    {
        int index = 0; // 0-based, in the order given
        int total = 0;
        const RunReport *report = nullptr;
        double seconds = 0; // all attempts
        int attempts = 0;
        const StageTimer *stages = nullptr; // the last attempt's stages; null unless Options::stageTimes
    };
    // Called on the worker's thread, serialised, after each email.
    void setOnFinished(std::function<void(const Finished &finished)> fn) { m_onFinished = std::move(fn); }
    void setWarningCallback(std::function<void(const QString &email, const QString &text)> fn)
    {
        m_onWarning = std::move(fn);
    }
    // Called, serialised, when a connection failure makes every worker wait: the failure and the delay.
    void setBackoffCallback(std::function<void(const QString &email, const QString &error, double seconds)> fn)
    {
        m_onBackoff = std::move(fn);
    }

    // Returns one report per email, in the order given.
    QVector<RunReport> run(const QStringList &emails);

private:
    Config m_config;
    Options m_options;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(const Finished &)> m_onFinished;
    std::function<void(const QString &, const QString &)> m_onWarning;
    std::function<void(const QString &, const QString &, double)> m_onBackoff;
};

// An email list as read: the emails in order, each once, and those that were listed more than once.
struct EmailList
{
    QStringList emails;
    struct Duplicate
    {
        QString email;
        QList<int> lines; // every line (1-based) that lists it
    };
    QList<Duplicate> duplicates;
};

// Reads one email per line from a file, or from standard input when path is "-". Blank lines and lines starting
// with # are skipped; surrounding whitespace (and a CR) is removed. An email listed again (exactly the same text:
// the platform matches emails exactly) is kept once, at its first place. Invalid emails are kept: the run reports
// them.
Result<EmailList> readEmailList(const QString &path);

} // namespace fo
