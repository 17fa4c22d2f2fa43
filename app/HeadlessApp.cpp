#include "app/HeadlessApp.h"

#include "app/BatchRunner.h"
#include "app/CsvTarget.h"
#include "app/DesktopEntry.h"
#include "app/HeadlessBatch.h"
#include "app/HeadlessOutput.h"
#include "app/JsonLog.h"
#include "app/Shard.h"
#include "core/Config.h"
#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/Email.h"
#include "core/History.h"
#include "core/Logging.h"
#include "core/Pipeline.h"
#include "core/ReportWriters.h"
#include "core/TerminalText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <memory>
#include <optional>

namespace fo {
namespace {

using headless::err;
using headless::out;
using headless::printError;
using headless::printWarning;

std::atomic_bool g_cancel {false};

extern "C" void onTerminate(int)
{
    g_cancel.store(true); // lock-free atomic store: async-signal-safe
}

// The headless tool's options: the one list that both the parser and isHeadlessInvocation() read.
struct HeadlessOptions
{
    const QCommandLineOption email {QStringLiteral("email"), QStringLiteral("Run for this user's records."),
                                    QStringLiteral("address")};
    const QCommandLineOption emailsFrom {QStringLiteral("emails-from"),
                                         QStringLiteral("Run for every email in this file, one per line (- reads "
                                                        "standard input)."),
                                         QStringLiteral("file")};
    const QCommandLineOption allUsers {QStringLiteral("all-users"),
                                       QStringLiteral("Run for every email present in the record tables.")};
    const QCommandLineOption jobs {QStringLiteral("jobs"),
                                   QStringLiteral("With --emails-from or --all-users: run this many emails at a time "
                                                  "(default 1)."),
                                   QStringLiteral("n"), QStringLiteral("1")};
    const QCommandLineOption retryFor {
        QStringLiteral("retry-for"),
        QStringLiteral("With --emails-from or --all-users: run an email again after a connection failure (refused, "
                       "lost, too many connections, the server starting or stopping) for up to this many seconds, all "
                       "workers backing off together; 0 never runs one again (default %1).")
            .arg(BatchRunner::DefaultRetryForSeconds),
        QStringLiteral("seconds"), QString::number(BatchRunner::DefaultRetryForSeconds)};
    const QCommandLineOption shard {
        QStringLiteral("shard"),
        QStringLiteral("With --emails-from or --all-users: run only shard I of N, the emails whose FNV-1a 64 hash (of "
                       "their UTF-8 bytes) modulo N is I, so that N processes split the users with no overlap and no "
                       "gap. auto/N takes I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)."),
        QStringLiteral("I/N")};
    const QCommandLineOption stageTimes {
        QStringLiteral("stage-times"),
        QStringLiteral("With --emails-from or --all-users: add to each email's line the milliseconds each stage took "
                       "(connect, table check, lock, reservation, reads, write...) and print their mean.")};
    const QCommandLineOption demo {QStringLiteral("demo"),
                                   QStringLiteral("Seed the demo user demo@example.com if needed, then run for that "
                                                  "user.")};
    const QCommandLineOption envFile {QStringLiteral("env-file"),
                                      QStringLiteral("Read NAME=value settings from this file (the process environment "
                                                     "takes precedence)."),
                                      QStringLiteral("file")};
    const QCommandLineOption dryRun {
        QStringLiteral("dry-run"),
        QStringLiteral("Compute and report only: write nothing, set no Redis flag, send no "
                       "notification.")};
    const QCommandLineOption noNotify {QStringLiteral("no-notify"), QStringLiteral("Send no notification.")};
    const QCommandLineOption rawK {
        QStringLiteral("raw-threshold"),
        QStringLiteral("z-score threshold k for raw records (default %1).").arg(DefaultRawThreshold),
        QStringLiteral("k")};
    const QCommandLineOption processedK {
        QStringLiteral("processed-threshold"),
        QStringLiteral("z-score threshold k for processed records (default %1).").arg(DefaultProcessedThreshold),
        QStringLiteral("k")};
    const QCommandLineOption json {QStringLiteral("json"),
                                   QStringLiteral("Print the report as JSON on stdout (schema in the README).")};
    const QCommandLineOption csv {QStringLiteral("csv"), QStringLiteral("Write one CSV row per outlier to this file."),
                                  QStringLiteral("file")};
    const QCommandLineOption verbose {QStringLiteral("verbose"), QStringLiteral("Log every step on stderr.")};
    const QCommandLineOption logFormat {
        QStringLiteral("log-format"),
        QStringLiteral("text (default) or json: one JSON object per line on stderr (time, level, category, email, "
                       "iteration, message)."),
        QStringLiteral("format"), QStringLiteral("text")};

