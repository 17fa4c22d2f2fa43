#pragma once

#include "Result.h"
#include "RunReport.h"

#include <functional>

namespace fo {

class Database;

// 1 + the highest iteration stored for this email over both outlier tables and our runs table (PLATFORM.md 2.3).
// Call it while holding the email's RunLock.
Result<int> nextIteration(Database &db, const QString &email);

// Looks up the time of every outlier in the report (the bulk read skips the time column).
Status fillOutlierTimes(Database &db, RunReport &report);

// Writes the run in ONE transaction with ONE timestamp (report.finishedAt): the outlier rows of both tables, the
// runs row and its per-type statistics. Returns false, with nothing written, if `cancelled` says so before commit.
Result<bool> writeRun(Database &db, const RunReport &report, const std::function<bool()> &cancelled);

// "{1,2,3}": a PostgreSQL array literal of ids, bound as one text value.
QString idArrayLiteral(const QVector<qint64> &ids, qsizetype from, qsizetype count);

} // namespace fo
