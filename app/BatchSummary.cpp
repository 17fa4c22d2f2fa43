#include "app/BatchSummary.h"

#include <QJsonArray>

#include <algorithm>

namespace fo {

BatchSummary BatchSummary::of(const QVector<RunReport> &reports, const QVector<double> &seconds, double wallSeconds,
                              int jobs, const QString &shard)
{
    BatchSummary summary;
    summary.emails = int(reports.size());
    summary.wallSeconds = wallSeconds;
    summary.jobs = jobs;
    summary.shard = shard;
    QVector<Slow> all;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const RunReport &report = reports.at(i);
        if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun) {
            ++summary.completed;
            summary.rowsRead += report.raw.rows + report.processed.rows;
        } else if (report.status == RunStatus::Cancelled) {
            ++summary.cancelled;
        } else {
            summary.failed << report.email;
        }
        if (report.status != RunStatus::Cancelled)
            all.append(Slow {report.email, seconds.value(i), report.raw.rows + report.processed.rows});
    }
    const qsizetype shown = std::min<qsizetype>(SlowestShown, all.size());
    std::partial_sort(all.begin(), all.begin() + shown, all.end(),
                      [](const Slow &a, const Slow &b) { return a.seconds > b.seconds; });
    summary.slowest = all.mid(0, shown);
    return summary;
}

QString BatchSummary::text() const
{
    QString line = QStringLiteral("%1 emails in %2 s with %3 %4")
                       .arg(emails)
                       .arg(QString::number(wallSeconds, 'f', 2))
                       .arg(jobs)
                       .arg(jobs == 1 ? QStringLiteral("job") : QStringLiteral("jobs"));
    if (!shard.isEmpty())
        line += QStringLiteral(" (shard %1)").arg(shard);
    line += QStringLiteral(": %1 completed, %2 failed").arg(completed).arg(failed.size());
    if (!failed.isEmpty())
        line += QStringLiteral(" (%1)").arg(failed.join(QStringLiteral(", ")));
    line += QStringLiteral(", %1 cancelled; %2 rows read, %3 emails/s")
                .arg(cancelled)
                .arg(rowsRead)
                .arg(QString::number(wallSeconds > 0 ? emails / wallSeconds : 0.0, 'f', 1));
    return line;
}

QString BatchSummary::slowestText() const
{
    if (slowest.isEmpty())
        return {};
    QStringList parts;
    for (const Slow &slow : slowest)
        parts << QStringLiteral("%1 %2 s (%3 rows)")
                     .arg(slow.email, QString::number(slow.seconds, 'f', 2))
                     .arg(slow.rows);
    return QStringLiteral("slowest: ") + parts.join(QStringLiteral(", "));
}

QJsonObject BatchSummary::toJson() const
{
    QJsonArray slow;
    for (const Slow &s : slowest)
        slow.append(QJsonObject {{QStringLiteral("email"), s.email},
                                 {QStringLiteral("seconds"), s.seconds},
                                 {QStringLiteral("rows"), double(s.rows)}});
    QJsonObject object {{QStringLiteral("emails"), emails},
                        {QStringLiteral("completed"), completed},
                        {QStringLiteral("failed"), int(failed.size())},
                        {QStringLiteral("failed_emails"), QJsonArray::fromStringList(failed)},
                        {QStringLiteral("cancelled"), cancelled},
                        {QStringLiteral("rows_read"), double(rowsRead)},
                        {QStringLiteral("wall_seconds"), wallSeconds},
                        {QStringLiteral("jobs"), jobs},
                        {QStringLiteral("slowest"), slow}};
    object.insert(QStringLiteral("shard"), shard.isEmpty() ? QJsonValue() : QJsonValue(shard));
    return object;
}

} // namespace fo
