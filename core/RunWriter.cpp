#include "core/RunWriter.h"

#include "core/Database.h"
#include "core/PgExec.h"
#include "core/RecordReader.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcWriter, "fo.core.writer")

namespace fo {
namespace {

constexpr qsizetype IdsPerStatement = 20000;

QString recordTable(Source source)
{
    return source == Source::Raw ? QStringLiteral("raw_records") : QStringLiteral("processed_records");
}

QString outlierTable(Source source)
{
    return source == Source::Raw ? QStringLiteral("outliers_records")
                                 : QStringLiteral("processed_records_outliers_records");
}

QString outlierIdColumn(Source source)
{
    return source == Source::Raw ? QStringLiteral("raw_record_id") : QStringLiteral("processed_record_id");
}

QString timestampText(const QDateTime &time) { return time.toUTC().toString(Qt::ISODateWithMs); }

QVariant nullableDouble(double value)
{
    return std::isfinite(value) ? QVariant(value) : QVariant(QMetaType(QMetaType::Double));
}

QVector<qint64> outlierIds(const TableReport &table)
{
    QVector<qint64> ids;
    ids.reserve(table.outlierCount);
    for (const TypeReport &type : table.types) {
        for (const OutlierPoint &point : type.outliers)
            ids.push_back(point.recordId);
    }
    return ids;
}

Status insertOutliers(Database &db, const RunReport &report, Source source)
{
    const QVector<qint64> ids = outlierIds(report.table(source));
    if (ids.isEmpty())
        return {};
    const QString what = QStringLiteral("Writing %1").arg(outlierTable(source));
    const QString stamp = timestampText(report.finishedAt);
    if (PgExec pg(db); pg.isAvailable()) {
        // One statement (and one round trip) per batch of ids, bound as one array value.
        const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2, outliers_search_iteration_num, "
                                              "outliers_search_iteration_datetime) "
                                              "SELECT unnest(CAST($1 AS bigint[])), $2, CAST($3 AS timestamptz)")
                                   .arg(outlierTable(source), outlierIdColumn(source))
                                   .toUtf8();
        for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
            const Result<QVector<QStringList>> done =
                pg.exec(what, sql.constData(),
                        {idArrayLiteral(ids, from, std::min(IdsPerStatement, ids.size() - from)), report.iteration,
                         stamp});
            if (!done)
                return Error{done.error()};
        }
        return {};
    }
    QSqlQuery query(db.db());
    if (db.isPostgres()) {
        // One statement per batch: the ids go in as one array value, not one round trip per row.
        const QString sql = QStringLiteral("INSERT INTO %1 (%2, outliers_search_iteration_num, "
                                           "outliers_search_iteration_datetime) "
                                           "SELECT unnest(CAST(? AS bigint[])), ?, CAST(? AS timestamptz)")
                                .arg(outlierTable(source), outlierIdColumn(source));
        if (!query.prepare(sql))
            return Error{sqlErrorText(what, query.lastError())};
        for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
            query.bindValue(0, idArrayLiteral(ids, from, std::min(IdsPerStatement, ids.size() - from)));
            query.bindValue(1, report.iteration);
            query.bindValue(2, stamp);
            if (!query.exec())
                return Error{sqlErrorText(what, query.lastError())};
        }
        return {};
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, outliers_search_iteration_num, "
                                       "outliers_search_iteration_datetime) VALUES (?, ?, ?)")
                            .arg(outlierTable(source), outlierIdColumn(source));
    if (!query.prepare(sql))
        return Error{sqlErrorText(what, query.lastError())};
    for (const qint64 id : ids) {
        query.bindValue(0, id);
        query.bindValue(1, report.iteration);
        query.bindValue(2, stamp);
        if (!query.exec())
            return Error{sqlErrorText(what, query.lastError())};
    }
    return {};
}

