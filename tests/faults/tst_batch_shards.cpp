// Issue 14, batches at scale, end to end on the shared PostgreSQL:
//  - a batch sharded over 3 processes run at once (--shard I/3): the union of their users is every user, none twice,
//    each stored once; --emails-from gives the same split as --all-users; auto/N reads JOB_COMPLETION_INDEX;
//  - a bad --shard is a usage error that touches nothing;
//  - a batch keeps one database connection per worker instead of one per email (pg_stat_database.sessions);
//  - iteration numbers stay right with the kept connection: rows another writer (the old job) put in the outlier
//    tables before and between batches are seen;
//  - --log-format json: every stderr line is one JSON object with time, level, category, email, iteration and
//    message, also for an email full of quotes and backslashes;
//  - the batch summary: counts, rows read, wall time and the slowest emails, in text and in JSON.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fo::test;

namespace {

QStringList usersNamed(const QString &prefix, int count)
{
    QStringList users;
    for (int i = 0; i < count; ++i)
        users << QStringLiteral("%1%2@example.com").arg(prefix).arg(i);
    return users;
}

QStringList emailsOf(const QByteArray &json)
{
    QStringList emails;
    for (const QJsonValue &report : QJsonDocument::fromJson(json).array())
        emails << report.toObject().value(QStringLiteral("email")).toString();
    return emails;
}

} // namespace

