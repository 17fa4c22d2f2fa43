// The bulk read (PgCopyReader, COPY in binary format over the QPSQL connection's libpq handle) against the QtSql
// read on the same real PostgreSQL database: identical accumulators, bit for bit, for awkward data types, values
// and times (tests/bench/awkward.sql); the email bound as a value; cancellation, a server error and a connection
// killed in the middle of the COPY.
#include "core/Database.h"
#include "core/RecordReader.h"
#include "tests/common/TestEnv.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
extern "C" std::size_t __sanitizer_get_current_allocated_bytes(); // the sanitizer runtime's (GCC has no header)
#endif

using namespace fo;
using namespace fo::test;

namespace {

const QString Target = QStringLiteral("bench-target@example.com"); // the user awkward.sql adds rows for
const QString Big = QStringLiteral("big@example.com");

// The same rows in 12 data types, and spread over ManyTypes (the type changing from one row to the next).
const QString FewTypes = QStringLiteral("few-types@example.com");
const QString ManyTypesUser = QStringLiteral("many-types@example.com");
constexpr int SpreadRows = 60000;
constexpr int ManyTypes = 20000;

// Bytes the process has allocated with malloc (heap and mmap'ed blocks); AddressSanitizer's allocator counts its own.
qint64 allocatedBytes()
{
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
#endif
}

// Enough rows for Big that the server is still sending when a test interrupts the COPY: more than the loopback
// socket buffers hold (a few MB), about 25 MB in binary COPY.
constexpr int BigRows = 700000;

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning().noquote() << "SQL failed:" << query.lastError().text() << "\n" << sql.left(300);
    return false;
}

void sortByType(std::vector<TypeAccumulator> &types)
{
    std::sort(types.begin(), types.end(),
              [](const TypeAccumulator &a, const TypeAccumulator &b) { return a.dataType < b.dataType; });
}

// Empty when equal; else what differs first.
QString difference(const std::vector<TypeAccumulator> &a, const std::vector<TypeAccumulator> &b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 types against %2").arg(a.size()).arg(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const TypeAccumulator &x = a[i];
        const TypeAccumulator &y = b[i];
        if (x.dataType != y.dataType)
            return QStringLiteral("type \"%1\" against \"%2\"").arg(x.dataType, y.dataType);
        if (x.rows != y.rows || x.values.size() != y.values.size())
            return QStringLiteral("\"%1\": %2 rows / %3 values against %4 / %5")
                .arg(x.dataType)
                .arg(x.rows)
                .arg(x.values.size())
                .arg(y.rows)
                .arg(y.values.size());
        if (x.ids != y.ids)
            return QStringLiteral("\"%1\": other ids or id order").arg(x.dataType);
        if (x.timesMs != y.timesMs)
            return QStringLiteral("\"%1\": other times").arg(x.dataType);
        if (std::memcmp(x.values.data(), y.values.data(), x.values.size() * sizeof(double)) != 0)
            return QStringLiteral("\"%1\": other values").arg(x.dataType);
    }
    return QString();
}

QString sessionEmailSetting(Database &db)
{
    QSqlQuery query(db.db());
    if (!query.exec(QStringLiteral("SELECT current_setting('find_outliers.email', true)")) || !query.next())
        return QStringLiteral("<%1>").arg(query.lastError().text());
    return query.value(0).toString();
}

} // namespace

class TestCopyReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sameAsQtSql_data();
    void sameAsQtSql();
    void emailIsBoundNotConcatenated();
    void cancelLeavesConnectionUsable();
    void serverErrorIsReported();
    void killedConnectionIsReported();
    void memoryFollowsRows_data();
    void memoryFollowsRows();

private:
    Database open();

    QString m_dbName;
};