// The highest id of each outlier table now: the watermarks nextIteration() starts from.
Result<QPair<qint64, qint64>> outlierHighIds(Database &db)
{
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM outliers_records), "
                                   "(SELECT COALESCE(MAX(id), 0) FROM processed_records_outliers_records)"))
        || !query.next())
        return Error{sqlErrorText(QStringLiteral("Reading the outlier tables' highest ids"), query.lastError())};
    return qMakePair(query.value(0).toLongLong(), query.value(1).toLongLong());
}

QString timestampPlaceholder(const Database &db)
{
    return db.isPostgres() ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
}

// completeRunRecord() on PostgreSQL: one round trip for the runs row and one for all the per-type rows, their
// columns bound as arrays (unnest).
Status completeRunRecordPostgres(PgExec &pg, const RunReport &report, const QPair<qint64, qint64> &high)
{
    const Result<QVector<QStringList>> updated = pg.exec(
        QStringLiteral("Writing find_outliers_runs"),
        "UPDATE find_outliers_runs SET finished_at = CAST($1 AS timestamptz), status = $2, raw_rows = $3, "
        "raw_outliers = $4, processed_rows = $5, processed_outliers = $6, raw_outliers_high_id = $7, "
        "processed_outliers_high_id = $8, error = NULL WHERE run_id = $9 RETURNING 1",
        {timestampText(report.finishedAt), statusName(RunStatus::Completed), report.raw.rows, report.raw.outlierCount,
         report.processed.rows, report.processed.outlierCount, high.first, high.second, report.runId});
    if (!updated)
        return Error{updated.error()};
    if (updated.value().size() != 1)
        return Error{QStringLiteral("Writing find_outliers_runs failed: the reserved row of run %1 (iteration %2) is "
                                    "gone")
                         .arg(report.runId)
                         .arg(report.iteration)};
    // Each column as one array literal: text elements quoted ("..." with \ and \" escaped), NULL unquoted.
    const auto quoted = [](const QString &text) -> QString {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    };
    const auto number = [](double value) {
        return std::isfinite(value) ? QString::number(value, 'g', QLocale::FloatingPointShortest)
                                    : QStringLiteral("NULL");
    };
    QStringList sources, types, rows, numeric, skipped, means, stds, ks, outliers;
    for (const TableReport *table : {&report.raw, &report.processed}) {
        for (const TypeReport &type : table->types) {
            sources << sourceName(table->source);
            types << (type.dataTypeIsNull ? QStringLiteral("NULL") : quoted(type.dataType));
            rows << QString::number(type.rows);
            numeric << QString::number(type.numericRows);
            skipped << QString::number(type.skippedRows);
            means << number(type.mean);
            stds << number(type.std);
            ks << number(type.k);
            outliers << QString::number(type.outliers.size());
        }
    }
    if (sources.isEmpty())
        return {};
    const auto array = [](const QStringList &items) -> QString {
        return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
    };
    const Result<QVector<QStringList>> inserted = pg.exec(
        QStringLiteral("Writing find_outliers_run_types"),
        "INSERT INTO find_outliers_run_types (run_id, source, data_type, rows_read, numeric_rows, skipped_rows, mean, "
        "std, k, outliers) SELECT $1, * FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS bigint[]), "
        "CAST($5 AS bigint[]), CAST($6 AS bigint[]), CAST($7 AS double precision[]), "
        "CAST($8 AS double precision[]), CAST($9 AS double precision[]), CAST($10 AS bigint[]))",
        {report.runId, array(sources), array(types), array(rows), array(numeric), array(skipped), array(means),
         array(stds), array(ks), array(outliers)});
    if (!inserted)
        return Error{inserted.error()};
    return {};
}

