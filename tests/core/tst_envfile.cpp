// fo::parseEnvText (the .env dialect, docs/platform.md 3) and fo::resolveConfig (the precedence of the layers).
//
// The dialect follows python-dotenv, which the old job's `.env` / `.env.prod` files were written for; where the
// expected outcome below is a choice, the row's comment says so. Checked against python-dotenv 1.2:
//  - an unquoted value ends where whitespace (space or tab) followed by "#" begins: "A=1 # one" and "A=1\t# one" are
//    both "1"; a "#" with no whitespace before it is part of the value ("A=p#ss" is "p#ss"), and so is a "#" right
//    after "=" ("A= # nothing" is "# nothing", as in python-dotenv);
//  - spaces around an unquoted value and around "=" are dropped; quotes are removed and keep what is inside as is;
//  - "export " is ignored; a later duplicate wins; "A=" is an empty value.
// We are stricter than python-dotenv where it silently skips or accepts a broken line ("JUSTTEXT", "1ABC=x",
// "A-B=1", 'A="x" y'): each is an error that names the file and the line. And we drop a UTF-8 BOM, which
// python-dotenv would make part of the first name.

#include "core/Config.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString FileName = QStringLiteral("test.env");

struct Entry
{
    const char *name;
    const char *value; // UTF-8
    int line;
};

// "NAME=[value] line N", one per variable in name order, for readable QCOMPARE output.
QStringList entries(std::initializer_list<Entry> list)
{
    fo::EnvMap map;
    for (const Entry &e : list)
        map.insert(QString::fromUtf8(e.name), fo::EnvFileEntry {QString::fromUtf8(e.value), e.line});
    QStringList out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.append(QStringLiteral("%1=[%2] line %3").arg(it.key(), it.value().value).arg(it.value().line));
    return out;
}

QStringList describe(const fo::EnvMap &map)
{
    QStringList out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.append(QStringLiteral("%1=[%2] line %3").arg(it.key(), it.value().value).arg(it.value().line));
    return out;
}

void parsed(const char *name, const QByteArray &text, const QStringList &expected)
{
    QTest::newRow(name) << text << true << expected << QStringList() << QStringList();
}

// The error must contain each of `parts` (the file name and the line number, at least) and none of `absent`: a
// broken line is never quoted back, since it may hold a secret.
void fails(const char *name, const QByteArray &text, int line, const QStringList &more = {},
           const QStringList &absent = {})
{
    QStringList parts {FileName, QStringLiteral("line %1").arg(line)};
    parts += more;
    QTest::newRow(name) << text << false << QStringList() << parts << absent;
}

const QString Secret = QStringLiteral("Hunter2");

fo::EnvMap envFile(std::initializer_list<Entry> list)
{
    fo::EnvMap map;
    for (const Entry &e : list)
        map.insert(QString::fromUtf8(e.name), fo::EnvFileEntry {QString::fromUtf8(e.value), e.line});
    return map;
}

using StringMap = QMap<QString, QString>;

StringMap vars(std::initializer_list<std::pair<const char *, const char *>> list)
{
    StringMap map;
    for (const auto &[name, value] : list)
        map.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return map;
}

} // namespace

Q_DECLARE_METATYPE(fo::EnvFileEntry)

class TestEnvFile : public QObject
{
    Q_OBJECT

private slots:
    void parseEnvText_data();
    void parseEnvText();

    void readEnvFile();

    void precedence_data();
    void precedence();

    void embeddedDefaultWhenNoDatabaseSetting();
    void sqliteUsesDbNameAsPath();
    void postgresDefaultsWhenOnlySomeAreSet();
    void describeDatabaseHidesPassword();

    void invalidValues_data();
    void invalidValues();

    void validPortsAndThresholds();

    void processEnvironmentKeepsOnlyOurVariables();
};

