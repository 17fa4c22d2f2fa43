#include "core/RunWriter.h"

#include "core/Database.h"
#include "core/IterationReservation.h"
#include "core/PgExec.h"
#include "core/PlatformTables.h"
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
            const Result<QVector<QStringList>> done = pg.exec(
                what, sql.constData(),
                {idArrayLiteral(ids, from, std::min(IdsPerStatement, ids.size() - from)), report.iteration, stamp});
            if (!done)
                return Error {done.error()};
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
            return Error {sqlErrorText(what, query.lastError())};
        for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
            query.bindValue(0, idArrayLiteral(ids, from, std::min(IdsPerStatement, ids.size() - from)));
            query.bindValue(1, report.iteration);
            query.bindValue(2, stamp);
            if (!query.exec())
                return Error {sqlErrorText(what, query.lastError())};
        }
        return {};
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, outliers_search_iteration_num, "
                                       "outliers_search_iteration_datetime) VALUES (?, ?, ?)")
                            .arg(outlierTable(source), outlierIdColumn(source));
    if (!query.prepare(sql))
        return Error {sqlErrorText(what, query.lastError())};
    for (const qint64 id : ids) {
        query.bindValue(0, id);
        query.bindValue(1, report.iteration);
        query.bindValue(2, stamp);
        if (!query.exec())
            return Error {sqlErrorText(what, query.lastError())};
    }
    return {};
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
        return Error {updated.error()};
    if (updated.value().size() != 1)
        return Error {QStringLiteral("Writing find_outliers_runs failed: the reserved row of run %1 (iteration %2) is "
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
        return Error {inserted.error()};
    return {};
}

// Inside the write transaction, after our own outlier rows: the reserved row becomes the completed run.
Status completeRunRecord(Database &db, const RunReport &report)
{
    const Result<QPair<qint64, qint64>> high = outlierHighIds(db);
    if (!high)
        return Error {high.error()};
    if (PgExec pg(db); pg.isAvailable())
        return completeRunRecordPostgres(pg, report, high.value());
    QSqlQuery query(db.db());
    if (!query.prepare(QStringLiteral("UPDATE find_outliers_runs SET finished_at = %1, status = ?, raw_rows = ?, "
                                      "raw_outliers = ?, processed_rows = ?, processed_outliers = ?, "
                                      "raw_outliers_high_id = ?, processed_outliers_high_id = ?, error = NULL "
                                      "WHERE run_id = ?")
                           .arg(timestampPlaceholder(db))))
        return Error {sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};
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
        return Error {sqlErrorText(QStringLiteral("Writing find_outliers_runs"), query.lastError())};
    if (query.numRowsAffected() != 1)
        return Error {QStringLiteral("Writing find_outliers_runs failed: the reserved row of run %1 (iteration %2) is "
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
            rows.append(TypeRow {table->source, &type});
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
            return Error {sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
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
            return Error {sqlErrorText(QStringLiteral("Writing find_outliers_run_types"), query.lastError())};
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
                    return Error {rows.error()};
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
            return Error {sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
        for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
            const qsizetype count = std::min(IdsPerStatement, ids.size() - from);
            QString list = idArrayLiteral(ids, from, count);
            if (!db.isPostgres()) {
                list.front() = QLatin1Char('[');
                list.back() = QLatin1Char(']');
            }
            query.bindValue(0, list);
            if (!query.exec())
                return Error {sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
            while (query.next())
                times.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
            if (query.lastError().isValid())
                return Error {sqlErrorText(QStringLiteral("Reading outlier times"), query.lastError())};
        }
        for (TypeReport &type : table.types) {
            for (OutlierPoint &point : type.outliers)
                point.time = QDateTime::fromMSecsSinceEpoch(times.value(point.recordId), Qt::UTC);
        }
    }
    return {};
}

Status checkWriteAccess(Database &db)
{
    if (!db.isPostgres())
        return {}; // SQLite: the reservation is the first write, and it comes before any message
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral("SELECT current_user, current_setting('transaction_read_only'),"
                                   " has_table_privilege('outliers_records', 'INSERT'),"
                                   " has_table_privilege('processed_records_outliers_records', 'INSERT'),"
                                   " has_table_privilege('outliers_records', 'SELECT'),"
                                   " has_table_privilege('processed_records_outliers_records', 'SELECT'),"
                                   " has_table_privilege('find_outliers_runs', 'INSERT'),"
                                   " has_table_privilege('find_outliers_runs', 'UPDATE'),"
                                   " has_table_privilege('find_outliers_runs', 'SELECT'),"
                                   " has_table_privilege('find_outliers_run_types', 'INSERT')"))
        || !query.next())
        return Error {sqlErrorText(QStringLiteral("Checking the privileges to store a run"), query.lastError())};
    const QString role = query.value(0).toString();
    if (query.value(1).toString() == QLatin1String("on"))
        return Error {
            QStringLiteral("The database is read-only (a standby, or default_transaction_read_only is on), so "
                           "a run cannot be stored. Use the primary server, or run with --dry-run, which only "
                           "reads. Nothing was done and no message was sent.")};
    struct Need
    {
        int column;
        const char *privilege;
        const char *table;
    };
    static const Need needs[] = {
        {2, "INSERT", "outliers_records"},   {3, "INSERT", "processed_records_outliers_records"},
        {4, "SELECT", "outliers_records"},   {5, "SELECT", "processed_records_outliers_records"},
        {6, "INSERT", "find_outliers_runs"}, {7, "UPDATE", "find_outliers_runs"},
        {8, "SELECT", "find_outliers_runs"}, {9, "INSERT", "find_outliers_run_types"}};
    QStringList missing;
    for (const Need &need : needs) {
        if (!query.value(need.column).toBool())
            missing << QStringLiteral("%1 on %2").arg(QLatin1String(need.privilege), QLatin1String(need.table));
    }
    if (missing.isEmpty())
        return {};
    return Error {
        QStringLiteral("The database role \"%1\" lacks the privilege%2 %3, needed to store a run. Grant %4 "
                       "to the role, or run with --dry-run, which only reads. Nothing was done and no message "
                       "was sent.")
            .arg(role, missing.size() > 1 ? QStringLiteral("s") : QString(), missing.join(QStringLiteral(", ")),
                 missing.size() > 1 ? QStringLiteral("them") : QStringLiteral("it"))};
}

Result<WriteOutcome> writeRun(Database &db, const RunReport &report, const std::function<bool()> &cancelled)
{
    QSqlDatabase &sql = db.db();
    if (const Status begun = db.beginWrite(QStringLiteral("Starting the write transaction")); !begun)
        return Error {begun.error()};
    auto rollback = [&](const QString &error) -> Result<WriteOutcome> {
        sql.rollback();
        return Error {error + QStringLiteral(". The transaction was rolled back: nothing of this run was written.")};
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
