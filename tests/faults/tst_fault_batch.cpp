// Batch mode (--emails-from) against a flaky database, on a PostgreSQL cluster of the test's own:
//  - the server restarts while a batch waits on it: every email completes (connection failures are run again, with
//    all workers backing off together), and each is stored once;
//  - a role with CONNECTION LIMIT 2 under --jobs 6: every email completes;
//  - --retry-for bounds the retries, and 0 turns them off; without it, a batch retries for 60 s, as --help says;
//  - a data error (a trigger refusing the write) is not run again;
//  - an email listed twice runs once, and says so;
//  - SIGTERM: the summary and the JSON count cancelled emails apart from failed ones.
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fo::test;

namespace {

const QString Database = QStringLiteral("records");
const QByteArray BackoffNotice = "Every worker waits";

} // namespace

class TestFaultBatch : public QObject
{
    Q_OBJECT

private:
    ScopedPgCluster m_cluster;
    QTemporaryDir m_dir;

    std::unique_ptr<PgObserver> observer()
    {
        return std::make_unique<PgObserver>(QStringLiteral("127.0.0.1"), m_cluster.port(), QStringLiteral("postgres"),
                                            QString(), Database);
    }

    // `count` users named <prefix><i>@example.com, each with one raw and one processed outlier; their list file.
    QStringList addUsers(PgObserver &watch, const QString &prefix, int count, QString *listPath)
    {
        QStringList users;
        for (int i = 0; i < count; ++i) {
            users << QStringLiteral("%1%2@example.com").arg(prefix).arg(i);
            if (!insertSmallUser(watch, users.last()))
                qWarning() << "could not insert" << users.last() << watch.lastError();
        }
        *listPath = m_dir.filePath(prefix + QStringLiteral(".txt"));
        QFile file(*listPath);
        if (file.open(QIODevice::WriteOnly))
            file.write(users.join(QLatin1Char('\n')).toUtf8() + '\n');
        return users;
    }