void TestCopyReader::initTestCase()
{
    if (!pgServer())
        QFAIL("no test PostgreSQL (run through scripts/test.sh)");
    QString error;
    m_dbName = createDatabase(QStringLiteral("copy_reader"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));

    QSqlDatabase db = openPg(m_dbName, QStringLiteral("copy_reader_seed"));
    QVERIFY(db.isOpen());
    // Three users interleaved by id, 12 types in upload batches, sub-millisecond times, spikes and non-numbers.
    QVERIFY(exec(
        db,
        QStringLiteral(
            "INSERT INTO raw_records (data_type, email, time, value) "
            "SELECT 'Type' || (g / 75 % 12), (ARRAY['%1', 'other1@example.com', 'other2@example.com'])[1 + g % 3], "
            "       timestamptz '2024-01-01 00:00:00.0005+00' + g * interval '61.0007 seconds', "
            "       CASE WHEN g % 997 = 0 THEN 'n/a' WHEN g % 211 = 0 THEN (500 + g % 7)::text "
            "            ELSE (60 + (g * 7919) % 23 * 0.5)::text END "
            "FROM generate_series(0, 59999) AS g")
            .arg(Target)));
    QVERIFY(
        exec(db,
             QStringLiteral(
                 "INSERT INTO processed_records (data_type, email, time, value) "
                 "SELECT 'Daily' || (g / 3 % 8), (ARRAY['%1', 'other1@example.com', 'other2@example.com'])[1 + g % 3], "
                 "       timestamptz '2024-01-01' + (g / 24) * interval '1 day', "
                 "       CASE WHEN g % 499 = 0 THEN '' ELSE (9000 + (g * 104729) % 4001)::text END "
                 "FROM generate_series(0, 14999) AS g")
                 .arg(Target)));
    QVERIFY(exec(db,
                 QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                "SELECT 'Type' || (g % 12), '%1', timestamptz '2024-01-01' + g * interval '1 s', "
                                "       (g % 100)::text FROM generate_series(1, %2) AS g")
                     .arg(Big)
                     .arg(BigRows)));

    // The awkward rows, one statement at a time (awkward.sql runs VACUUM, which must be alone).
    QFile awkward(sourceDir() + QStringLiteral("/tests/bench/awkward.sql"));
    QVERIFY2(awkward.open(QIODevice::ReadOnly), qPrintable(awkward.fileName()));
    QString script;
    for (const QString &line : QString::fromUtf8(awkward.readAll()).split(u'\n')) {
        if (!line.startsWith(QStringLiteral("--")))
            script += line + u'\n';
    }
    int statements = 0;
    for (const QString &statement : script.split(QStringLiteral(";\n"))) {
        if (statement.trimmed().isEmpty())
            continue;
        QVERIFY(exec(db, statement));
        ++statements;
    }
    QVERIFY(statements >= 10);
    // After awkward.sql, whose DELETE would thin them out.
    for (const auto &[email, types] : {std::pair {FewTypes, 12}, std::pair {ManyTypesUser, ManyTypes}}) {
        QVERIFY(exec(db,
                     QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                    "SELECT 'Type' || (g * 7919 % %3), '%1', timestamptz '2024-01-01' + g * "
                                    "interval '1 s', (60 + g % 40)::text FROM generate_series(1, %2) AS g")
                         .arg(email)
                         .arg(SpreadRows)
                         .arg(types)));
    }

    QVERIFY(exec(db, QStringLiteral("ANALYZE")));
    // The test is only worth something if some rows are out of id order in the table.
    QVERIFY(scalar(db,
                   QStringLiteral("SELECT count(*) FROM (SELECT id < lag(id) OVER () AS back FROM "
                                  "(SELECT id FROM raw_records WHERE email = '%1') AS r) AS s WHERE back")
                       .arg(Target))
            > 0);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("copy_reader_seed"));
}

void TestCopyReader::cleanupTestCase()
{
    dropDatabase(m_dbName);
}

Database TestCopyReader::open()
{
    Result<Database> opened = Database::open(pgConfig(m_dbName));
    if (!opened)
        qFatal("cannot open the test database: %s", qPrintable(opened.error()));
    return std::move(opened).value();
}

void TestCopyReader::sameAsQtSql_data()
{
    QTest::addColumn<int>("sourceValue");
    QTest::addColumn<bool>("withTimes");
    QTest::newRow("raw") << int(Source::Raw) << false;
    QTest::newRow("raw with times") << int(Source::Raw) << true;
    QTest::newRow("processed") << int(Source::Processed) << false;
    QTest::newRow("processed with times") << int(Source::Processed) << true;
}

void TestCopyReader::sameAsQtSql()
{
    QFETCH(int, sourceValue);
    const auto source = Source(sourceValue);
    QFETCH(bool, withTimes);
    Database db = open();
    ReadRequest request;
    request.source = source;
    request.email = Target;
    request.withTimes = withTimes;
    qint64 lastProgress = 0;
    request.progress = [&](qint64 rows) { lastProgress = rows; };

    std::vector<TypeAccumulator> bulk;
    const Result<ReadOutcome> bulkRead = readRecords(db, request, bulk);
    QVERIFY2(bulkRead.ok(), qPrintable(bulkRead.error()));
    QCOMPARE(bulkRead.value(), ReadOutcome::Done);
    qint64 rows = 0;
    for (const TypeAccumulator &type : bulk)
        rows += type.rows;
    QCOMPARE(lastProgress, rows); // the last report is the total
    QCOMPARE(sessionEmailSetting(db), QString()); // the email does not stay in the session

    std::vector<TypeAccumulator> portable;
    const Result<ReadOutcome> portableRead = readRecordsWithQtSql(db, request, portable);
    QVERIFY2(portableRead.ok(), qPrintable(portableRead.error()));

    sortByType(bulk);
    sortByType(portable);
    QVERIFY(bulk.size() >= (source == Source::Raw ? 25u : 20u));
    const QString differs = difference(bulk, portable);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

void TestCopyReader::emailIsBoundNotConcatenated()
{
    Database db = open();
    for (const QString &email :
         {QStringLiteral("nobody@example.com"), QStringLiteral("x'); DROP TABLE raw_records; --@example.com"),
          QStringLiteral("o'brien\\\"@example.com")}) {
        ReadRequest request;
        request.email = email;
        std::vector<TypeAccumulator> types;
        const Result<ReadOutcome> read = readRecords(db, request, types);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(types.empty());
    }
    QSqlQuery query(db.db());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM raw_records")));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toLongLong() > BigRows);
}

void TestCopyReader::cancelLeavesConnectionUsable()
{
    Database db = open();
    ReadRequest request;
    request.email = Big;
    int reports = 0;
    request.progress = [&](qint64) { ++reports; };
    request.cancelled = [&] { return reports >= 2; };
    std::vector<TypeAccumulator> types;
    const Result<ReadOutcome> read = readRecords(db, request, types);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read.value(), ReadOutcome::Cancelled);
    QCOMPARE(reports, 2);

    QCOMPARE(sessionEmailSetting(db), QString());
    request.cancelled = nullptr;
    request.email = Target;
    types.clear();
    const Result<ReadOutcome> again = readRecords(db, request, types);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again.value(), ReadOutcome::Done);
    QVERIFY(!types.empty());
}

