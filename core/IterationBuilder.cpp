#include "core/IterationBuilder.h"

#include "core/Database.h"
#include "core/NumpyMath.h"
#include "core/RecordReader.h"
#include "core/ValueParser.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace fo {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

double parsedOrNan(const std::optional<QByteArray> &text)
{
    if (!text || text->contains('\0'))
        return std::nan("");
    return parseValue(std::string_view(text->constData(), std::size_t(text->size()))).value_or(std::nan(""));
}

} // namespace

IterationBuilder::IterationBuilder(const QString &email, int iteration)
{
    m_report.email = email;
    m_report.iteration = iteration;
    m_report.status = RunStatus::Completed;
}

QString IterationBuilder::typeKey(const QString &dataType, bool isNull)
{
    return isNull ? QString(QChar(u'\0')) : dataType;
}

Status IterationBuilder::readRun(Database &db)
{
    const QString &email = m_report.email;
    const int iteration = m_report.iteration;
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
    if (!run.next())
        return {};
    m_report.runId = run.value(0).toString();
    m_report.operatorEmail = run.value(1).toString();
    m_report.startedAt = fromMs(run.value(2).toLongLong());
    m_report.finishedAt = fromMs(run.value(3).toLongLong());
    m_report.rawThreshold = run.value(4).toDouble();
    m_report.processedThreshold = run.value(5).toDouble();
    m_report.toolVersion = run.value(6).toString();
    QSqlQuery stats(db.db());
    const bool statsPrepared = stats.prepare(
        QStringLiteral("SELECT source, data_type, rows_read, numeric_rows, skipped_rows, mean, std, k, outliers "
                       "FROM find_outliers_run_types WHERE run_id = ?"));
    stats.addBindValue(m_report.runId);
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
        const QPair<Source, QString> key {source, typeKey(type.dataType, type.dataTypeIsNull)};
        m_types.insert(key, type);
        m_storedOutliers.insert(key, stats.value(8).toLongLong());
    }
    return {};
}

void IterationBuilder::addOutlier(Source source, qint64 recordId, const QString &dataType, bool dataTypeIsNull,
                                  const std::optional<QByteArray> &value, qint64 timeMs, qint64 iterationTimeMs)
{
    m_any = true;
    const QString key = typeKey(dataType, dataTypeIsNull);
    auto it = m_types.find({source, key});
    if (it == m_types.end()) {
        TypeReport type;
        type.dataType = dataTypeIsNull ? QString() : dataType;
        type.dataTypeIsNull = dataTypeIsNull;
        type.mean = std::nan("");
        type.std = std::nan("");
        type.k = defaultThreshold(source);
        it = m_types.insert({source, key}, type);
    }
    OutlierPoint point;
    point.recordId = recordId;
    point.value = parsedOrNan(value);
    point.time = fromMs(timeMs);
    point.z = zScore(point.value, it->mean, it->std);
    it->outliers.push_back(point);
    if (m_report.finishedAt.isNull())
        m_report.finishedAt = fromMs(iterationTimeMs);
}

Result<RunReport> IterationBuilder::finish()
{
    if (!m_any && !hasRun())
        return Error {QStringLiteral("Iteration %1 of %2 is not stored in the database.")
                          .arg(m_report.iteration)
                          .arg(m_report.email)};
    RunReport report = m_report;
    report.raw.source = Source::Raw;
    report.raw.k = report.runId.isEmpty() ? DefaultRawThreshold : report.rawThreshold;
    report.processed.source = Source::Processed;
    report.processed.k = report.runId.isEmpty() ? DefaultProcessedThreshold : report.processedThreshold;
    for (auto it = m_types.cbegin(); it != m_types.cend(); ++it) {
        TableReport &table = report.table(it.key().first);
        table.rows += it->rows;
        table.outlierCount += it->outliers.size();
        table.types.push_back(it.value());
    }
    if (report.startedAt.isNull())
        report.startedAt = report.finishedAt;
    return report;
}

} // namespace fo
