#include "app/HeadlessApp.h"

#include "app/BatchRunner.h"
#include "app/BatchSummary.h"
#include "app/CsvTarget.h"
#include "app/JsonLog.h"
#include "app/Shard.h"
#include "core/History.h"

#include "app/DesktopEntry.h"
#include "core/Config.h"
#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/Email.h"
#include "core/Logging.h"
#include "core/Pipeline.h"
#include "core/ReportWriters.h"
#include "core/TerminalText.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace fo {
namespace {

std::atomic_bool g_cancel{false};

extern "C" void onTerminate(int)
{
    g_cancel.store(true); // lock-free atomic store: async-signal-safe
}

const char *const HeadlessFlags[] = {"--email", "--demo", "--emails-from", "--all-users", "--jobs", "--version", "-v", "--help", "-h", "--help-all",
                                     "--env-file", "--dry-run", "--json", "--csv", "--no-notify",
                                     "--raw-threshold", "--processed-threshold", "--verbose", "--retry-for",
                                     "--shard", "--stage-times", "--log-format"};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// A report that is already UTF-8 (the JSON) goes to stdout as it is: through out() it would be converted to a QString
// and back: three more copies of a report that has a few hundred bytes per data type.
void writeOut(const QByteArray &bytes)
{
    out().flush();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    if (jsonlog::enabled())
        jsonlog::write(QtCriticalMsg, "fo.app", text);
    else
        err() << "find-outliers: error: " << escapeControlChars(text) << Qt::endl;
}

// A warning for the person running the tool: a line on stderr, or one JSON record with --log-format json.
void printWarning(const QString &email, const QString &text)
{
    if (jsonlog::enabled())
        jsonlog::writeFor(QtWarningMsg, "fo.app", email, 0, text);
    else if (email.isEmpty())
        err() << "find-outliers: warning: " << escapeControlChars(text) << Qt::endl;
    else
        err() << "find-outliers: warning: " << escapeControlChars(email) << ": " << escapeControlChars(text)
              << Qt::endl;
}

QString exitCodeHelp()
{
    return QStringLiteral("Exit codes:\n"
                          "  0  the run completed (warnings, such as an unreachable Redis or notifications API, "
                          "are allowed)\n"
                          "  1  the run failed or was cancelled, and nothing of it was written; with --emails-from or --all-users: "
                          "at least one email failed (the others still ran)\n"
                          "  2  usage error: bad arguments, configuration or env file, an invalid email, or a --csv "
                          "path that cannot be written\n"
                          "A --csv file that fails only after the run was stored (a full disk, a closed pipe) is a "
                          "warning: the exit code stays 0, since running again would store another iteration.\n");
}

// The CSV of every report, with the header once.
QByteArray csvOf(const QVector<RunReport> &reports, Status *status)
{
    QByteArray all;
    if (reports.isEmpty()) // no email to run for: the header alone
        return csvHeader(false).join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (int i = 0; *status && i < reports.size(); ++i) {
        if (reports.at(i).status != RunStatus::Completed && reports.at(i).status != RunStatus::DryRun
            && !all.isEmpty())
            continue; // a failed or cancelled email has no outliers; the first report still gives the header
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        *status = writeCsv(reports.at(i), buffer);
        QByteArray bytes = buffer.data();
        if (!all.isEmpty())
            bytes = bytes.mid(bytes.indexOf('\n') + 1); // the header once
        all += bytes;
    }
    return all;
}

// Writes the CSV after the run(s). A failure here comes after the runs were stored: it is reported, and the exit
// code is left to the runs (a scheduler's retry would store another iteration), except for a dry run, which stored
// nothing. Returns false when the failure must fail the exit code.
bool finishCsv(CsvTarget *target, const QVector<RunReport> &reports, bool dryRun)
{
    if (!target)
        return true;
    Status status;
    const QByteArray bytes = csvOf(reports, &status);
    if (status)
        status = target->write(bytes);
    if (status)
        return true;
    if (dryRun) {
        printError(status.error() + QStringLiteral(" This was a dry run: nothing was stored."));
        return false;
    }
    bool stored = false;
    for (const RunReport &report : reports)
        stored = stored || report.status == RunStatus::Completed;
    if (stored)
        err() << "find-outliers: warning: " << escapeControlChars(status.error())
              << " The run itself completed and is stored; running again for the file would store another iteration."
              << Qt::endl;
    else
        printError(status.error());
    return true;
}

struct BatchOptions
{
    int jobs = 1;
    int retryFor = 60;
    bool json = false;
    bool stageTimes = false;
    QString shard; // "I/N", or empty
};

int runBatch(const Config &config, const RunRequest &request, const QStringList &emails, const BatchOptions &batch,
             CsvTarget *csv)
{
    const int jobs = batch.jobs;
    const bool json = batch.json;
    if (emails.isEmpty()) {
        err() << "find-outliers: no emails to run for." << Qt::endl;
        if (json)
            out() << "[]" << Qt::endl;
        return finishCsv(csv, {}, request.dryRun) ? ExitSuccess : ExitRunFailed;
    }
    QElapsedTimer timer;
    timer.start();
    BatchRunner::Options options;
    options.jobs = jobs;
    options.request = request;
    options.retryForSeconds = batch.retryFor;
    options.stageTimes = batch.stageTimes;
    BatchRunner runner(config, options);
    runner.setCancelFlag(&g_cancel);
    runner.setWarningCallback([](const QString &email, const QString &text) { printWarning(email, text); });
    runner.setBackoffCallback([](const QString &email, const QString &error, double seconds) {
        printWarning(email, error + QStringLiteral(" Every worker waits %1 s before its next attempt.")
                                        .arg(QString::number(seconds, 'f', 1)));
    });
    // One progress line per email: on stdout as the text report, or on stderr when stdout carries the JSON (then, with
    // --log-format json, as a JSON record).
    QTextStream &progress = json ? err() : out();
    const bool progressAsJson = json && jsonlog::enabled();
    QVector<double> seconds(emails.size());
    // The stages' total over the emails, in their order of first appearance (--stage-times).
    QVector<StageTimer::Lap> stageTotals;
    runner.setOnFinished([&](const BatchRunner::Finished &finished) {
        const RunReport &report = *finished.report;
        seconds[finished.index] = finished.seconds;
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
        if (finished.stages) {
            line += QStringLiteral(" [ms: %1]").arg(finished.stages->text());
            for (const StageTimer::Lap &lap : finished.stages->laps()) {
                auto it = std::find_if(stageTotals.begin(), stageTotals.end(), [&](const StageTimer::Lap &total) {
                    return std::strcmp(total.stage, lap.stage) == 0;
                });
                if (it == stageTotals.end())
                    stageTotals.append(lap);
                else
                    it->nsecs += lap.nsecs;
            }
        }
        if (progressAsJson) {
            const QJsonObject extra{{QStringLiteral("status"), statusName(report.status)},
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
        BatchSummary::of(reports, seconds, double(timer.nsecsElapsed()) / 1e9, jobs, batch.shard);
    // The CSV first (it may be /dev/stdout), then the JSON and the summary, which a CSV failure never loses.
    const bool csvOk = finishCsv(csv, reports, request.dryRun);
    if (json) {
        QJsonArray array;
        for (const RunReport &report : reports)
            array.append(QJsonDocument::fromJson(formatJson(report)).object());
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    }
    QStringList stageParts;
    for (const StageTimer::Lap &lap : stageTotals)
        stageParts << QStringLiteral("%1 %2").arg(QLatin1String(lap.stage),
                                                  QString::number(double(lap.nsecs) / 1e6 / double(reports.size()), 'f', 2));
    if (progressAsJson) {
        QJsonObject extra{{QStringLiteral("summary"), summary.toJson()}};
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

} // namespace

bool isHeadlessInvocation(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const char *flag : HeadlessFlags) {
            if (arg == flag || arg.startsWith(QByteArray(QByteArray(flag) + '=')))
                return true;
        }
    }
    return false;
}

int runHeadless(const QStringList &arguments)
{
    Database::prepareForThreads();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Finds outliers in one user's health records (z-score per data type), stores them in the "
                       "platform's tables, sets the Redis \"job is active\" flag and notifies the user.\n")
        + QString::fromUtf8(desktopEntryHelp()) + QStringLiteral("\n\n")
        + exitCodeHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption emailOption(QStringLiteral("email"), QStringLiteral("Run for this user's records."),
                                         QStringLiteral("address"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Seed the demo user demo@example.com if needed, then run for "
                                                       "that user."));
    const QCommandLineOption envFileOption(QStringLiteral("env-file"),
                                           QStringLiteral("Read NAME=value settings from this file (the process "
                                                          "environment takes precedence)."),
                                           QStringLiteral("file"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("Compute and report only: write nothing, set no Redis flag, "
                                                         "send no notification."));
    const QCommandLineOption noNotifyOption(QStringLiteral("no-notify"), QStringLiteral("Send no notification."));
    const QCommandLineOption rawKOption(QStringLiteral("raw-threshold"),
                                        QStringLiteral("z-score threshold k for raw records (default 3)."),
                                        QStringLiteral("k"));
    const QCommandLineOption processedKOption(QStringLiteral("processed-threshold"),
                                              QStringLiteral("z-score threshold k for processed records (default 2)."),
                                              QStringLiteral("k"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the report as JSON on stdout (schema in the README)."));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QStringLiteral("Write one CSV row per outlier to this file."),
                                       QStringLiteral("file"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Log every step on stderr."));
    const QCommandLineOption emailsFromOption(QStringLiteral("emails-from"),
                                              QStringLiteral("Run for every email in this file, one per line (- "
                                                             "reads standard input)."),
                                              QStringLiteral("file"));
    const QCommandLineOption allUsersOption(QStringLiteral("all-users"),
                                            QStringLiteral("Run for every email present in the record tables."));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("With --emails-from or --all-users: run this many emails at a "
                                                       "time (default 1)."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption retryForOption(
        QStringLiteral("retry-for"),
        QStringLiteral("With --emails-from or --all-users: run an email again after a connection failure (refused, "
                       "lost, too many connections, the server starting or stopping) for up to this many seconds, all "
                       "workers backing off together; 0 never runs one again (default 60)."),
        QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption shardOption(
        QStringLiteral("shard"),
        QStringLiteral("With --emails-from or --all-users: run only shard I of N, the emails whose FNV-1a 64 hash (of "
                       "their UTF-8 bytes) modulo N is I, so that N processes split the users with no overlap and no "
                       "gap. auto/N takes I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)."),
        QStringLiteral("I/N"));
    const QCommandLineOption stageTimesOption(
        QStringLiteral("stage-times"),
        QStringLiteral("With --emails-from or --all-users: add to each email's line the milliseconds each stage took "
                       "(connect, table check, lock, reservation, reads, write...) and print their mean."));
    const QCommandLineOption logFormatOption(
        QStringLiteral("log-format"),
        QStringLiteral("text (default) or json: one JSON object per line on stderr (time, level, category, email, "
                       "iteration, message)."),
        QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({emailOption, emailsFromOption, allUsersOption, jobsOption, retryForOption, shardOption,
                       stageTimesOption, demoOption, envFileOption, dryRunOption, noNotifyOption, rawKOption,
                       processedKOption, jsonOption, csvOption, verboseOption, logFormatOption});

    if (!parser.parse(arguments)) {
        printError(parser.errorText() + QStringLiteral(". See find-outliers --help."));
        return ExitUsageError;
    }
    if (parser.isSet(QStringLiteral("help-all"))) {
        // Qt prints --help-all itself (our options and Qt's own) and ends the process with 0.
        out().flush();
        parser.process(arguments);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitSuccess;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "find-outliers " << FO_VERSION << Qt::endl;
        return ExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("unexpected argument \"%1\". See find-outliers --help.")
                       .arg(parser.positionalArguments().constFirst()));
        return ExitUsageError;
    }

    const QString logFormat = parser.value(logFormatOption);
    if (logFormat == QLatin1String("json")) {
        jsonlog::install(parser.isSet(verboseOption));
    } else if (logFormat != QLatin1String("text")) {
        printError(QStringLiteral("--log-format \"%1\" is not text or json. See find-outliers --help.").arg(logFormat));
        return ExitUsageError;
    }
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"));
    if (!jsonlog::enabled())
        installMessageHandler(parser.isSet(verboseOption)); // stderr: our own lines; Qt's only with --verbose
    QLoggingCategory::setFilterRules(parser.isSet(verboseOption)
                                         ? QStringLiteral("fo.*=true")
                                         : QStringLiteral("fo.*.debug=false\nfo.*.info=false\nfo.core.pipeline.info=true\n"
                                                          "fo.core.pipeline.warning=true"));

    const bool demo = parser.isSet(demoOption);
    const int targets = int(demo) + int(parser.isSet(emailOption)) + int(parser.isSet(emailsFromOption))
                        + int(parser.isSet(allUsersOption));
    if (targets != 1) {
        printError(targets == 0 ? QStringLiteral("say whom to run for: --email ADDRESS, --emails-from FILE, "
                                                 "--all-users or --demo. See find-outliers --help.")
                                : QStringLiteral("give only one of --email, --emails-from, --all-users and --demo."));
        return ExitUsageError;
    }
    const bool batch = parser.isSet(emailsFromOption) || parser.isSet(allUsersOption);
    bool jobsOk = false;
    const int jobs = parser.value(jobsOption).toInt(&jobsOk);
    if (!jobsOk || jobs < 1 || jobs > 64) {
        printError(QStringLiteral("--jobs \"%1\" is not a number from 1 to 64.").arg(parser.value(jobsOption)));
        return ExitUsageError;
    }
    bool retryOk = false;
    const int retryFor = parser.value(retryForOption).toInt(&retryOk);
    if (!retryOk || retryFor < 0 || retryFor > 86400) {
        printError(QStringLiteral("--retry-for \"%1\" is not a number of seconds from 0 to 86400.")
                       .arg(parser.value(retryForOption)));
        return ExitUsageError;
    }
    if (parser.isSet(retryForOption) && !batch) {
        printError(QStringLiteral("--retry-for works with --emails-from and --all-users; a single run is not run "
                                  "again (its scheduler's retry does that)."));
        return ExitUsageError;
    }
    std::optional<Shard> shard;
    if (parser.isSet(shardOption)) {
        if (!batch) {
            printError(QStringLiteral("--shard works with --emails-from and --all-users (it picks a part of many "
                                      "users); --email runs one user."));
            return ExitUsageError;
        }
        const Result<Shard> parsed = parseShard(parser.value(shardOption), qEnvironmentVariableIsSet("JOB_COMPLETION_INDEX")
                                                                             ? qEnvironmentVariable("JOB_COMPLETION_INDEX")
                                                                             : QString());
        if (!parsed) {
            printError(parsed.error());
            return ExitUsageError;
        }
        shard = parsed.value();
    }
    if (parser.isSet(stageTimesOption) && !batch) {
        printError(QStringLiteral("--stage-times works with --emails-from and --all-users; for one email, --verbose "
                                  "logs every step with its time."));
        return ExitUsageError;
    }
    const QString email = demo ? QString::fromLatin1(demo::Email) : parser.value(emailOption);
    if (!batch && !isValidEmail(email)) {
        printError(QStringLiteral("\"%1\" is not a valid email address (expected name@domain.tld). Nothing was done.")
                       .arg(email));
        return ExitUsageError;
    }

    // Configuration: flags > process environment > env file > defaults.
    EnvMap envFile;
    QString envFileName;
    if (parser.isSet(envFileOption)) {
        envFileName = parser.value(envFileOption);
        Result<EnvMap> read = readEnvFile(envFileName);
        if (!read) {
            printError(read.error());
            return ExitUsageError;
        }
        envFile = read.value();
    }
    QMap<QString, QString> overrides;
    if (parser.isSet(rawKOption))
        overrides.insert(QStringLiteral("RAW_THRESHOLD"), parser.value(rawKOption));
    if (parser.isSet(processedKOption))
        overrides.insert(QStringLiteral("PROCESSED_THRESHOLD"), parser.value(processedKOption));
    Result<Config> config = resolveConfig(overrides, processEnvironment(), envFile, envFileName);
    if (!config) {
        printError(config.error());
        return ExitUsageError;
    }

    std::signal(SIGINT, onTerminate);
    std::signal(SIGTERM, onTerminate);

    // The email list and the CSV target are checked before anything is touched: a mistake there is a usage error
    // (exit 2) with no connection made, no flag set, no message sent and no iteration stored.
    EmailList list;
    if (parser.isSet(emailsFromOption)) {
        const QString listPath = parser.value(emailsFromOption);
        Result<EmailList> read = readEmailList(listPath);
        if (!read) {
            printError(read.error());
            return ExitUsageError;
        }
        list = read.value();
        for (const EmailList::Duplicate &duplicate : list.duplicates) {
            QStringList lines;
            for (const int line : duplicate.lines)
                lines << QString::number(line);
            printWarning(QString(), QStringLiteral("%1 is listed %2 times in %3 (lines %4); it runs once.")
                                        .arg(duplicate.email)
                                        .arg(duplicate.lines.size())
                                        .arg(listPath == QLatin1String("-") ? QStringLiteral("standard input") : listPath,
                                             lines.join(QStringLiteral(", "))));
        }
    }
    std::unique_ptr<CsvTarget> csv;
    if (parser.isSet(csvOption)) {
        Result<std::unique_ptr<CsvTarget>> opened =
            CsvTarget::open(parser.value(csvOption), &g_cancel,
                            [](const QString &text) { err() << "find-outliers: " << escapeControlChars(text) << Qt::endl; });
        if (!opened) {
            if (g_cancel.load()) { // SIGTERM while waiting for a FIFO's reader
                printError(opened.error());
                return ExitRunFailed;
            }
            printError(opened.error() + QStringLiteral(" Nothing was done."));
            return ExitUsageError;
        }
        csv = std::move(opened).value();
    }

    if (demo) {
        Result<Database> db = Database::open(config.value());
        if (!db) {
            printError(db.error());
            return ExitRunFailed;
        }
        const Result<qint64> seeded = demo::seed(db.value());
        if (!seeded) {
            printError(seeded.error());
            return ExitRunFailed;
        }
        if (seeded.value() > 0)
            err() << "find-outliers: seeded " << seeded.value() << " demo records for " << email << " in "
                  << escapeControlChars(config->describeDatabase()) << Qt::endl;
    }

    const bool json = parser.isSet(jsonOption);
    RunRequest request;
    request.rawThreshold = config->rawThreshold;
    request.processedThreshold = config->processedThreshold;
    request.dryRun = parser.isSet(dryRunOption);
    request.notify = !parser.isSet(noNotifyOption);

    if (batch) {
        QStringList emails;
        if (parser.isSet(emailsFromOption)) {
            emails = list.emails;
        } else {
            Result<Database> db = Database::open(config.value());
            if (!db) {
                printError(db.error());
                return ExitRunFailed;
            }
            Result<QStringList> known = history::knownEmails(db.value());
            if (!known) {
                printError(known.error());
                return ExitRunFailed;
            }
            emails = known.value();
        }
        BatchOptions options;
        options.jobs = jobs;
        options.retryFor = retryFor;
        options.json = json;
        options.stageTimes = parser.isSet(stageTimesOption);
        if (shard) {
            emails = shard->filter(emails);
            options.shard = shard->text();
        }
        return runBatch(config.value(), request, emails, options, csv.get());
    }
    Pipeline pipeline(config.value());
    pipeline.setCancelFlag(&g_cancel);
    pipeline.setWarningCallback([](const QString &text) { printWarning(QString(), text); });
    request.email = email;
    const RunReport report = pipeline.run(request);

    if (report.status == RunStatus::Failed || report.status == RunStatus::Cancelled) {
        printError(report.status == RunStatus::Cancelled
                       ? QStringLiteral("the run for %1 was cancelled; nothing of it was written.").arg(email)
                       : report.error);
        if (json)
            writeOut(formatJson(report));
        return ExitRunFailed;
    }

    const bool csvOk = finishCsv(csv.get(), {report}, request.dryRun);
    if (json)
        writeOut(formatJson(report));
    else
        out() << formatSummary(report);
    out().flush();
    return csvOk ? ExitSuccess : ExitRunFailed;
}

} // namespace fo
