// Bad-input catalogue, data type names (the platform's `data_type` is free text in VARCHAR, written by other
// services): each name goes end to end through a real run, into the CSV export (--csv) and the completion
// notification's HTML, and comes back exactly from the JSON report and our run tables. Each row writes down what
// the CSV cell must look like in the file and what the HTML table cell must hold.
//
// CSV (RFC 4180): a cell holding , " CR or LF is quoted, with quotes doubled; a text that begins with = + - @ TAB CR
// or ' gets one ' in front, so that a spreadsheet shows it as text instead of running it (and removing one leading
// ' gives the text back). HTML: < > & " are escaped; nothing else changes.
#include "fuzz/Rfc4180.h"
#include "tests/common/HttpStub.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fo::test;

class TestBadInputDataTypes : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;
    int m_row = 0;

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        QString error;
        m_db = createDatabase(QStringLiteral("badinput_types"), &error);
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

    void endToEnd_data()
    {
        QTest::addColumn<QString>("dataType");
        QTest::addColumn<QByteArray>("csvCell"); // the data_type cell as it stands in the file (UTF-8)
        QTest::addColumn<QString>("htmlCell"); // what the notification's <td> holds

        const auto row = [](const char *name, const QString &type, const QByteArray &csv, const QString &html) {
            QTest::newRow(name) << type << csv << html;
        };
        const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };

        // CSV structure: commas, quotes, line breaks.
        row("comma", s("Heart,Rate"), "\"Heart,Rate\"", s("Heart,Rate"));
        row("double quote", s("Heart\"Rate"), "\"Heart\"\"Rate\"", s("Heart&quot;Rate"));
        row("quoted name", s("\"Heart\""), "\"\"\"Heart\"\"\"", s("&quot;Heart&quot;"));
        row("LF", s("Heart\nRate"), "\"Heart\nRate\"", s("Heart\nRate"));
        row("CRLF", s("Heart\r\nRate"), "\"Heart\r\nRate\"", s("Heart\r\nRate"));
        row("lone CR", s("Heart\rRate"), "\"Heart\rRate\"", s("Heart\rRate"));
        row("semicolon (not a separator in RFC 4180)", s("Heart;Rate"), "Heart;Rate", s("Heart;Rate"));
        // Formula injection: neutralised with a leading '.
        row("leading =", s("=1+2"), "'=1+2", s("=1+2"));
        row("leading +", s("+1"), "'+1", s("+1"));
        row("leading -", s("-1"), "'-1", s("-1"));
        row("leading @", s("@SUM(A1:A9)"), "'@SUM(A1:A9)", s("@SUM(A1:A9)"));
        row("leading tab", s("\t=1"), "'\t=1", s("\t=1"));
        row("leading CR", s("\r=1"), "\"'\r=1\"", s("\r=1"));
        row("leading ' (kept apart from a prefix)", s("'=1"), "''=1", s("'=1"));
        row("DDE payload", s("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0", s("=cmd|' /C calc'!A0"));
        row("formula with quotes and commas", s("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", s("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
        row("= later in the text", s("a=b"), "a=b", s("a=b"));
        row("space before =", s(" =1"), " =1", s(" =1"));
        // HTML: < & " (and >) escaped, an entity is not decoded, other text untouched.
        row("script tag", s("<script>alert(1)</script>"), "<script>alert(1)</script>",
            s("&lt;script&gt;alert(1)&lt;/script&gt;"));
        row("ampersand", s("Heart & Rate"), "Heart & Rate", s("Heart &amp; Rate"));
        row("entity stays text", s("&amp;"), "&amp;", s("&amp;amp;"));
        row("all of < & \" >", s("<&\">"), "\"<&\"\">\"", s("&lt;&amp;&quot;&gt;"));
        row("apostrophe inside", s("O'Brien"), "O'Brien", s("O'Brien"));
        // Other text.
        row("Cyrillic and emoji", s("Пульс ❤"), "Пульс ❤", s("Пульс ❤"));
        row("empty", s(""), "", s("")); // an empty, non-null text: the column is NOT NULL
        row("SQL", s("x'); DROP TABLE raw_records;--"), "x'); DROP TABLE raw_records;--",
            s("x'); DROP TABLE raw_records;--"));
        row("10 000 characters", QString(10000, QLatin1Char('X')), QByteArray(10000, 'X'),
            QString(10000, QLatin1Char('X')));
    }

    void endToEnd()
    {
        QFETCH(QString, dataType);
        QFETCH(QByteArray, csvCell);
        QFETCH(QString, htmlCell);
        const QString email = QStringLiteral("type%1@example.com").arg(++m_row);

        // 20 ordinary values and one spike, all of this data type.
        QSqlQuery insert(m_observer->db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT ?, ?, "
                                              "TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 hour', (60 + g % 4)::text "
                                              "FROM generate_series(1, 20) AS g")));
        insert.addBindValue(dataType);
        insert.addBindValue(email);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES (?, ?, "
                                              "'2026-02-01T00:00:00Z', '500') RETURNING id")));
        insert.addBindValue(dataType);
        insert.addBindValue(email);
        QVERIFY2(insert.exec() && insert.next(), qPrintable(insert.lastError().text()));
        const qint64 spike = insert.value(0).toLongLong();

        HttpStub stub;
        QVERIFY(stub.isListening());
        stub.setRoute("POST", "/", HttpStub::Response {200, "{}"});
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("out.csv"));
        const ToolResult result =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--json"), QStringLiteral("--csv"), csvPath},
                    toolEnv(m_db, {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl()}}));
        QVERIFY2(result.exitCode == 0, result.err.constData());

        // The JSON report and our run table keep the name exactly.
        const QJsonArray types = QJsonDocument::fromJson(result.out)
                                     .object()
                                     .value(QStringLiteral("raw"))
                                     .toObject()
                                     .value(QStringLiteral("types"))
                                     .toArray();
        QCOMPARE(types.size(), 1);
        QCOMPARE(types.at(0).toObject().value(QStringLiteral("data_type")).toString(), dataType);
        QCOMPARE(types.at(0).toObject().value(QStringLiteral("outlier_count")).toInt(), 1);
        QSqlQuery stored(m_observer->db());
        QVERIFY(stored.prepare(QStringLiteral("SELECT t.data_type FROM find_outliers_run_types t JOIN "
                                              "find_outliers_runs r USING (run_id) WHERE r.email = ?")));
        stored.addBindValue(email);
        QVERIFY(stored.exec() && stored.next());
        QCOMPARE(stored.value(0).toString(), dataType);

        // The CSV: the cell as written down, and it reads back (RFC 4180, one ' removed) as the name.
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        const QByteArray expectedRow = "," + QByteArray("raw,") + csvCell + "," + QByteArray::number(spike) + ",";
        QVERIFY2(csv.contains(expectedRow), csv.left(2000).constData());
        const fo::fuzz::CsvTable table = fo::fuzz::readCsv(std::string_view(csv.constData(), std::size_t(csv.size())));
        QVERIFY2(table.ok(), table.error.c_str());
        QCOMPARE(table.rows.size(), std::size_t(2));
        QCOMPARE(table.rows.at(1).size(), std::size_t(11));
        QCOMPARE(QString::fromStdString(fo::fuzz::unneutralise(table.rows.at(1).at(3))), dataType);
        QCOMPARE(QString::fromStdString(table.rows.at(1).at(4)), QString::number(spike));

        // The completion notification: the name escaped in its table cell, never raw.
        QCOMPARE(stub.requests().size(), 2);
        const QString html =
            QJsonDocument::fromJson(stub.requests().at(1).body).object().value(QStringLiteral("message")).toString();
        const QString cell = QStringLiteral("<tr><td>%1</td><td>21</td><td>1</td></tr>").arg(htmlCell);
        QVERIFY2(html.contains(cell), qPrintable(html.left(2000)));
        if (dataType.contains(QLatin1Char('<')))
            QVERIFY(!html.contains(dataType));
    }

    // Issue 10 item 10: terminal and log injection. A data type holding control characters reaches the text summary
    // escaped (\x1b, \r, \n, \t, \xNN), never raw: an ESC sequence cannot clear the screen, a CR cannot overwrite
    // the line, an LF cannot forge a line. The JSON keeps the name exactly.
    void terminalSummary_data()
    {
        QTest::addColumn<QString>("dataType");
        QTest::addColumn<QByteArray>("shown"); // how the summary shows it
        const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };
        QTest::newRow("ESC clear screen") << s("Heart\x1b[2J\x1b[HRate") << QByteArray("Heart\\x1b[2J\\x1b[HRate");
        QTest::newRow("CR overwrites the line") << s("Heart\rFAKE") << QByteArray("Heart\\rFAKE");
        QTest::newRow("LF forges a line")
            << s("Heart\nfind-outliers: error: forged") << QByteArray("Heart\\nfind-outliers: error: forged");
        QTest::newRow("CRLF") << s("Heart\r\nRate") << QByteArray("Heart\\r\\nRate");
        QTest::newRow("TAB") << s("Heart\tRate") << QByteArray("Heart\\tRate");
        QTest::newRow("BEL, BS, VT, FF") << s("A\x07"
                                              "B\x08"
                                              "C\x0b"
                                              "D\x0c"
                                              "E")
                                         << QByteArray("A\\x07B\\x08C\\x0bD\\x0cE");
        QTest::newRow("SOH and US") << s("\x01x\x1f") << QByteArray("\\x01x\\x1f");
        QTest::newRow("DEL") << s("Heart\x7f") << QByteArray("Heart\\x7f");
        QTest::newRow("C1 CSI (U+009B) and NEL (U+0085)") << s("A\xc2\x9b"
                                                               "2JB\xc2\x85"
                                                               "C")
                                                          << QByteArray("A\\x9b2JB\\x85C");
        QTest::newRow("OSC title change") << s("\x1b]0;pwned\x07T") << QByteArray("\\x1b]0;pwned\\x07T");
        QTest::newRow("non-ASCII letters untouched") << s("Пульс ❤") << QByteArray("Пульс ❤");
    }

    void terminalSummary()
    {
        QFETCH(QString, dataType);
        QFETCH(QByteArray, shown);
        const QString email = QStringLiteral("term%1@example.com").arg(++m_row);
        QSqlQuery insert(m_observer->db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT ?, ?, "
                                              "TIMESTAMPTZ '2026-01-01' + g * INTERVAL '1 hour', (60 + g % 4)::text "
                                              "FROM generate_series(1, 20) AS g")));
        insert.addBindValue(dataType);
        insert.addBindValue(email);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        for (const QStringList &extra : {QStringList {QStringLiteral("--dry-run")},
                                         QStringList {QStringLiteral("--no-notify"), QStringLiteral("--verbose")}}) {
            const ToolResult result = runTool(QStringList {QStringLiteral("--email"), email} + extra, toolEnv(m_db));
            QVERIFY2(result.exitCode == 0, result.err.constData());
            QVERIFY2(result.out.contains(QByteArray("\n  " + shown + "  ")), result.out.constData());
            QVERIFY2(!hasRawControl(result.out), result.out.constData());
            QVERIFY2(!hasRawControl(result.err), result.err.constData());
        }
        // The JSON has its own escaping, and the name comes back exactly.
        const ToolResult json = runTool(
            {QStringLiteral("--email"), email, QStringLiteral("--dry-run"), QStringLiteral("--json")}, toolEnv(m_db));
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray types = QJsonDocument::fromJson(json.out)
                                     .object()
                                     .value(QStringLiteral("raw"))
                                     .toObject()
                                     .value(QStringLiteral("types"))
                                     .toArray();
        QCOMPARE(types.size(), 1);
        QCOMPARE(types.at(0).toObject().value(QStringLiteral("data_type")).toString(), dataType);
    }

    // Errors on stderr and the batch lines: an email with control characters (from the command line, or a line of
    // --emails-from) is shown escaped in the error, in its FAILED line and in the closing summary.
    void terminalErrorsAndBatchLines()
    {
        const QString bad = QStringLiteral("evil\x1b[2J\rfind-outliers: ok\x07@example.com");
        const QByteArray shown = "evil\\x1b[2J\\rfind-outliers: ok\\x07@example.com";
        const ToolResult single = runTool({QStringLiteral("--email"), bad}, toolEnv(m_db));
        QCOMPARE(single.exitCode, 2);
        QVERIFY2(single.err.contains(shown), single.err.constData());
        QVERIFY2(!hasRawControl(single.err), single.err.constData());

        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("emails.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bad.toUtf8() + "\nline\nbreak\x1b[1A@example.com\n");
        file.close();
        for (const QStringList &extra : {QStringList(), QStringList {QStringLiteral("--json")}}) {
            const ToolResult batch =
                runTool(QStringList {QStringLiteral("--emails-from"), list, QStringLiteral("--no-notify")} + extra,
                        toolEnv(m_db));
            QCOMPARE(batch.exitCode, 1);
            const QByteArray lines = extra.isEmpty() ? batch.out : batch.err;
            QVERIFY2(lines.contains(QByteArray("] " + shown + ": FAILED: ")), lines.constData());
            QVERIFY2(lines.contains("break\\x1b[1A@example.com"), lines.constData());
            QVERIFY2(!hasRawControl(batch.err), batch.err.constData());
            if (extra.isEmpty())
                QVERIFY2(!hasRawControl(batch.out), batch.out.constData());
        }
    }

private:
    // A control character other than the line ends the tool writes itself: C0 (but LF), DEL, or C1 in UTF-8.
    static bool hasRawControl(const QByteArray &text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text.at(i));
            if ((c < 0x20 && c != '\n') || c == 0x7f)
                return true;
            if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text.at(i + 1)) >= 0x80
                && static_cast<unsigned char>(text.at(i + 1)) <= 0x9f)
                return true;
        }
        return false;
    }
};

QTEST_GUILESS_MAIN(TestBadInputDataTypes)
#include "tst_badinput_datatypes.moc"
