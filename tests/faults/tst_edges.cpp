// Smaller edges of the headless tool (issue 10 item 11), each through the real binary:
//  - --help-all prints the help with Qt's own options and exits 0;
//  - four --demo at once on a fresh data folder all succeed, and the demo user is seeded once;
//  - an email with no rows, when rows exist under another letter case, gets the warning "no records for X; records
//    exist for Y" (the matching stays exact);
//  - stderr carries our own lines only: a server NOTICE and Qt's "Unable to free statement" (after a lost
//    connection) go to the --verbose log, escaped, and nowhere else.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace fo::test;

namespace {

// The lines on stderr that the tool did not write itself: ours are "find-outliers: ..." and the log lines of our
// own categories (fo.*); with `verbose`, log lines of any category (Qt's own go there).
QStringList foreignStderrLines(const QByteArray &err, bool verbose = false)
{
    static const QRegularExpression ours(
        QStringLiteral("\\A(find-outliers: |\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} fo\\.[a-z.]+ "
                       "(debug|info|warning|critical): )"));
    static const QRegularExpression logLine(QStringLiteral(
        "\\A\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Za-z0-9_.]+ (debug|info|warning|critical): "));
    QStringList foreign;
    const QStringList lines = QString::fromUtf8(err).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.isEmpty() && !ours.match(line).hasMatch() && !(verbose && logLine.match(line).hasMatch()))
            foreign << line;
    }
    return foreign;
}

} // namespace

