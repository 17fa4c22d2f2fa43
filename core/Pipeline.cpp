#include "core/Pipeline.h"

#include "core/ConnectionFailure.h"
#include "core/Database.h"
#include "core/Email.h"
#include "core/EmailCase.h"
#include "core/LogContext.h"
#include "core/Notifier.h"
#include "core/NumpyMath.h"
#include "core/RecordReader.h"
#include "core/RedisFlag.h"
#include "core/RunLock.h"
#include "core/RunWriter.h"
#include "core/StageTimer.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcPipeline, "fo.core.pipeline")

namespace fo {
namespace {

constexpr int LockTimeoutMs = 30 * 60 * 1000;

QDateTime nowUtcMs()
{
    // Millisecond precision, so that what we write reads back identical from both databases.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

// Turns what was read for one table into its report: statistics and outliers per data type, sorted by type name.
TableReport detect(Source source, double k, std::vector<TypeAccumulator> &types, bool keepSeries)
{
    TableReport table;
    table.source = source;
    table.k = k;
    std::sort(types.begin(), types.end(), [](const TypeAccumulator &a, const TypeAccumulator &b) {
        // The NULL type first, then by name.
        return a.dataTypeIsNull != b.dataTypeIsNull ? a.dataTypeIsNull : a.dataType < b.dataType;
    });
    table.types.reserve(qsizetype(types.size())); // one allocation, not a doubling copy: memory follows the types
    std::vector<double> scratch;
    for (TypeAccumulator &acc : types) {
        TypeReport type;
        type.dataType = acc.dataType;
        type.dataTypeIsNull = acc.dataTypeIsNull;
        type.rows = acc.rows;
        type.numericRows = qint64(acc.values.size());
        type.skippedRows = type.rows - type.numericRows;
        type.k = k;
        type.mean = std::numeric_limits<double>::quiet_NaN();
        type.std = std::numeric_limits<double>::quiet_NaN();
        if (!acc.values.empty()) {
            const ZScoreStats stats = meanAndStd(acc.values.data(), acc.values.size(), scratch);
            type.mean = stats.mean;
            type.std = stats.std;
            for (std::size_t i = 0; i < acc.values.size(); ++i) {
                if (isOutlier(acc.values[i], stats, k)) {
                    OutlierPoint point;
                    point.recordId = acc.ids[i];
                    point.value = acc.values[i];
                    point.z = zScore(acc.values[i], stats);
                    if (!acc.timesMs.empty())
                        point.time = QDateTime::fromMSecsSinceEpoch(acc.timesMs[i], Qt::UTC);
                    type.outliers.push_back(point);
                }
            }
        }
        if (keepSeries) {
            type.series.ids = QVector<qint64>(acc.ids.begin(), acc.ids.end());
            type.series.timesMs = QVector<qint64>(acc.timesMs.begin(), acc.timesMs.end());
            type.series.values = QVector<double>(acc.values.begin(), acc.values.end());
        }
        // Free the type's memory as soon as it is done.
        std::vector<double>().swap(acc.values);
        std::vector<qint64>().swap(acc.ids);
        std::vector<qint64>().swap(acc.timesMs);
        table.rows += type.rows;
        table.outlierCount += type.outliers.size();
        table.types.push_back(std::move(type));
    }
    return table;
}

} // namespace

Pipeline::Pipeline(Config config) : m_config(std::move(config)) { }

void Pipeline::progress(Stage stage, qint64 count) const
{
    if (m_progress)
        m_progress(ProgressUpdate {stage, count});
}

void Pipeline::lap(const char *stage) const
{
    if (m_timer)
        m_timer->lap(stage);
}

void Pipeline::warn(RunReport &report, const QString &text) const
{
    if (text.isEmpty())
        return;
    // The front end shows each warning through m_warn (the headless tool on stderr); the log has it with --verbose.
    qCDebug(lcPipeline).noquote() << "warning:" << text;
    report.warnings << text;
    if (m_warn)
        m_warn(text);
}

// What a run keeps for the next one with setKeepConnection(true).
struct Pipeline::Session
{
    std::optional<Database> db;
    bool readOnly = false;
    std::optional<RecordTables> tables;
    bool writeAccessChecked = false;
    IterationCache iterations;
};

Pipeline::~Pipeline() = default;

void Pipeline::setKeepConnection(bool keep)
{
    if (!keep)
        m_session.reset();
    else if (!m_session)
        m_session = std::make_unique<Session>();
}

// What a run holds while it goes, so that its ending (run()) can record and announce how it ended.
struct Pipeline::Context
{
    Database *db = nullptr; // the run's connection: its own, or the one kept in the session
    std::optional<Database> ownDb;
    std::unique_ptr<RedisFlag> flag;
    std::unique_ptr<Notifier> notifier;
    bool reserved = false; // the iteration number is recorded in find_outliers_runs ("running")
    bool startSent = false; // the start message was sent (or tried): an end message must follow
    bool stored = false; // the run was committed
};

RunReport Pipeline::run(const RunRequest &request)
{
    RunReport report;
    report.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    report.email = request.email;
    report.operatorEmail = request.operatorEmail;
    report.rawThreshold = request.rawThreshold;
    report.processedThreshold = request.processedThreshold;
    report.toolVersion = QStringLiteral(FO_VERSION);
    report.startedAt = nowUtcMs();
    report.raw.source = Source::Raw;
    report.raw.k = request.rawThreshold;
    report.processed.source = Source::Processed;
    report.processed.k = request.processedThreshold;

    if (m_timer)
        m_timer->start();
    LogContext::current() = LogContext {request.email, 0};
    Context context;
    const Ending ending = execute(request, report, context);
    lap("other");
    report.status = ending.status;
    report.error = ending.error;
    if (report.finishedAt.isNull() || (!context.stored && ending.status != RunStatus::DryRun))
        report.finishedAt = nowUtcMs();
    if (!context.stored && (ending.status == RunStatus::Failed || ending.status == RunStatus::Cancelled))
        endUnstored(report, context);
    lap("end-unstored");
    // The flag goes back to "false" on every way out: success, failure and cancel (docs/platform.md 4).
    if (context.flag) {
        warn(report, context.flag->setInactive());
        lap("flag-end");
    }
    context.notifier.reset();
    context.flag.reset();
    context.db = nullptr;
    context.ownDb.reset();
    // A connection that met a failure (or a cancel, in the middle of something) is not used again.
    if (m_session && report.status != RunStatus::Completed && report.status != RunStatus::DryRun)
        *m_session = Session {};
    lap("disconnect");
    progress(Stage::Done);
    return report;
}

void Pipeline::endUnstored(RunReport &report, Context &context) const
{
    if (context.reserved) {
        // The attempt keeps its number, marked failed or cancelled with the reason. When the run's connection is
        // gone (the usual reason for a failure), a fresh one records it.
        Status marked =
            context.db ? markRunEnded(*context.db, report, report.status, report.error) : Status(Error {QString()});
        if (!marked) {
            Result<Database> fresh = Database::open(m_config);
            marked = fresh ? markRunEnded(fresh.value(), report, report.status, report.error)
                           : Status(Error {fresh.error()});
        }
        if (!marked)
            qCInfo(lcPipeline).noquote() << "could not record the end of iteration" << report.iteration << ":"
                                         << marked.error() << "(it stays \"running\"; its number is not reused)";
    }
    if (context.startSent && context.notifier) {
        progress(Stage::NotifyingEnd);
        warn(report, context.notifier->sendNotCompleted(report));
    }
}

Pipeline::Ending Pipeline::execute(const RunRequest &request, RunReport &report, Context &context)
{
    const auto isCancelled = [this] { return cancelled(); };
    const auto failed = [](const QString &error) { return Ending {RunStatus::Failed, error}; };
    const Ending cancelledEnding {RunStatus::Cancelled, QString()};

    if (!isValidEmail(request.email))
        return failed(QStringLiteral("\"%1\" is not a valid email address; nothing was done.").arg(request.email));
    if (!(request.rawThreshold > 0) || !(request.processedThreshold > 0))
        return failed(QStringLiteral("The thresholds must be positive numbers."));

    progress(Stage::Connecting);
    // A dry run only reads: it creates no table, so it works for a SELECT-only role, on a standby and on a
    // read-only SQLite file.
    Session *session = m_session.get();
    if (session && session->db) {
        // A kept connection that the server has closed since (idle timeout, restart) is opened again here, so that
        // the run does not fail on its first statement.
        QSqlQuery alive(session->db->db());
        if (session->readOnly != request.dryRun || !alive.exec(QStringLiteral("SELECT 1"))) {
            qCDebug(lcPipeline) << "the kept database connection is gone; opening a new one";
            alive = QSqlQuery();
            *session = Session {};
        }
    }
    if (!session || !session->db) {
        Result<Database> opened =
            Database::open(m_config, request.dryRun ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadWrite);
        if (!opened) {
            report.transient = isConnectionFailureMessage(opened.error());
            return failed(opened.error());
        }
        std::optional<Database> &slot = session ? session->db : context.ownDb;
        slot.emplace(std::move(opened).value());
        if (session)
            session->readOnly = request.dryRun;
    }
    context.db = session ? &*session->db : &*context.ownDb;
    lap("connect");
    Database &db = *context.db;
    // A failure on the open connection: connection-level when libpq has lost it (report.transient).
    const auto dbFailed = [&](const QString &error) {
        report.transient = isConnectionLost(db);
        return failed(error);
    };

    // Columns of a type the read cannot use are refused before anything is flagged, sent or written.
    std::optional<RecordTables> runTables;
    std::optional<RecordTables> &tables = session ? session->tables : runTables;
    if (const Status columns = checkRecordTables(db, request.email, !request.dryRun, tables); !columns)
        return dbFailed(columns.error() + QStringLiteral(". Nothing was written."));
    lap("tables");

    // Everything below holds the per-email lock; it is released when `lock` goes out of scope.
    RunLock lock;
    if (!request.dryRun) {
        if (!session || !session->writeAccessChecked) {
            const Status access = checkWriteAccess(db);
            if (!access)
                return dbFailed(access.error());
            if (session)
                session->writeAccessChecked = true;
        }
        lap("privileges");
        progress(Stage::Locking);
        const Result<RunLock::Outcome> locked = lock.acquire(
            db, request.email, isCancelled,
            [&] { qCInfo(lcPipeline).noquote() << "another run for" << request.email << "is under way; waiting"; },
            LockTimeoutMs);
        if (!locked)
            return dbFailed(locked.error());
        if (locked.value() == RunLock::Outcome::Cancelled)
            return cancelledEnding;
        lap("lock");
    }

    if (request.dryRun) {
        const Result<int> iteration = nextIteration(db, request.email, session ? &session->iterations : nullptr);
        if (!iteration)
            return dbFailed(iteration.error());
        report.iteration = iteration.value();
        LogContext::current().iteration = report.iteration;
        lap("iteration");
    } else {
        // The number is taken for good before anything is announced: a failed attempt keeps it.
        const Status reserved = reserveIteration(db, report, session ? &session->iterations : nullptr);
        if (!reserved)
            return dbFailed(reserved.error());
        context.reserved = true;
        LogContext::current().iteration = report.iteration;
        lap("reserve");
        if (cancelled())
            return cancelledEnding;

        if (m_config.redisHost.isEmpty()) {
            static std::once_flag once; // said once per process, also in batch runs
            std::call_once(once, [] {
                qCInfo(lcPipeline) << "REDIS_HOST is not set: the job-is-active flag in Redis is skipped";
            });
        } else {
            progress(Stage::Flagging);
            context.flag = std::make_unique<RedisFlag>(m_config.redisHost, m_config.redisPort,
                                                       m_config.redisNamespace + request.email);
            warn(report, context.flag->setActive());
            lap("flag");
        }

        if (request.notify) {
            if (m_config.notificationsApiBaseUrl.isEmpty()) {
                static std::once_flag once;
                std::call_once(once, [] {
                    qCInfo(lcPipeline) << "NOTIFICATIONS_API_BASE_URL is not set: notifications are skipped";
                });
            } else {
                context.notifier = std::make_unique<Notifier>(m_config.notificationsApiBaseUrl, request.bearerToken);
            }
        }
        if (context.notifier) {
            progress(Stage::NotifyingStart);
            context.startSent = true;
            warn(report, context.notifier->sendStart(report));
            lap("notify-start");
        }
    }
    if (cancelled())
        return cancelledEnding;

    std::vector<TypeAccumulator> accumulators;
    for (const Source source : {Source::Raw, Source::Processed}) {
        const Stage stage = source == Source::Raw ? Stage::ReadingRaw : Stage::ReadingProcessed;
        progress(stage);
        ReadRequest read;
        read.source = source;
        read.email = request.email;
        read.withTimes = request.keepSeries;
        read.progress = [&](qint64 rows) { progress(stage, rows); };
        read.cancelled = isCancelled;
        read.columns = tables ? &tables->columns(source) : nullptr;
        accumulators.clear();
        const Result<ReadOutcome> outcome = readRecords(db, read, accumulators);
        if (!outcome)
            return dbFailed(outcome.error() + QStringLiteral(". Nothing was written."));
        if (outcome.value() == ReadOutcome::Cancelled)
            return cancelledEnding;
        lap(source == Source::Raw ? "read-raw" : "read-processed");
        progress(Stage::Detecting);
        const double k = source == Source::Raw ? request.rawThreshold : request.processedThreshold;
        report.table(source) = detect(source, k, accumulators, request.keepSeries);
        lap("detect");
    }
    if (report.raw.rows == 0 && report.processed.rows == 0)
        warn(report, otherCaseWarning(db, request.email)); // "no records for X; records exist for Y"
    if (!request.keepSeries) {
        const Status timed = fillOutlierTimes(db, report);
        if (!timed)
            return dbFailed(timed.error() + QStringLiteral(". Nothing was written."));
        lap("outlier-times");
    }
    if (cancelled())
        return cancelledEnding;

    report.finishedAt = nowUtcMs();
    if (request.dryRun)
        return Ending {RunStatus::DryRun, QString()};

    progress(Stage::Writing);
    const Result<WriteOutcome> written = writeRun(db, report, isCancelled);
    if (!written)
        return dbFailed(written.error());
    if (written.value() == WriteOutcome::Cancelled)
        return cancelledEnding;
    context.stored = true;
    lap("write");
    progress(Stage::Writing, report.raw.outlierCount + report.processed.outlierCount);
    report.status = RunStatus::Completed;

    if (context.notifier) {
        progress(Stage::NotifyingEnd);
        warn(report, context.notifier->sendCompletion(report));
        lap("notify-end");
    }
    return Ending {RunStatus::Completed, QString()};
}

} // namespace fo
