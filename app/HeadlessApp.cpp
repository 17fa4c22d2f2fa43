#include "HeadlessApp.h"

#include "BatchRunner.h"
#include "CsvTarget.h"
#include "History.h"

#include "Config.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "DesktopEntry.h"
#include "Email.h"
#include "Logging.h"
#include "Pipeline.h"
#include "ReportWriters.h"
#include "TerminalText.h"

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

#include <atomic>
#include <memory>
#include <csignal>
#include <cstdio>

namespace fo {
namespace {

std::atomic_bool g_cancel{false};

extern "C" void onTerminate(int)
{
    g_cancel.store(true); // lock-free atomic store: async-signal-safe
}

const char *const HeadlessFlags[] = {"--email", "--demo", "--emails-from", "--all-users", "--jobs", "--version", "-v", "--help", "-h", "--help-all",
                                     "--env-file", "--dry-run", "--json", "--csv", "--no-notify",
                                     "--raw-threshold", "--processed-threshold", "--verbose", "--retry-for"};

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
    err() << "find-outliers: error: " << escapeControlChars(text) << Qt::endl;
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

int runBatch(const Config &config, const RunRequest &request, const QStringList &emails, int jobs, int retryFor,
             bool json, CsvTarget *csv)
{
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
    options.retryForSeconds = retryFor;
    BatchRunner runner(config, options);
    runner.setCancelFlag(&g_cancel);
    runner.setWarningCallback([](const QString &email, const QString &text) {
        err() << "find-outliers: warning: " << escapeControlChars(email) << ": " << escapeControlChars(text)
              << Qt::endl;
    });
    runner.setBackoffCallback([](const QString &email, const QString &error, double seconds) {
        err() << "find-outliers: warning: " << escapeControlChars(email) << ": " << escapeControlChars(error)
              << " Every worker waits "
              << QString::number(seconds, 'f', 1) << " s before its next attempt." << Qt::endl;
    });
    // One progress line per email: on stdout as the text report, or on stderr when stdout carries the JSON.
    QTextStream &progress = json ? err() : out();
    runner.setOnFinished([&progress](int index, int total, const RunReport &report, double seconds, int attempts) {
        progress << "[" << (index + 1) << "/" << total << "] " << escapeControlChars(report.email) << ": ";
        if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
            progress << statusName(report.status) << ", iteration " << report.iteration << ", "
                     << report.raw.outlierCount << " raw and " << report.processed.outlierCount
                     << " processed outliers in " << QString::number(seconds, 'f', 2) << " s";
        else if (report.status == RunStatus::Cancelled)
            progress << "cancelled, nothing written";
        else
            progress << "FAILED: " << escapeControlChars(report.error);
        if (attempts > 1 && report.status != RunStatus::Failed) // a failure's error says how many
            progress << " (" << attempts << " attempts)";
        progress << Qt::endl;
    });
    const QVector<RunReport> reports = runner.run(emails);

    QStringList failed;
    int completed = 0;
    int cancelled = 0;
    for (const RunReport &report : reports) {
        if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
            ++completed;
        else if (report.status == RunStatus::Cancelled)
            ++cancelled;
        else
            failed << report.email;
    }
    // The CSV first (it may be /dev/stdout), then the JSON and the summary, which a CSV failure never loses.
    const bool csvOk = finishCsv(csv, reports, request.dryRun);
    if (json) {
        QJsonArray array;
        for (const RunReport &report : reports)
            array.append(QJsonDocument::fromJson(formatJson(report)).object());
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    }
    progress << "find-outliers: " << reports.size() << " emails in " << QString::number(timer.elapsed() / 1000.0, 'f', 2)
          << " s with " << jobs << (jobs == 1 ? " job" : " jobs") << ": " << completed << " completed, "
          << failed.size() << " failed";
    if (!failed.isEmpty())
        progress << " (" << escapeControlChars(failed.join(QStringLiteral(", "))) << ")";
    progress << ", " << cancelled << " cancelled";
    progress << Qt::endl;
    return failed.isEmpty() && cancelled == 0 && csvOk ? ExitSuccess : ExitRunFailed;
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
    parser.addOptions({emailOption, emailsFromOption, allUsersOption, jobsOption, retryForOption, demoOption,
                       envFileOption, dryRunOption, noNotifyOption, rawKOption, processedKOption, jsonOption, csvOption,
                       verboseOption});

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

    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"));
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
            err() << "find-outliers: warning: " << escapeControlChars(duplicate.email) << " is listed "
                  << duplicate.lines.size() << " times in "
                  << escapeControlChars(listPath == QLatin1String("-") ? QStringLiteral("standard input") : listPath)
                  << " (lines " << lines.join(QStringLiteral(", ")) << "); it runs once." << Qt::endl;
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
        return runBatch(config.value(), request, emails, jobs, retryFor, json, csv.get());
    }
    Pipeline pipeline(config.value());
    pipeline.setCancelFlag(&g_cancel);
    pipeline.setWarningCallback(
        [](const QString &text) { err() << "find-outliers: warning: " << escapeControlChars(text) << Qt::endl; });
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
