#include "core/History.h"

#include "core/Database.h"
#include "core/NumpyMath.h"
#include "core/PlatformTables.h"
#include "core/RecordReader.h"
#include "core/ValueParser.h"

#include <QHash>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <limits>

namespace fo {
namespace {

// A data type read from a query: a NULL type is a group of its own, apart from the empty text.
TypeKey typeKey(const QVariant &value)
{
    return value.isNull() ? TypeKey::null() : TypeKey(value.toString());
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<double> parseText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains('\0'))
        return std::nullopt;
    return parseValue(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

} // namespace

namespace history {

Result<QStringList> knownEmails(Database &db)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT email FROM raw_records UNION SELECT email FROM processed_records "
                                   "ORDER BY 1")))
        return Error {sqlErrorText(QStringLiteral("Listing the users' emails"), query.lastError())};
    QStringList emails;
    while (query.next())
        emails << query.value(0).toString();
    return emails;
}

Result<QVector<IterationInfo>> iterations(Database &db, const QString &email)
{
    const QString epoch = epochMsExpression(db, QStringLiteral("t"));
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared = query.prepare(
        QStringLiteral(
            "SELECT n, MAX(%1), SUM(raw_count), SUM(processed_count) FROM ("
            " SELECT o.outliers_search_iteration_num AS n, o.outliers_search_iteration_datetime AS t,"
            "  1 AS raw_count, 0 AS processed_count FROM outliers_records o"
            "  JOIN raw_records r ON r.id = o.raw_record_id WHERE r.email = ?"
            " UNION ALL"
            " SELECT o.outliers_search_iteration_num, o.outliers_search_iteration_datetime, 0, 1"
            "  FROM processed_records_outliers_records o"
            "  JOIN processed_records p ON p.id = o.processed_record_id WHERE p.email = ?"
            " UNION ALL"
            " SELECT iteration, finished_at, 0, 0 FROM find_outliers_runs WHERE email = ? AND status = 'completed'"
            ") AS stored GROUP BY n ORDER BY n DESC")
            .arg(epoch));
    query.addBindValue(email);
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec())
        return Error {sqlErrorText(QStringLiteral("Listing the iterations of %1").arg(email), query.lastError())};
    QVector<IterationInfo> list;
    while (query.next()) {
        IterationInfo info;
        info.iteration = query.value(0).toInt();
        info.time = fromMs(query.value(1).toLongLong());
        info.rawOutliers = query.value(2).toLongLong();
        info.processedOutliers = query.value(3).toLongLong();
        list.push_back(info);
    }
    QSqlQuery runs(db.db());
    const bool runsPrepared =
        runs.prepare(QStringLiteral("SELECT iteration, operator_email FROM find_outliers_runs WHERE email = ? AND "
                                    "status = 'completed'"));
    runs.addBindValue(email);
    if (!runsPrepared || !runs.exec())
        return Error {sqlErrorText(QStringLiteral("Reading the runs of %1").arg(email), runs.lastError())};
    QHash<int, QString> operators;
    while (runs.next())
        operators.insert(runs.value(0).toInt(), runs.value(1).toString());
    for (IterationInfo &info : list) {
        info.hasRunRecord = operators.contains(info.iteration);
        info.operatorEmail = operators.value(info.iteration);
    }
    return list;
}

