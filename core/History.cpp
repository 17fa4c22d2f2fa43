#include "core/History.h"

#include "core/Database.h"
#include "core/IterationBuilder.h"
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
    IterationBuilder builder(email, iteration);
    if (const Status run = builder.readRun(db); !run)
        return Error {run.error()};
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
            const QVariant type = query.value(1);
            const QVariant value = query.value(2);
            builder.addOutlier(source, query.value(0).toLongLong(), type.toString(), type.isNull(),
                               value.isNull() ? std::nullopt : std::optional<QByteArray>(value.toString().toUtf8()),
                               query.value(3).toLongLong(), query.value(4).toLongLong());
        }
    }
    return builder.finish();
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
