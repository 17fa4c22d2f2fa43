#include "core/IterationReservation.h"

#include "core/Database.h"
#include "core/PgExec.h"
#include "core/PlatformTables.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace fo {
namespace {

// The highest iteration of an email in each of the platform's outlier tables, as two rows of a column `n`: binds the
// email, then (aboveWatermarks) the raw table's watermark id, the email, then the processed table's watermark id.
QString outlierTablesMaxIterationSql(bool aboveWatermarks)
{
    const QString filter = aboveWatermarks ? QStringLiteral(" AND o.id > ?") : QString();
    return QStringLiteral(" SELECT MAX(o.outliers_search_iteration_num) AS n FROM outliers_records o"
                          "  JOIN raw_records r ON r.id = o.raw_record_id WHERE r.email = ?%1"
                          " UNION ALL"
                          " SELECT MAX(o.outliers_search_iteration_num) FROM processed_records_outliers_records o"
                          "  JOIN processed_records p ON p.id = o.processed_record_id WHERE p.email = ?%1")
        .arg(filter);
}

bool ownRunsTableExists(Database &db)
{
    QSqlQuery query(db.db());
    const QString sql = db.isPostgres()
        ? QStringLiteral("SELECT to_regclass('find_outliers_runs') IS NOT NULL")
        : QStringLiteral("SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'find_outliers_runs'");
    return query.exec(sql) && query.next() && query.value(0).toBool();
}

// Adds the outlier rows of one table with ids in (from, to] to the cache's highest iteration per email.
Status scanOutlierRows(Database &db, Source source, qint64 from, qint64 to, IterationCache::Table &table)
{
    if (to <= from)
        return {};
    if (PgExec pg(db); pg.isAvailable()) {
        const Result<QVector<QStringList>> rows =
            pg.exec(QStringLiteral("Finding the iteration numbers in %1").arg(outlierTable(source)),
                    QStringLiteral("SELECT r.email, MAX(o.outliers_search_iteration_num) FROM %1 o JOIN %2 r ON "
                                   "r.id = o.%3 WHERE o.id > $1 AND o.id <= $2 GROUP BY r.email")
                        .arg(outlierTable(source), recordTable(source), outlierIdColumn(source))
                        .toUtf8()
                        .constData(),
                    {from, to});
        if (!rows)
            return Error {rows.error()};
        for (const QStringList &row : rows.value()) {
            int &highest = table.highestByEmail[row.value(0)];
            highest = std::max(highest, row.value(1).toInt());
        }
        return {};
    }
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared = query.prepare(QStringLiteral("SELECT r.email, MAX(o.outliers_search_iteration_num) FROM %1 o "
                                                       "JOIN %2 r ON r.id = o.%3 WHERE o.id > ? AND o.id <= ? "
                                                       "GROUP BY r.email")
                                            .arg(outlierTable(source), recordTable(source), outlierIdColumn(source)));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!prepared || !query.exec())
        return Error {sqlErrorText(QStringLiteral("Finding the iteration numbers in %1").arg(outlierTable(source)),
                                   query.lastError())};
    while (query.next()) {
        int &highest = table.highestByEmail[query.value(0).toString()];
        highest = std::max(highest, query.value(1).toInt());
    }
    if (query.lastError().isValid())
        return Error {sqlErrorText(QStringLiteral("Finding the iteration numbers in %1").arg(outlierTable(source)),
                                   query.lastError())};
    return {};
}

// The highest iteration of the email's rows above `watermark` in one outlier table (and perhaps a few below it),
// from the cache, brought up to `high` (the table's highest id now) first.
Result<int> cachedPlatformIteration(Database &db, Source source, const QString &email, qint64 watermark, qint64 high,
                                    IterationCache::Table &table)
{
    if (table.scannedTo < 0)
        table.coveredFrom = table.scannedTo = high;
    if (high > table.scannedTo) {
        if (const Status scanned = scanOutlierRows(db, source, table.scannedTo, high, table); !scanned)
            return Error {scanned.error()};
        table.scannedTo = high;
    }
    if (watermark < table.coveredFrom) {
        if (const Status scanned = scanOutlierRows(db, source, watermark, table.coveredFrom, table); !scanned)
            return Error {scanned.error()};
        table.coveredFrom = watermark;
    }
    return table.highestByEmail.value(email, 0);
}

// nextIteration() with the cache: 1 + the highest of our latest run's number (`ours`) and the email's rows in both
// outlier tables above its watermarks, the tables' highest ids now being `high`.
Result<int> cachedNextIteration(Database &db, const QString &email, int ours, const QPair<qint64, qint64> &watermarks,
                                const QPair<qint64, qint64> &high, IterationCache &cache)
{
    const Result<int> raw = cachedPlatformIteration(db, Source::Raw, email, watermarks.first, high.first, cache.raw);
    if (!raw)
        return Error {raw.error()};
    const Result<int> processed =
        cachedPlatformIteration(db, Source::Processed, email, watermarks.second, high.second, cache.processed);
    if (!processed)
        return Error {processed.error()};
    return std::max({ours, raw.value(), processed.value()}) + 1;
}

} // namespace

