#pragma once

#include "Result.h"
#include "RunReport.h"

#include <functional>

namespace fo {

class Database;

// 1 + the highest iteration stored for this email over both outlier tables and all our runs, whatever their status
// (docs/platform.md 2.3). Call it while holding the email's RunLock. Works without our runs table (a dry run on a
// database where this tool never wrote).
Result<int> nextIteration(Database &db, const QString &email);

// 1 + the highest iteration in the platform's two outlier tables alone.
Result<int> platformIteration(Database &db, const QString &email);

// Checks, before anything is sent or written, that this connection may store a run: not a read-only server, and the
// privileges on the platform's outlier tables and ours. The error names what is missing.
Status checkWriteAccess(Database &db);

// Takes the next iteration number for report.email and records the attempt in find_outliers_runs with status
// "running", committed at once, so that the number is never used again even if the run fails (sets
// report.iteration). Call it while holding the email's RunLock, before the start message.
Status reserveIteration(Database &db, RunReport &report);

// Records that the reserved attempt ended without storing results ("failed" or "cancelled", with the reason).
Status markRunEnded(Database &db, const RunReport &report, RunStatus status, const QString &error);

// Looks up the time of every outlier in the report (the bulk read skips the time column).
Status fillOutlierTimes(Database &db, RunReport &report);

enum class WriteOutcome { Written, Cancelled };

// Writes the run in ONE transaction with ONE timestamp (report.finishedAt): the outlier rows of both tables, the
// reserved runs row (now "completed") and its per-type statistics. Cancelled, with nothing written, if `cancelled`
// says so before commit.
Result<WriteOutcome> writeRun(Database &db, const RunReport &report, const std::function<bool()> &cancelled);

// "{1,2,3}": a PostgreSQL array literal of ids, bound as one text value.
QString idArrayLiteral(const QVector<qint64> &ids, qsizetype from, qsizetype count);

} // namespace fo