    // In the order --help lists them.
    QList<QCommandLineOption> all() const
    {
        return {email,  emailsFrom, allUsers, jobs,       retryFor, shard, stageTimes, demo,     envFile,
                dryRun, noNotify,   rawK,     processedK, json,     csv,   verbose,    logFormat};
    }
    // What QCommandLineParser adds itself (addHelpOption, addVersionOption).
    static QStringList builtInNames()
    {
        return {QStringLiteral("help"), QStringLiteral("h"), QStringLiteral("help-all"), QStringLiteral("version"),
                QStringLiteral("v")};
    }
};

QString exitCodeHelp()
{
    return QStringLiteral(
        "Exit codes:\n"
        "  0  the run completed (warnings, such as an unreachable Redis or notifications API, "
        "are allowed)\n"
        "  1  the run failed or was cancelled, and nothing of it was written; with --emails-from or --all-users: "
        "at least one email failed (the others still ran)\n"
        "  2  usage error: bad arguments, configuration or env file, an invalid email, or a --csv "
        "path that cannot be written\n"
        "A --csv file that fails only after the run was stored (a full disk, a closed pipe) is a "
        "warning: the exit code stays 0, since running again would store another iteration.\n");
}

// What the command line asks for once it is checked: the flags that shape a run, read into values.
struct Invocation
{
    QString email; // the one email (or the demo user's)
    bool demo = false;
    bool batch = false; // --emails-from or --all-users
    BatchOptions batchOptions;
    std::optional<Shard> shard;
    RunRequest request; // thresholds come from the configuration
};

// --help, --help-all, --version and stray arguments: the exit code when one of them ends the call here.
std::optional<int> answerInfoFlags(QCommandLineParser &parser, const QStringList &arguments)
{
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
    return std::nullopt;
}

// --log-format and --verbose: where log lines go and which categories speak.
Status setUpLogging(const QCommandLineParser &parser, const HeadlessOptions &o)
{
    const QString logFormat = parser.value(o.logFormat);
    if (logFormat == QLatin1String("json"))
        jsonlog::install(parser.isSet(o.verbose));
    else if (logFormat != QLatin1String("text"))
        return Error {
            QStringLiteral("--log-format \"%1\" is not text or json. See find-outliers --help.").arg(logFormat)};
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"));
    if (!jsonlog::enabled())
        installMessageHandler(parser.isSet(o.verbose)); // stderr: our own lines; Qt's only with --verbose
    QLoggingCategory::setFilterRules(
        parser.isSet(o.verbose) ? QStringLiteral("fo.*=true")
                                : QStringLiteral("fo.*.debug=false\nfo.*.info=false\nfo.core.pipeline.info=true\n"
                                                 "fo.core.pipeline.warning=true"));
    return {};
}

// A whole number from the command line within [low, high], or the error `message` (with %1 for the text given).
Result<int> boundedNumber(const QString &text, int low, int high, const QString &message)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high)
        return Error {message.arg(text)};
    return value;
}