void TestEnvFile::parseEnvText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected"); // when ok
    QTest::addColumn<QStringList>("errorParts"); // when not ok: substrings of the error
    QTest::addColumn<QStringList>("errorAbsent"); // when not ok: what the error must not contain

    parsed("plain", "A=1\nB=hello\n", entries({{"A", "1", 1}, {"B", "hello", 2}}));
    parsed("no newline at the end", "A=1", entries({{"A", "1", 1}}));
    parsed("empty file", "", entries({}));
    parsed("only comments and blanks", "# one\n\n   # two\n\t\n", entries({}));
    parsed("comments and blank lines keep line numbers", "# comment\n\nA=1\n   # indented comment\n\t\nB=2\n",
           entries({{"A", "1", 3}, {"B", "2", 6}}));
    parsed("lower-case name", "db_host=x\n", entries({{"db_host", "x", 1}}));
    parsed("underscore first", "_A1=x\n", entries({{"_A1", "x", 1}}));
    parsed("export prefix", "export A=1\nexport\tB=2\n", entries({{"A", "1", 1}, {"B", "2", 2}}));
    parsed("double quotes removed", "A=\"hello world\"\n", entries({{"A", "hello world", 1}}));
    parsed("single quotes removed", "A='hello world'\n", entries({{"A", "hello world", 1}}));
    parsed("quotes keep inner spaces", "A=\"  padded  \"\n", entries({{"A", "  padded  ", 1}}));
    parsed("empty double quotes", "A=\"\"\n", entries({{"A", "", 1}}));
    parsed("single quotes keep double quotes", "A='say \"hi\"'\n", entries({{"A", "say \"hi\"", 1}}));
    parsed("# inside double quotes is data", "A=\"x # not a comment\"\n", entries({{"A", "x # not a comment", 1}}));
    parsed("# inside single quotes is data", "A='p # x'\n", entries({{"A", "p # x", 1}}));
    parsed("comment after a quoted value", "A=\"x\" # comment\n", entries({{"A", "x", 1}}));
    parsed("value containing =", "A=b=c\n", entries({{"A", "b=c", 1}}));
    parsed("URL with query", "DATABASE_URL=postgres://u:p@h:5432/db?sslmode=require&x=1\n",
           entries({{"DATABASE_URL", "postgres://u:p@h:5432/db?sslmode=require&x=1", 1}}));
    parsed("trailing spaces dropped", "A=value   \n", entries({{"A", "value", 1}}));
    parsed("spaces around = dropped", "A = 1\n", entries({{"A", "1", 1}}));
    parsed("tab before value dropped", "A=\t1\n", entries({{"A", "1", 1}}));
    parsed("space # starts a comment", "A=1 # one\n", entries({{"A", "1", 1}}));
    // Our choice, as python-dotenv: any whitespace before "#" starts a comment, a tab too.
    parsed("tab # starts a comment", "A=1\t# one\n", entries({{"A", "1", 1}}));
    parsed("# without space is data", "A=p#ss\n", entries({{"A", "p#ss", 1}}));
    parsed("# right after = is data", "A= # nothing\n", entries({{"A", "# nothing", 1}}));
    parsed("empty value", "A=\n", entries({{"A", "", 1}}));
    parsed("empty value, no newline", "A=", entries({{"A", "", 1}}));
    parsed("CRLF line ends", "A=1\r\nB=2\r\n", entries({{"A", "1", 1}, {"B", "2", 2}}));
    parsed("CRLF after a quoted value", "A=\"x y\"\r\n", entries({{"A", "x y", 1}}));
    parsed("CRLF and an empty value", "A=\r\nB=2\r\n", entries({{"A", "", 1}, {"B", "2", 2}}));
    parsed("UTF-8 BOM",
           "\xEF\xBB\xBF"
           "A=1\nB=2\n",
           entries({{"A", "1", 1}, {"B", "2", 2}}));
    parsed("UTF-8 value", "A=\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c\n",
           entries({{"A", "\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c", 1}})); // пароль
    parsed("duplicate key: the last wins", "A=1\nB=x\nA=2\n", entries({{"A", "2", 3}, {"B", "x", 2}}));
    parsed("the platform's .env",
           "DB_ENGINE=postgresql\nDB_HOST=db\nDB_PORT=5432\nDB_USER=postgres\n"
           "DB_PASSWORD=postgres\nDB_NAME=records\nREDIS_HOST=localhost\n",
           entries({{"DB_ENGINE", "postgresql", 1},
                    {"DB_HOST", "db", 2},
                    {"DB_PORT", "5432", 3},
                    {"DB_USER", "postgres", 4},
                    {"DB_PASSWORD", "postgres", 5},
                    {"DB_NAME", "records", 6},
                    {"REDIS_HOST", "localhost", 7}}));

    // What is broken is told by line number only; the line's text and a value never appear in the error, and a
    // name only when it is one (before =) or one of our variables.
    const QStringList secret {Secret};
    fails("line without =", "A=1\nJUSTTEXT\n", 2, {QStringLiteral("no =")}, {QStringLiteral("JUSTTEXT")});
    fails("export without assignment", "export\n", 1);
    fails("name starting with a digit", "A=1\n\n1ABC=x\n", 3, {QStringLiteral("not a variable name")},
          {QStringLiteral("1ABC")});
    fails("name with a space", "A B=x\n", 1, {}, {QStringLiteral("A B")});
    fails("name with a dash", "A-B=1\n", 1, {}, {QStringLiteral("A-B")});
    fails("empty name", "=value\n", 1, {}, {QStringLiteral("value")});
    fails("unclosed double quote", "A=1\nB=\"abc\n", 2, {QStringLiteral("B")}, {QStringLiteral("abc")});
    fails("unclosed single quote", "A='abc\n", 1, {QStringLiteral("A")}, {QStringLiteral("abc")});
    fails("text after the closing quote", "A=\"x\" y\n", 1, {QStringLiteral("A")});
    fails("NUL byte", QByteArray("A=1\nB=x\0y\n", 10), 2);
    fails("line numbers count CRLF lines after a BOM", "\xEF\xBB\xBF# c\r\n\r\nBAD\r\n", 3, {},
          {QStringLiteral("BAD")});
    // Issue 10 item 5: each of these printed the password.
    fails("NAME: value", "DB_HOST=db\nDB_PASSWORD: Hunter2-x\n", 2, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("export NAME value", "export DB_PASSWORD Hunter2-x\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("NAME value", "DB_PASSWORD Hunter2-x\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("NAME<TAB>value", "DB_PASSWORD\tHunter2-x\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("NAME value, unknown name", "MY_PASS Hunter2-x\n", 1, {}, {Secret, QStringLiteral("MY_PASS")});
    fails("only the secret", "Hunter2-x\n", 1, {}, secret);
    fails("only the secret, a valid name", "Hunter2\n", 1, {}, secret);
    fails("=value", "=Hunter2-x\n", 1, {}, secret);
    fails("the secret where the name goes", "Hunter2-x=1\n", 1, {}, secret);
    fails("bad name with the secret inside", "DB_PASSWORD Hunter2=x\n", 1, {}, secret);
    fails("unclosed quote", "DB_PASSWORD=\"Hunter2-x\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("unclosed single quote, secret", "DB_PASSWORD='Hunter2 x\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("quote closed on the next line", "DB_PASSWORD=\"Hunter2\nx\"\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("garbage after the closing quote", "DB_PASSWORD=\"Hunter2\" -x\n", 1, {QStringLiteral("DB_PASSWORD")},
          secret);
    fails("NUL inside the secret", QByteArray("DB_PASSWORD=Hunter2\0x\n", 22), 1, {}, secret);
    fails("colon and quotes", "DB_PASSWORD: \"Hunter2\"\n", 1, {QStringLiteral("DB_PASSWORD")}, secret);
    fails("YAML list item", "- DB_PASSWORD: Hunter2\n", 1, {}, secret);
    fails("set command", "set DB_PASSWORD Hunter2\n", 1, {}, secret);
    fails("unicode dash", "DB_PASSWORD\xe2\x80\x94Hunter2\n", 1, {}, secret);
}

void TestEnvFile::parseEnvText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, errorParts);
    QFETCH(QStringList, errorAbsent);

    const fo::Result<fo::EnvMap> result = fo::parseEnvText(text, FileName);
    if (ok) {
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(describe(result.value()), expected);
        return;
    }
    if (result.ok())
        QFAIL(
            qPrintable(QStringLiteral("must be an error, but parsed as %1").arg(describe(result.value()).join(u' '))));
    for (const QString &part : std::as_const(errorParts))
        QVERIFY2(result.error().contains(part),
                 qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(result.error(), part)));
    for (const QString &part : std::as_const(errorAbsent))
        QVERIFY2(!result.error().contains(part),
                 qPrintable(QStringLiteral("\"%1\" shows \"%2\"").arg(result.error(), part)));
}