class TestBatchShards : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeList(const QString &name, const QStringList &lines)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        return path;
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        QVERIFY(m_dir.isValid());
    }

    void threeShardsAtOnceRunEveryUserOnce()
    {
        ScopedPgDatabase db(QStringLiteral("shards"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        PgObserver watch(db.name());
        const QStringList users = usersNamed(QStringLiteral("shard"), 60);
        for (const QString &user : users)
            QVERIFY(insertSmallUser(watch, user));
        const QMap<QString, QString> env = toolEnv(db.name());

        std::vector<std::unique_ptr<ToolProcess>> shards;
        for (int i = 0; i < 3; ++i) {
            shards.push_back(std::make_unique<ToolProcess>());
            QVERIFY(shards.back()->start({QStringLiteral("--all-users"), QStringLiteral("--shard"),
                                          QStringLiteral("%1/3").arg(i), QStringLiteral("--json"),
                                          QStringLiteral("--no-notify")},
                                         env));
        }
        QStringList all;
        for (auto &shard : shards) {
            QVERIFY2(shard->waitForFinished(120000), shard->describe().constData());
            QVERIFY2(shard->exitCode() == 0, shard->describe().constData());
            const QStringList mine = emailsOf(shard->out());
            QVERIFY2(!mine.isEmpty(), "a shard of 60 users ran none"); // FNV-1a spreads 60 emails over 3
            QVERIFY2(shard->err().contains("(shard "), shard->err().constData());
            all << mine;
        }
        QCOMPARE(all.size(), users.size()); // no overlap...
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), users.size());
        QCOMPARE(QSet<QString>(all.begin(), all.end()), QSet<QString>(users.begin(), users.end())); // ...and no gap
        QCOMPARE(watch.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed'")), 60);
        QCOMPARE(watch.count(QStringLiteral("SELECT COUNT(DISTINCT email) FROM find_outliers_runs")), 60);

        // The same split from a list (in another order), and auto/N from the Indexed Job's JOB_COMPLETION_INDEX.
        QStringList reversed = users;
        std::reverse(reversed.begin(), reversed.end());
        const QString list = writeList(QStringLiteral("shard-users.txt"), reversed);
        for (int i = 0; i < 3; ++i) {
            const QStringList expected = emailsOf(shards.at(std::size_t(i))->out());
            const ToolResult fromList =
                runTool({QStringLiteral("--emails-from"), list, QStringLiteral("--shard"),
                         QStringLiteral("%1/3").arg(i), QStringLiteral("--dry-run"), QStringLiteral("--json")},
                        env);
            QVERIFY2(fromList.exitCode == 0, fromList.err.constData());
            QStringList got = emailsOf(fromList.out);
            QCOMPARE(QSet<QString>(got.begin(), got.end()), QSet<QString>(expected.begin(), expected.end()));
            QMap<QString, QString> indexed = env;
            indexed.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QString::number(i));
            const ToolResult automatic =
                runTool({QStringLiteral("--all-users"), QStringLiteral("--shard"), QStringLiteral("auto/3"),
                         QStringLiteral("--dry-run"), QStringLiteral("--json")},
                        indexed);
            QVERIFY2(automatic.exitCode == 0, automatic.err.constData());
            got = emailsOf(automatic.out);
            QCOMPARE(QSet<QString>(got.begin(), got.end()), QSet<QString>(expected.begin(), expected.end()));
        }
    }

    void theHashIsFnv1a64OfTheEmail()
    {
        // FNV-1a 64 of "user0@example.com" is 4446742424824836455, which is 3 modulo 4: documented, so that another
        // tool (the Airflow DAG, a script) can tell where an email runs.
        ScopedPgDatabase db(QStringLiteral("shardhash"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString list = writeList(QStringLiteral("one.txt"), {QStringLiteral("user0@example.com")});
        for (int i = 0; i < 4; ++i) {
            const ToolResult result =
                runTool({QStringLiteral("--emails-from"), list, QStringLiteral("--shard"),
                         QStringLiteral("%1/4").arg(i), QStringLiteral("--dry-run"), QStringLiteral("--json")},
                        toolEnv(db.name()));
            QVERIFY2(result.exitCode == 0, result.err.constData());
            QCOMPARE(emailsOf(result.out).size(), i == 3 ? 1 : 0);
        }
    }

    void badShardIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("jobIndex"); // null: unset
        QTest::addColumn<QByteArray>("says");
        const QStringList all {QStringLiteral("--all-users")};
        QTest::newRow("I = N") << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("3/3")}) << QString()
                               << QByteArray("has I outside 0 to N-1");
        QTest::newRow("N = 0") << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("0/0")}) << QString()
                               << QByteArray("has N outside 1 to");
        QTest::newRow("not I/N") << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("two")}) << QString()
                                 << QByteArray("is not of the form I/N");
        QTest::newRow("negative") << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("-1/3")})
                                  << QString() << QByteArray("is not of the form I/N");
        QTest::newRow("auto, no index") << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("auto/3")})
                                        << QString() << QByteArray("JOB_COMPLETION_INDEX, which is not set");
        QTest::newRow("auto, index too big")
            << (all + QStringList {QStringLiteral("--shard"), QStringLiteral("auto/3")}) << QStringLiteral("3")
            << QByteArray("not a shard from 0 to 2");
        QTest::newRow("one email") << QStringList {QStringLiteral("--email"), QStringLiteral("a@example.com"),
                                                   QStringLiteral("--shard"), QStringLiteral("0/2")}
                                   << QString() << QByteArray("--shard works with --emails-from and --all-users");
        QTest::newRow("bad log format") << (all + QStringList {QStringLiteral("--log-format"), QStringLiteral("xml")})
                                        << QString() << QByteArray("is not text or json");
    }

    void badShardIsAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, jobIndex);
        QFETCH(QByteArray, says);
        // An unreachable database: a usage error must come before any connection.
        QMap<QString, QString> env = toolEnv(QStringLiteral("no_such_database"));
        env.insert(QStringLiteral("DB_PORT"), QString::number(freePort()));
        if (!jobIndex.isNull())
            env.insert(QStringLiteral("JOB_COMPLETION_INDEX"), jobIndex);
        const ToolResult result = runTool(args, env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(says), result.err.constData());
        QVERIFY2(!result.err.contains("Cannot connect"), result.err.constData());
    }

    void aBatchKeepsOneConnectionPerWorker()
    {
        ScopedPgDatabase db(QStringLiteral("keepconn"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        PgObserver watch(db.name());
        for (const QString &user : usersNamed(QStringLiteral("conn"), 30))
            QVERIFY(insertSmallUser(watch, user));
        const QString sessions =
            QStringLiteral("SELECT sessions FROM pg_stat_database WHERE datname = '%1'").arg(db.name());
        for (const bool dryRun : {false, true}) {
            const qint64 before = watch.count(sessions);
            QVERIFY(before >= 0);
            QStringList args {QStringLiteral("--all-users"), QStringLiteral("--jobs"), QStringLiteral("2"),
                              QStringLiteral("--no-notify")};
            if (dryRun)
                args << QStringLiteral("--dry-run");
            const ToolResult result = runTool(args, toolEnv(db.name()));
            QVERIFY2(result.exitCode == 0, result.err.constData());
            QVERIFY2(result.out.contains("30 completed, 0 failed"), result.out.constData());
            // The list of users, and one connection per worker: at most 3 (one per email before: 31).
            QTRY_VERIFY_WITH_TIMEOUT(watch.count(sessions) - before >= 2, 10000);
            const qint64 used = watch.count(sessions) - before;
            QVERIFY2(used <= 3,
                     qPrintable(QStringLiteral("%1 sessions for 30 emails (dry run: %2)").arg(used).arg(dryRun)));
        }
    }

    void iterationsSeeOtherWritersWithAKeptConnection()
    {
        ScopedPgDatabase db(QStringLiteral("keptiter"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        PgObserver watch(db.name());
        const QStringList users = usersNamed(QStringLiteral("iter"), 4); // iter0..iter3, run in this order
        for (const QString &user : users)
            QVERIFY(insertSmallUser(watch, user));
        const auto writeOldJobRow = [&](const QString &email, int iteration) {
            return watch.exec(
                QStringLiteral("INSERT INTO outliers_records (raw_record_id, outliers_search_iteration_num, "
                               "outliers_search_iteration_datetime) SELECT MIN(id), %1, now() FROM "
                               "raw_records WHERE email = '%2'")
                    .arg(iteration)
                    .arg(email));
        };
        const auto iterations = [&](const QByteArray &json) {
            QMap<QString, int> byEmail;
            for (const QJsonValue &report : QJsonDocument::fromJson(json).array())
                byEmail.insert(report.toObject().value(QStringLiteral("email")).toString(),
                               report.toObject().value(QStringLiteral("iteration")).toInt());
            return byEmail;
        };
        // Before our first batch the old job stored iteration 7 for the third user.
        QVERIFY(writeOldJobRow(users.at(2), 7));
        const QStringList args {QStringLiteral("--all-users"), QStringLiteral("--json"), QStringLiteral("--no-notify")};
        ToolResult result = runTool(args, toolEnv(db.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QMap<QString, int> got = iterations(result.out);
        QCOMPARE(got.value(users.at(0)), 1);
        QCOMPARE(got.value(users.at(2)), 8);
        QCOMPARE(got.value(users.at(3)), 1);

        // Between batches the old job stores iteration 20 for the last user and 30 for the first.
        QVERIFY(writeOldJobRow(users.at(3), 20));
        QVERIFY(writeOldJobRow(users.at(0), 30));
        for (const bool dryRun : {true, false}) {
            result = runTool(dryRun ? args + QStringList {QStringLiteral("--dry-run")} : args, toolEnv(db.name()));
            QVERIFY2(result.exitCode == 0, result.err.constData());
            got = iterations(result.out);
            QCOMPARE(got.value(users.at(0)), 31);
            QCOMPARE(got.value(users.at(1)), 2);
            QCOMPARE(got.value(users.at(2)), 9);
            QCOMPARE(got.value(users.at(3)), 21);
        }
        QCOMPARE(watch.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT email, iteration FROM find_outliers_runs "
                                            "GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice")),
                 0);
    }

    void jsonLogsAreOneObjectPerLine()
    {
        ScopedPgDatabase db(QStringLiteral("jsonlog"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        PgObserver watch(db.name());
        const QStringList users = usersNamed(QStringLiteral("log"), 3);
        for (const QString &user : users)
            QVERIFY(insertSmallUser(watch, user));
        const QString awkward = QStringLiteral("not \"an\" \\email\t\x01"); // fails validation, is named in its error
        const QString list = writeList(QStringLiteral("log-users.txt"), users + QStringList {awkward});
        const ToolResult result =
            runTool({QStringLiteral("--emails-from"), list, QStringLiteral("--json"), QStringLiteral("--no-notify"),
                     QStringLiteral("--verbose"), QStringLiteral("--log-format"), QStringLiteral("json")},
                    toolEnv(db.name()));
        QCOMPARE(result.exitCode, 1); // the awkward one failed
        const QList<QByteArray> lines = result.err.trimmed().split('\n');
        QVERIFY(lines.size() > 4);
        bool sawStored = false;
        bool sawAwkward = false;
        QJsonObject summary;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), line.constData());
            const QJsonObject record = document.object();
            for (const char *key : {"time", "level", "category", "email", "iteration", "message"})
                QVERIFY2(record.contains(QLatin1String(key)), line.constData());
            QVERIFY(
                QDateTime::fromString(record.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
            if (record.value(QStringLiteral("category")) == QLatin1String("fo.core.writer")) {
                // "stored iteration 1 for log0@example.com": the run's email and number, from the worker's thread.
                QVERIFY(users.contains(record.value(QStringLiteral("email")).toString()));
                QCOMPARE(record.value(QStringLiteral("iteration")).toInt(), 1);
                sawStored = true;
            }
            if (record.value(QStringLiteral("email")).toString() == awkward) {
                QCOMPARE(record.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
                QVERIFY(record.value(QStringLiteral("message")).toString().contains(awkward));
                sawAwkward = true;
            }
            if (record.contains(QStringLiteral("summary")))
                summary = record.value(QStringLiteral("summary")).toObject();
        }
        QVERIFY(sawStored);
        QVERIFY(sawAwkward);
        QCOMPARE(summary.value(QStringLiteral("emails")).toInt(), 4);
        QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 3);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("cancelled")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("rows_read")).toInt(),
                 int(watch.count(QStringLiteral("SELECT (SELECT COUNT(*) FROM raw_records) + "
                                                "(SELECT COUNT(*) FROM processed_records)"))));
        QVERIFY(summary.value(QStringLiteral("wall_seconds")).toDouble() > 0);
        QVERIFY(!summary.value(QStringLiteral("slowest")).toArray().isEmpty());
        // The JSON report on stdout is the array of runs, as before.
        QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 4);
    }

    void textSummaryCountsRowsAndNamesTheSlowest()
    {
        ScopedPgDatabase db(QStringLiteral("summary"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        PgObserver watch(db.name());
        for (const QString &user : usersNamed(QStringLiteral("sum"), 3))
            QVERIFY(insertSmallUser(watch, user));
        const ToolResult result =
            runTool({QStringLiteral("--all-users"), QStringLiteral("--no-notify"), QStringLiteral("--stage-times")},
                    toolEnv(db.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const qint64 rows = watch.count(QStringLiteral("SELECT (SELECT COUNT(*) FROM raw_records) + "
                                                       "(SELECT COUNT(*) FROM processed_records)"));
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QVERIFY2(lines.last().contains(
                     QStringLiteral("3 completed, 0 failed, 0 cancelled; %1 rows read").arg(rows).toUtf8()),
                 result.out.constData());
        QVERIFY2(result.out.contains("find-outliers: slowest: sum"), result.out.constData());
        // --stage-times: each email's line has its stages, and their mean closes the batch.
        QVERIFY2(lines.first().contains("[ms: connect "), result.out.constData());
        QVERIFY2(result.out.contains("stages, mean ms per email: connect "), result.out.constData());
        QVERIFY2(result.out.contains(", write "), result.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestBatchShards)
#include "tst_batch_shards.moc"
