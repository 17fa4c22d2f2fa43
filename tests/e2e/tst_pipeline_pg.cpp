// The core pipeline, in process, against a real PostgreSQL (created with the platform's schema) and a real Redis.
#include "core/Pipeline.h"
#include "core/RedisFlag.h"
#include "tests/e2e/E2eSupport.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace fo;
using namespace fo::test;

namespace {

const QString Target = QStringLiteral("target.user@example.com");
const QString Other = QStringLiteral("other.user@example.com");

QSet<qint64> toSet(const QList<qint64> &list)
{
    return QSet<qint64>(list.begin(), list.end());
}

QSet<qint64> reportIds(const TableReport &table)
{
    QSet<qint64> ids;
    for (const TypeReport &type : table.types) {
        for (const OutlierPoint &point : type.outliers)
            ids.insert(point.recordId);
    }
    return ids;
}

const TypeReport *findType(const TableReport &table, const QString &name)
{
    for (const TypeReport &type : table.types) {
        if (type.dataType == name)
            return &type;
    }
    return nullptr;
}

struct Seeded
{
    QSet<qint64> rawOutliers;
    QSet<qint64> processedOutliers;
};

// A user whose expected outliers are known by construction (the z-scores are far from k, except the ties, which
// docs/platform.md 2 says must NOT be flagged), with another user's records interleaved by id.
Seeded seedTarget(ScopedPgDatabase &pg)
{
    Seeded seeded;
    const QString raw = QStringLiteral("raw_records");
    const QString processed = QStringLiteral("processed_records");
    // HeartRateRecord: 50 values 70..74, a spike (z = 5.2) and a dip (z = -4.97).
    for (int i = 0; i < 50; ++i) {
        pg.insert(raw, Target, QStringLiteral("HeartRateRecord"), QString::number(70 + i % 5),
                  QStringLiteral("2026-01-01T%1:00:00Z").arg(i % 24, 2, 10, QLatin1Char('0')));
        pg.insert(raw, Other, QStringLiteral("HeartRateRecord"), QStringLiteral("500")); // ignored: other user
    }
    seeded.rawOutliers << pg.insert(raw, Target, QStringLiteral("HeartRateRecord"), QStringLiteral(" 200 "));
    seeded.rawOutliers << pg.insert(raw, Target, QStringLiteral("HeartRateRecord"), QStringLiteral("-50"));
    pg.insert(raw, Target, QStringLiteral("HeartRateRecord"), QStringLiteral("n/a")); // skipped, counted
    // The tie at k = 3: 9 x 0.1 and 1.1 give z == 3 exactly: not an outlier.
    for (int i = 0; i < 9; ++i)
        pg.insert(raw, Target, QStringLiteral("TieRaw"), QStringLiteral("0.1"));
    pg.insert(raw, Target, QStringLiteral("TieRaw"), QStringLiteral("1.1"));
    // Non-finite and overflowing values are skipped, so the extreme value is still found (the old job found none).
    for (int i = 0; i < 20; ++i)
        pg.insert(raw, Target, QStringLiteral("BloodOxygenData"), QStringLiteral("97"));
    seeded.rawOutliers << pg.insert(raw, Target, QStringLiteral("BloodOxygenData"), QStringLiteral("60"));
    pg.insert(raw, Target, QStringLiteral("BloodOxygenData"), QStringLiteral("nan"));
    pg.insert(raw, Target, QStringLiteral("BloodOxygenData"), QStringLiteral("inf"));
    pg.insert(raw, Target, QStringLiteral("BloodOxygenData"), QStringLiteral("1e999"));
    // Never numeric.
    for (int i = 0; i < 3; ++i)
        pg.insert(raw, Target, QStringLiteral("BloodPressureRecord"), QStringLiteral("120/80"));
    // z = 2.43: an outlier in processed (k = 2), not in raw (k = 3).
    const QStringList mid = {QStringLiteral("100"), QStringLiteral("100"), QStringLiteral("100"), QStringLiteral("100"),
                             QStringLiteral("100"), QStringLiteral("110"), QStringLiteral("110"), QStringLiteral("110"),
                             QStringLiteral("110"), QStringLiteral("110")};
    for (const QString &value : mid) {
        pg.insert(raw, Target, QStringLiteral("MidRecord"), value);
        pg.insert(processed, Target, QStringLiteral("MidRecord"), value);
    }
    pg.insert(raw, Target, QStringLiteral("MidRecord"), QStringLiteral("125"));
    seeded.processedOutliers << pg.insert(processed, Target, QStringLiteral("MidRecord"), QStringLiteral("125"));
    // The tie at k = 2: 4 x 0.1 and 0.6.
    for (int i = 0; i < 4; ++i)
        pg.insert(processed, Target, QStringLiteral("TieProcessed"), QStringLiteral("0.1"));
    pg.insert(processed, Target, QStringLiteral("TieProcessed"), QStringLiteral("0.6"));
    // Steps: a spike at z = 4.6.
    for (int i = 0; i < 20; ++i) {
        pg.insert(processed, Target, QStringLiteral("StepsRecord"), QString::number(8000 + 10 * (i % 7)));
        pg.insert(processed, Other, QStringLiteral("StepsRecord"), QStringLiteral("99999"));
    }
    seeded.processedOutliers << pg.insert(processed, Target, QStringLiteral("StepsRecord"), QStringLiteral("30000"));
    // 1000 identical values: a tiny non-zero std, every z exactly 1: nothing flagged.
    QSqlQuery bulk(pg.db());
    bulk.prepare(QStringLiteral("INSERT INTO processed_records (data_type, email, time, value) SELECT 'Constant', ?, "
                                "now(), '0.1' FROM generate_series(1, 1000)"));
    bulk.addBindValue(Target);
    bulk.exec();
    return seeded;
}

RunRequest request(const QString &email = Target)
{
    RunRequest r;
    r.email = email;
    r.notify = false;
    return r;
}

} // namespace