Result<QPair<qint64, qint64>> outlierHighIds(Database &db)
{
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM outliers_records), "
                                   "(SELECT COALESCE(MAX(id), 0) FROM processed_records_outliers_records)"))
        || !query.next())
        return Error {sqlErrorText(QStringLiteral("Reading the outlier tables' highest ids"), query.lastError())};
    return qMakePair(query.value(0).toLongLong(), query.value(1).toLongLong());
}

Result<int> nextIteration(Database &db, const QString &email, IterationCache *cache)
{
    // A dry run on a database where this tool never ran (and may not create anything) has no runs table to read.
    if (cache && !cache->runsTableExists)
        cache->runsTableExists = ownRunsTableExists(db);
    if (cache ? !cache->runsTableExists : !ownRunsTableExists(db))
        return platformIteration(db, email);

    if (cache) {
        if (PgExec pg(db); pg.isAvailable()) {
            // In one round trip: the outlier tables' highest ids now, and our latest run for this email with the
            // highest outlier ids when it was written (NULLs when there is none).
            const Result<QVector<QStringList>> latest =
                pg.exec(QStringLiteral("Finding the iteration number for %1").arg(email),
                        "SELECT (SELECT COALESCE(MAX(id), 0) FROM outliers_records), "
                        "(SELECT COALESCE(MAX(id), 0) FROM processed_records_outliers_records), "
                        "r.iteration, r.raw_outliers_high_id, r.processed_outliers_high_id FROM (SELECT 1) AS one "
                        "LEFT JOIN LATERAL (SELECT iteration, raw_outliers_high_id, processed_outliers_high_id FROM "
                        "find_outliers_runs WHERE email = $1 ORDER BY iteration DESC LIMIT 1) AS r ON true",
                        {email});
            if (!latest)
                return Error {latest.error()};
            const QStringList found = latest.value().value(0);
            if (found.size() != 5)
                return Error {QStringLiteral("Finding the iteration number for %1 failed: no answer").arg(email)};
            const QStringList row = found.at(2).isNull() ? QStringList() : found.mid(2);
            const bool watermarked = !row.isEmpty() && !row.at(1).isNull() && !row.at(2).isNull();
            cache->lastHigh = qMakePair(found.at(0).toLongLong(), found.at(1).toLongLong());
            const QPair<qint64, qint64> watermarks =
                watermarked ? qMakePair(row.at(1).toLongLong(), row.at(2).toLongLong()) : qMakePair(0LL, 0LL);
            return cachedNextIteration(db, email, row.isEmpty() ? 0 : row.at(0).toInt(), watermarks, cache->lastHigh,
                                       *cache);
        }
    }

    // Our latest run for this email, with the highest outlier ids when it was written.
    QSqlQuery last(db.db());
    const bool lastPrepared = last.prepare(
        QStringLiteral("SELECT iteration, raw_outliers_high_id, processed_outliers_high_id FROM find_outliers_runs "
                       "WHERE email = ? ORDER BY iteration DESC LIMIT 1"));
    last.addBindValue(email);
    if (!lastPrepared || !last.exec())
        return Error {sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), last.lastError())};

    if (cache) {
        const bool found = last.next();
        const bool watermarked = found && !last.value(1).isNull() && !last.value(2).isNull();
        const Result<QPair<qint64, qint64>> high = outlierHighIds(db);
        if (!high)
            return Error {high.error()};
        const QPair<qint64, qint64> watermarks =
            watermarked ? qMakePair(last.value(1).toLongLong(), last.value(2).toLongLong()) : qMakePair(0LL, 0LL);
        return cachedNextIteration(db, email, found ? last.value(0).toInt() : 0, watermarks, high.value(), *cache);
    }

    // Without an index on the outlier tables' record-id columns (the platform's schema has none), the full
    // search joins every stored outlier row to the records. After our first run for an email, only rows added
    // since (ids above the watermark: the old job's, if it still runs) can hold a higher iteration.
    const bool incremental = last.next() && !last.value(1).isNull() && !last.value(2).isNull();
    const int ours = incremental ? last.value(0).toInt() : 0;

    QSqlQuery query(db.db());
    const bool prepared = query.prepare(QStringLiteral("SELECT COALESCE(MAX(n), 0) FROM (%1 UNION ALL"
                                                       " SELECT MAX(iteration) FROM find_outliers_runs WHERE email = ?)"
                                                       " AS iterations")
                                            .arg(outlierTablesMaxIterationSql(incremental)));
    query.addBindValue(email);
    if (incremental)
        query.addBindValue(last.value(1).toLongLong());
    query.addBindValue(email);
    if (incremental)
        query.addBindValue(last.value(2).toLongLong());
    query.addBindValue(email);
    if (!prepared || !query.exec() || !query.next())
        return Error {
            sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), query.lastError())};
    return std::max(ours, query.value(0).toInt()) + 1;
}