// Inside the write transaction, after our own outlier rows: the reserved row becomes the completed run.
Status completeRunRecord(Database &db, const RunReport &report)
{
    const Result<QPair<qint64, qint64>> high = outlierHighIds(db);
    if (!high)
        return Error{high.error()};
    if (PgExec pg(db); pg.isAvailable())
        return completeRunRecordPostgres(pg, report, high.value());
    QSqlQuery query(db.db());
    if (!query.prepare(QStringLiteral("UPDATE find_outliers_runs SET finished_at = %1, status = ?, raw_rows = ?, "
                                      "raw_outliers = ?, processed_rows = ?, processed_outliers = ?, "
                                      "raw_outliers_high_id = ?, processed_outliers_high_id = ?, error = NULL "
                                      "WHERE run_id = ?")
                           .arg(timestampPlaceholder(db))))
        return Error{sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};
    query.addBindValue(timestampText(report.finishedAt));
    query.addBindValue(statusName(RunStatus::Completed));
    query.addBindValue(report.raw.rows);
    query.addBindValue(report.raw.outlierCount);
    query.addBindValue(report.processed.rows);
    query.addBindValue(report.processed.outlierCount);
    query.addBindValue(high.value().first);
    query.addBindValue(high.value().second);
    query.addBindValue(report.runId);
    if (!query.exec())
        return Error{sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};
    if (query.numRowsAffected() != 1)
        return Error{QStringLiteral("Writing find_outliers_runs failed: the reserved row of run %1 (iteration %2) is "
                                    "gone")
                         .arg(report.runId)
                         .arg(report.iteration)};

    // The per-type rows in as few statements as possible (one for up to TypeRowsPerStatement types), each row's
    // values bound: one round trip instead of one per type.
    struct TypeRow
    {
        Source source;
        const TypeReport *type;
    };
    QVector<TypeRow> rows;
    for (const TableReport *table : {&report.raw, &report.processed}) {
        for (const TypeReport &type : table->types)
            rows.append(TypeRow{table->source, &type});
    }
    // 10 values a row: well below PostgreSQL's 65535 parameters, and SQLite's 999 of old versions.
    const qsizetype TypeRowsPerStatement = db.isPostgres() ? 500 : 90;
    for (qsizetype from = 0; from < rows.size(); from += TypeRowsPerStatement) {
        const qsizetype count = std::min(TypeRowsPerStatement, rows.size() - from);
        QStringList tuples;
        for (qsizetype i = 0; i < count; ++i)
            tuples << QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!query.prepare(QStringLiteral("INSERT INTO find_outliers_run_types (run_id, source, data_type, rows_read, "
                                          "numeric_rows, skipped_rows, mean, std, k, outliers) VALUES ")
                           + tuples.join(QStringLiteral(", "))))
            return Error{sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
        for (qsizetype i = 0; i < count; ++i) {
            const TypeReport &type = *rows.at(from + i).type;
            query.addBindValue(report.runId);
            query.addBindValue(sourceName(rows.at(from + i).source));
            query.addBindValue(type.dataTypeIsNull ? QVariant(QMetaType(QMetaType::QString)) : QVariant(type.dataType));
            query.addBindValue(type.rows);
            query.addBindValue(type.numericRows);
            query.addBindValue(type.skippedRows);
            query.addBindValue(nullableDouble(type.mean));
            query.addBindValue(nullableDouble(type.std));
            query.addBindValue(type.k);
            query.addBindValue(qint64(type.outliers.size()));
        }
        if (!query.exec())
            return Error{sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
    }
    return {};
}

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

} // namespace

QString idArrayLiteral(const QVector<qint64> &ids, qsizetype from, qsizetype count)
{
    QString text;
    text.reserve(count * 9 + 2);
    text += QLatin1Char('{');
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            text += QLatin1Char(',');
        text += QString::number(ids.at(from + i));
    }
    text += QLatin1Char('}');
    return text;
}