class TestEdges : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        QString error;
        m_db = createDatabase(QStringLiteral("edges"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    void helpAll()
    {
        const ToolResult help = runTool({QStringLiteral("--help")}, {});
        QVERIFY2(help.exitCode == 0, help.err.constData());
        const ToolResult all = runTool({QStringLiteral("--help-all")}, {});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QVERIFY2(all.err.isEmpty(), all.err.constData());
        // Our options, and Qt's own (which --help leaves out).
        for (const char *option : {"--email", "--emails-from", "--dry-run", "--verbose", "--help-all", "Exit codes"})
            QVERIFY2(all.out.contains(option), all.out.constData());
        QVERIFY2(all.out.contains("--qmljsdebugger"), all.out.constData());
        QVERIFY2(!help.out.contains("--qmljsdebugger"), help.out.constData());
    }

    // Four --demo at once on a fresh data folder (the embedded SQLite file does not exist yet): each process creates
    // the schema if needed, seeds the demo user if needed and runs. All four exit 0, the user is seeded once, and
    // the four runs have iterations 1 to 4. Two rounds, each on a fresh folder.
    void concurrentDemoOnAFreshFolder()
    {
        for (int round = 0; round < 2; ++round) {
            QTemporaryDir home;
            QVERIFY(home.isValid());
            const QMap<QString, QString> env {{QStringLiteral("HOME"), home.path()},
                                              {QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))}};
            std::vector<std::unique_ptr<ToolProcess>> tools;
            for (int i = 0; i < 4; ++i) {
                tools.push_back(std::make_unique<ToolProcess>());
                QVERIFY(tools.back()->start({QStringLiteral("--demo"), QStringLiteral("--no-notify")}, env));
            }
            int seededBy = 0;
            qint64 seeded = 0;
            static const QRegularExpression seededLine(QStringLiteral("seeded (\\d+) demo records"));
            for (const auto &tool : tools) {
                QVERIFY2(tool->waitForFinished(120000), tool->describe().constData());
                QVERIFY2(tool->exitCode() == 0, tool->describe().constData());
                const QRegularExpressionMatch match = seededLine.match(QString::fromUtf8(tool->err()));
                if (match.hasMatch()) {
                    ++seededBy;
                    seeded = match.captured(1).toLongLong();
                }
            }
            QCOMPARE(seededBy, 1);
            QVERIFY(seeded > 0);

            const QString path = home.filePath(QStringLiteral("data/find-outliers/find-outliers.sqlite"));
            QVERIFY2(QFile::exists(path), qPrintable(path));
            const QString connection = QStringLiteral("demo-check-%1").arg(round);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM raw_records) + (SELECT COUNT(*) FROM "
                                                  "processed_records)")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toLongLong(), seeded); // seeded once: no second copy
                QVERIFY(query.exec(QStringLiteral("SELECT group_concat(iteration, ',') FROM (SELECT iteration FROM "
                                                  "find_outliers_runs ORDER BY iteration)")));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("1,2,3,4"));
            }
            QSqlDatabase::removeDatabase(connection);
        }
    }

    // Rows stored under "Mixed.Case@Example.com"; a run for "mixed.case@example.com" finds none (the matching is
    // exact, as the platform's) and says where the rows are, in the report's warnings (JSON, text, stderr).
    void otherLetterCase()
    {
        const QString stored = QStringLiteral("Mixed.Case@Example.com");
        const QString asked = QStringLiteral("mixed.case@example.com");
        QVERIFY(insertSmallUser(*m_observer, stored));
        const QByteArray warning = "no records for " + asked.toUtf8() + "; records exist for " + stored.toUtf8();

        const ToolResult json = runTool(
            {QStringLiteral("--email"), asked, QStringLiteral("--dry-run"), QStringLiteral("--json")}, toolEnv(m_db));
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(report.value(QStringLiteral("raw")).toObject().value(QStringLiteral("rows")).toInt(-1), 0);
        QCOMPARE(report.value(QStringLiteral("processed")).toObject().value(QStringLiteral("rows")).toInt(-1), 0);
        const QJsonArray warnings = report.value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).toString().startsWith(QString::fromUtf8(warning)), json.out.constData());
        QVERIFY2(json.err.contains(QByteArray("find-outliers: warning: " + warning)), json.err.constData());

        // A real run too (text summary): stored as a run with no rows, and the warning is shown.
        const ToolResult text =
            runTool({QStringLiteral("--email"), asked, QStringLiteral("--no-notify")}, toolEnv(m_db));
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains(QByteArray("warning: " + warning)), text.out.constData());

        // No warning for the stored address itself, nor for an address found under no case at all.
        for (const QString &email : {stored, QStringLiteral("nobody.at.all@example.com")}) {
            const ToolResult other =
                runTool({QStringLiteral("--email"), email, QStringLiteral("--dry-run"), QStringLiteral("--json")},
                        toolEnv(m_db));
            QVERIFY2(other.exitCode == 0, other.err.constData());
            QVERIFY2(QJsonDocument::fromJson(other.out).object().value(QStringLiteral("warnings")).toArray().isEmpty(),
                     other.out.constData());
        }
    }

    // A server NOTICE (here from a trigger of the platform's on outliers_records, with an ESC in its text) is not
    // printed raw by libpq: without --verbose stderr has our own lines only; with --verbose it is a log line,
    // escaped.
    void serverNoticeStaysInTheVerboseLog()
    {
        const QString email = QStringLiteral("notice@example.com");
        QVERIFY(insertSmallUser(*m_observer, email));
        QVERIFY2(m_observer->exec(QStringLiteral(
                     "CREATE FUNCTION fo_test_notice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE "
                     "'platform says %', E'\\x1b[2Jhi'; RETURN NEW; END $$")),
                 qPrintable(m_observer->lastError()));
        QVERIFY2(m_observer->exec(QStringLiteral("CREATE TRIGGER fo_test_notice BEFORE INSERT ON outliers_records FOR "
                                                 "EACH ROW EXECUTE FUNCTION fo_test_notice()")),
                 qPrintable(m_observer->lastError()));

        const ToolResult quiet =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify")}, toolEnv(m_db));
        const ToolResult verbose =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--verbose")},
                    toolEnv(m_db));
        m_observer->exec(QStringLiteral("DROP TRIGGER fo_test_notice ON outliers_records"));
        m_observer->exec(QStringLiteral("DROP FUNCTION fo_test_notice()"));

        QVERIFY2(quiet.exitCode == 0, quiet.err.constData());
        QVERIFY2(quiet.out.contains("Iteration 1, completed"), quiet.out.constData()); // the trigger did fire
        QVERIFY2(!quiet.err.contains("NOTICE") && !quiet.err.contains("platform says"), quiet.err.constData());
        QVERIFY2(foreignStderrLines(quiet.err).isEmpty(), quiet.err.constData());

        QVERIFY2(verbose.exitCode == 0, verbose.err.constData());
        QVERIFY2(verbose.err.contains("fo.core.db.server debug: NOTICE:  platform says \\x1b[2Jhi"),
                 verbose.err.constData());
        QVERIFY2(!verbose.err.contains('\x1b'), verbose.err.constData());
        QVERIFY2(foreignStderrLines(verbose.err).isEmpty(), verbose.err.constData());
    }

    // The connection dies inside the write transaction: QtSql then warns ("QPSQLDriver::rollbackTransaction: Database
    // not open", "Unable to free statement") as the run ends. Without --verbose stderr has our own
    // lines only (the error); with --verbose Qt's lines are log lines.
    void qtWarningsStayInTheVerboseLog()
    {
        QString error;
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
        const QString email = QStringLiteral("lost.connection@example.com");
        QVERIFY(insertSmallUser(*m_observer, email));
        for (const bool verbose : {false, true}) {
            WriteGate gate(*m_observer);
            QVERIFY2(gate.install(), qPrintable(m_observer->lastError()));
            QVERIFY(gate.close());
            ToolProcess tool;
            QStringList args {QStringLiteral("--email"), email, QStringLiteral("--no-notify")};
            if (verbose)
                args << QStringLiteral("--verbose");
            QVERIFY(tool.start(args, toolEnv(m_db)));
            const int backend = gate.waitForToolAtGate(30000);
            QVERIFY2(backend > 0, tool.describe().constData());
            QVERIFY(m_observer->terminate(backend));
            QVERIFY(gate.open());
            QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
            qInfo().noquote() << "stderr" << (verbose ? "with" : "without") << "--verbose:" << tool.err();
            QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
            QVERIFY2(tool.err().contains("find-outliers: error: Writing"), tool.describe().constData());
            QVERIFY2(foreignStderrLines(tool.err(), verbose).isEmpty(), tool.describe().constData());
            if (verbose)
                QVERIFY2(tool.err().contains(" default warning: "), tool.describe().constData());
            else
                QVERIFY2(!tool.err().contains("Unable to free statement") && !tool.err().contains("Database not open"),
                         tool.describe().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestEdges)
#include "tst_edges.moc"