// The flags that say whom to run for and how, checked against each other. Every error is a usage error.
Result<Invocation> readInvocation(const QCommandLineParser &parser, const HeadlessOptions &o)
{
    Invocation run;
    run.demo = parser.isSet(o.demo);
    const int targets =
        int(run.demo) + int(parser.isSet(o.email)) + int(parser.isSet(o.emailsFrom)) + int(parser.isSet(o.allUsers));
    if (targets != 1)
        return Error {targets == 0
                          ? QStringLiteral("say whom to run for: --email ADDRESS, --emails-from FILE, "
                                           "--all-users or --demo. See find-outliers --help.")
                          : QStringLiteral("give only one of --email, --emails-from, --all-users and --demo.")};
    run.batch = parser.isSet(o.emailsFrom) || parser.isSet(o.allUsers);
    const Result<int> jobs =
        boundedNumber(parser.value(o.jobs), 1, 64, QStringLiteral("--jobs \"%1\" is not a number from 1 to 64."));
    if (!jobs)
        return Error {jobs.error()};
    const Result<int> retryFor = boundedNumber(parser.value(o.retryFor), 0, 86400,
                                               QStringLiteral("--retry-for \"%1\" is not a number of seconds from 0 "
                                                              "to 86400."));
    if (!retryFor)
        return Error {retryFor.error()};
    if (parser.isSet(o.retryFor) && !run.batch)
        return Error {QStringLiteral("--retry-for works with --emails-from and --all-users; a single run is not run "
                                     "again (its scheduler's retry does that).")};
    if (parser.isSet(o.shard)) {
        if (!run.batch)
            return Error {QStringLiteral("--shard works with --emails-from and --all-users (it picks a part of many "
                                         "users); --email runs one user.")};
        const Result<Shard> parsed =
            parseShard(parser.value(o.shard),
                       qEnvironmentVariableIsSet("JOB_COMPLETION_INDEX") ? qEnvironmentVariable("JOB_COMPLETION_INDEX")
                                                                         : QString());
        if (!parsed)
            return Error {parsed.error()};
        run.shard = parsed.value();
    }
    if (parser.isSet(o.stageTimes) && !run.batch)
        return Error {QStringLiteral("--stage-times works with --emails-from and --all-users; for one email, --verbose "
                                     "logs every step with its time.")};
    run.email = run.demo ? QString::fromLatin1(demo::Email) : parser.value(o.email);
    if (!run.batch && !isValidEmail(run.email))
        return Error {
            QStringLiteral("\"%1\" is not a valid email address (expected name@domain.tld). Nothing was done.")
                .arg(run.email)};
    run.batchOptions.jobs = jobs.value();
    run.batchOptions.retryFor = retryFor.value();
    run.batchOptions.json = parser.isSet(o.json);
    run.batchOptions.stageTimes = parser.isSet(o.stageTimes);
    run.batchOptions.cancel = &g_cancel;
    run.request.dryRun = parser.isSet(o.dryRun);
    run.request.notify = !parser.isSet(o.noNotify);
    return run;
}

// Configuration: flags > process environment > env file > defaults.
Result<Config> readConfig(const QCommandLineParser &parser, const HeadlessOptions &o)
{
    EnvMap envFile;
    QString envFileName;
    if (parser.isSet(o.envFile)) {
        envFileName = parser.value(o.envFile);
        Result<EnvMap> read = readEnvFile(envFileName);
        if (!read)
            return Error {read.error()};
        envFile = read.value();
    }
    QMap<QString, QString> overrides;
    if (parser.isSet(o.rawK))
        overrides.insert(QStringLiteral("RAW_THRESHOLD"), parser.value(o.rawK));
    if (parser.isSet(o.processedK))
        overrides.insert(QStringLiteral("PROCESSED_THRESHOLD"), parser.value(o.processedK));
    return resolveConfig(overrides, processEnvironment(), envFile, envFileName);
}

// --emails-from: the list, with a warning for each email listed more than once.
Result<EmailList> readListWithWarnings(const QString &listPath)
{
    Result<EmailList> read = readEmailList(listPath);
    if (!read)
        return read;
    for (const EmailList::Duplicate &duplicate : read->duplicates) {
        QStringList lines;
        for (const int line : duplicate.lines)
            lines << QString::number(line);
        printWarning(QString(),
                     QStringLiteral("%1 is listed %2 times in %3 (lines %4); it runs once.")
                         .arg(duplicate.email)
                         .arg(duplicate.lines.size())
                         .arg(listPath == QLatin1String("-") ? QStringLiteral("standard input") : listPath,
                              lines.join(QStringLiteral(", "))));
    }
    return read;
}

// --demo: the demo user's records, seeded once. False (with the error printed) when that failed.
bool seedDemo(const Config &config, const QString &email)
{
    Result<Database> db = Database::open(config);
    if (!db) {
        printError(db.error());
        return false;
    }
    const Result<qint64> seeded = demo::seed(db.value());
    if (!seeded) {
        printError(seeded.error());
        return false;
    }
    if (seeded.value() > 0)
        err() << "find-outliers: seeded " << seeded.value() << " demo records for " << email << " in "
              << escapeControlChars(config.describeDatabase()) << Qt::endl;
    return true;
}