namespace {

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
            return Error{rows.error()};
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
        return Error{sqlErrorText(QStringLiteral("Finding the iteration numbers in %1").arg(outlierTable(source)),
                                  query.lastError())};
    while (query.next()) {
        int &highest = table.highestByEmail[query.value(0).toString()];
        highest = std::max(highest, query.value(1).toInt());
    }
    if (query.lastError().isValid())
        return Error{sqlErrorText(QStringLiteral("Finding the iteration numbers in %1").arg(outlierTable(source)),
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
            return Error{scanned.error()};
        table.scannedTo = high;
    }
    if (watermark < table.coveredFrom) {
        if (const Status scanned = scanOutlierRows(db, source, watermark, table.coveredFrom, table); !scanned)
            return Error{scanned.error()};
        table.coveredFrom = watermark;
    }
    return table.highestByEmail.value(email, 0);
}

} // namespace

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
                return Error{latest.error()};
            const QStringList found = latest.value().value(0);
            if (found.size() != 5)
                return Error{QStringLiteral("Finding the iteration number for %1 failed: no answer").arg(email)};
            const QStringList row = found.at(2).isNull() ? QStringList() : found.mid(2);
            const bool watermarked = !row.isEmpty() && !row.at(1).isNull() && !row.at(2).isNull();
            const Result<QPair<qint64, qint64>> high = qMakePair(found.at(0).toLongLong(), found.at(1).toLongLong());
            cache->lastHigh = high.value();
            const Result<int> raw = cachedPlatformIteration(db, Source::Raw, email,
                                                            watermarked ? row.at(1).toLongLong() : 0,
                                                            high.value().first, cache->raw);
            if (!raw)
                return Error{raw.error()};
            const Result<int> processed = cachedPlatformIteration(db, Source::Processed, email,
                                                                  watermarked ? row.at(2).toLongLong() : 0,
                                                                  high.value().second, cache->processed);
            if (!processed)
                return Error{processed.error()};
            return std::max({row.isEmpty() ? 0 : row.at(0).toInt(), raw.value(), processed.value()}) + 1;
        }
    }

    // Our latest run for this email, with the highest outlier ids when it was written.
    QSqlQuery last(db.db());
    const bool lastPrepared = last.prepare(
        QStringLiteral("SELECT iteration, raw_outliers_high_id, processed_outliers_high_id FROM find_outliers_runs "
                       "WHERE email = ? ORDER BY iteration DESC LIMIT 1"));
    last.addBindValue(email);
    if (!lastPrepared || !last.exec())
        return Error{sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), last.lastError())};

    if (cache) {
        const bool found = last.next();
        const bool watermarked = found && !last.value(1).isNull() && !last.value(2).isNull();
        const Result<QPair<qint64, qint64>> high = outlierHighIds(db);
        if (!high)
            return Error{high.error()};
        const Result<int> raw = cachedPlatformIteration(db, Source::Raw, email,
                                                        watermarked ? last.value(1).toLongLong() : 0,
                                                        high.value().first, cache->raw);
        if (!raw)
            return Error{raw.error()};
        const Result<int> processed = cachedPlatformIteration(db, Source::Processed, email,
                                                              watermarked ? last.value(2).toLongLong() : 0,
                                                              high.value().second, cache->processed);
        if (!processed)
            return Error{processed.error()};
        return std::max({found ? last.value(0).toInt() : 0, raw.value(), processed.value()}) + 1;
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
        return Error{sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), query.lastError())};
    return std::max(ours, query.value(0).toInt()) + 1;
}