Result<int> platformIteration(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    const bool prepared = query.prepare(
        QStringLiteral("SELECT COALESCE(MAX(n), 0) FROM (%1) AS iterations").arg(outlierTablesMaxIterationSql(false)));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec() || !query.next())
        return Error {
            sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), query.lastError())};
    return query.value(0).toInt() + 1;
}

Status reserveIteration(Database &db, RunReport &report, IterationCache *cache)
{
    QSqlDatabase &sql = db.db();
    if (const Status begun =
            db.beginWrite(QStringLiteral("Starting the transaction that reserves the iteration number"));
        !begun)
        return begun;
    const auto rollback = [&](const QString &error) {
        sql.rollback();
        return Status(Error {error + QStringLiteral(". Nothing was written and no message was sent.")});
    };
    const Result<int> next = nextIteration(db, report.email, cache);
    if (!next)
        return rollback(next.error());
    // With the cache on PostgreSQL, nextIteration() has just read the highest ids, in this transaction.
    const bool known = cache && cache->lastHigh.first >= 0 && db.isPostgres();
    const Result<QPair<qint64, qint64>> high =
        known ? Result<QPair<qint64, qint64>>(cache->lastHigh) : outlierHighIds(db);
    if (cache)
        cache->lastHigh = qMakePair(qint64(-1), qint64(-1));
    if (!high)
        return rollback(high.error());
    if (PgExec pg(db); pg.isAvailable()) {
        const Result<QVector<QStringList>> inserted =
            pg.exec(QStringLiteral("Reserving the iteration number"),
                    "INSERT INTO find_outliers_runs (run_id, email, iteration, operator_email, started_at, "
                    "finished_at, status, "
                    "raw_threshold, processed_threshold, tool_version, raw_rows, raw_outliers, processed_rows, "
                    "processed_outliers, raw_outliers_high_id, processed_outliers_high_id) VALUES ($1, $2, $3, $4, "
                    "CAST($5 AS timestamptz), CAST($5 AS timestamptz), $6, $7, $8, $9, 0, 0, 0, 0, $10, $11)",
                    {report.runId, report.email, next.value(),
                     report.operatorEmail.isNull() ? QString(QLatin1String("")) : report.operatorEmail,
                     timestampText(report.startedAt), QStringLiteral("running"), report.rawThreshold,
                     report.processedThreshold, report.toolVersion, high.value().first, high.value().second});
        if (!inserted)
            return rollback(inserted.error());
        if (!sql.commit())
            return rollback(sqlErrorText(QStringLiteral("Reserving the iteration number"), sql.lastError()));
        report.iteration = next.value();
        return {};
    }
    QSqlQuery query(db.db());
    const QString ts = timestampPlaceholder(db);
    if (!query.prepare(QStringLiteral("INSERT INTO find_outliers_runs (run_id, email, iteration, operator_email, "
                                      "started_at, finished_at, status, raw_threshold, processed_threshold, "
                                      "tool_version, raw_rows, raw_outliers, processed_rows, processed_outliers, "
                                      "raw_outliers_high_id, processed_outliers_high_id) "
                                      "VALUES (?, ?, ?, ?, %1, %1, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)")
                           .arg(ts)))
        return rollback(sqlErrorText(QStringLiteral("Reserving the iteration number"), query.lastError()));
    query.addBindValue(report.runId);
    query.addBindValue(report.email);
    query.addBindValue(next.value());
    query.addBindValue(report.operatorEmail.isNull() ? QString(QLatin1String("")) : report.operatorEmail);
    query.addBindValue(timestampText(report.startedAt));
    query.addBindValue(timestampText(report.startedAt));
    query.addBindValue(QStringLiteral("running"));
    query.addBindValue(report.rawThreshold);
    query.addBindValue(report.processedThreshold);
    query.addBindValue(report.toolVersion);
    query.addBindValue(high.value().first);
    query.addBindValue(high.value().second);
    if (!query.exec())
        return rollback(sqlErrorText(QStringLiteral("Reserving the iteration number"), query.lastError()));
    if (!sql.commit())
        return rollback(sqlErrorText(QStringLiteral("Reserving the iteration number"), sql.lastError()));
    report.iteration = next.value();
    return {};
}

Status markRunEnded(Database &db, const RunReport &report, RunStatus status, const QString &error)
{
    QSqlQuery query(db.db());
    if (!query.prepare(QStringLiteral("UPDATE find_outliers_runs SET status = ?, finished_at = %1, error = ? "
                                      "WHERE run_id = ? AND status = 'running'")
                           .arg(timestampPlaceholder(db))))
        return Error {
            sqlErrorText(QStringLiteral("Recording the end of run %1").arg(report.iteration), query.lastError())};
    query.addBindValue(statusName(status));
    query.addBindValue(timestampText(report.finishedAt.isNull() ? QDateTime::currentDateTimeUtc() : report.finishedAt));
    query.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    query.addBindValue(report.runId);
    if (!query.exec())
        return Error {
            sqlErrorText(QStringLiteral("Recording the end of run %1").arg(report.iteration), query.lastError())};
    return {};
}

} // namespace fo
