// Bad-input catalogue, the platform's schema as other deployments have it (issue 10, items 1 and 2): the record
// tables' columns drift from docs/platform.md 1 (value TEXT, id and the outlier tables' record ids integer, time
// timestamptz). Each case is a database of its own with the platform's tables (resources/schema/platform.sql),
// ALTERed, and the built tool run on it as a process.
//
// - value as a number column (every numeric type): the same report, bit for bit (flagged ids, means, stds), as the
//   same numbers in a text column, on both read methods (COPY and FO_READ_METHOD=qtsql).
// - a column of a type the tool cannot read (value boolean/jsonb/date/bytea, id numeric, time date/text): exit 1
//   with the table, column and type named, before anything is flagged, sent or written.
// - record ids above 2^31 (bigint ids and record-id columns): dry run, real run, both read methods, history.
#include "core/Database.h"
#include "core/History.h"
#include "core/Pipeline.h"
#include "tests/common/HttpStub.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace fo::test;

namespace {

const QString Email = QStringLiteral("drift@example.com");

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning().noquote() << "SQL failed:" << query.lastError().text() << "\n" << sql.left(400);
    return false;
}

// The user's records: per table two data types of about 40 values each with one spike, a value that is not a
// number (NULL once the column is a number), and one record of another user. The values are decimals, so that
// real, double precision and numeric columns hold fractions; integer columns hold them rounded.
bool insertRecords(QSqlDatabase &db)
{
    return exec(db,
                QStringLiteral(
                    "INSERT INTO raw_records (data_type, email, time, value) "
                    "SELECT CASE WHEN g % 2 = 0 THEN 'HeartRateRecord' ELSE 'BodyTemperatureRecord' END, '%1', "
                    "       TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 hour', "
                    "       CASE WHEN g = 40 THEN '250' WHEN g = 41 THEN '41.9' WHEN g = 17 THEN 'n/a' "
                    "            WHEN g % 2 = 0 THEN (60 + g % 7 * 1.1)::text ELSE (36.6 + g % 3 * 0.1)::text END "
                    "FROM generate_series(1, 81) AS g")
                    .arg(Email))
        && exec(db,
                QStringLiteral("INSERT INTO processed_records (data_type, email, time, value) "
                               "SELECT 'StepsRecord', '%1', TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 day', "
                               "       CASE WHEN g = 20 THEN '30000.5' ELSE (8000 + g * 37.3)::text END "
                               "FROM generate_series(1, 30) AS g")
                    .arg(Email))
        && exec(db,
                QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                               "('HeartRateRecord', 'other@example.com', '2026-01-01', '9999')"));
}

// value TYPE <type> in both record tables; 'n/a' becomes NULL.
bool alterValue(QSqlDatabase &db, const QString &type)
{
    for (const char *table : {"raw_records", "processed_records"}) {
        const QString name = QLatin1String(table);
        if (!exec(db, QStringLiteral("ALTER TABLE %1 ALTER value DROP NOT NULL").arg(name))
            || !exec(db,
                     QStringLiteral("ALTER TABLE %1 ALTER value TYPE %2 USING CAST(CAST(NULLIF(value, 'n/a') AS "
                                    "numeric) AS %2)")
                         .arg(name, type)))
            return false;
    }
    return true;
}

QJsonObject dryRunReport(const QString &dbName, bool qtsql, QByteArray *err)
{
    QMap<QString, QString> extra;
    if (qtsql)
        extra.insert(QStringLiteral("FO_READ_METHOD"), QStringLiteral("qtsql"));
    const ToolResult result =
        runTool({QStringLiteral("--email"), Email, QStringLiteral("--dry-run"), QStringLiteral("--json")},
                toolEnv(dbName, extra));
    *err = result.err;
    if (result.exitCode != 0)
        return {};
    QJsonObject report = QJsonDocument::fromJson(result.out).object();
    for (const char *volatileKey : {"run_id", "started_at", "finished_at", "iteration"})
        report.remove(QLatin1String(volatileKey));
    return report;
}