Status fillOutlierTimes(Database &db, RunReport &report)
{
    for (const Source source : {Source::Raw, Source::Processed}) {
        TableReport &table = report.table(source);
        const QVector<qint64> ids = outlierIds(table);
        if (ids.isEmpty())
            continue;
        QHash<qint64, qint64> times;
        times.reserve(ids.size());
        if (PgExec pg(db); pg.isAvailable()) {
            const QByteArray sql = QStringLiteral("SELECT id, %1 FROM %2 WHERE id = ANY(CAST($1 AS bigint[]))")
                                       .arg(epochMsExpression(db, QStringLiteral("time")), recordTable(source))
                                       .toUtf8();
            for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
                const Result<QVector<QStringList>> rows =
                    pg.exec(QStringLiteral("Reading outlier times"), sql.constData(),
                            {idArrayLiteral(ids, from, std::min(IdsPerStatement, ids.size() - from))});
                if (!rows)
                    return Error{rows.error()};
                for (const QStringList &row : rows.value())
                    times.insert(row.value(0).toLongLong(), row.value(1).toLongLong());
            }
            for (TypeReport &type : table.types) {
                for (OutlierPoint &point : type.outliers)
                    point.time = QDateTime::fromMSecsSinceEpoch(times.value(point.recordId), Qt::UTC);
            }
            continue;
        }
        QSqlQuery query(db.db());
        query.setForwardOnly(true);
        const QString filter = db.isPostgres() ? QStringLiteral("id = ANY(CAST(? AS bigint[]))")
                                               : QStringLiteral("id IN (SELECT value FROM json_each(?))");
        const QString sql = QStringLiteral("SELECT id, %1 FROM %2 WHERE %3")
                                .arg(epochMsExpression(db, QStringLiteral("time")), recordTable(source), filter);
        if (!query.prepare(sql))
            return Error{sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
        for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
            const qsizetype count = std::min(IdsPerStatement, ids.size() - from);
            QString list = idArrayLiteral(ids, from, count);
            if (!db.isPostgres()) {
                list.front() = QLatin1Char('[');
                list.back() = QLatin1Char(']');
            }
            query.bindValue(0, list);
            if (!query.exec())
                return Error{sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
            while (query.next())
                times.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
            if (query.lastError().isValid())
                return Error{sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
        }
        for (TypeReport &type : table.types) {
            for (OutlierPoint &point : type.outliers)
                point.time = QDateTime::fromMSecsSinceEpoch(times.value(point.recordId), Qt::UTC);
        }
    }
    return {};
}

Result<int> platformIteration(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    const bool prepared = query.prepare(
        QStringLiteral("SELECT COALESCE(MAX(n), 0) FROM (%1) AS iterations").arg(outlierTablesMaxIterationSql(false)));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec() || !query.next())
        return Error{sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), query.lastError())};
    return query.value(0).toInt() + 1;
}

