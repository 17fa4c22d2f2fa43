#pragma once

#include "core/Config.h"
#include "core/RunReport.h"

#include <atomic>
#include <functional>
#include <memory>

namespace fo {

class RedisFlag;
class StageTimer;

enum class Stage {
    Connecting,
    Locking,
    Flagging,
    NotifyingStart,
    ReadingRaw,
    ReadingProcessed,
    Detecting,
    Writing,
    NotifyingEnd,
    Done
};

struct RunRequest
{
    QString email;
    QString operatorEmail; // who started it from the desktop; empty when headless
    double rawThreshold = DefaultRawThreshold;
    double processedThreshold = DefaultProcessedThreshold;
    bool dryRun = false; // compute and report; write nothing, no flag, no notifications
    bool notify = true; // send the start and completion notifications
    bool keepSeries = false; // keep every point with its time (for charts)
    QString bearerToken; // optional Authorization for the notifications API
};

struct ProgressUpdate
{
    Stage stage = Stage::Connecting;
    qint64 count = 0; // rows read so far, or outliers written
};

// One run for one email, exactly as docs/platform.md 2 describes. Synchronous: call it on the thread that should do the
// work (the headless main thread, or the desktop's worker thread). It opens its own database connection, Redis
// connection and network manager, all owned by the calling thread (use one Pipeline on one thread only).
class Pipeline
{
public:
    using ProgressFn = std::function<void(const ProgressUpdate &)>;
    using LogFn = std::function<void(const QString &)>;

    explicit Pipeline(Config config);
    ~Pipeline();
    Pipeline(const Pipeline &) = delete;
    Pipeline &operator=(const Pipeline &) = delete;

    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }
    // Called for each warning as it happens (they are also collected in the report).
    void setWarningCallback(LogFn fn) { m_warn = std::move(fn); }
    // Cooperative cancellation: checked between batches of rows and between stages.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    // Times each stage of every run (connect, table check, lock, reservation, reads, write...); null: none.
    void setStageTimer(StageTimer *timer) { m_timer = timer; }
    // For a batch: keep the database connection from one run to the next (on this thread), with what it learned
    // once (the record tables' column types, the privilege check, the outlier rows already searched for iteration
    // numbers), instead of a new connection and the same catalog queries for every email. Each run still has its own
    // lock, reservation and write transaction. A run that fails or is cancelled closes it; the next opens a new one.
    void setKeepConnection(bool keep);

    // Returns the report. status tells how it ended; on Failed, `error` says why and nothing was written.
    RunReport run(const RunRequest &request);

private:
    struct Ending
    {
        RunStatus status;
        QString error;
    };
    struct Context;
    struct Session;
    Ending execute(const RunRequest &request, RunReport &report, Context &context);
    // A run that ends without storing its results: records the reserved attempt as failed or cancelled, and sends
    // the end message that must follow a start message.
    void endUnstored(RunReport &report, Context &context) const;
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void progress(Stage stage, qint64 count = 0) const;
    void warn(RunReport &report, const QString &text) const;
    void lap(const char *stage) const;

    Config m_config;
    ProgressFn m_progress;
    LogFn m_warn;
    const std::atomic_bool *m_cancel = nullptr;
    StageTimer *m_timer = nullptr;
    std::unique_ptr<Session> m_session; // with setKeepConnection(true)
};

} // namespace fo
