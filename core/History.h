#pragma once

#include "core/Config.h"
#include "core/OutlierChange.h"
#include "core/Result.h"
#include "core/RunReport.h"

#include <QStringList>
#include <QVector>

namespace fo {

class Database;

struct IterationInfo
{
    int iteration = 0;
    QDateTime time; // the iteration's timestamp (UTC)
    qint64 rawOutliers = 0;
    qint64 processedOutliers = 0;
    bool hasRunRecord = false; // written by this tool (has per-type statistics), or by the old job
    QString operatorEmail;
};

// Reading what earlier runs stored. Each call uses the given connection, on the calling thread.
namespace history {

// Every email present in raw_records or processed_records, sorted.
Result<QStringList> knownEmails(Database &db);

// Stored iterations of this email, newest first: from both outlier tables and the runs table.
Result<QVector<IterationInfo>> iterations(Database &db, const QString &email);

// One stored iteration as a report: the outliers of both tables with their record's type, time and value, plus the
// per-type statistics when this tool wrote the run (z is recomputed from the stored mean and std when known, NaN
// otherwise). status is Completed.
Result<RunReport> loadIteration(Database &db, const QString &email, int iteration);

// Every numeric point of one data type for the charts, in id order (of the NULL type when type.isNull).
Result<Series> loadSeries(Database &db, const QString &email, Source source, const TypeKey &type);

} // namespace history

} // namespace fo