Status reserveIteration(Database &db, RunReport &report, IterationCache *cache)
{
    QSqlDatabase &sql = db.db();
    if (const Status begun = db.beginWrite(QStringLiteral("Starting the transaction that reserves the iteration number")); !begun)
        return begun;
    const auto rollback = [&](const QString &error) {
        sql.rollback();
        return Status(Error{error + QStringLiteral(". Nothing was written and no message was sent.")});
    };
    const Result<int> next = nextIteration(db, report.email, cache);
    if (!next)
        return rollback(next.error());
    // With the cache on PostgreSQL, nextIteration() has just read the highest ids, in this transaction.
    const bool known = cache && cache->lastHigh.first >= 0 && db.isPostgres();
    const Result<QPair<qint64, qint64>> high = known ? Result<QPair<qint64, qint64>>(cache->lastHigh) : outlierHighIds(db);
    if (cache)
        cache->lastHigh = qMakePair(qint64(-1), qint64(-1));
    if (!high)
        return rollback(high.error());
    if (PgExec pg(db); pg.isAvailable()) {
        const Result<QVector<QStringList>> inserted = pg.exec(
            QStringLiteral("Reserving the iteration number"),
            "INSERT INTO find_outliers_runs (run_id, email, iteration, operator_email, started_at, finished_at, status, "
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
        return Error{sqlErrorText(QStringLiteral("Recording the end of run %1").arg(report.iteration), query.lastError())};
    query.addBindValue(statusName(status));
    query.addBindValue(timestampText(report.finishedAt.isNull() ? QDateTime::currentDateTimeUtc() : report.finishedAt));
    query.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    query.addBindValue(report.runId);
    if (!query.exec())
        return Error{sqlErrorText(QStringLiteral("Recording the end of run %1").arg(report.iteration), query.lastError())};
    return {};
}

Status checkWriteAccess(Database &db)
{
    if (!db.isPostgres())
        return {}; // SQLite: the reservation is the first write, and it comes before any message
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral(
            "SELECT current_user, current_setting('transaction_read_only'),"
            " has_table_privilege('outliers_records', 'INSERT'),"
            " has_table_privilege('processed_records_outliers_records', 'INSERT'),"
            " has_table_privilege('outliers_records', 'SELECT'),"
            " has_table_privilege('processed_records_outliers_records', 'SELECT'),"
            " has_table_privilege('find_outliers_runs', 'INSERT'),"
            " has_table_privilege('find_outliers_runs', 'UPDATE'),"
            " has_table_privilege('find_outliers_runs', 'SELECT'),"
            " has_table_privilege('find_outliers_run_types', 'INSERT')"))
        || !query.next())
        return Error{sqlErrorText(QStringLiteral("Checking the privileges to store a run"), query.lastError())};
    const QString role = query.value(0).toString();
    if (query.value(1).toString() == QLatin1String("on"))
        return Error{QStringLiteral("The database is read-only (a standby, or default_transaction_read_only is on), so "
                                    "a run cannot be stored. Use the primary server, or run with --dry-run, which only "
                                    "reads. Nothing was done and no message was sent.")};
    struct Need
    {
        int column;
        const char *privilege;
        const char *table;
    };
    static const Need needs[] = {{2, "INSERT", "outliers_records"},
                                 {3, "INSERT", "processed_records_outliers_records"},
                                 {4, "SELECT", "outliers_records"},
                                 {5, "SELECT", "processed_records_outliers_records"},
                                 {6, "INSERT", "find_outliers_runs"},
                                 {7, "UPDATE", "find_outliers_runs"},
                                 {8, "SELECT", "find_outliers_runs"},
                                 {9, "INSERT", "find_outliers_run_types"}};
    QStringList missing;
    for (const Need &need : needs) {
        if (!query.value(need.column).toBool())
            missing << QStringLiteral("%1 on %2").arg(QLatin1String(need.privilege), QLatin1String(need.table));
    }
    if (missing.isEmpty())
        return {};
    return Error{QStringLiteral("The database role \"%1\" lacks the privilege%2 %3, needed to store a run. Grant %4 "
                                "to the role, or run with --dry-run, which only reads. Nothing was done and no message "
                                "was sent.")
                     .arg(role, missing.size() > 1 ? QStringLiteral("s") : QString(), missing.join(QStringLiteral(", ")),
                          missing.size() > 1 ? QStringLiteral("them") : QStringLiteral("it"))};
}

Result<WriteOutcome> writeRun(Database &db, const RunReport &report, const std::function<bool()> &cancelled)
{
    QSqlDatabase &sql = db.db();
    if (const Status begun = db.beginWrite(QStringLiteral("Starting the write transaction")); !begun)
        return Error{begun.error()};
    auto rollback = [&](const QString &error) -> Result<WriteOutcome> {
        sql.rollback();
        return Error{error + QStringLiteral(". The transaction was rolled back: nothing of this run was written.")};
    };
    for (const Source source : {Source::Raw, Source::Processed}) {
        const Status status = insertOutliers(db, report, source);
        if (!status)
            return rollback(status.error());
    }
    const Status status = completeRunRecord(db, report);
    if (!status)
        return rollback(status.error());
    if (cancelled && cancelled()) {
        sql.rollback();
        return WriteOutcome::Cancelled;
    }
    if (!sql.commit())
        return rollback(sqlErrorText(QStringLiteral("Committing the run"), sql.lastError()));
    qCInfo(lcWriter).noquote() << "stored iteration" << report.iteration << "for" << report.email << ":"
                               << report.raw.outlierCount << "raw and" << report.processed.outlierCount
                               << "processed outliers";
    return WriteOutcome::Written;
}

} // namespace fo