void TestCopyReader::serverErrorIsReported()
{
    Database db = open();
    QSqlQuery(db.db()).exec(QStringLiteral("SET statement_timeout = 50"));
    ReadRequest request;
    request.email = Big;
    // Slow the reader down so that the COPY outlasts the timeout on any machine.
    request.progress = [](qint64) { QTest::qSleep(30); };
    std::vector<TypeAccumulator> types;
    const Result<ReadOutcome> read = readRecords(db, request, types);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().startsWith(QStringLiteral("Reading raw_records failed: ")), qPrintable(read.error()));
    QVERIFY2(read.error().contains(QStringLiteral("statement timeout")), qPrintable(read.error()));

    // The connection is still usable.
    QSqlQuery(db.db()).exec(QStringLiteral("SET statement_timeout = 0"));
    QCOMPARE(sessionEmailSetting(db), QString());
    request.progress = nullptr;
    request.email = Target;
    types.clear();
    const Result<ReadOutcome> again = readRecords(db, request, types);
    QVERIFY2(again.ok(), qPrintable(again.error()));
}

void TestCopyReader::killedConnectionIsReported()
{
    Database db = open();
    QSqlQuery pidQuery(db.db());
    QVERIFY(pidQuery.exec(QStringLiteral("SELECT pg_backend_pid()")) && pidQuery.next());
    const qint64 pid = pidQuery.value(0).toLongLong();
    pidQuery.finish();

    ReadRequest request;
    request.email = Big;
    bool killed = false;
    request.progress = [&](qint64) {
        if (killed)
            return;
        killed = true;
        QSqlDatabase other = openPg(m_dbName, QStringLiteral("copy_reader_killer"));
        QSqlQuery kill(other);
        kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1, 10000)").arg(pid)); // waits until it is gone
        kill.finish();
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("copy_reader_killer"));
    };
    std::vector<TypeAccumulator> types;
    const Result<ReadOutcome> read = readRecords(db, request, types);
    QVERIFY(killed);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().startsWith(QStringLiteral("Reading raw_records failed: ")), qPrintable(read.error()));
    QVERIFY2(read.error().contains(QStringLiteral("connection to the database was lost")), qPrintable(read.error()));
    // QtSql sees the connection as gone, so the next step fails clearly instead of hanging.
    QVERIFY(!db.db().isOpen());
}

void TestCopyReader::memoryFollowsRows_data()
{
    QTest::addColumn<bool>("qtsql");
    QTest::newRow("COPY") << false;
    QTest::newRow("QtSql") << true;
}

// Issue 10, item 4: the memory of a read follows its rows, not its data types. The same 60,000 rows in 20,000 types
// may take at most 1 KiB a type more than in 12 types (the type's name, its accumulator and its index entry; it was
// 16 KiB reserved for each). tests/bench/run.sh --types measures the whole run's peak RSS.
void TestCopyReader::memoryFollowsRows()
{
    QFETCH(bool, qtsql);
    Database db = open();
    qint64 bytes[2] = {0, 0};
    for (const bool many : {false, true}) {
        ReadRequest request;
        request.email = many ? ManyTypesUser : FewTypes;
        std::vector<TypeAccumulator> types;
        const qint64 before = allocatedBytes();
        const Result<ReadOutcome> read =
            qtsql ? readRecordsWithQtSql(db, request, types) : readRecords(db, request, types);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        bytes[many] = allocatedBytes() - before;
        QCOMPARE(types.size(), std::size_t(many ? ManyTypes : 12));
        qint64 rows = 0;
        for (const TypeAccumulator &type : types)
            rows += type.rows;
        QCOMPARE(rows, SpreadRows);
    }
    qInfo("allocated by the read: %lld bytes in 12 types, %lld bytes in %d types", bytes[0], bytes[1], ManyTypes);
    QVERIFY2(bytes[1] - bytes[0] <= qint64(ManyTypes) * 1024,
             qPrintable(QStringLiteral("%1 bytes a type").arg((bytes[1] - bytes[0]) / ManyTypes)));
}

QTEST_GUILESS_MAIN(TestCopyReader)
#include "tst_copy_reader.moc"
