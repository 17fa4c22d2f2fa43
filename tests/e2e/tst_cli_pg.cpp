// The headless tool as a process: its environment, exit codes, outputs, notifications and concurrency, against a
// real PostgreSQL and Redis and a local stand-in for the notifications API.
#include "tests/common/HttpStub.h"
#include "tests/e2e/E2eSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fo::test;

namespace {

const QString Target = QStringLiteral("cli.user+tag@example.com");
const QString NotifyPath = QStringLiteral("/notifications-api/api/v1/notifications");

// Raw: 30 ordinary heart rates and one spike; processed: a steps spike; a data type whose name needs escaping in
// HTML and CSV. Returns the spike ids (raw first).
QList<qint64> seed(ScopedPgDatabase &pg, const QString &email = Target)
{
    QList<qint64> spikes;
    for (int i = 0; i < 30; ++i) {
        pg.insert(QStringLiteral("raw_records"), email, QStringLiteral("HeartRateRecord"), QString::number(60 + i % 4));
        pg.insert(QStringLiteral("processed_records"), email, QStringLiteral("StepsRecord"),
                  QString::number(9000 + 25 * (i % 5)));
        pg.insert(QStringLiteral("raw_records"), email, QStringLiteral("=cmd|' /C calc'!A0, <b>&\"x\""),
                  QStringLiteral("1"));
    }
    spikes << pg.insert(QStringLiteral("raw_records"), email, QStringLiteral("HeartRateRecord"), QStringLiteral("190"),
                        QStringLiteral("2026-03-04T05:06:07Z"));
    spikes << pg.insert(QStringLiteral("raw_records"), email, QStringLiteral("=cmd|' /C calc'!A0, <b>&\"x\""),
                        QStringLiteral("-400"));
    spikes << pg.insert(QStringLiteral("processed_records"), email, QStringLiteral("StepsRecord"),
                        QStringLiteral("40000"));
    return spikes;
}

QMap<QString, QString> envWith(const QString &db, const QMap<QString, QString> &extra = {})
{
    QMap<QString, QString> env = pgEnv(db);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

class TestCliPg : public QObject
{
    Q_OBJECT

private slots:
    void summaryAndExitZero()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_summary"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        const ToolResult result = runTool({QStringLiteral("--email"), Target}, envWith(pg.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QString out = text(result.out);
        QVERIFY2(out.contains(QLatin1String("Iteration 1")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Raw records (k = 3): 62 rows, 2 outliers")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Processed records (k = 2): 31 rows, 1 outliers")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("HeartRateRecord")));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(2));
        // The password never shows.
        QVERIFY(!result.out.contains(pgServer()->password.toUtf8()));
        QVERIFY(!result.err.contains(pgServer()->password.toUtf8()));
    }

    void jsonAndCsvOutputs()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_json"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const QList<qint64> spikes = seed(pg);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("out.csv"));
        const ToolResult result = runTool({QStringLiteral("--email"), Target, QStringLiteral("--json"),
                                           QStringLiteral("--csv"), csvPath, QStringLiteral("--verbose")},
                                          envWith(pg.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(result.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("email")).toString(), Target);
        QCOMPARE(root.value(QStringLiteral("iteration")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(root.value(QStringLiteral("schema_version")).toInt(), 1);
        QSet<qint64> ids;
        for (const char *table : {"raw", "processed"}) {
            const QJsonObject t = root.value(QLatin1String(table)).toObject();
            for (const QJsonValue &type : t.value(QStringLiteral("types")).toArray()) {
                for (const QJsonValue &o : type.toObject().value(QStringLiteral("outliers")).toArray())
                    ids.insert(o.toObject().value(QStringLiteral("record_id")).toInteger());
            }
        }
        QCOMPARE(ids, QSet<qint64>(spikes.begin(), spikes.end()));
        const QJsonObject heart =
            root.value(QStringLiteral("raw")).toObject().value(QStringLiteral("types")).toArray().at(1).toObject();
        QCOMPARE(heart.value(QStringLiteral("data_type")).toString(), QStringLiteral("HeartRateRecord"));
        QCOMPARE(
            heart.value(QStringLiteral("outliers")).toArray().at(0).toObject().value(QStringLiteral("time")).toString(),
            QStringLiteral("2026-03-04T05:06:07.000Z"));

        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray content = csv.readAll();
        const QList<QByteArray> lines = content.split('\n');
        QCOMPARE(lines.at(0), QByteArray("email,iteration,source,data_type,record_id,time,value,z,mean,std,k\r"));
        QCOMPARE(lines.size(), 1 + 3 + 1); // header, three outliers, and the empty piece after the last CRLF
        // The formula-like data type is neutralised with a leading ' and quoted (it holds a comma and quotes).
        QVERIFY2(content.contains("raw,\"'=cmd|' /C calc'!A0, <b>&\"\"x\"\"\","), content.constData());
        // Numbers stay numbers: the value -400 is not prefixed.
        QVERIFY2(content.contains(QByteArray(",-400,")), content.constData());
        QVERIFY2(content.contains(QStringLiteral(",%1,2026-03-04T05:06:07.000Z,190,").arg(spikes.at(0)).toUtf8()),
                 content.constData());
    }

    void notificationsPayloadsAreEscaped()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_notify"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        HttpStub stub;
        QVERIFY(stub.isListening());
        stub.setRoute("POST", NotifyPath.toUtf8() + "/send_email", HttpStub::Response {200, "{}"});
        const ToolResult result =
            runTool({QStringLiteral("--email"), Target},
                    envWith(pg.name(), {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl() + NotifyPath}}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(!result.err.contains("warning"), result.err.constData());
        const QList<HttpStub::Request> requests = stub.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).path, NotifyPath.toUtf8() + "/send_email");
        QCOMPARE(requests.at(0).headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject start = QJsonDocument::fromJson(requests.at(0).body).object();
        const QJsonObject end = QJsonDocument::fromJson(requests.at(1).body).object();
        QCOMPARE(start.value(QStringLiteral("to_email")).toString(), Target);
        QCOMPARE(start.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("[Iteration #1] Запуск поиска выбросов"));
        QCOMPARE(end.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("[Iteration #1] Завершение поиска выбросов"));
        const QString startHtml = start.value(QStringLiteral("message")).toString();
        QVERIFY2(startHtml.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"))),
                 qPrintable(startHtml));
        QVERIFY(startHtml.contains(Target));
        const QString endHtml = end.value(QStringLiteral("message")).toString();
        // The hostile data type is escaped; its raw form never reaches the HTML.
        QVERIFY2(endHtml.contains(QLatin1String("&lt;b&gt;&amp;&quot;x&quot;")), qPrintable(endHtml));
        QVERIFY(!endHtml.contains(QLatin1String("<b>&")));
        QVERIFY2(endHtml.contains(QLatin1String("HeartRateRecord")), qPrintable(endHtml));
        QVERIFY2(endHtml.contains(QStringLiteral("Найдено выбросов: 2")), qPrintable(endHtml));
    }

    void failingNotificationsAreWarnings_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>(
            "expectedRequests"); // a 500 may have been acted on: never sent twice (only a 503 is retried)
        QTest::addColumn<QString>("cause");
        QTest::newRow("500") << 500 << 2 << QStringLiteral("HTTP 500");
        QTest::newRow("404") << 404 << 2 << QStringLiteral("HTTP 404");
    }

    void failingNotificationsAreWarnings()
    {
        FO_REQUIRE_PG();
        QFETCH(int, status);
        QFETCH(int, expectedRequests);
        QFETCH(QString, cause);
        ScopedPgDatabase pg(QStringLiteral("cli_notifyfail"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        HttpStub stub;
        stub.setRoute("POST", "/", HttpStub::Response {status, "{\"detail\":\"boom\"}"});
        const ToolResult result =
            runTool({QStringLiteral("--email"), Target},
                    envWith(pg.name(), {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl() + NotifyPath}}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(stub.requests().size(), expectedRequests);
        QVERIFY2(result.err.contains("warning: The start notification"), result.err.constData());
        QVERIFY2(result.err.contains(cause.toUtf8()), result.err.constData());
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(2)); // the run went on
    }

    void noNotifySendsNothing()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_nonotify"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        HttpStub stub;
        stub.setRoute("POST", "/", HttpStub::Response {200, "{}"});
        for (const QString &flag : {QStringLiteral("--no-notify"), QStringLiteral("--dry-run")}) {
            const ToolResult result = runTool(
                {QStringLiteral("--email"), Target, flag},
                envWith(pg.name(), {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl() + NotifyPath}}));
            QVERIFY2(result.exitCode == 0, result.err.constData());
        }
        QCOMPARE(stub.requests().size(), 0);
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs")), qint64(1)); // dry run: none
    }

    void concurrentRunsGetDistinctIterations()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_concurrent"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        const int processes = 6;
        QList<QProcess *> running;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        const QMap<QString, QString> vars = pgEnv(pg.name());
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            env.insert(it.key(), it.value());
        for (int i = 0; i < processes; ++i) {
            auto *process = new QProcess(this);
            process->setProcessEnvironment(env);
            process->start(binaryPath(), {QStringLiteral("--email"), Target, QStringLiteral("--json")});
            running << process;
        }
        QSet<int> iterations;
        for (QProcess *process : running) {
            QVERIFY(process->waitForFinished(120000));
            QCOMPARE(process->exitCode(), 0);
            iterations.insert(QJsonDocument::fromJson(process->readAllStandardOutput())
                                  .object()
                                  .value(QStringLiteral("iteration"))
                                  .toInt());
            delete process;
        }
        QCOMPARE(iterations, QSet<int>({1, 2, 3, 4, 5, 6}));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT raw_record_id, outliers_search_iteration_num "
                                         "FROM outliers_records GROUP BY 1, 2 HAVING COUNT(*) > 1) d")),
                 qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(2 * processes));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid email") << QStringList {QStringLiteral("--email"), QStringLiteral("not-an-email")}
                                       << QStringLiteral("not a valid email address");
        QTest::newRow("email with newline") << QStringList {QStringLiteral("--email"), QStringLiteral("a@b.com\n")}
                                            << QStringLiteral("not a valid email address");
        QTest::newRow("no email") << QStringList {QStringLiteral("--dry-run")} << QStringLiteral("--email");
        QTest::newRow("unknown flag") << QStringList {QStringLiteral("--email"), QStringLiteral("a@b.com"),
                                                      QStringLiteral("--bogus")}
                                      << QStringLiteral("bogus");
        QTest::newRow("bad threshold") << QStringList {QStringLiteral("--email"), QStringLiteral("a@b.com"),
                                                       QStringLiteral("--raw-threshold"), QStringLiteral("abc")}
                                       << QStringLiteral("--raw-threshold");
        QTest::newRow("missing env file") << QStringList {QStringLiteral("--email"), QStringLiteral("a@b.com"),
                                                          QStringLiteral("--env-file"), QStringLiteral("/nonexistent")}
                                          << QStringLiteral("/nonexistent");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const ToolResult result = runTool(args, {});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void malformedEnvFileNamesTheLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# settings\nDB_ENGINE=postgresql\nthis line is wrong\n");
        file.close();
        const ToolResult result =
            runTool({QStringLiteral("--email"), QStringLiteral("a@b.com"), QStringLiteral("--env-file"), path}, {});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("%1 line 3").arg(path).toUtf8()), result.err.constData());
    }

    void envFileIsReadAndEnvironmentWins()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_envfile"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seed(pg);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".env.prod"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QMap<QString, QString> vars = pgEnv(pg.name());
        for (auto it = vars.cbegin(); it != vars.cend(); ++it) {
            if (it.key() != QLatin1String("DB_NAME"))
                file.write((QStringLiteral("export %1=\"%2\"\r\n").arg(it.key(), it.value())).toUtf8());
        }
        file.write("DB_NAME=no_such_database\r\n");
        file.close();
        // The env file alone points at a database that does not exist: exit 1 with a clear message.
        ToolResult result = runTool({QStringLiteral("--email"), Target, QStringLiteral("--env-file"), path}, {});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("no_such_database"), result.err.constData());
        // The process environment takes precedence over the file.
        result = runTool({QStringLiteral("--email"), Target, QStringLiteral("--env-file"), path},
                         {{QStringLiteral("DB_NAME"), pg.name()}});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(2));
    }

    void unreachableDatabaseExitsOne()
    {
        const ToolResult result = runTool({QStringLiteral("--email"), QStringLiteral("a@b.com")},
                                          {{QStringLiteral("DB_ENGINE"), QStringLiteral("postgresql")},
                                           {QStringLiteral("DB_HOST"), QStringLiteral("127.0.0.1")},
                                           {QStringLiteral("DB_PORT"), QStringLiteral("1")},
                                           {QStringLiteral("DB_PASSWORD"), QStringLiteral("s3cret-never-shown")}},
                                          30000);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("Cannot connect to the database postgresql://postgres@127.0.0.1:1/records"),
                 result.err.constData());
        QVERIFY(!result.err.contains("s3cret-never-shown"));
    }

    void batchFromFileAndStdin()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_batch"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const QStringList users = {QStringLiteral("u1@example.com"), QStringLiteral("u2@example.com"),
                                   QStringLiteral("u3@example.com")};
        for (const QString &user : users)
            seed(pg, user);
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("emails.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# users of the hour\r\nu1@example.com\r\nnot an email\r\n\r\nu2@example.com\r\nu3@example.com\r\n");
        file.close();
        ToolResult result = runTool(
            {QStringLiteral("--emails-from"), list, QStringLiteral("--jobs"), QStringLiteral("2")}, envWith(pg.name()));
        // One bad line fails the batch (exit 1), but every other email ran.
        QCOMPARE(result.exitCode, 1);
        const QString out = text(result.out);
        QVERIFY2(out.contains(QLatin1String("4 emails")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("3 completed, 1 failed (not an email)")), qPrintable(out));
        for (const QString &user : users)
            QVERIFY2(out.contains(user + QStringLiteral(": completed, iteration 1, 2 raw and 1 processed")),
                     qPrintable(out));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs")), qint64(3));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(6));

        // Standard input, JSON: one report per email, in the order given.
        result = runTool({QStringLiteral("--emails-from"), QStringLiteral("-"), QStringLiteral("--json")},
                         envWith(pg.name()), 120000, "u3@example.com\nu1@example.com\n");
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray reports = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports.at(0).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("u3@example.com"));
        QCOMPARE(reports.at(0).toObject().value(QStringLiteral("iteration")).toInt(), 2);
        QVERIFY2(result.err.contains("[2/2] u1@example.com: completed"), result.err.constData());
    }

    void batchAllUsers()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("cli_allusers"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        QStringList users;
        for (int i = 0; i < 5; ++i) {
            users << QStringLiteral("all%1@example.com").arg(i);
            seed(pg, users.last());
        }
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("all.csv"));
        const ToolResult result = runTool({QStringLiteral("--all-users"), QStringLiteral("--jobs"), QStringLiteral("3"),
                                           QStringLiteral("--csv"), csvPath},
                                          envWith(pg.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(text(result.out).contains(QLatin1String("5 emails")), result.out.constData());
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(DISTINCT email) FROM find_outliers_runs")), qint64(5));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 5 * 3 + 1); // one header, three outliers per user
        QCOMPARE(lines.count(lines.at(0)), 1);
    }

    void embeddedSqliteDemo()
    {
        QTemporaryDir home;
        const QMap<QString, QString> env = {{QStringLiteral("HOME"), home.path()},
                                            {QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))}};
        ToolResult result = runTool({QStringLiteral("--demo"), QStringLiteral("--json")}, env);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QString dbPath = home.filePath(QStringLiteral("data/find-outliers/find-outliers.sqlite"));
        QVERIFY2(QFile::exists(dbPath), qPrintable(dbPath));
        QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("email")).toString(), QStringLiteral("demo@example.com"));
        QCOMPARE(root.value(QStringLiteral("iteration")).toInt(), 1);
        const int rawOutliers =
            root.value(QStringLiteral("raw")).toObject().value(QStringLiteral("outlier_count")).toInt();
        QVERIFY(rawOutliers > 0);
        QVERIFY(root.value(QStringLiteral("raw")).toObject().value(QStringLiteral("types")).toArray().size() >= 4);
        QVERIFY2(result.err.contains("seeded"), result.err.constData());
        // A second run reuses the seeded data, takes the next iteration and flags the same records.
        result = runTool({QStringLiteral("--demo"), QStringLiteral("--json")}, env);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("iteration")).toInt(), 2);
        QCOMPARE(root.value(QStringLiteral("raw")).toObject().value(QStringLiteral("outlier_count")).toInt(),
                 rawOutliers);
        QVERIFY(!result.err.contains("seeded"));

        // The stored runs are in the SQLite file.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs")), qint64(2));
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(2 * rawOutliers));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void sqliteEngineWithPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("records.sqlite"));
        {
            // A dry run on a file that does not exist says so and creates nothing.
            const ToolResult missing =
                runTool({QStringLiteral("--email"), QStringLiteral("s@example.com"), QStringLiteral("--dry-run")},
                        {{QStringLiteral("DB_ENGINE"), QStringLiteral("sqlite")}, {QStringLiteral("DB_NAME"), path}});
            QVERIFY2(missing.exitCode == 1 && missing.err.contains("There is no SQLite database at"),
                     missing.err.constData());
            QVERIFY(!QFileInfo::exists(path));
            // Create the file through the tool (a run creates the schema), then add records.
            const ToolResult created =
                runTool({QStringLiteral("--email"), QStringLiteral("s@example.com"), QStringLiteral("--no-notify")},
                        {{QStringLiteral("DB_ENGINE"), QStringLiteral("sqlite")}, {QStringLiteral("DB_NAME"), path}});
            QVERIFY2(created.exitCode == 0, created.err.constData());
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.prepare(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                                                 "('HeartRateRecord', ?, '2026-01-01T00:00:00Z', ?)")));
            for (int i = 0; i < 40; ++i) {
                query.addBindValue(QStringLiteral("s@example.com"));
                query.addBindValue(QString::number(70 + i % 3));
                QVERIFY(query.exec());
            }
            query.addBindValue(QStringLiteral("s@example.com"));
            query.addBindValue(QStringLiteral("150"));
            QVERIFY(query.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("seed"));
        const ToolResult result =
            runTool({QStringLiteral("--email"), QStringLiteral("s@example.com"), QStringLiteral("--json")},
                    {{QStringLiteral("DB_ENGINE"), QStringLiteral("sqlite")}, {QStringLiteral("DB_NAME"), path}});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject raw = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("raw")).toObject();
        QCOMPARE(raw.value(QStringLiteral("outlier_count")).toInt(), 1);
        QCOMPARE(raw.value(QStringLiteral("types"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("outliers"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("record_id"))
                     .toInt(),
                 41);
    }
};

QTEST_GUILESS_MAIN(TestCliPg)
#include "tst_cli_pg.moc"
