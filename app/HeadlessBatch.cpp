#include "app/HeadlessBatch.h"

#include "app/BatchRunner.h"
#include "app/BatchSummary.h"
#include "app/HeadlessApp.h"
#include "app/HeadlessOutput.h"
#include "app/JsonLog.h"
#include "core/ReportWriters.h"
#include "core/StageTimer.h"
#include "core/TerminalText.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace fo {
namespace {

using headless::err;
using headless::out;

// One email's progress line: what it found, or why it did not finish.
QString progressLine(const BatchRunner::Finished &finished)
{
    const RunReport &report = *finished.report;
    QString line;
    if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
        line = QStringLiteral("%1, iteration %2, %3 raw and %4 processed outliers in %5 s")
                   .arg(statusName(report.status))
                   .arg(report.iteration)
                   .arg(report.raw.outlierCount)
                   .arg(report.processed.outlierCount)
                   .arg(QString::number(finished.seconds, 'f', 2));
    else if (report.status == RunStatus::Cancelled)
        line = QStringLiteral("cancelled, nothing written");
    else
        line = QStringLiteral("FAILED: ") + report.error;
    if (finished.attempts > 1 && report.status != RunStatus::Failed) // a failure's error says how many
        line += QStringLiteral(" (%1 attempts)").arg(finished.attempts);
    if (finished.stages)
        line += QStringLiteral(" [ms: %1]").arg(finished.stages->text());
    return line;
}

// Adds one email's stage times to the batch's totals, in their order of first appearance (--stage-times).
void addStages(QVector<StageTimer::Lap> &totals, const StageTimer &stages)
{
    for (const StageTimer::Lap &lap : stages.laps()) {
        auto it = std::find_if(totals.begin(), totals.end(),
                               [&](const StageTimer::Lap &total) { return std::strcmp(total.stage, lap.stage) == 0; });
        if (it == totals.end())
            totals.append(lap);
        else
            it->nsecs += lap.nsecs;
    }
}

// Every report as one JSON array, each element the object that --json prints for one email.
QByteArray jsonArrayOf(const QVector<RunReport> &reports)
{
    QJsonArray array;
    for (const RunReport &report : reports)
        array.append(reportJson(report));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace

int runBatch(const Config &config, const RunRequest &request, const QStringList &emails, const BatchOptions &batch,
             CsvTarget *csv)
{
    if (emails.isEmpty()) {
        err() << "find-outliers: no emails to run for." << Qt::endl;
        if (batch.json)
            out() << "[]" << Qt::endl;
        return headless::finishCsv(csv, {}, request.dryRun) ? ExitSuccess : ExitRunFailed;
    }
    QElapsedTimer timer;
    timer.start();
    BatchRunner::Options options;
    options.jobs = batch.jobs;
    options.request = request;
    options.retryForSeconds = batch.retryFor;
    options.stageTimes = batch.stageTimes;
    BatchRunner runner(config, options);
    runner.setCancelFlag(batch.cancel);
    runner.setWarningCallback([](const QString &email, const QString &text) { headless::printWarning(email, text); });
    // The notice says how long the email is tried for: the window the runner was given (--retry-for).
    runner.setBackoffCallback(
        [retryFor = options.retryForSeconds](const QString &email, const QString &error, double seconds) {
            headless::printWarning(
                email,
                error
                    + QStringLiteral(" Every worker waits %1 s before its next attempt; the email is run "
                                     "again for up to %2 s (--retry-for).")
                          .arg(QString::number(seconds, 'f', 1))
                          .arg(retryFor));
        });
    // One progress line per email: on stdout as the text report, or on stderr when stdout carries the JSON (then, with
    // --log-format json, as a JSON record).
    QTextStream &progress = batch.json ? err() : out();
    const bool progressAsJson = batch.json && jsonlog::enabled();
    QVector<double> seconds(emails.size());
    QVector<StageTimer::Lap> stageTotals;
    runner.setOnFinished([&](const BatchRunner::Finished &finished) {
        const RunReport &report = *finished.report;
        seconds[finished.index] = finished.seconds;
        const QString line = progressLine(finished);
        if (finished.stages)
            addStages(stageTotals, *finished.stages);
        if (progressAsJson) {
            const QJsonObject extra {{QStringLiteral("status"), statusName(report.status)},
                                     {QStringLiteral("seconds"), finished.seconds}};
            jsonlog::writeFor(report.status == RunStatus::Failed ? QtWarningMsg : QtInfoMsg, "fo.app.batch",
                              report.email, report.iteration,
                              QStringLiteral("[%1/%2] %3").arg(finished.index + 1).arg(finished.total).arg(line),
                              &extra);
            return;
        }
        progress << "[" << (finished.index + 1) << "/" << finished.total << "] " << escapeControlChars(report.email)
                 << ": " << escapeControlChars(line) << Qt::endl;
    });
    const QVector<RunReport> reports = runner.run(emails);
    const BatchSummary summary =
        BatchSummary::of(reports, seconds, double(timer.nsecsElapsed()) / 1e9, batch.jobs, batch.shard);
    // The CSV first (it may be /dev/stdout), then the JSON and the summary, which a CSV failure never loses.
    const bool csvOk = headless::finishCsv(csv, reports, request.dryRun);
    if (batch.json)
        headless::writeOut(jsonArrayOf(reports));
    QStringList stageParts;
    for (const StageTimer::Lap &lap : stageTotals)
        stageParts << QStringLiteral("%1 %2").arg(
            QLatin1String(lap.stage), QString::number(double(lap.nsecs) / 1e6 / double(reports.size()), 'f', 2));
    if (progressAsJson) {
        QJsonObject extra {{QStringLiteral("summary"), summary.toJson()}};
        if (!stageParts.isEmpty())
            extra.insert(QStringLiteral("stage_ms_per_email"), stageParts.join(QStringLiteral(", ")));
        jsonlog::writeFor(QtInfoMsg, "fo.app.batch", QString(), 0, summary.text(), &extra);
    } else {
        if (!stageParts.isEmpty())
            progress << "find-outliers: stages, mean ms per email: " << stageParts.join(QStringLiteral(", "))
                     << Qt::endl;
        if (!summary.slowestText().isEmpty())
            progress << "find-outliers: " << escapeControlChars(summary.slowestText()) << Qt::endl;
        progress << "find-outliers: " << escapeControlChars(summary.text()) << Qt::endl;
    }
    return summary.failed.isEmpty() && summary.cancelled == 0 && csvOk ? ExitSuccess : ExitRunFailed;
}

} // namespace fo
