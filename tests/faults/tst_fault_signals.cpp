// The headless tool is stopped by a signal while it runs, as Airflow / Kubernetes stop a pod (SIGTERM, then SIGKILL
// after the grace period) or a person presses Ctrl-C (SIGINT). SIGTERM and SIGINT at any stage: exit 1, nothing of
// the run written, the Redis flag "false". SIGKILL cannot be handled: the server rolls the open transaction back,
// and the flag stays "true" until its one-hour expiry (documented in the README).
#include "tests/common/HttpStub.h"
#include "tests/common/NotificationMessages.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QTest>

#include <csignal>

using namespace fo::test;

namespace {

const QString BigUser = QStringLiteral("big.signalled@example.com");

} // namespace

class TestFaultSignals : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;

    QMap<QString, QString> env(const QString &ns, const QMap<QString, QString> &extra = {}) const
    {
        QMap<QString, QString> vars = toolEnv(m_db, extra);
        vars.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        vars.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        vars.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);
        return vars;
    }

    qint64 storedFor(const QString &email)
    {
        return m_observer->count(
            // Attempts that did not complete keep their number in find_outliers_runs (status failed or cancelled):
            // what counts as stored is a completed run and outlier rows.
            QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1' AND status = 'completed')"
                " + (SELECT COUNT(*) FROM outliers_records o JOIN raw_records x ON x.id = o.raw_record_id"
                "    WHERE x.email = '%1')"
                " + (SELECT COUNT(*) FROM processed_records_outliers_records o JOIN processed_records x"
                "    ON x.id = o.processed_record_id WHERE x.email = '%1')")
                .arg(email));
    }

    // What every cancelled run must leave behind.
    void verifyCancelled(ToolProcess &tool, const QString &email, const QString &ns)
    {
        qInfo().noquote() << "what the user sees:" << tool.err();
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        QVERIFY2(tool.err().contains(QByteArray("find-outliers: error: the run for " + email.toUtf8()
                                                + " was cancelled; nothing of it was written.")),
                 tool.describe().constData());
        QVERIFY(tool.out().isEmpty());
        QCOMPARE(storedFor(email), 0);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        m_db = createDatabase(QStringLiteral("fault_signals"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
        QVERIFY(insertBigUser(*m_observer, BigUser, 300000));
        QVERIFY(m_observer->exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                                                "('HeartRateRecord', '%1', '2027-01-01T00:00:00Z', '500')")
                                     .arg(BigUser)));
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    // Another run of the email holds the lock; the tool waits and is told to stop: it stops at once.
    void whileWaitingForTheRunLock()
    {
        const QString email = QStringLiteral("sig.lock@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("sig_lock"));
        QVERIFY(insertSmallUser(*m_observer, email));
        QVERIFY(redisSet(ns + email, QStringLiteral("false"))); // as the previous run left it
        QVERIFY(m_observer->lockRun(email));
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(ns)));
        QVERIFY2(tool.waitForStderr("is under way; waiting", 30000), tool.describe().constData());
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        QVERIFY(tool.signal(SIGTERM));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        // At the next poll of the lock (every 100 ms); generous for a busy machine.
        QVERIFY2(sinceSignal.elapsed() < 10000, qPrintable(QString::number(sinceSignal.elapsed())));
        QVERIFY(m_observer->unlockRun(email));
        verifyCancelled(tool, email, ns);
    }

    // The start notification is on its way (the API takes 3 s to answer) when SIGTERM comes.
    void duringTheStartNotification()
    {
        const QString email = QStringLiteral("sig.notify@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("sig_notify"));
        QVERIFY(insertSmallUser(*m_observer, email));
        HttpStub stub;
        QVERIFY(stub.isListening());
        HttpStub::Response slow {200, "{}"};
        slow.delayMs = 3000;
        stub.setRoute("POST", "/", slow);
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email},
                           env(ns, {{QStringLiteral("NOTIFICATIONS_API_BASE_URL"), stub.baseUrl()}})));
        QTRY_VERIFY_WITH_TIMEOUT(stub.requests().size() == 1, 30000);
        QCOMPARE(redisGet(ns + email), QStringLiteral("true"));
        QVERIFY(tool.signal(SIGTERM));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        verifyCancelled(tool, email, ns);
        // No completion: the end message says that this analysis did not complete.
        QTRY_COMPARE_WITH_TIMEOUT(stub.requests().size(), 2, 10000);
        const QVector<NotificationMessage> messages = notificationList(stub);
        QCOMPARE(messages.size(), 2);
        verifyNotCompletedMessage(messages.at(0), messages.at(1));
    }

    // The records are streaming in (the tool is caught mid-read, see catchToolMidRead) when SIGTERM comes.
    void whileReading()
    {
        const QString ns = uniqueNamespace(QStringLiteral("sig_read"));
        int backend = -1;
        ToolProcess tool;
        for (int attempt = 0; attempt < 3 && backend < 0; ++attempt) {
            QVERIFY(tool.start({QStringLiteral("--email"), BigUser}, env(ns)));
            backend = catchToolMidRead(tool, *m_observer, QStringLiteral("raw_records"), 30000);
            if (backend < 0) {
                QVERIFY(tool.waitForFinished(60000));
                // That run completed: remove it, so that the caught one starts from nothing stored.
                QVERIFY(m_observer->exec(QStringLiteral("DELETE FROM outliers_records WHERE raw_record_id IN "
                                                        "(SELECT id FROM raw_records WHERE email = '%1')")
                                             .arg(BigUser)));
                QVERIFY(
                    m_observer->exec(QStringLiteral("DELETE FROM find_outliers_runs WHERE email = '%1'").arg(BigUser)));
            }
        }
        QVERIFY2(backend > 0, "could not catch the tool in the middle of its read");
        QVERIFY(tool.signal(SIGTERM)); // delivered when the tool resumes
        QVERIFY(tool.signal(SIGCONT));
        QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
        verifyCancelled(tool, BigUser, ns);
    }

    void duringTheWrite_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    // The outlier rows are inserted, not committed (the tool waits at the write gate), when the signal comes.
    void duringTheWrite()
    {
        QFETCH(int, signalNumber);
        const QString email = QStringLiteral("sig.write.%1@example.com").arg(signalNumber);
        const QString ns = uniqueNamespace(QStringLiteral("sig_write"));
        QVERIFY(insertSmallUser(*m_observer, email));
        WriteGate gate(*m_observer);
        QVERIFY(gate.install());
        QVERIFY(gate.close());
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(ns)));
        QVERIFY2(gate.waitForToolAtGate(30000) > 0, tool.describe().constData());
        QVERIFY(tool.signal(signalNumber));
        QVERIFY(gate.open());
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        verifyCancelled(tool, email, ns);
    }

    // SIGKILL cannot be caught: the server sees the connection drop and rolls the transaction back, so nothing is
    // stored; the flag, which nobody could reset, stays "true" until it expires (at most an hour).
    void killedDuringTheWrite()
    {
        const QString email = QStringLiteral("sig.kill@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("sig_kill"));
        QVERIFY(insertSmallUser(*m_observer, email));
        WriteGate gate(*m_observer);
        QVERIFY(gate.install());
        QVERIFY(gate.close());
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(ns)));
        const int backend = gate.waitForToolAtGate(30000);
        QVERIFY2(backend > 0, tool.describe().constData());
        QVERIFY(tool.signal(SIGKILL));
        QVERIFY(tool.waitForFinished(30000));
        QVERIFY(!tool.exitedNormally());
        QVERIFY(gate.open());
        QVERIFY(m_observer->waitForBackendGone(backend, 30000));
        QCOMPARE(storedFor(email), 0);
        QCOMPARE(redisGet(ns + email), QStringLiteral("true"));
        const long long ttl = redisTtl(ns + email);
        QVERIFY2(ttl > 0 && ttl <= 3600, qPrintable(QString::number(ttl)));
    }
};

QTEST_GUILESS_MAIN(TestFaultSignals)
#include "tst_fault_signals.moc"