void TestEnvFile::readEnvFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("prod.env"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBF"
               "DB_HOST=db\r\n# comment\r\nDB_PORT=6543\r\n");
    file.close();

    const fo::Result<fo::EnvMap> map = fo::readEnvFile(path);
    QVERIFY2(map.ok(), qPrintable(map.error()));
    QCOMPARE(describe(map.value()), entries({{"DB_HOST", "db", 1}, {"DB_PORT", "6543", 3}}));

    const QString missing = dir.filePath(QStringLiteral("missing.env"));
    const fo::Result<fo::EnvMap> none = fo::readEnvFile(missing);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(missing), qPrintable(none.error()));
}

void TestEnvFile::precedence_data()
{
    QTest::addColumn<StringMap>("overrides");
    QTest::addColumn<StringMap>("environment");
    QTest::addColumn<fo::EnvMap>("file");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("redisHost");
    QTest::addColumn<double>("rawThreshold");

    const StringMap all =
        vars({{"DB_HOST", "from-flag"}, {"DB_PORT", "1001"}, {"REDIS_HOST", "redis-flag"}, {"RAW_THRESHOLD", "4"}});
    const StringMap env =
        vars({{"DB_HOST", "from-env"}, {"DB_PORT", "1002"}, {"REDIS_HOST", "redis-env"}, {"RAW_THRESHOLD", "5"}});
    const fo::EnvMap file = envFile({{"DB_HOST", "from-file", 1},
                                     {"DB_PORT", "1003", 2},
                                     {"REDIS_HOST", "redis-file", 3},
                                     {"RAW_THRESHOLD", "6", 4},
                                     {"DB_NAME", "records", 5}});
    const fo::EnvMap onlyName = envFile({{"DB_NAME", "records", 1}});

    QTest::newRow("overrides beat everything")
        << all << env << file << QStringLiteral("from-flag") << 1001 << QStringLiteral("redis-flag") << 4.0;
    QTest::newRow("environment beats the file")
        << StringMap() << env << file << QStringLiteral("from-env") << 1002 << QStringLiteral("redis-env") << 5.0;
    QTest::newRow("the file beats the defaults") << StringMap() << StringMap() << file << QStringLiteral("from-file")
                                                 << 1003 << QStringLiteral("redis-file") << 6.0;
    QTest::newRow("defaults") << StringMap() << StringMap() << onlyName << QStringLiteral("localhost") << 5432
                              << QString() << 3.0;
    QTest::newRow("layers mix per variable")
        << vars({{"DB_PORT", "1001"}}) << vars({{"DB_HOST", "from-env"}}) << file << QStringLiteral("from-env") << 1001
        << QStringLiteral("redis-file") << 6.0;
}

