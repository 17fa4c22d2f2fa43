#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QHash>
#include <QPair>

namespace fo {

class Database;

// A run's number and its row in find_outliers_runs, taken before anything is sent (docs/platform.md 2.3), and ended
// when the run does not store results. Storing the results (the outlier rows, the completed runs row) is
// RunWriter's.

// What one connection has learned of the outlier tables, so that a batch does not search them again for every email
// (issue 14). Without an index on their record-id columns (the platform's schema has none), finding an email's
// highest iteration there means joining outlier rows to the records; nextIteration() joins only the rows above the
// email's watermark (the tables' highest ids at its latest run), but in a batch those are the rows of every email
// run since, so the work grew with the batch for each email. With this cache, each outlier row is joined once per
// connection: the highest iteration per email of every row in (coveredFrom, scannedTo] is kept, rows written since
// are added before each email (under its lock, as before), and a range below is added when an email's watermark
// lies below coveredFrom. An email's number so still covers every row above its watermark (and a few below, which
// can only raise it).
struct IterationCache
{
    struct Table
    {
        qint64 coveredFrom = -1; // -1: nothing scanned yet
        qint64 scannedTo = -1;
        QHash<QString, int> highestByEmail;
    };
    Table raw;
    Table processed;
    bool runsTableExists = false; // once seen, it stays
    QPair<qint64, qint64> lastHigh {-1, -1}; // the outlier tables' highest ids nextIteration() read (PostgreSQL)
};

// 1 + the highest iteration stored for this email over both outlier tables and all our runs, whatever their status
// (docs/platform.md 2.3). Call it while holding the email's RunLock. Works without our runs table (a dry run on a
// database where this tool never wrote). With a cache (kept with one connection), the outlier rows already joined
// for earlier emails are not joined again.
Result<int> nextIteration(Database &db, const QString &email, IterationCache *cache = nullptr);

// 1 + the highest iteration in the platform's two outlier tables alone.
Result<int> platformIteration(Database &db, const QString &email);

// The highest id of each outlier table now: the watermarks nextIteration() starts from, kept with each run.
Result<QPair<qint64, qint64>> outlierHighIds(Database &db);

// Takes the next iteration number for report.email and records the attempt in find_outliers_runs with status
// "running", committed at once, so that the number is never used again even if the run fails (sets
// report.iteration). Call it while holding the email's RunLock, before the start message.
Status reserveIteration(Database &db, RunReport &report, IterationCache *cache = nullptr);

// Records that the reserved attempt ended without storing results ("failed" or "cancelled", with the reason).
Status markRunEnded(Database &db, const RunReport &report, RunStatus status, const QString &error);

} // namespace fo
