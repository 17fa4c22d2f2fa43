#include "RunWriter.h"

#include "Database.h"
#include "RecordReader.h"

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

Status insertRunRecord(Database &db, const RunReport &report)
{
    QSqlQuery query(db.db());
    // Inside the write transaction, after our own outlier rows: the watermarks nextIteration() starts from.
    if (!query.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM outliers_records), "
                                   "(SELECT COALESCE(MAX(id), 0) FROM processed_records_outliers_records)"))
        || !query.next())
        return Error{sqlErrorText(QStringLiteral("Reading the outlier tables' highest ids"), query.lastError())};
    const qint64 rawHighId = query.value(0).toLongLong();
    const qint64 processedHighId = query.value(1).toLongLong();
    const QString ts = db.isPostgres() ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
    if (!query.prepare(QStringLiteral("INSERT INTO find_outliers_runs (run_id, email, iteration, operator_email, "
                                      "started_at, finished_at, status, raw_threshold, processed_threshold, "
                                      "tool_version, raw_rows, raw_outliers, processed_rows, processed_outliers, "
                                      "raw_outliers_high_id, processed_outliers_high_id) "
                                      "VALUES (?, ?, ?, ?, %1, %1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .arg(ts)))
        return Error{sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};
    query.addBindValue(report.runId);
    query.addBindValue(report.email);
    query.addBindValue(report.iteration);
    query.addBindValue(report.operatorEmail.isNull() ? QString(QLatin1String("")) : report.operatorEmail);
    query.addBindValue(timestampText(report.startedAt));
    query.addBindValue(timestampText(report.finishedAt));
    query.addBindValue(statusName(RunStatus::Completed));
    query.addBindValue(report.rawThreshold);
    query.addBindValue(report.processedThreshold);
    query.addBindValue(report.toolVersion);
    query.addBindValue(report.raw.rows);
    query.addBindValue(report.raw.outlierCount);
    query.addBindValue(report.processed.rows);
    query.addBindValue(report.processed.outlierCount);
    query.addBindValue(rawHighId);
    query.addBindValue(processedHighId);
    if (!query.exec())
        return Error{sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};

    if (!query.prepare(QStringLiteral("INSERT INTO find_outliers_run_types (run_id, source, data_type, rows_read, "
                                      "numeric_rows, skipped_rows, mean, std, k, outliers) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return Error{sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
    for (const TableReport *table : {&report.raw, &report.processed}) {
        for (const TypeReport &type : table->types) {
            query.bindValue(0, report.runId);
            query.bindValue(1, sourceName(table->source));
            query.bindValue(2, type.dataType);
            query.bindValue(3, type.rows);
            query.bindValue(4, type.numericRows);
            query.bindValue(5, type.skippedRows);
            query.bindValue(6, nullableDouble(type.mean));
            query.bindValue(7, nullableDouble(type.std));
            query.bindValue(8, type.k);
            query.bindValue(9, qint64(type.outliers.size()));
            if (!query.exec())
                return Error{sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
        }
    }
    return {};
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

Result<int> nextIteration(Database &db, const QString &email)
{
    // Our latest run for this email, with the highest outlier ids when it was written.
    QSqlQuery last(db.db());
    const bool lastPrepared = last.prepare(
        QStringLiteral("SELECT iteration, raw_outliers_high_id, processed_outliers_high_id FROM find_outliers_runs "
                       "WHERE email = ? ORDER BY iteration DESC LIMIT 1"));
    last.addBindValue(email);
    if (!lastPrepared || !last.exec())
        return Error{sqlErrorText(QStringLiteral("Finding the iteration number for %1").arg(email), last.lastError())};

    // Without an index on the outlier tables' record-id columns (the platform's schema has none), the full
    // search joins every stored outlier row to the records. After our first run for an email, only rows added
    // since (ids above the watermark: the old job's, if it still runs) can hold a higher iteration.
    const bool incremental = last.next() && !last.value(1).isNull() && !last.value(2).isNull();
    const int ours = incremental ? last.value(0).toInt() : 0;
    const QString rawFilter = incremental ? QStringLiteral(" AND o.id > ?") : QString();
    const QString processedFilter = incremental ? QStringLiteral(" AND o.id > ?") : QString();

    QSqlQuery query(db.db());
    const bool prepared = query.prepare(QStringLiteral(
        "SELECT COALESCE(MAX(n), 0) FROM ("
        " SELECT MAX(o.outliers_search_iteration_num) AS n FROM outliers_records o"
        "  JOIN raw_records r ON r.id = o.raw_record_id WHERE r.email = ?%1"
        " UNION ALL"
        " SELECT MAX(o.outliers_search_iteration_num) FROM processed_records_outliers_records o"
        "  JOIN processed_records p ON p.id = o.processed_record_id WHERE p.email = ?%2"
        " UNION ALL"
        " SELECT MAX(iteration) FROM find_outliers_runs WHERE email = ?) AS iterations")
                                            .arg(rawFilter, processedFilter));
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

Result<bool> writeRun(Database &db, const RunReport &report, const std::function<bool()> &cancelled)
{
    QSqlDatabase &sql = db.db();
    if (!sql.transaction())
        return Error{sqlErrorText(QStringLiteral("Starting the write transaction"), sql.lastError())};
    auto rollback = [&](const QString &error) -> Result<bool> {
        sql.rollback();
        return Error{error + QStringLiteral(". The transaction was rolled back: nothing of this run was written.")};
    };
    for (const Source source : {Source::Raw, Source::Processed}) {
        const Status status = insertOutliers(db, report, source);
        if (!status)
            return rollback(status.error());
    }
    const Status status = insertRunRecord(db, report);
    if (!status)
        return rollback(status.error());
    if (cancelled && cancelled()) {
        sql.rollback();
        return false;
    }
    if (!sql.commit())
        return rollback(sqlErrorText(QStringLiteral("Committing the run"), sql.lastError()));
    qCInfo(lcWriter).noquote() << "stored iteration" << report.iteration << "for" << report.email << ":"
                               << report.raw.outlierCount << "raw and" << report.processed.outlierCount
                               << "processed outliers";
    return true;
}

} // namespace fo
