// The embedded SQLite database's platform tables come from resources/schema/platform.sql, the one definition: every
// table and column the file declares is there, and the ids count up by themselves as the platform's SERIAL keys do.
// The file is read here with a plain parser of its own, apart from the code under test.

#include "core/Config.h"
#include "core/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Table name -> its column names, as platform.sql declares them.
QMap<QString, QStringList> declaredTables()
{
    QFile file(qEnvironmentVariable("FO_SOURCE_DIR") + QStringLiteral("/resources/schema/platform.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QMap<QString, QStringList> tables;
    static const QRegularExpression table(QStringLiteral(R"(CREATE TABLE IF NOT EXISTS (\w+) \(([^;]*)\);)"));
    static const QRegularExpression column(QStringLiteral(R"(^\s*([a-z_]+) [A-Z]+)"),
                                           QRegularExpression::MultilineOption);
    for (auto match = table.globalMatch(text); match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        QStringList columns;
        for (auto c = column.globalMatch(found.captured(2)); c.hasNext();)
            columns << c.next().captured(1);
        tables.insert(found.captured(1), columns);
    }
    return tables;
}

} // namespace

class TestPlatformSchema : public QObject
{
    Q_OBJECT

private slots:
    void sqliteHasThePlatformTables();
};

void TestPlatformSchema::sqliteHasThePlatformTables()
{
    const QMap<QString, QStringList> declared = declaredTables();
    QVERIFY2(declared.contains(QStringLiteral("raw_records")), "platform.sql was not read");
    QVERIFY(declared.value(QStringLiteral("raw_records")).contains(QStringLiteral("value")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    fo::Config config;
    config.dbEngine = fo::Config::DbEngine::Sqlite;
    config.dbName = dir.filePath(QStringLiteral("records.sqlite"));
    fo::Result<fo::Database> db = fo::Database::open(config);
    QVERIFY2(db, qPrintable(db ? QString() : db.error()));

    for (auto it = declared.cbegin(); it != declared.cend(); ++it) {
        QSqlQuery query(db->db());
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(it.key())));
        QStringList columns;
        while (query.next())
            columns << query.value(0).toString();
        QCOMPARE(columns, it.value());
    }

    // The ids count up by themselves, as the platform's SERIAL keys do.
    QSqlQuery insert(db->db());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                           "VALUES ('t', 'a@example.com', '2026-01-01T00:00:00Z', '1')")));
    }
    QSqlQuery ids(db->db());
    QVERIFY(ids.exec(QStringLiteral("SELECT id FROM raw_records ORDER BY id")));
    QVERIFY(ids.next());
    QCOMPARE(ids.value(0).toLongLong(), 1);
    QVERIFY(ids.next());
    QCOMPARE(ids.value(0).toLongLong(), 2);
}

QTEST_GUILESS_MAIN(TestPlatformSchema)
#include "tst_platformschema.moc"
