#include "HeadlessApp.h"

#include "BatchRunner.h"
#include "History.h"

#include "Config.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "DesktopEntry.h"
#include "Email.h"
#include "Pipeline.h"
#include "ReportWriters.h"

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
                                     "--raw-threshold", "--processed-threshold", "--verbose"};

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

void printError(const QString &text)
{
    err() << "find-outliers: error: " << text << Qt::endl;
}

QString exitCodeHelp()
{
    return QStringLiteral("Exit codes:\n"
                          "  0  the run completed (warnings, such as an unreachable Redis or notifications API, "
                          "are allowed)\n"
                          "  1  the run failed or was cancelled, and nothing of it was written; with --emails-from or --all-users: "
                          "at least one email failed (the others still ran)\n"
                          "  2  usage error: bad arguments, configuration or env file, or an invalid email\n");
}

int runBatch(const Config &config, const RunRequest &request, const QStringList &emails, int jobs, bool json,
             const QString &csvPath)
{
    if (emails.isEmpty()) {
        err() << "find-outliers: no emails to run for." << Qt::endl;
        if (json)
            out() << "[]" << Qt::endl;
        return ExitSuccess;
    }
    QElapsedTimer timer;
    timer.start();
    BatchRunner::Options options;
    options.jobs = jobs;
    options.request = request;
    BatchRunner runner(config, options);
    runner.setCancelFlag(&g_cancel);
    runner.setWarningCallback([](const QString &email, const QString &text) {
        err() << "find-outliers: warning: " << email << ": " << text << Qt::endl;
    });
    // One progress line per email: on stdout as the text report, or on stderr when stdout carries the JSON.
    QTextStream &progress = json ? err() : out();
    runner.setOnFinished([&progress](int index, int total, const RunReport &report, double seconds) {
        progress << "[" << (index + 1) << "/" << total << "] " << report.email << ": ";
        if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
            progress << statusName(report.status) << ", iteration " << report.iteration << ", "
                     << report.raw.outlierCount << " raw and " << report.processed.outlierCount
                     << " processed outliers in " << QString::number(seconds, 'f', 2) << " s";
        else if (report.status == RunStatus::Cancelled)
            progress << "cancelled, nothing written";
        else
            progress << "FAILED: " << report.error;
        progress << Qt::endl;
    });
    const QVector<RunReport> reports = runner.run(emails);

    QStringList failed;
    int completed = 0;
    for (const RunReport &report : reports) {
        if (report.status == RunStatus::Completed || report.status == RunStatus::DryRun)
            ++completed;
        else
            failed << report.email;
    }
    if (!csvPath.isEmpty()) {
        QSaveFile file(csvPath);
        Status status = file.open(QIODevice::WriteOnly)
                            ? Status()
                            : Status(Error{QStringLiteral("Cannot write the CSV file %1: %2.").arg(csvPath, file.errorString())});
        QByteArray all;
        for (int i = 0; status && i < reports.size(); ++i) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            status = writeCsv(reports.at(i), buffer);
            QByteArray bytes = buffer.data();
            if (i > 0)
                bytes = bytes.mid(bytes.indexOf('\n') + 1); // the header once
            all += bytes;
        }
        if (status) {
            file.write(all);
            if (!file.commit())
                status = Error{QStringLiteral("Cannot save the CSV file %1: %2.").arg(csvPath, file.errorString())};
        }
        if (!status) {
            printError(status.error());
            return ExitRunFailed;
        }
    }
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
        progress << " (" << failed.join(QStringLiteral(", ")) << ")";
    progress << Qt::endl;
    return failed.isEmpty() ? ExitSuccess : ExitRunFailed;
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
    parser.addOptions({emailOption, emailsFromOption, allUsersOption, jobsOption, demoOption, envFileOption, dryRunOption, noNotifyOption, rawKOption,
                       processedKOption, jsonOption, csvOption, verboseOption});

    if (!parser.parse(arguments)) {
        printError(parser.errorText() + QStringLiteral(". See find-outliers --help."));
        return ExitUsageError;
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
                  << config->describeDatabase() << Qt::endl;
    }

    std::signal(SIGINT, onTerminate);
    std::signal(SIGTERM, onTerminate);

    const bool json = parser.isSet(jsonOption);
    RunRequest request;
    request.rawThreshold = config->rawThreshold;
    request.processedThreshold = config->processedThreshold;
    request.dryRun = parser.isSet(dryRunOption);
    request.notify = !parser.isSet(noNotifyOption);

    if (batch) {
        QStringList emails;
        if (parser.isSet(emailsFromOption)) {
            Result<QStringList> read = readEmailList(parser.value(emailsFromOption));
            if (!read) {
                printError(read.error());
                return ExitUsageError;
            }
            emails = read.value();
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
        return runBatch(config.value(), request, emails, jobs, json,
                        parser.isSet(csvOption) ? parser.value(csvOption) : QString());
    }
    Pipeline pipeline(config.value());
    pipeline.setCancelFlag(&g_cancel);
    pipeline.setWarningCallback([](const QString &text) { err() << "find-outliers: warning: " << text << Qt::endl; });
    request.email = email;
    const RunReport report = pipeline.run(request);

    if (report.status == RunStatus::Failed || report.status == RunStatus::Cancelled) {
        printError(report.status == RunStatus::Cancelled
                       ? QStringLiteral("the run for %1 was cancelled; nothing of it was written.").arg(email)
                       : report.error);
        if (json)
            out() << QString::fromUtf8(formatJson(report)) << Qt::flush;
        return ExitRunFailed;
    }

    if (parser.isSet(csvOption)) {
        const Status written = writeCsvFile(report, parser.value(csvOption));
        if (!written) {
            // The run itself is stored; only the export failed. Say so and keep exit 0's meaning honest.
            printError(written.error() + QStringLiteral(" (the run itself completed and is stored)."));
            return ExitRunFailed;
        }
    }
    if (json)
        out() << QString::fromUtf8(formatJson(report));
    else
        out() << formatSummary(report);
    out().flush();
    return ExitSuccess;
}

} // namespace fo