    // Completed runs stored per email (exactly one each is what a batch must leave).
    static qint64 completedRuns(PgObserver &watch, const QStringList &users)
    {
        return watch.count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE status = 'completed' AND "
                                          "email IN ('%1')")
                               .arg(users.join(QStringLiteral("', '"))));
    }
    static qint64 emailsWithOneCompletedRun(PgObserver &watch, const QStringList &users)
    {
        return watch.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT email FROM find_outliers_runs WHERE status = "
                                          "'completed' AND email IN ('%1') GROUP BY email HAVING COUNT(*) = 1) AS x")
                               .arg(users.join(QStringLiteral("', '"))));
    }

    // Waits until the tool has printed `text` at least `times` times on stderr (or ended, or the time is up).
    static bool waitForCount(ToolProcess &tool, const QByteArray &text, int times, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (tool.err().count(text) < times && tool.isRunning() && !timer.hasExpired(timeoutMs))
            tool.waitForStderr("\x01never printed\x01", 50); // spins the event loop that collects the output
        return tool.err().count(text) >= times;
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_cluster.init(&error), qPrintable(error));
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(Database, &error), qPrintable(error));
        QVERIFY2(createOwnTables(m_cluster.env(Database), &error), qPrintable(error));
    }

    // The server restarts (fast shutdown: every session is ended, then ~4 s down) while three workers wait on run
    // locks and the rest of the batch is queued. All 20 emails complete, each stored once.
    void serverRestartDuringBatch()
    {
        std::unique_ptr<PgObserver> watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QString list;
        const QStringList users = addUsers(*watch, QStringLiteral("restart"), 20, &list);
        // The first three emails are "under way" elsewhere: the three workers wait for them, holding connections.
        for (int i = 0; i < 3; ++i)
            QVERIFY(watch->lockRun(users.at(i)));
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--emails-from"), list, QStringLiteral("--jobs"), QStringLiteral("3"),
                            QStringLiteral("--no-notify"), QStringLiteral("--json")},
                           m_cluster.env(Database)));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(tool.waitForStderr(QByteArray("another run for " + users.at(i).toUtf8() + " is under way"), 30000),
                     tool.describe().constData());

        QString error;
        QVERIFY2(m_cluster.stop(QStringLiteral("fast"), &error), qPrintable(error));
        watch.reset(); // its session (and the locks) went with the server
        // Down until the tool has met four connection failures in a row (0.25 + 0.5 + 1 + 2 s of back-off, about
        // 4 s), then up again.
        const bool backedOff = waitForCount(tool, BackoffNotice, 4, 30000);
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(backedOff, tool.describe().constData());
        QVERIFY2(tool.waitForFinished(90000), tool.describe().constData());
        qInfo().noquote() << "what the user sees:" << tool.err();

        QVERIFY2(tool.exitCode() == 0, tool.describe().constData());
        const QJsonArray reports = QJsonDocument::fromJson(tool.out()).array();
        QCOMPARE(reports.size(), users.size());
        for (const QJsonValue &report : reports)
            QCOMPARE(report.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY2(tool.err().contains(": 20 completed, 0 failed, 0 cancelled"), tool.describe().constData());
        // The locked three were retried after the restart.
        for (int i = 0; i < 3; ++i)
            QVERIFY2(tool.err().contains(QByteArray(users.at(i).toUtf8() + ": completed")),
                     tool.describe().constData());
        watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QCOMPARE(emailsWithOneCompletedRun(*watch, users), qint64(users.size()));
        QCOMPARE(completedRuns(*watch, users), qint64(users.size()));
    }

    // A role that may hold two connections, six workers: "too many connections for role" is met and waited out.
    void connectionLimit()
    {
        std::unique_ptr<PgObserver> watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QVERIFY2(watch->exec(QStringLiteral("CREATE ROLE limited LOGIN CONNECTION LIMIT 2")),
                 qPrintable(watch->lastError()));
        for (const QString &grant : {QStringLiteral("GRANT ALL ON SCHEMA public TO limited"),
                                     QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA public TO limited"),
                                     QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO limited")})
            QVERIFY2(watch->exec(grant), qPrintable(watch->lastError()));
        QString list;
        const QStringList users = addUsers(*watch, QStringLiteral("limited"), 18, &list);
        QMap<QString, QString> env = m_cluster.env(Database);
        env.insert(QStringLiteral("DB_USER"), QStringLiteral("limited"));
        qint64 elapsed = 0;
        const ToolResult result = runToolTimed({QStringLiteral("--emails-from"), list, QStringLiteral("--jobs"),
                                                QStringLiteral("6"), QStringLiteral("--no-notify")},
                                               env, 60000, &elapsed);
        qInfo().noquote() << "after" << elapsed << "ms:" << result.err.right(400) << result.out.right(300);
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        QVERIFY2(result.out.contains(": 18 completed, 0 failed, 0 cancelled"), result.out.constData());
        // The limit was met (the fault happened) and waited out.
        QVERIFY2(result.err.contains("too many connections for role \"limited\"") && result.err.contains(BackoffNotice),
                 result.err.constData());
        QCOMPARE(emailsWithOneCompletedRun(*watch, users), qint64(users.size()));
    }

    // The server is down for good: each email gives up after --retry-for seconds; with 0, after one attempt.
    void retryForBoundsTheRetries_data()
    {
        QTest::addColumn<int>("retryFor");
        QTest::newRow("--retry-for 2") << 2;
        QTest::newRow("--retry-for 0") << 0;
    }

    void retryForBoundsTheRetries()
    {
        QFETCH(int, retryFor);
        QMap<QString, QString> env = m_cluster.env(Database);
        env.insert(QStringLiteral("DB_PORT"), QString::number(freePort())); // nothing listens there
        QElapsedTimer timer;
        timer.start();
        const QStringList args = {QStringLiteral("--emails-from"), QStringLiteral("-"),
                                  QStringLiteral("--jobs"),        QStringLiteral("2"),
                                  QStringLiteral("--retry-for"),   QString::number(retryFor)};
        const ToolResult timed = runTool(args, env, 60000, "gone1@example.com\ngone2@example.com\n");
        const qint64 elapsed = timer.elapsed();
        qInfo().noquote() << "after" << elapsed << "ms:" << timed.out;
        QCOMPARE(timed.exitCode, 1);
        QVERIFY2(timed.out.contains(": 0 completed, 2 failed"), timed.out.constData());
        QVERIFY2(timed.out.contains("FAILED: Cannot connect to the database"), timed.out.constData());
        if (retryFor == 0) {
            QVERIFY2(!timed.err.contains(BackoffNotice), timed.err.constData());
            QVERIFY2(!timed.out.contains("attempts"), timed.out.constData());
            QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        } else {
            QVERIFY2(timed.err.contains(BackoffNotice), timed.err.constData());
            QVERIFY2(timed.out.contains("connection failures are retried for 2 s, see --retry-for"),
                     timed.out.constData());
            QVERIFY2(timed.err.contains("the email is run again for up to 2 s (--retry-for)"), timed.err.constData());
            // Tried again (the shared back-off grows 0.25 s, 0.5 s, 1 s...: an email gives up as soon as the next
            // opening of the gate would come after its deadline), and never for long.
            // The workers share the back-off, so one email may give up after its first attempt while the other
            // tries again: over the batch, more attempts than emails.
            static const QRegularExpression attempts(QStringLiteral("\\((\\d+) attempts over"));
            int total = 0;
            int failedEmails = 0;
            for (QRegularExpressionMatchIterator it = attempts.globalMatch(QString::fromUtf8(timed.out));
                 it.hasNext();) {
                total += it.next().captured(1).toInt();
                ++failedEmails;
            }
            QCOMPARE(failedEmails, 2);
            QVERIFY2(total > 2, timed.out.constData());
            QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
        }
    }

    // Without --retry-for, --help says 60 s and a batch is given 60 s: the back-off notice names the window the
    // batch runner was given. The tool is stopped at that first notice, so the minute is not waited out.
    void retryForDefaultsToSixtySeconds()
    {
        const ToolResult help = runTool({QStringLiteral("--help")}, {});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(
            QString::fromUtf8(help.out).simplified().contains(QStringLiteral("0 never runs one again (default 60).")),
            help.out.constData());

        QMap<QString, QString> env = m_cluster.env(Database);
        env.insert(QStringLiteral("DB_PORT"), QString::number(freePort())); // nothing listens there
        const QString list = m_dir.filePath(QStringLiteral("default-retry.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("gone.default@example.com\n");
        file.close();
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--emails-from"), list}, env));
        QVERIFY2(tool.waitForStderr("the email is run again for up to 60 s (--retry-for)", 30000),
                 tool.describe().constData());
        QVERIFY(tool.signal(SIGTERM));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        QVERIFY2(tool.out().contains(": 0 completed, 0 failed, 1 cancelled"), tool.describe().constData());
    }

    // A data error (here a trigger that refuses one email's run) fails that email once; the others complete.
    void dataErrorIsNotRetried()
    {
        std::unique_ptr<PgObserver> watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QString list;
        const QStringList users = addUsers(*watch, QStringLiteral("dataerror"), 3, &list);
        const QString refused = users.at(1);
        // The trigger counts its calls in a sequence (not rolled back with the refused transaction).
        QVERIFY2(watch->exec(QStringLiteral("CREATE SEQUENCE refused_attempts")), qPrintable(watch->lastError()));
        QVERIFY2(watch->exec(QStringLiteral("CREATE FUNCTION refuse_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                            "IF NEW.email = '%1' THEN PERFORM nextval('refused_attempts'); "
                                            "RAISE EXCEPTION 'runs of %1 are refused here'; END IF; RETURN NEW; END $$")
                                 .arg(refused)),
                 qPrintable(watch->lastError()));
        QVERIFY2(watch->exec(QStringLiteral("CREATE TRIGGER refuse_run BEFORE INSERT ON find_outliers_runs "
                                            "FOR EACH ROW EXECUTE FUNCTION refuse_run()")),
                 qPrintable(watch->lastError()));
        qint64 elapsed = 0;
        const ToolResult result = runToolTimed({QStringLiteral("--emails-from"), list, QStringLiteral("--jobs"),
                                                QStringLiteral("2"), QStringLiteral("--no-notify")},
                                               m_cluster.env(Database), 60000, &elapsed);
        watch->exec(QStringLiteral("DROP TRIGGER refuse_run ON find_outliers_runs"));
        qInfo().noquote() << "after" << elapsed << "ms:" << result.out;
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(QByteArray(refused.toUtf8() + ": FAILED: "))
                     && result.out.contains("are refused here"),
                 result.out.constData());
        QVERIFY2(!result.out.contains("attempts)"), result.out.constData());
        QVERIFY2(!result.err.contains(BackoffNotice), result.err.constData());
        QVERIFY2(result.out.contains(QByteArray(": 2 completed, 1 failed (" + refused.toUtf8() + "), 0 cancelled")),
                 result.out.constData());
        QCOMPARE(watch->count(QStringLiteral("SELECT last_value FROM refused_attempts")), qint64(1));
        QCOMPARE(watch->count(QStringLiteral("SELECT is_called::int FROM refused_attempts")), qint64(1));
        QCOMPARE(emailsWithOneCompletedRun(*watch, {users.at(0), users.at(2)}), qint64(2));
    }

    // An email listed more than once (also with surrounding blanks) runs once; stderr names the lines.
    void duplicateEmailsRunOnce()
    {
        std::unique_ptr<PgObserver> watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QString unused;
        const QStringList users = addUsers(*watch, QStringLiteral("dup"), 2, &unused);
        const QString list = m_dir.filePath(QStringLiteral("duplicates.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((users.at(0) + QStringLiteral("\n") + users.at(1) + QStringLiteral("\n  ") + users.at(0)
                    + QStringLiteral(" \r\n# a comment\n") + users.at(0) + QStringLiteral("\n"))
                       .toUtf8());
        file.close();
        const ToolResult result = runTool({QStringLiteral("--emails-from"), list, QStringLiteral("--jobs"),
                                           QStringLiteral("2"), QStringLiteral("--no-notify")},
                                          m_cluster.env(Database));
        QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
        const QByteArray warning = "find-outliers: warning: " + users.at(0).toUtf8() + " is listed 3 times in "
            + list.toUtf8() + " (lines 1, 3, 5); it runs once.";
        QVERIFY2(result.err.contains(warning), result.err.constData());
        QVERIFY2(result.out.contains("find-outliers: 2 emails in "), result.out.constData());
        QCOMPARE(completedRuns(*watch, {users.at(0)}), qint64(1));
        QCOMPARE(completedRuns(*watch, {users.at(1)}), qint64(1));
    }

    // SIGTERM while the second of three emails waits for its run lock: one completed, two cancelled, none failed, in
    // the summary and in the JSON.
    void cancelledCountedApart()
    {
        std::unique_ptr<PgObserver> watch = observer();
        QVERIFY2(watch->isOpen(), qPrintable(watch->lastError()));
        QString list;
        const QStringList users = addUsers(*watch, QStringLiteral("cancel"), 3, &list);
        QVERIFY(watch->lockRun(users.at(1)));
        ToolProcess tool;
        QVERIFY(
            tool.start({QStringLiteral("--emails-from"), list, QStringLiteral("--no-notify"), QStringLiteral("--json")},
                       m_cluster.env(Database)));
        QVERIFY2(tool.waitForStderr(QByteArray("another run for " + users.at(1).toUtf8() + " is under way"), 30000),
                 tool.describe().constData());
        QVERIFY(tool.signal(SIGTERM));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        watch->unlockRun(users.at(1));
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        QVERIFY2(tool.err().contains(": 1 completed, 0 failed, 2 cancelled"), tool.describe().constData());
        const QJsonArray reports = QJsonDocument::fromJson(tool.out()).array();
        QCOMPARE(reports.size(), 3);
        const QStringList expected = {QStringLiteral("completed"), QStringLiteral("cancelled"),
                                      QStringLiteral("cancelled")};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(reports.at(i).toObject().value(QStringLiteral("email")).toString(), users.at(i));
            QCOMPARE(reports.at(i).toObject().value(QStringLiteral("status")).toString(), expected.at(i));
        }
        QCOMPARE(completedRuns(*watch, users), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestFaultBatch)
#include "tst_fault_batch.moc"