// The values of the raw HeartRateRecord chart as the desktop's history loads them.
QVector<double> seriesValues(const QString &dbName)
{
    fo::Result<fo::Database> db = fo::Database::open(pgConfig(dbName));
    if (!db) {
        qWarning().noquote() << db.error();
        return {};
    }
    const fo::Result<fo::Series> series =
        fo::history::loadSeries(db.value(), Email, fo::Source::Raw, fo::TypeKey(QStringLiteral("HeartRateRecord")));
    if (!series) {
        qWarning().noquote() << series.error();
        return {};
    }
    return series->values;
}

QList<qint64> flaggedIds(const QJsonObject &report)
{
    QList<qint64> ids;
    for (const char *table : {"raw", "processed"}) {
        for (const QJsonValue type :
             report.value(QLatin1String(table)).toObject().value(QStringLiteral("types")).toArray()) {
            for (const QJsonValue outlier : type.toObject().value(QStringLiteral("outliers")).toArray())
                ids << outlier.toObject().value(QStringLiteral("record_id")).toInteger();
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestBadInputSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { FO_REQUIRE_PG(); }

    void numberValueColumn_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *type : {"double precision", "real", "numeric", "numeric(10,2)", "integer", "bigint",
                                 "smallint", "varchar(20)", "char(12)"})
            QTest::newRow(type) << QString::fromLatin1(type);
        QTest::newRow("domain over double precision") << QStringLiteral("fo_measure");
    }

    // The numbers of a number column give the report that the same numbers give as text: the text PostgreSQL prints
    // for each (CAST(value AS text)), which is what the old job's driver handed to float().
    void numberValueColumn()
    {
        QFETCH(QString, type);
        ScopedPgDatabase db(QStringLiteral("schema_value"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(insertRecords(db.db()));
        if (type == QLatin1String("fo_measure"))
            QVERIFY(exec(db.db(), QStringLiteral("CREATE DOMAIN fo_measure AS double precision")));
        QVERIFY(alterValue(db.db(), type));

        QByteArray err;
        const QJsonObject copyRead = dryRunReport(db.name(), false, &err);
        QVERIFY2(!copyRead.isEmpty(), err.constData());
        const QJsonObject qtsqlRead = dryRunReport(db.name(), true, &err);
        QVERIFY2(!qtsqlRead.isEmpty(), err.constData());
        const QVector<double> charted = seriesValues(db.name());

        // The same numbers as text.
        for (const char *table : {"raw_records", "processed_records"})
            QVERIFY(exec(db.db(),
                         QStringLiteral("ALTER TABLE %1 ALTER value TYPE text USING CAST(value AS text)")
                             .arg(QLatin1String(table))));
        const QJsonObject textRead = dryRunReport(db.name(), false, &err);
        QVERIFY2(!textRead.isEmpty(), err.constData());

        const QList<qint64> expected = flaggedIds(textRead);
        QCOMPARE(expected.size(), 3); // the two raw spikes and the processed one
        QCOMPARE(flaggedIds(copyRead), expected);
        QCOMPARE(flaggedIds(qtsqlRead), expected);
        // Everything else too: rows, skipped rows (the NULL), means and stds to the last bit.
        QCOMPARE(QJsonDocument(copyRead).toJson(), QJsonDocument(textRead).toJson());
        QCOMPARE(QJsonDocument(qtsqlRead).toJson(), QJsonDocument(textRead).toJson());
        // The desktop's chart of a type (History) shows the same numbers too.
        QCOMPARE(charted, seriesValues(db.name()));
        QVERIFY(charted.size() > 30);
    }

    // A real column: its numbers are the float4 texts ("36.7"), read as the double 36.7 (as the old job's float()
    // did), not as the float4 widened to 36.70000076293945.
    void realColumnReadsItsText()
    {
        ScopedPgDatabase db(QStringLiteral("schema_real"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(db.insert(QStringLiteral("raw_records"), Email, QStringLiteral("BodyTemperatureRecord"),
                              QStringLiteral("36.7"))
                    > 0);
        QVERIFY(alterValue(db.db(), QStringLiteral("real")));
        // The mean numpy gives for three times the double 36.7 (n < 8: a plain sum).
        const double value = 36.7;
        double sum = 0.0;
        for (int i = 0; i < 3; ++i)
            sum += value;
        const double mean = sum / 3;
        QVERIFY(mean != double(36.7f)); // the widened float4 would give another mean
        for (const bool qtsql : {false, true}) {
            QByteArray err;
            const QJsonObject report = dryRunReport(db.name(), qtsql, &err);
            QVERIFY2(!report.isEmpty(), err.constData());
            const QJsonObject type = report.value(QStringLiteral("raw"))
                                         .toObject()
                                         .value(QStringLiteral("types"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
            QCOMPARE(type.value(QStringLiteral("numeric_rows")).toInteger(), 3);
            QCOMPARE(type.value(QStringLiteral("mean")).toDouble(), mean);
        }
    }

    // The other types the read takes: a smallint id, a time without time zone (read as UTC), a data_type that is an
    // enum (grouped by its label). The same report as with the platform's types.
    void otherReadableTypes()
    {
        ScopedPgDatabase db(QStringLiteral("schema_other"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(insertRecords(db.db()));
        QByteArray err;
        const QJsonObject platformTypes = dryRunReport(db.name(), false, &err);
        QVERIFY2(!platformTypes.isEmpty(), err.constData());
        QCOMPARE(flaggedIds(platformTypes).size(), 3);

        QVERIFY(exec(db.db(),
                     QStringLiteral("CREATE TYPE fo_data_type AS ENUM ('HeartRateRecord', "
                                    "'BodyTemperatureRecord', 'StepsRecord')")));
        for (const char *table : {"raw_records", "processed_records"}) {
            const QString name = QLatin1String(table);
            QVERIFY(exec(db.db(),
                         QStringLiteral("ALTER TABLE %1 ALTER time TYPE timestamp USING time AT TIME ZONE "
                                        "'UTC'")
                             .arg(name)));
            QVERIFY(exec(db.db(),
                         QStringLiteral("ALTER TABLE %1 ALTER data_type TYPE fo_data_type USING "
                                        "CAST(data_type AS fo_data_type)")
                             .arg(name)));
        }
        QVERIFY(exec(db.db(),
                     QStringLiteral("ALTER TABLE outliers_records DROP CONSTRAINT "
                                    "outliers_records_raw_record_id_fkey")));
        QVERIFY(exec(db.db(), QStringLiteral("ALTER TABLE raw_records ALTER id TYPE smallint")));
        for (const bool qtsql : {false, true}) {
            const QJsonObject drifted = dryRunReport(db.name(), qtsql, &err);
            QVERIFY2(!drifted.isEmpty(), err.constData());
            QCOMPARE(QJsonDocument(drifted).toJson(), QJsonDocument(platformTypes).toJson());
        }
        // And a real run stores the outliers (the times read back from a timestamp column too).
        const ToolResult run = runTool({QStringLiteral("--email"), Email}, toolEnv(db.name()));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM outliers_records")), 2);
    }

    void unreadableColumn_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("alter"); // SQL run on the database, {t} for the table
        QTest::addColumn<QString>("typeName"); // as the error names it

        const QString raw = QStringLiteral("raw_records");
        const QString processed = QStringLiteral("processed_records");
        QTest::newRow("value boolean") << raw << QStringLiteral("value")
                                       << QStringLiteral("ALTER TABLE {t} ALTER value TYPE boolean USING value = '250'")
                                       << QStringLiteral("boolean");
        QTest::newRow("value jsonb") << processed << QStringLiteral("value")
                                     << QStringLiteral("ALTER TABLE {t} ALTER value TYPE jsonb USING to_jsonb(value)")
                                     << QStringLiteral("jsonb");
        QTest::newRow("value date") << raw << QStringLiteral("value")
                                    << QStringLiteral("ALTER TABLE {t} ALTER value TYPE date USING DATE '2026-01-01'")
                                    << QStringLiteral("date");
        QTest::newRow("value bytea") << raw << QStringLiteral("value")
                                     << QStringLiteral("ALTER TABLE {t} ALTER value TYPE bytea USING value::bytea")
                                     << QStringLiteral("bytea");
        QTest::newRow("id numeric") << raw << QStringLiteral("id")
                                    << QStringLiteral("ALTER TABLE outliers_records DROP CONSTRAINT "
                                                      "outliers_records_raw_record_id_fkey; "
                                                      "ALTER TABLE {t} ALTER id TYPE numeric")
                                    << QStringLiteral("numeric");
        QTest::newRow("time date") << processed << QStringLiteral("time")
                                   << QStringLiteral("ALTER TABLE {t} ALTER time TYPE date") << QStringLiteral("date");
        QTest::newRow("time text") << raw << QStringLiteral("time")
                                   << QStringLiteral("ALTER TABLE {t} ALTER time TYPE text") << QStringLiteral("text");
    }

    // Refused with the table, the column and its type named, exit 1, before the Redis flag, the start notification
    // or any row: a "completed" run on values that could not be read never happens.
    void unreadableColumn()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QString, alter);
        QFETCH(QString, typeName);
        FO_REQUIRE_REDIS();
        ScopedPgDatabase db(QStringLiteral("schema_refused"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(insertRecords(db.db()));
        QString sql = alter;
        QVERIFY(exec(db.db(), sql.replace(QStringLiteral("{t}"), table)));

        HttpStub stub;
        QVERIFY(stub.isListening());
        stub.setRoute("POST", "/", HttpStub::Response {200, "{}"});
        const QString ns = uniqueNamespace(QStringLiteral("schema"));
        const auto redis = redisServer();
        for (const bool dryRun : {false, true}) {
            QStringList args {QStringLiteral("--email"), Email};
            if (dryRun)
                args << QStringLiteral("--dry-run");
            const ToolResult result =
                runTool(args,
                        toolEnv(db.name(),
                                {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl()},
                                 {QStringLiteral("REDIS_HOST"), redis->first},
                                 {QStringLiteral("REDIS_PORT"), QString::number(redis->second)},
                                 {QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns}}));
            QVERIFY2(result.exitCode == 1, result.err.constData());
            const QString err = QString::fromUtf8(result.err);
            QVERIFY2(err.contains(QStringLiteral("Reading %1 failed: its column %2 has the type %3, which "
                                                 "find-outliers cannot read.")
                                      .arg(table, column, typeName)),
                     result.err.constData());
            QVERIFY2(err.contains(QStringLiteral("Nothing was written.")), result.err.constData());
            QVERIFY2(!err.contains(QStringLiteral("completed")), result.err.constData());
            QVERIFY(result.out.isEmpty() || !result.out.contains("completed"));
        }
        QCOMPARE(stub.requests().size(), 0);
        QVERIFY(redisGet(ns + Email).isNull()); // never flagged
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM outliers_records")), 0);
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM processed_records_outliers_records")), 0);
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM find_outliers_runs")), 0);
    }

    // bigint record ids, but the outlier table's record-id column still integer: the email whose ids are above 2^31
    // cannot be stored. Refused before anything is flagged, sent or written (a dry run works); an email whose ids
    // fit is stored.
    void idsAbove2To31WithIntegerOutlierColumn()
    {
        FO_REQUIRE_REDIS();
        ScopedPgDatabase db(QStringLiteral("schema_mixed"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString early = QStringLiteral("early@example.com");
        for (int i = 0; i < 20; ++i)
            QVERIFY(db.insert(QStringLiteral("raw_records"), early, QStringLiteral("HeartRateRecord"),
                              i == 10 ? QStringLiteral("300") : QString::number(60 + i % 3))
                    > 0);
        QVERIFY(exec(db.db(), QStringLiteral("ALTER TABLE raw_records ALTER id TYPE bigint")));
        QVERIFY(exec(db.db(), QStringLiteral("ALTER SEQUENCE raw_records_id_seq AS bigint")));
        QVERIFY(exec(db.db(), QStringLiteral("SELECT setval('raw_records_id_seq', 3000000000)")));
        QVERIFY(insertRecords(db.db()));

        HttpStub stub;
        QVERIFY(stub.isListening());
        stub.setRoute("POST", "/", HttpStub::Response {200, "{}"});
        const QString ns = uniqueNamespace(QStringLiteral("mixed"));
        const auto redis = redisServer();
        const QMap<QString, QString> env =
            toolEnv(db.name(),
                    {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl()},
                     {QStringLiteral("REDIS_HOST"), redis->first},
                     {QStringLiteral("REDIS_PORT"), QString::number(redis->second)},
                     {QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns}});
        const ToolResult refused = runTool({QStringLiteral("--email"), Email}, env);
        QVERIFY2(refused.exitCode == 1, refused.err.constData());
        QVERIFY2(refused.err.contains("Storing the outliers would fail: the records of drift@example.com in "
                                      "raw_records have ids up to 30000000"),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("but outliers_records.raw_record_id is integer and holds at most 2147483647. "
                                      "Change outliers_records.raw_record_id to bigint"),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("Nothing was written."), refused.err.constData());
        QCOMPARE(stub.requests().size(), 0);
        QVERIFY(redisGet(ns + Email).isNull());
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM find_outliers_runs")), 0);
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM outliers_records")), 0);

        const ToolResult dry = runTool({QStringLiteral("--email"), Email, QStringLiteral("--dry-run")}, env);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());

        const ToolResult stored = runTool({QStringLiteral("--email"), early}, env);
        QVERIFY2(stored.exitCode == 0, stored.err.constData());
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM outliers_records")), 1);
    }

    // bigint ids above 2^31 in the record tables and in the outlier tables' record-id columns.
    void idsAbove2To31()
    {
        ScopedPgDatabase db(QStringLiteral("schema_bigint"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        for (const auto &[table, outliers, column] :
             {std::tuple {"raw_records", "outliers_records", "raw_record_id"},
              std::tuple {"processed_records", "processed_records_outliers_records", "processed_record_id"}}) {
            QVERIFY(exec(db.db(),
                         QStringLiteral("ALTER TABLE %1 ALTER %2 TYPE bigint")
                             .arg(QLatin1String(outliers), QLatin1String(column))));
            QVERIFY(exec(db.db(), QStringLiteral("ALTER TABLE %1 ALTER id TYPE bigint").arg(QLatin1String(table))));
            QVERIFY(exec(db.db(), QStringLiteral("ALTER SEQUENCE %1_id_seq AS bigint").arg(QLatin1String(table))));
            QVERIFY(exec(db.db(), QStringLiteral("SELECT setval('%1_id_seq', 3000000000)").arg(QLatin1String(table))));
        }
        QVERIFY(insertRecords(db.db()));
        const QList<qint64> spikes = db.ids(QStringLiteral(
            "SELECT id FROM raw_records WHERE email = 'drift@example.com' AND value IN ('250', '41.9') UNION ALL "
            "SELECT id FROM processed_records WHERE value = '30000.5' ORDER BY 1"));
        QCOMPARE(spikes.size(), 3);
        QVERIFY(spikes.first() > 3000000000LL);

        // Dry runs, both read methods: the flagged ids, with their times read back.
        for (const bool qtsql : {false, true}) {
            QByteArray err;
            const QJsonObject report = dryRunReport(db.name(), qtsql, &err);
            QVERIFY2(!report.isEmpty(), err.constData());
            QCOMPARE(flaggedIds(report), spikes);
            const QJsonObject raw = report.value(QStringLiteral("raw")).toObject();
            for (const QJsonValue type : raw.value(QStringLiteral("types")).toArray()) {
                for (const QJsonValue outlier : type.toObject().value(QStringLiteral("outliers")).toArray())
                    QVERIFY(outlier.toObject()
                                .value(QStringLiteral("time"))
                                .toString()
                                .startsWith(QLatin1String("2026-01-0")));
            }
        }

        // A real run stores them.
        const ToolResult run = runTool({QStringLiteral("--email"), Email}, toolEnv(db.name()));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(db.ids(QStringLiteral("SELECT raw_record_id FROM outliers_records UNION ALL SELECT "
                                       "processed_record_id FROM processed_records_outliers_records ORDER BY 1")),
                 spikes);

        // History reads them back, with their values and times; a second run compares as "persisting".
        const ToolResult again = runTool({QStringLiteral("--email"), Email}, toolEnv(db.name()));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        fo::Result<fo::Database> opened = fo::Database::open(pgConfig(db.name()));
        QVERIFY2(opened, qPrintable(opened.error()));
        fo::Database &database = opened.value();
        const fo::Result<QVector<fo::IterationInfo>> iterations = fo::history::iterations(database, Email);
        QVERIFY2(iterations, qPrintable(iterations.error()));
        QCOMPARE(iterations->size(), 2);
        const fo::Result<fo::RunReport> first = fo::history::loadIteration(database, Email, 1);
        QVERIFY2(first, qPrintable(first.error()));
        const fo::Result<fo::RunReport> second = fo::history::loadIteration(database, Email, 2);
        QVERIFY2(second, qPrintable(second.error()));
        QList<qint64> stored;
        for (const fo::TableReport *table : {&second->raw, &second->processed}) {
            for (const fo::TypeReport &type : table->types) {
                for (const fo::OutlierPoint &point : type.outliers) {
                    stored << point.recordId;
                    QVERIFY(std::isfinite(point.value));
                    QVERIFY(point.time.date().year() == 2026);
                }
            }
        }
        std::sort(stored.begin(), stored.end());
        QCOMPARE(stored, spikes);
        QList<qint64> persisting;
        for (const fo::OutlierDiff &diff : fo::compareRuns(first.value(), second.value())) {
            QVERIFY(diff.added.isEmpty() && diff.resolved.isEmpty());
            persisting << QList<qint64>(diff.persisting.begin(), diff.persisting.end());
        }
        std::sort(persisting.begin(), persisting.end());
        QCOMPARE(persisting, spikes);

        const fo::Result<fo::Series> series =
            fo::history::loadSeries(database, Email, fo::Source::Raw, fo::TypeKey(QStringLiteral("HeartRateRecord")));
        QVERIFY2(series, qPrintable(series.error()));
        QVERIFY(series->ids.contains(spikes.first()) || series->ids.contains(spikes.at(1)));
        QVERIFY(series->ids.first() > 3000000000LL);

        // The desktop's run (every point kept for the charts, with its id and time), in this process.
        fo::Pipeline pipeline(pgConfig(db.name()));
        fo::RunRequest request;
        request.email = Email;
        request.dryRun = true;
        request.keepSeries = true;
        const fo::RunReport report = pipeline.run(request);
        QVERIFY2(report.status == fo::RunStatus::DryRun, qPrintable(report.error));
        QList<qint64> flagged;
        for (const fo::TableReport *table : {&report.raw, &report.processed}) {
            for (const fo::TypeReport &type : table->types) {
                QCOMPARE(type.series.ids.size(), type.numericRows);
                QVERIFY(type.series.ids.first() > 3000000000LL);
                for (const fo::OutlierPoint &point : type.outliers) {
                    flagged << point.recordId;
                    QVERIFY(type.series.ids.contains(point.recordId));
                    QCOMPARE(point.time.date().year(), 2026);
                }
            }
        }
        std::sort(flagged.begin(), flagged.end());
        QCOMPARE(flagged, spikes);
    }
};

QTEST_GUILESS_MAIN(TestBadInputSchema)
#include "tst_badinput_schema.moc"
