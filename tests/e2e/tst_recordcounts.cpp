// core/RecordCounts, which the desktop asks before and beside a run: whether an email has records at all (the "no
// records" hint) and how many rows a run will read (its progress, "N of M rows"). Against the real PostgreSQL of
// scripts/test.sh and an embedded SQLite file, with the same rows in both.

#include "core/Config.h"
#include "core/Database.h"
#include "core/RecordCounts.h"
#include "tests/e2e/E2eSupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::test;

namespace {

// Three users: one with rows in both tables, one with processed rows only, one whose address differs only in case
// from the first (emails are matched exactly, as the platform stores them).
bool insertRows(Database &db)
{
    const QString placeholder = timestampPlaceholder(db);
    QSqlQuery insert(db.db());
    auto add = [&](const QString &table, const QString &email, int n) {
        for (int i = 0; i < n; ++i) {
            insert.prepare(QStringLiteral("INSERT INTO %1 (data_type, email, time, value) VALUES (?, ?, %2, ?)")
                               .arg(table, placeholder));
            insert.addBindValue(QStringLiteral("HeartRateRecord"));
            insert.addBindValue(email);
            insert.addBindValue(timestampText(QDateTime(QDate(2026, 1, 1), QTime(0, i % 60), Qt::UTC)));
            insert.addBindValue(QString::number(70 + i % 5));
            if (!insert.exec()) {
                qWarning() << "insert failed:" << insert.lastError().text();
                return false;
            }
        }
        return true;
    };
    return add(QStringLiteral("raw_records"), QStringLiteral("both@example.com"), 7)
        && add(QStringLiteral("processed_records"), QStringLiteral("both@example.com"), 3)
        && add(QStringLiteral("processed_records"), QStringLiteral("daily@example.com"), 2)
        && add(QStringLiteral("raw_records"), QStringLiteral("Both@example.com"), 1);
}

// The same answers from either engine.
void verifyCounts(Database &db)
{
    const Result<records::Counts> both = records::count(db, QStringLiteral("both@example.com"));
    QVERIFY2(both, qPrintable(both ? QString() : both.error()));
    QCOMPARE(both->raw, 7);
    QCOMPARE(both->processed, 3);
    const Result<records::Counts> daily = records::count(db, QStringLiteral("daily@example.com"));
    QVERIFY(daily);
    QCOMPARE(daily->raw, 0);
    QCOMPARE(daily->processed, 2);
    const Result<records::Counts> nobody = records::count(db, QStringLiteral("nobody@example.com"));
    QVERIFY(nobody);
    QCOMPARE(nobody->raw, 0);
    QCOMPARE(nobody->processed, 0);

    for (const auto &[email, expected] :
         {std::pair {QStringLiteral("both@example.com"), true}, std::pair {QStringLiteral("daily@example.com"), true},
          std::pair {QStringLiteral("Both@example.com"), true}, std::pair {QStringLiteral("nobody@example.com"), false},
          std::pair {QStringLiteral("BOTH@example.com"), false}}) {
        const Result<bool> exists = records::exist(db, email);
        QVERIFY2(exists, qPrintable(exists ? QString() : exists.error()));
        QVERIFY2(exists.value() == expected, qPrintable(email));
    }
}

} // namespace

class TestRecordCounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgres();
    void sqlite();
    void errorsNameTheEmail();
};

void TestRecordCounts::postgres()
{
    FO_REQUIRE_PG();
    ScopedPgDatabase scoped(QStringLiteral("recordcounts"));
    QVERIFY2(scoped.ok(), qPrintable(scoped.error()));
    Result<Database> db = Database::open(pgConfig(scoped.name()));
    QVERIFY2(db, qPrintable(db ? QString() : db.error()));
    QVERIFY(db->isPostgres());
    QVERIFY(insertRows(db.value()));
    verifyCounts(db.value());
}

void TestRecordCounts::sqlite()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Config config;
    config.dbEngine = Config::DbEngine::Sqlite;
    config.dbName = dir.filePath(QStringLiteral("records.sqlite"));
    Result<Database> db = Database::open(config);
    QVERIFY2(db, qPrintable(db ? QString() : db.error()));
    QVERIFY(!db->isPostgres());
    QVERIFY(insertRows(db.value()));
    verifyCounts(db.value());
}

void TestRecordCounts::errorsNameTheEmail()
{
    // A database without the platform's tables: the error says what was asked, for whom, and what the driver said.
    FO_REQUIRE_PG();
    ScopedPgDatabase scoped(QStringLiteral("recordcounts_err"));
    QVERIFY2(scoped.ok(), qPrintable(scoped.error()));
    QSqlQuery drop(scoped.db());
    QVERIFY2(drop.exec(QStringLiteral("DROP TABLE processed_records CASCADE")), qPrintable(drop.lastError().text()));
    Result<Database> db = Database::open(pgConfig(scoped.name()), Database::OpenMode::ReadOnly);
    QVERIFY2(db, qPrintable(db ? QString() : db.error()));
    const Result<records::Counts> counts = records::count(db.value(), QStringLiteral("both@example.com"));
    QVERIFY(!counts);
    QVERIFY2(counts.error().startsWith(QStringLiteral("Counting the records of both@example.com"))
                 && counts.error().contains(QStringLiteral("processed_records")),
             qPrintable(counts.error()));
    const Result<bool> exists = records::exist(db.value(), QStringLiteral("both@example.com"));
    QVERIFY(!exists);
    QVERIFY2(exists.error().startsWith(QStringLiteral("Looking for the records of both@example.com")),
             qPrintable(exists.error()));
}

QTEST_GUILESS_MAIN(TestRecordCounts)
#include "tst_recordcounts.moc"