Result<RunReport> loadIteration(Database &db, const QString &email, int iteration)
{
    RunReport report;
    report.email = email;
    report.iteration = iteration;
    report.status = RunStatus::Completed;

    // This tool's own record of the run, when there is one.
    QSqlQuery run(db.db());
    const bool runPrepared = run.prepare(
        QStringLiteral(
            "SELECT run_id, operator_email, %1, %2, raw_threshold, processed_threshold, "
            "tool_version FROM find_outliers_runs WHERE email = ? AND iteration = ? AND status = 'completed'")
            .arg(epochMsExpression(db, QStringLiteral("started_at")),
                 epochMsExpression(db, QStringLiteral("finished_at"))));
    run.addBindValue(email);
    run.addBindValue(iteration);
    if (!runPrepared || !run.exec())
        return Error {sqlErrorText(QStringLiteral("Reading run %1 of %2").arg(iteration).arg(email), run.lastError())};
    QMap<QPair<Source, TypeKey>, TypeReport> types; // (source, data type) -> statistics
    if (run.next()) {
        report.runId = run.value(0).toString();
        report.operatorEmail = run.value(1).toString();
        report.startedAt = fromMs(run.value(2).toLongLong());
        report.finishedAt = fromMs(run.value(3).toLongLong());
        report.rawThreshold = run.value(4).toDouble();
        report.processedThreshold = run.value(5).toDouble();
        report.toolVersion = run.value(6).toString();
        QSqlQuery stats(db.db());
        const bool statsPrepared = stats.prepare(
            QStringLiteral("SELECT source, data_type, rows_read, numeric_rows, skipped_rows, mean, std, k "
                           "FROM find_outliers_run_types WHERE run_id = ?"));
        stats.addBindValue(report.runId);
        if (!statsPrepared || !stats.exec())
            return Error {
                sqlErrorText(QStringLiteral("Reading the statistics of run %1").arg(iteration), stats.lastError())};
        while (stats.next()) {
            TypeReport type;
            const Source source = sourceFromName(stats.value(0).toString());
            type.dataType = stats.value(1).toString();
            type.dataTypeIsNull = stats.value(1).isNull();
            type.rows = stats.value(2).toLongLong();
            type.numericRows = stats.value(3).toLongLong();
            type.skippedRows = stats.value(4).toLongLong();
            type.mean = stats.value(5).isNull() ? std::nan("") : stats.value(5).toDouble();
            type.std = stats.value(6).isNull() ? std::nan("") : stats.value(6).toDouble();
            type.k = stats.value(7).toDouble();
            types.insert({source, typeKey(stats.value(1))}, type);
        }
    }

    bool any = !report.runId.isEmpty();
    for (const Source source : {Source::Raw, Source::Processed}) {
        QSqlQuery query(db.db());
        query.setForwardOnly(true);
        const bool prepared =
            query.prepare(QStringLiteral("SELECT r.id, r.data_type, r.value, %1, %2 FROM %3 o JOIN %4 r ON r.id = o.%5 "
                                         "WHERE r.email = ? AND o.outliers_search_iteration_num = ? ORDER BY r.id")
                              .arg(epochMsExpression(db, QStringLiteral("r.time")),
                                   epochMsExpression(db, QStringLiteral("o.outliers_search_iteration_datetime")),
                                   outlierTable(source), recordTable(source), outlierIdColumn(source)));
        query.addBindValue(email);
        query.addBindValue(iteration);
        if (!prepared || !query.exec())
            return Error {
                sqlErrorText(QStringLiteral("Reading the outliers of iteration %1").arg(iteration), query.lastError())};
        while (query.next()) {
            any = true;
            const TypeKey key = typeKey(query.value(1));
            auto it = types.find({source, key});
            if (it == types.end()) {
                TypeReport type;
                type.dataType = key.dataType;
                type.dataTypeIsNull = key.isNull;
                type.mean = std::nan("");
                type.std = std::nan("");
                type.k = defaultThreshold(source);
                it = types.insert({source, key}, type);
            }
            OutlierPoint point;
            point.recordId = query.value(0).toLongLong();
            point.value = parseText(query.value(2).toString()).value_or(std::nan(""));
            point.time = fromMs(query.value(3).toLongLong());
            point.z = zScore(point.value, it->mean, it->std);
            it->outliers.push_back(point);
            if (report.finishedAt.isNull())
                report.finishedAt = fromMs(query.value(4).toLongLong());
        }
    }
    if (!any)
        return Error {QStringLiteral("Iteration %1 of %2 is not stored in the database.").arg(iteration).arg(email)};

    report.raw.source = Source::Raw;
    report.raw.k = report.runId.isEmpty() ? DefaultRawThreshold : report.rawThreshold;
    report.processed.source = Source::Processed;
    report.processed.k = report.runId.isEmpty() ? DefaultProcessedThreshold : report.processedThreshold;
    for (auto it = types.cbegin(); it != types.cend(); ++it) {
        TableReport &table = report.table(it.key().first);
        table.rows += it->rows;
        table.outlierCount += it->outliers.size();
        table.types.push_back(it.value());
    }
    if (report.startedAt.isNull())
        report.startedAt = report.finishedAt;
    return report;
}

Result<Series> loadSeries(Database &db, const QString &email, Source source, const TypeKey &type)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared = query.prepare(
        QStringLiteral("SELECT id, value, %1 FROM %2 WHERE email = ? AND %3 ORDER BY id")
            .arg(epochMsExpression(db, QStringLiteral("time")), recordTable(source), dataTypeCondition(type)));
    query.addBindValue(email);
    bindDataType(query, type);
    const QString what = QStringLiteral("Reading %1 of %2").arg(displayDataType(type), email);
    if (!prepared || !query.exec())
        return Error {sqlErrorText(what, query.lastError())};
    Series series;
    while (query.next()) {
        const std::optional<double> value = parseText(query.value(1).toString());
        if (!value)
            continue;
        series.ids.push_back(query.value(0).toLongLong());
        series.values.push_back(*value);
        series.timesMs.push_back(query.value(2).toLongLong());
    }
    if (query.lastError().isValid())
        return Error {sqlErrorText(what, query.lastError())};
    return series;
}

} // namespace history

} // namespace fo