void TestEnvFile::precedence()
{
    QFETCH(StringMap, overrides);
    QFETCH(StringMap, environment);
    QFETCH(fo::EnvMap, file);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, redisHost);
    QFETCH(double, rawThreshold);

    const fo::Result<fo::Config> config = fo::resolveConfig(overrides, environment, file, FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVERIFY(config->dbEngine == fo::Config::DbEngine::PostgreSql);
    QVERIFY(!config->embeddedDefault);
    QCOMPARE(config->dbHost, host);
    QCOMPARE(config->dbPort, port);
    QCOMPARE(config->redisHost, redisHost);
    QCOMPARE(config->rawThreshold, rawThreshold);
    QCOMPARE(config->processedThreshold, 2.0);
}

void TestEnvFile::embeddedDefaultWhenNoDatabaseSetting()
{
    // No DB_* anywhere (other settings do not count): the embedded SQLite database.
    const fo::Result<fo::Config> config = fo::resolveConfig(
        {}, vars({{"REDIS_HOST", "localhost"}}), envFile({{"AUTH_API_BASE_URL", "http://a:1", 1}}), FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVERIFY(config->embeddedDefault);
    QVERIFY(config->dbEngine == fo::Config::DbEngine::Sqlite);
    QCOMPARE(config->dbName, fo::embeddedDatabasePath());
    QVERIFY(!config->dbName.isEmpty());
    QCOMPARE(config->redisHost, QStringLiteral("localhost"));
    QCOMPARE(config->authApiBaseUrl, QStringLiteral("http://a:1"));
    QCOMPARE(config->rawThreshold, 3.0);
    QCOMPARE(config->processedThreshold, 2.0);
}

void TestEnvFile::sqliteUsesDbNameAsPath()
{
    const QString path = QDir::tempPath() + QStringLiteral("/fo test/records.sqlite");
    const fo::Result<fo::Config> config = fo::resolveConfig(
        {}, {}, envFile({{"DB_ENGINE", "sqlite", 1}, {"DB_NAME", path.toUtf8().constData(), 2}}), FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVERIFY(config->dbEngine == fo::Config::DbEngine::Sqlite);
    QVERIFY(!config->embeddedDefault);
    QCOMPARE(config->dbName, path);
    QVERIFY2(config->describeDatabase().contains(path), qPrintable(config->describeDatabase()));
}

void TestEnvFile::postgresDefaultsWhenOnlySomeAreSet()
{
    const fo::Result<fo::Config> config = fo::resolveConfig({}, vars({{"DB_ENGINE", "PostgreSQL"}}), {}, FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVERIFY(config->dbEngine == fo::Config::DbEngine::PostgreSql);
    QVERIFY(!config->embeddedDefault);
    QCOMPARE(config->dbPort, 5432);
    QCOMPARE(config->dbUser, QStringLiteral("postgres"));
    QCOMPARE(config->dbPassword, QStringLiteral("postgres"));
    QCOMPARE(config->dbName, QStringLiteral("records"));
    QCOMPARE(config->redisPort, 6379);
    QCOMPARE(config->redisNamespace, QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE-"));
}

void TestEnvFile::describeDatabaseHidesPassword()
{
    const fo::Result<fo::Config> config = fo::resolveConfig(
        vars({{"DB_HOST", "db.example"}, {"DB_PASSWORD", "s3cr3t-Pa55"}, {"DB_USER", "alice"}}), {}, {}, FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->dbPassword, QStringLiteral("s3cr3t-Pa55"));
    const QString described = config->describeDatabase();
    QVERIFY2(described.contains(QStringLiteral("db.example")) && described.contains(QStringLiteral("alice")),
             qPrintable(described));
    QVERIFY2(!described.contains(QStringLiteral("s3cr3t")), qPrintable(described));
}

void TestEnvFile::invalidValues_data()
{
    QTest::addColumn<StringMap>("overrides");
    QTest::addColumn<StringMap>("environment");
    QTest::addColumn<fo::EnvMap>("file");
    QTest::addColumn<QStringList>("errorParts");

    const auto parts = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *p : list)
            out.append(QString::fromUtf8(p));
        return out;
    };
    QTest::newRow("DB_PORT abc") << StringMap() << vars({{"DB_PORT", "abc"}}) << fo::EnvMap()
                                 << parts({"DB_PORT", "abc", "the environment"});
    QTest::newRow("DB_PORT 0") << StringMap() << vars({{"DB_PORT", "0"}}) << fo::EnvMap()
                               << parts({"DB_PORT", "\"0\""});
    QTest::newRow("DB_PORT 70000") << vars({{"DB_PORT", "70000"}}) << StringMap() << fo::EnvMap()
                                   << parts({"DB_PORT", "70000", "the command line"});
    QTest::newRow("DB_PORT -1") << vars({{"DB_PORT", "-1"}}) << StringMap() << fo::EnvMap() << parts({"DB_PORT", "-1"});
    QTest::newRow("DB_PORT 5432x") << vars({{"DB_PORT", "5432x"}}) << StringMap() << fo::EnvMap()
                                   << parts({"DB_PORT", "5432x"});
    QTest::newRow("DB_PORT empty") << vars({{"DB_PORT", ""}}) << StringMap() << fo::EnvMap() << parts({"DB_PORT"});
    QTest::newRow("DB_PORT from the file names the line")
        << StringMap() << StringMap() << envFile({{"DB_HOST", "db", 1}, {"DB_PORT", "abc", 3}})
        << parts({"DB_PORT", "abc", "test.env line 3"});
    QTest::newRow("REDIS_PORT 99999") << StringMap() << vars({{"REDIS_PORT", "99999"}}) << fo::EnvMap()
                                      << parts({"REDIS_PORT", "99999"});
    QTest::newRow("DB_ENGINE mysql") << StringMap() << vars({{"DB_ENGINE", "mysql"}}) << fo::EnvMap()
                                     << parts({"DB_ENGINE", "mysql"});
    QTest::newRow("raw threshold abc") << vars({{"RAW_THRESHOLD", "abc"}}) << StringMap() << fo::EnvMap()
                                       << parts({"threshold", "abc"});
    QTest::newRow("raw threshold 0") << vars({{"RAW_THRESHOLD", "0"}}) << StringMap() << fo::EnvMap()
                                     << parts({"threshold", "\"0\""});
    QTest::newRow("raw threshold -3") << vars({{"RAW_THRESHOLD", "-3"}}) << StringMap() << fo::EnvMap()
                                      << parts({"threshold", "-3"});
    QTest::newRow("raw threshold nan") << vars({{"RAW_THRESHOLD", "nan"}}) << StringMap() << fo::EnvMap()
                                       << parts({"threshold", "nan"});
    QTest::newRow("raw threshold inf") << vars({{"RAW_THRESHOLD", "inf"}}) << StringMap() << fo::EnvMap()
                                       << parts({"threshold", "inf"});
    QTest::newRow("raw threshold empty") << vars({{"RAW_THRESHOLD", ""}}) << StringMap() << fo::EnvMap()
                                         << parts({"threshold"});
    QTest::newRow("processed threshold 2,5")
        << vars({{"PROCESSED_THRESHOLD", "2,5"}}) << StringMap() << fo::EnvMap() << parts({"threshold", "2,5"});
}

void TestEnvFile::invalidValues()
{
    QFETCH(StringMap, overrides);
    QFETCH(StringMap, environment);
    QFETCH(fo::EnvMap, file);
    QFETCH(QStringList, errorParts);

    const fo::Result<fo::Config> config = fo::resolveConfig(overrides, environment, file, FileName);
    QVERIFY2(!config.ok(), "an invalid setting must be an error, not a silent default");
    for (const QString &part : std::as_const(errorParts))
        QVERIFY2(config.error().contains(part),
                 qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(config.error(), part)));
}

void TestEnvFile::validPortsAndThresholds()
{
    const fo::Result<fo::Config> config =
        fo::resolveConfig(vars({{"PROCESSED_THRESHOLD", "2.5"}, {"RAW_THRESHOLD", " 3.5 "}}),
                          vars({{"DB_PORT", " 6543 "}, {"REDIS_PORT", "65535"}}), {}, FileName);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->dbPort, 6543);
    QCOMPARE(config->redisPort, 65535);
    QCOMPARE(config->rawThreshold, 3.5);
    QCOMPARE(config->processedThreshold, 2.5);

    const fo::Result<fo::Config> lowest = fo::resolveConfig({}, vars({{"DB_PORT", "1"}}), {}, FileName);
    QVERIFY2(lowest.ok(), qPrintable(lowest.error()));
    QCOMPARE(lowest->dbPort, 1);
}

void TestEnvFile::processEnvironmentKeepsOnlyOurVariables()
{
    qputenv("DB_HOST", "env-host");
    qputenv("FO_TEST_UNRELATED_VARIABLE", "x");
    const QMap<QString, QString> env = fo::processEnvironment();
    qunsetenv("DB_HOST");
    qunsetenv("FO_TEST_UNRELATED_VARIABLE");
    QCOMPARE(env.value(QStringLiteral("DB_HOST")), QStringLiteral("env-host"));
    QVERIFY(!env.contains(QStringLiteral("FO_TEST_UNRELATED_VARIABLE")));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        QVERIFY2(fo::configVariableNames().contains(it.key()), qPrintable(it.key()));
}

QTEST_GUILESS_MAIN(TestEnvFile)
#include "tst_envfile.moc"