class TestPipelinePg : public QObject
{
    Q_OBJECT

private slots:
    void flaggedIdsAreExactlyThePlatformRule()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("e2e_flagged"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const Seeded seeded = seedTarget(pg);

        Pipeline pipeline(pgConfig(pg.name()));
        const RunReport report = pipeline.run(request());
        QCOMPARE(statusName(report.status), QStringLiteral("completed"));
        QCOMPARE(report.iteration, 1);
        QCOMPARE(reportIds(report.raw), seeded.rawOutliers);
        QCOMPARE(reportIds(report.processed), seeded.processedOutliers);

        // What is stored is exactly that, under one iteration and one timestamp shared by both tables.
        QCOMPARE(toSet(pg.ids(QStringLiteral("SELECT raw_record_id FROM outliers_records"))), seeded.rawOutliers);
        QCOMPARE(toSet(pg.ids(QStringLiteral("SELECT processed_record_id FROM processed_records_outliers_records"))),
                 seeded.processedOutliers);
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(DISTINCT outliers_search_iteration_datetime) FROM ("
                                         "SELECT outliers_search_iteration_datetime FROM outliers_records UNION ALL "
                                         "SELECT outliers_search_iteration_datetime FROM "
                                         "processed_records_outliers_records) t")),
                 qint64(1));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records WHERE outliers_search_iteration_num "
                                         "<> 1")),
                 qint64(0));

        // Counts per type: rows include the non-numeric ones, skipped are counted.
        const TypeReport *heart = findType(report.raw, QStringLiteral("HeartRateRecord"));
        QVERIFY(heart);
        QCOMPARE(heart->rows, qint64(53));
        QCOMPARE(heart->skippedRows, qint64(1));
        const TypeReport *oxygen = findType(report.raw, QStringLiteral("BloodOxygenData"));
        QVERIFY(oxygen);
        QCOMPARE(oxygen->skippedRows, qint64(3));
        QCOMPARE(oxygen->outliers.size(), 1);
        const TypeReport *pressure = findType(report.raw, QStringLiteral("BloodPressureRecord"));
        QVERIFY(pressure);
        QCOMPARE(pressure->rows, qint64(3));
        QCOMPARE(pressure->numericRows, qint64(0));
        QVERIFY(findType(report.raw, QStringLiteral("TieRaw"))->outliers.isEmpty());
        QVERIFY(findType(report.processed, QStringLiteral("TieProcessed"))->outliers.isEmpty());
        QVERIFY(findType(report.processed, QStringLiteral("Constant"))->outliers.isEmpty());
        QVERIFY(findType(report.processed, QStringLiteral("Constant"))->std
                > 0.0); // the tiny std of docs/platform.md 2
        QCOMPARE(report.raw.rows, qint64(53 + 10 + 24 + 3 + 11));

        // The runs table holds the run and its per-type statistics.
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE iteration = 1 AND status = "
                                         "'completed' AND operator_email = '' AND raw_outliers = 3 AND "
                                         "processed_outliers = 2")),
                 qint64(1));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types")),
                 qint64(report.raw.types.size() + report.processed.types.size()));
        QCOMPARE(pg.count(QStringLiteral("SELECT skipped_rows FROM find_outliers_run_types WHERE source = 'raw' AND "
                                         "data_type = 'BloodOxygenData'")),
                 qint64(3));
        // The outliers carry their record's time.
        for (const OutlierPoint &point : heart->outliers)
            QVERIFY(point.time.isValid());
    }

    void iterationsCountOverBothTablesAndRuns()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("e2e_iter"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        // The old job's rows: raw iteration 3 and processed iteration 5 for this user; iteration 9 of another user.
        const qint64 raw = pg.insert(QStringLiteral("raw_records"), Target, QStringLiteral("A"), QStringLiteral("1"));
        const qint64 processed =
            pg.insert(QStringLiteral("processed_records"), Target, QStringLiteral("B"), QStringLiteral("1"));
        const qint64 other = pg.insert(QStringLiteral("raw_records"), Other, QStringLiteral("A"), QStringLiteral("1"));
        QSqlQuery query(pg.db());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO outliers_records (raw_record_id, outliers_search_iteration_num, "
                                          "outliers_search_iteration_datetime) VALUES (%1, 3, now()), (%2, 9, now())")
                               .arg(raw)
                               .arg(other)));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO processed_records_outliers_records (processed_record_id, "
                                          "outliers_search_iteration_num, outliers_search_iteration_datetime) VALUES "
                                          "(%1, 5, now())")
                               .arg(processed)));

        Pipeline pipeline(pgConfig(pg.name()));
        RunReport first = pipeline.run(request());
        QCOMPARE(statusName(first.status), QStringLiteral("completed"));
        QCOMPARE(first.iteration, 6);
        // This run finds no outliers at all; the next must still not reuse its number.
        QCOMPARE(first.raw.outlierCount + first.processed.outlierCount, qint64(0));
        RunReport second = pipeline.run(request());
        QCOMPARE(second.iteration, 7);
        RunReport otherRun = pipeline.run(request(Other));
        QCOMPARE(otherRun.iteration, 10);

        // Rows the old job writes after our runs still count (they sit above our runs' watermarks); another
        // user's do not.
        QVERIFY(query.exec(QStringLiteral("INSERT INTO outliers_records (raw_record_id, outliers_search_iteration_num, "
                                          "outliers_search_iteration_datetime) VALUES (%1, 50, now())")
                               .arg(other)));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO processed_records_outliers_records (processed_record_id, "
                                          "outliers_search_iteration_num, outliers_search_iteration_datetime) VALUES "
                                          "(%1, 12, now())")
                               .arg(processed)));
        QCOMPARE(pipeline.run(request()).iteration, 13);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO outliers_records (raw_record_id, outliers_search_iteration_num, "
                                          "outliers_search_iteration_datetime) VALUES (%1, 20, now())")
                               .arg(raw)));
        QCOMPARE(pipeline.run(request()).iteration, 21);
        QCOMPARE(pipeline.run(request()).iteration, 22);
        QCOMPARE(pipeline.run(request(Other)).iteration, 51);
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE raw_outliers_high_id IS NULL")),
                 qint64(0));
    }

    void triggerFailureDuringWriteLeavesNothing()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("e2e_abort"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seedTarget(pg);
        // Create our tables by a run for another user, then make the last insert of the write transaction fail.
        Pipeline pipeline(pgConfig(pg.name()));
        QCOMPARE(statusName(pipeline.run(request(QStringLiteral("nobody.here@example.com"))).status),
                 QStringLiteral("completed"));
        QSqlQuery query(pg.db());
        QVERIFY(query.exec(QStringLiteral("CREATE FUNCTION fail_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                          "RAISE EXCEPTION 'injected failure during the write'; END $$")));
        QVERIFY(query.exec(QStringLiteral("CREATE TRIGGER fail_write BEFORE INSERT ON find_outliers_run_types "
                                          "FOR EACH ROW EXECUTE FUNCTION fail_write()")));

        const RunReport report = pipeline.run(request());
        QCOMPARE(statusName(report.status), QStringLiteral("failed"));
        QVERIFY2(report.error.contains(QLatin1String("injected failure")), qPrintable(report.error));
        QVERIFY2(report.error.contains(QLatin1String("nothing of this run was written")), qPrintable(report.error));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), qint64(0));
        // The attempt keeps its number, marked failed with the reason; nothing else of it is stored.
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed' AND "
                                         "email = '%1'")
                              .arg(Target)),
                 qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'failed' AND "
                                         "email = '%1' AND error LIKE '%%injected failure%%'")
                              .arg(Target)),
                 qint64(1));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types t JOIN find_outliers_runs r "
                                         "USING (run_id) WHERE r.email = '%1'")
                              .arg(Target)),
                 qint64(0));
    }

    void cancelAtEachStageLeavesNothing_data()
    {
        QTest::addColumn<int>("stage");
        QTest::newRow("locking") << int(Stage::Locking);
        QTest::newRow("flagging") << int(Stage::Flagging);
        QTest::newRow("reading raw") << int(Stage::ReadingRaw);
        QTest::newRow("reading processed") << int(Stage::ReadingProcessed);
        QTest::newRow("detecting") << int(Stage::Detecting);
        QTest::newRow("writing") << int(Stage::Writing);
    }

    void cancelAtEachStageLeavesNothing()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QFETCH(int, stage);
        ScopedPgDatabase pg(QStringLiteral("e2e_cancel"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seedTarget(pg);
        Config config = pgConfig(pg.name());
        config.redisHost = redisServer()->first;
        config.redisPort = redisServer()->second;
        config.redisNamespace = QStringLiteral("cancel-%1-").arg(stage);
        const QString key = config.redisNamespace + Target;

        std::atomic_bool cancel {false};
        bool reached = false;
        Pipeline pipeline(config);
        pipeline.setCancelFlag(&cancel);
        pipeline.setProgressCallback([&](const ProgressUpdate &update) {
            if (int(update.stage) == stage) {
                reached = true;
                cancel = true;
            }
        });
        const RunReport report = pipeline.run(request());
        QVERIFY(reached);
        QCOMPARE(statusName(report.status), QStringLiteral("cancelled"));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status <> 'cancelled'")),
                 qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types")), qint64(0));
        // Back to "false" when it was set; a run cancelled before it set the flag never set it.
        const QString flag = redisGet(key);
        QVERIFY2(flag == QStringLiteral("false") || (flag.isNull() && stage == int(Stage::Locking)), qPrintable(flag));
        // A cancelled attempt that had reserved its number keeps it (marked cancelled): the next run takes the next.
        const qint64 attempts = pg.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs"));
        QVERIFY(attempts == 0 || attempts == 1);
        if (attempts == 1)
            QCOMPARE(report.iteration, 1);
        pipeline.setCancelFlag(nullptr);
        QCOMPARE(pipeline.run(request()).iteration, int(attempts) + 1);
    }

    void redisFlagDuringAndAfterRun()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        ScopedPgDatabase pg(QStringLiteral("e2e_redis"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seedTarget(pg);
        Config config = pgConfig(pg.name());
        config.redisHost = redisServer()->first;
        config.redisPort = redisServer()->second;
        config.redisNamespace = QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-");
        const QString key = config.redisNamespace + Target;
        redisDel(key);

        QString valueDuring;
        long long ttlDuring = -100;
        Pipeline pipeline(config);
        pipeline.setProgressCallback([&](const ProgressUpdate &update) {
            if (update.stage == Stage::ReadingProcessed && valueDuring.isNull()) {
                valueDuring = redisGet(key);
                ttlDuring = redisTtl(key);
            }
        });
        const RunReport report = pipeline.run(request());
        QCOMPARE(statusName(report.status), QStringLiteral("completed"));
        QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(valueDuring, QStringLiteral("true"));
        QVERIFY2(ttlDuring > 3500 && ttlDuring <= 3600, qPrintable(QString::number(ttlDuring)));
        QCOMPARE(redisGet(key), QStringLiteral("false"));
        QCOMPARE(redisTtl(key), -1LL);
    }

    void redisFlagIsFalseAfterAFailedRun()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        ScopedPgDatabase pg(QStringLiteral("e2e_redisfail"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seedTarget(pg);
        Config config = pgConfig(pg.name());
        config.redisHost = redisServer()->first;
        config.redisPort = redisServer()->second;
        config.redisNamespace = QStringLiteral("fail-");
        const QString key = config.redisNamespace + Target;
        QVERIFY(redisSet(key, QStringLiteral("stale")));
        // Break the read: the records table disappears under the run (renamed and restored afterwards).
        Pipeline pipeline(config);
        pipeline.setProgressCallback([&](const ProgressUpdate &update) {
            if (update.stage == Stage::Flagging) {
                QSqlQuery query(pg.db());
                query.exec(QStringLiteral("ALTER TABLE processed_records RENAME TO processed_records_away"));
            }
        });
        const RunReport report = pipeline.run(request());
        QSqlQuery(pg.db()).exec(QStringLiteral("ALTER TABLE processed_records_away RENAME TO processed_records"));
        QCOMPARE(statusName(report.status), QStringLiteral("failed"));
        QVERIFY2(report.error.contains(QLatin1String("processed_records")), qPrintable(report.error));
        QCOMPARE(redisGet(key), QStringLiteral("false"));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(0));
    }

    void unreachableRedisIsAWarning()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("e2e_noredis"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        seedTarget(pg);
        Config config = pgConfig(pg.name());
        config.redisHost = QStringLiteral("127.0.0.1");
        config.redisPort = 1; // nothing listens there
        Pipeline pipeline(config);
        QStringList live;
        pipeline.setWarningCallback([&](const QString &text) { live << text; });
        const RunReport report = pipeline.run(request());
        QCOMPARE(statusName(report.status), QStringLiteral("completed"));
        QCOMPARE(report.warnings.size(), 2); // setting "true", then "false"
        QCOMPARE(live, report.warnings);
        QVERIFY2(report.warnings.first().contains(QLatin1String("Redis")), qPrintable(report.warnings.first()));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(3));
    }

    void dryRunWritesNothing()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        ScopedPgDatabase pg(QStringLiteral("e2e_dry"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const Seeded seeded = seedTarget(pg);
        Config config = pgConfig(pg.name());
        config.redisHost = redisServer()->first;
        config.redisPort = redisServer()->second;
        config.redisNamespace = QStringLiteral("dry-");
        redisDel(config.redisNamespace + Target);
        Pipeline pipeline(config);
        RunRequest dry = request();
        dry.dryRun = true;
        const RunReport report = pipeline.run(dry);
        QCOMPARE(statusName(report.status), QStringLiteral("dry-run"));
        QCOMPARE(report.iteration, 1);
        QCOMPARE(reportIds(report.raw), seeded.rawOutliers); // computed all the same
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM outliers_records")), qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM processed_records_outliers_records")), qint64(0));
        // A dry run creates nothing, not even our own tables.
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM pg_class WHERE relname LIKE 'find_outliers%%'")),
                 qint64(0));
        QVERIFY(redisGet(config.redisNamespace + Target).isNull()); // no flag at all
    }

    void invalidEmailTouchesNothing()
    {
        FO_REQUIRE_PG();
        ScopedPgDatabase pg(QStringLiteral("e2e_bademail"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Pipeline pipeline(pgConfig(pg.name()));
        const RunReport report = pipeline.run(request(QStringLiteral("x'; DROP TABLE raw_records;--")));
        QCOMPARE(statusName(report.status), QStringLiteral("failed"));
        QVERIFY(report.error.contains(QLatin1String("not a valid email")));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM raw_records")), qint64(0));
        QCOMPARE(pg.count(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = "
                                         "'find_outliers_runs'")),
                 qint64(0)); // not even our tables were created
    }
};

QTEST_GUILESS_MAIN(TestPipelinePg)
#include "tst_pipeline_pg.moc"