// --email and --demo: one run, then its CSV and its report (text or JSON).
int runOne(const Config &config, const Invocation &run, CsvTarget *csv)
{
    Pipeline pipeline(config);
    pipeline.setCancelFlag(&g_cancel);
    pipeline.setWarningCallback([](const QString &text) { printWarning(QString(), text); });
    RunRequest request = run.request;
    request.email = run.email;
    const RunReport report = pipeline.run(request);
    const bool json = run.batchOptions.json;
    if (report.status == RunStatus::Failed || report.status == RunStatus::Cancelled) {
        printError(report.status == RunStatus::Cancelled
                       ? QStringLiteral("the run for %1 was cancelled; nothing of it was written.").arg(run.email)
                       : report.error);
        if (json)
            headless::writeOut(formatJson(report));
        return ExitRunFailed;
    }
    const bool csvOk = headless::finishCsv(csv, {report}, request.dryRun);
    if (json)
        headless::writeOut(formatJson(report));
    else
        out() << formatSummary(report);
    out().flush();
    return csvOk ? ExitSuccess : ExitRunFailed;
}

// --emails-from and --all-users: the emails (this shard's), then the batch.
int runMany(const Config &config, Invocation &run, const EmailList &list, bool fromList, CsvTarget *csv)
{
    QStringList emails;
    if (fromList) {
        emails = list.emails;
    } else {
        Result<Database> db = Database::open(config);
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
    if (run.shard) {
        emails = run.shard->filter(emails);
        run.batchOptions.shard = run.shard->text();
    }
    return runBatch(config, run.request, emails, run.batchOptions, csv);
}

} // namespace

bool isHeadlessInvocation(int argc, char **argv)
{
    QStringList names = HeadlessOptions::builtInNames();
    for (const QCommandLineOption &option : HeadlessOptions().all())
        names += option.names();
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const QString &name : names) {
            const QByteArray flag = (name.size() == 1 ? QByteArray("-") : QByteArray("--")) + name.toLatin1();
            if (arg == flag || arg.startsWith(QByteArray(flag + '=')))
                return true;
        }
    }
    return false;
}

int runHeadless(const QStringList &arguments)
{
    const HeadlessOptions o;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Finds outliers in one user's health records (z-score per data type), stores them in the "
                       "platform's tables, sets the Redis \"job is active\" flag and notifies the user.\n")
        + QString::fromUtf8(desktopEntryHelp()) + QStringLiteral("\n\n") + exitCodeHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(o.all());
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + QStringLiteral(". See find-outliers --help."));
        return ExitUsageError;
    }
    if (const std::optional<int> answered = answerInfoFlags(parser, arguments))
        return *answered;
    if (const Status logging = setUpLogging(parser, o); !logging) {
        printError(logging.error());
        return ExitUsageError;
    }
    Result<Invocation> run = readInvocation(parser, o);
    if (!run) {
        printError(run.error());
        return ExitUsageError;
    }
    Result<Config> config = readConfig(parser, o);
    if (!config) {
        printError(config.error());
        return ExitUsageError;
    }
    run->request.rawThreshold = config->rawThreshold;
    run->request.processedThreshold = config->processedThreshold;

    std::signal(SIGINT, onTerminate);
    std::signal(SIGTERM, onTerminate);

    // The email list and the CSV target are checked before anything is touched: a mistake there is a usage error
    // (exit 2) with no connection made, no flag set, no message sent and no iteration stored.
    EmailList list;
    if (parser.isSet(o.emailsFrom)) {
        Result<EmailList> read = readListWithWarnings(parser.value(o.emailsFrom));
        if (!read) {
            printError(read.error());
            return ExitUsageError;
        }
        list = read.value();
    }
    std::unique_ptr<CsvTarget> csv;
    if (parser.isSet(o.csv)) {
        Result<std::unique_ptr<CsvTarget>> opened =
            CsvTarget::open(parser.value(o.csv), &g_cancel, [](const QString &text) {
                err() << "find-outliers: " << escapeControlChars(text) << Qt::endl;
            });
        if (!opened) {
            const bool cancelled = g_cancel.load(); // SIGTERM while waiting for a FIFO's reader
            printError(cancelled ? opened.error() : opened.error() + QStringLiteral(" Nothing was done."));
            return cancelled ? ExitRunFailed : ExitUsageError;
        }
        csv = std::move(opened).value();
    }

    if (run->demo && !seedDemo(config.value(), run->email))
        return ExitRunFailed;
    if (run->batch)
        return runMany(config.value(), run.value(), list, parser.isSet(o.emailsFrom), csv.get());
    return runOne(config.value(), run.value(), csv.get());
}

} // namespace fo
