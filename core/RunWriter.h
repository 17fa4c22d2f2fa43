#pragma once

#include "core/IterationReservation.h"
#include "core/Result.h"
#include "core/RunReport.h"

#include <functional>

namespace fo {

class Database;

// Checks, before anything is sent or written, that this connection may store a run: not a read-only server, and the
// privileges on the platform's outlier tables and ours. The error names what is missing.
Status checkWriteAccess(Database &db);

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
