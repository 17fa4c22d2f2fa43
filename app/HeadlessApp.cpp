#include "HeadlessApp.h"

#include "Config.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "Email.h"
#include "Pipeline.h"
#include "ReportWriters.h"

#include <QCommandLineParser>
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

const char *const HeadlessFlags[] = {"--email", "--demo", "--version", "-v", "--help", "-h", "--help-all",
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
                          "  1  the run failed or was cancelled; nothing of it was written\n"
                          "  2  usage error: bad arguments, configuration or env file, or an invalid email\n");
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
                       "platform's tables, sets the Redis \"job is active\" flag and notifies the user.\n"
                       "Without arguments, opens the desktop window.\n\n")
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
    parser.addOptions({emailOption, demoOption, envFileOption, dryRunOption, noNotifyOption, rawKOption,
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
    if (demo == parser.isSet(emailOption)) {
        printError(demo ? QStringLiteral("--demo runs for demo@example.com; do not give --email with it.")
                        : QStringLiteral("give the user to run for with --email ADDRESS (or --demo). See "
                                         "find-outliers --help."));
        return ExitUsageError;
    }
    const QString email = demo ? QString::fromLatin1(demo::Email) : parser.value(emailOption);
    if (!isValidEmail(email)) {
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
    Pipeline pipeline(config.value());
    pipeline.setCancelFlag(&g_cancel);
    pipeline.setWarningCallback([](const QString &text) { err() << "find-outliers: warning: " << text << Qt::endl; });
    RunRequest request;
    request.email = email;
    request.rawThreshold = config->rawThreshold;
    request.processedThreshold = config->processedThreshold;
    request.dryRun = parser.isSet(dryRunOption);
    request.notify = !parser.isSet(noNotifyOption);
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
