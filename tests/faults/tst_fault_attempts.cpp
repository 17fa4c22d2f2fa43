// An attempt that cannot finish must never leave a user with a start message and no end, nor reuse an iteration
// number, nor be blocked by one odd row of the platform's tables; and a run that cannot write must find out before it
// tells the user anything. Each case runs the built tool as a process against the real PostgreSQL and Redis, with
// the notifications API stood in for by an HTTP stub that counts the messages per iteration number.
#include "tests/common/HttpStub.h"
#include "tests/common/NotificationMessages.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <functional>
#include <unistd.h>

using namespace fo::test;

namespace {

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("'") + escaped + QStringLiteral("'");
}

} // namespace

class TestFaultAttempts : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;
    std::unique_ptr<HttpStub> m_stub;

    QMap<QString, QString> env(const QString &ns, const QMap<QString, QString> &extra = {}) const
    {
        QMap<QString, QString> vars = toolEnv(m_db, extra);
        vars.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        vars.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        vars.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);
        vars.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), m_stub->baseUrl());
        return vars;
    }

    qint64 platformOutliersFor(const QString &email)
    {
        return m_observer->count(
            QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM outliers_records o JOIN raw_records x ON x.id = o.raw_record_id"
                "  WHERE x.email = %1)"
                " + (SELECT COUNT(*) FROM processed_records_outliers_records o JOIN processed_records x"
                "  ON x.id = o.processed_record_id WHERE x.email = %1)")
                .arg(quoted(email)));
    }

    // A column of the attempt's row in find_outliers_runs ("status", "error"); empty when there is none.
    QString runColumn(const QString &email, int iteration, const QString &column)
    {
        QSqlQuery query(m_observer->db());
        query.prepare(
            QStringLiteral("SELECT %1 FROM find_outliers_runs WHERE email = ? AND iteration = ?").arg(column));
        query.addBindValue(email);
        query.addBindValue(iteration);
        if (!query.exec() || !query.next())
            return QString();
        return query.value(0).toString();
    }
    QString runStatus(const QString &email, int iteration)
    {
        return runColumn(email, iteration, QStringLiteral("status"));
    }
    QString runError(const QString &email, int iteration)
    {
        return runColumn(email, iteration, QStringLiteral("error"));
    }

    // The second run after a failed one: a new number, a start and a completion message, results stored.
    void verifyNextRunCompletes(const QString &email, const QString &ns, int failedIteration)
    {
        const ToolResult again = runTool({QStringLiteral("--email"), email}, env(ns));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const NotificationMessages messages = notificationMessages(*m_stub, email);
        QCOMPARE(messages.byIteration.value(failedIteration + 1),
                 QStringList({QStringLiteral("start"), QStringLiteral("completion")}));
        QCOMPARE(runStatus(email, failedIteration + 1), QStringLiteral("completed"));
        QVERIFY(platformOutliersFor(email) > 0);
    }

    // The one attempt that the stub heard of for `email`: a start and a "not completed" message; its number.
    void expectOneUnfinishedAttempt(const QString &email, int *iteration)
    {
        const NotificationMessages messages = notificationMessages(*m_stub, email);
        QCOMPARE(messages.byIteration.size(), 1);
        *iteration = messages.byIteration.firstKey();
        QCOMPARE(messages.byIteration.value(*iteration),
                 QStringList({QStringLiteral("start"), QStringLiteral("not completed")}));
    }

    // Runs the tool for `email` until its write transaction waits at a closed WriteGate, does `interrupt` to it there
    // (given the backend's pid), opens the gate, and expects exit code 1 and one unfinished attempt (its stderr in
    // *err, its number in *iteration).
    void interruptAtWriteGate(const QString &email, const QString &ns,
                              const std::function<bool(ToolProcess &tool, int backend)> &interrupt, QByteArray *err,
                              int *iteration)
    {
        WriteGate gate(*m_observer);
        QVERIFY2(gate.install(), qPrintable(m_observer->lastError()));
        QVERIFY(gate.close());
        ToolProcess tool;
        QVERIFY(tool.start({QStringLiteral("--email"), email}, env(ns)));
        const int backend = gate.waitForToolAtGate(30000);
        QVERIFY2(backend > 0, tool.describe().constData());
        QVERIFY(interrupt(tool, backend));
        QVERIFY(gate.open());
        QVERIFY2(tool.waitForFinished(60000), tool.describe().constData());
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        if (err)
            *err = tool.err();
        expectOneUnfinishedAttempt(email, iteration);
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        m_db = createDatabase(QStringLiteral("fault_attempts"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
        m_stub = std::make_unique<HttpStub>();
        QVERIFY(m_stub->isListening());
        m_stub->setRoute("POST", "/send_email", HttpStub::Response {200, "{}"});
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    // The write is refused (a trigger raises, as a full disk or a constraint would): the attempt keeps its number
    // as "failed" with the reason, the user gets exactly one start and one "did not complete" message for it, the
    // platform's outlier tables are untouched, and the next run takes the next number.
    void writeFailureEndsWithOneEndMessage()
    {
        const QString email = QStringLiteral("write.refused@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("attempt_write"));
        QVERIFY(insertSmallUser(*m_observer, email));
        QVERIFY(m_observer->exec(QStringLiteral("CREATE FUNCTION fo_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                                                "$$ BEGIN RAISE EXCEPTION 'injected write failure'; END $$")));
        QVERIFY(m_observer->exec(QStringLiteral("CREATE TRIGGER fo_refuse BEFORE INSERT ON find_outliers_run_types "
                                                "FOR EACH STATEMENT EXECUTE FUNCTION fo_refuse()")));
        const ToolResult failed = runTool({QStringLiteral("--email"), email}, env(ns));
        QVERIFY(m_observer->exec(QStringLiteral("DROP TRIGGER fo_refuse ON find_outliers_run_types")));
        QVERIFY(m_observer->exec(QStringLiteral("DROP FUNCTION fo_refuse()")));

        QVERIFY2(failed.exitCode == 1, failed.err.constData());
        QVERIFY2(failed.err.contains("injected write failure"), failed.err.constData());
        QVERIFY2(failed.err.contains("nothing of this run was written"), failed.err.constData());
        int iteration = 0;
        expectOneUnfinishedAttempt(email, &iteration);
        FO_RETURN_IF_FAILED();
        QCOMPARE(runStatus(email, iteration), QStringLiteral("failed"));
        QVERIFY2(runError(email, iteration).contains(QStringLiteral("injected write failure")),
                 qPrintable(runError(email, iteration)));
        QCOMPARE(platformOutliersFor(email), 0);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));

        verifyNextRunCompletes(email, ns, iteration);
    }

    // The connection is killed inside the write transaction: the run's own connection is gone, so a fresh one
    // records the attempt as failed; one start and one end message.
    void lostConnectionEndsWithOneEndMessage()
    {
        const QString email = QStringLiteral("connection.lost@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("attempt_lost"));
        QVERIFY(insertSmallUser(*m_observer, email));
        int iteration = 0;
        interruptAtWriteGate(
            email, ns, [this](ToolProcess &, int backend) { return m_observer->terminate(backend); }, nullptr,
            &iteration);
        FO_RETURN_IF_FAILED();
        QCOMPARE(runStatus(email, iteration), QStringLiteral("failed"));
        QCOMPARE(platformOutliersFor(email), 0);
        QCOMPARE(redisGet(ns + email), QStringLiteral("false"));
        verifyNextRunCompletes(email, ns, iteration);
    }

    // SIGTERM while the run writes (Kubernetes stopping the pod): cancelled, nothing stored, one end message.
    void sigtermEndsWithOneEndMessage()
    {
        const QString email = QStringLiteral("terminated@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("attempt_term"));
        QVERIFY(insertSmallUser(*m_observer, email));
        int iteration = 0;
        QByteArray err;
        interruptAtWriteGate(
            email, ns, [](ToolProcess &tool, int) { return tool.signal(SIGTERM); }, &err, &iteration);
        FO_RETURN_IF_FAILED();
        QVERIFY2(err.contains("cancelled"), err.constData());
        QCOMPARE(runStatus(email, iteration), QStringLiteral("cancelled"));
        QCOMPARE(platformOutliersFor(email), 0);
        verifyNextRunCompletes(email, ns, iteration);
    }

    // A NULL data_type, and types of 2.9 kB and 100 kB, are stored like any other (a NULL type as a group of its
    // own, shown "(no type)" in the text summary and the completion message, apart from ""): every run of the user
    // completes, not only the dry run.
    void oddDataTypesDoNotBlockAUser_data()
    {
        QTest::addColumn<QString>("readMethod");
        QTest::newRow("COPY read path") << QString();
        QTest::newRow("QtSql read path") << QStringLiteral("qtsql");
    }

    void oddDataTypesDoNotBlockAUser()
    {
        QFETCH(QString, readMethod);
        const QString email = QStringLiteral("odd.types@example.com");
        const QString ns = uniqueNamespace(QStringLiteral("attempt_types"));
        ScopedPgDatabase db(QStringLiteral("fault_odd_types"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        // Schema drift: a deployment whose data_type may be NULL.
        QVERIFY(QSqlQuery(db.db()).exec(QStringLiteral("ALTER TABLE raw_records ALTER data_type DROP NOT NULL")));
        const QString big = QString(2900, QLatin1Char('T'));
        const QString huge = QString(100000, QLatin1Char('H'));
        for (int i = 0; i < 30; ++i) {
            QVERIFY(db.insert(QStringLiteral("raw_records"), email, big, QString::number(60 + i % 3)) > 0);
            QVERIFY(db.insert(QStringLiteral("raw_records"), email, huge, QString::number(70 + i % 3)) > 0);
        }
        // 30 rows of the empty type "" (bound as SQL text, not as a null QString).
        QVERIFY(QSqlQuery(db.db()).exec(
            QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) SELECT '', %1, "
                           "'2026-01-01T00:00:00Z', (50 + i % 3)::text FROM generate_series(0, 29) AS i")
                .arg(quoted(email))));
        QVERIFY(QSqlQuery(db.db()).exec(
            QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                           "(NULL, %1, '2026-02-01T00:00:00Z', '60'), (NULL, %1, '2026-02-01T00:00:00Z', '61'),"
                           "(NULL, %1, '2026-02-01T00:00:00Z', '5000')")
                .arg(quoted(email))));
        QMap<QString, QString> vars = toolEnv(db.name());
        vars.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), m_stub->baseUrl());
        if (!readMethod.isEmpty())
            vars.insert(QStringLiteral("FO_READ_METHOD"), readMethod);
        for (int run = 1; run <= 2; ++run) {
            const ToolResult result = runTool({QStringLiteral("--email"), email, QStringLiteral("--json")}, vars);
            QVERIFY2(result.exitCode == 0, result.err.constData());
            const QJsonObject report = QJsonDocument::fromJson(result.out).object();
            QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QCOMPARE(report.value(QStringLiteral("iteration")).toInt(), run);
            const QJsonArray types =
                report.value(QStringLiteral("raw")).toObject().value(QStringLiteral("types")).toArray();
            QCOMPARE(types.size(), 4); // NULL, "", the 2.9 kB and the 100 kB type
            QVERIFY(types.at(0).toObject().value(QStringLiteral("data_type")).isNull());
            QCOMPARE(types.at(0).toObject().value(QStringLiteral("rows")).toInt(), 3);
            QCOMPARE(types.at(1).toObject().value(QStringLiteral("data_type")).toString(), QString());
            QCOMPARE(types.at(1).toObject().value(QStringLiteral("rows")).toInt(), 30);
        }
        QCOMPARE(
            scalar(db.db(), QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types WHERE data_type IS NULL")),
            qint64(2));
        QCOMPARE(scalar(db.db(),
                        QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types WHERE "
                                       "length(data_type) = 100000")),
                 qint64(2));

        // The completion message: a row "(no type)" of 3 rows and a row "" of 30.
        const QVector<NotificationMessage> messages = notificationList(*m_stub, email);
        QVERIFY(!messages.isEmpty());
        QCOMPARE(messages.last().kind, QStringLiteral("completion"));
        QCOMPARE(messages.last().iteration, 2);
        const QString html = messages.last().html;
        QVERIFY2(html.contains(QStringLiteral("<tr><td>(no type)</td><td>3</td>")), qPrintable(html.left(2000)));
        QVERIFY2(html.contains(QStringLiteral("<tr><td></td><td>30</td>")), qPrintable(html.left(2000)));

        // The text summary: the same two rows (the names padded to the 100 kB name's width).
        const ToolResult text = runTool({QStringLiteral("--email"), email, QStringLiteral("--dry-run")}, vars);
        QVERIFY2(text.exitCode == 0, text.err.constData());
        const QString summary = QString::fromUtf8(text.out);
        const auto hasRow = [&summary](const QString &pattern) {
            return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(summary).hasMatch();
        };
        QVERIFY2(hasRow(QStringLiteral("^  \\(no type\\) +3 +0 +0 ")), qPrintable(summary.left(300)));
        QVERIFY2(hasRow(QStringLiteral("^ {100}  +30 +0 ")), qPrintable(summary.left(300)));
    }

    // Our tables as an older version made them (data_type NOT NULL in the primary key, no error column) are
    // upgraded in place, keeping their rows.
    void oldTablesAreUpgraded()
    {
        ScopedPgDatabase db(QStringLiteral("fault_old_tables"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(db.db());
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE find_outliers_runs (run_id VARCHAR(36) PRIMARY KEY, email VARCHAR NOT NULL, iteration "
            "INTEGER "
            "NOT NULL, operator_email VARCHAR NOT NULL DEFAULT '', started_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            "finished_at TIMESTAMP WITH TIME ZONE NOT NULL, status VARCHAR NOT NULL, raw_threshold DOUBLE PRECISION "
            "NOT NULL, processed_threshold DOUBLE PRECISION NOT NULL, tool_version VARCHAR NOT NULL, raw_rows BIGINT "
            "NOT NULL, raw_outliers BIGINT NOT NULL, processed_rows BIGINT NOT NULL, processed_outliers BIGINT NOT "
            "NULL, raw_outliers_high_id BIGINT, processed_outliers_high_id BIGINT, UNIQUE (email, iteration))")));
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE find_outliers_run_types (run_id VARCHAR(36) NOT NULL REFERENCES find_outliers_runs (run_id) "
            "ON DELETE CASCADE, source VARCHAR NOT NULL, data_type VARCHAR NOT NULL, rows_read BIGINT NOT NULL, "
            "numeric_rows BIGINT NOT NULL, skipped_rows BIGINT NOT NULL, mean DOUBLE PRECISION, std DOUBLE "
            "PRECISION, k DOUBLE PRECISION NOT NULL, outliers BIGINT NOT NULL, PRIMARY KEY (run_id, source, "
            "data_type))")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO find_outliers_runs VALUES ('00000000-0000-0000-0000-000000000001', 'old@example.com', 4, '', "
            "now(), now(), 'completed', 3, 2, '0.1.0', 1, 0, 0, 0, 0, 0)")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO find_outliers_run_types VALUES ('00000000-0000-0000-0000-000000000001', 'raw', 'X', 1, 1, 0, "
            "1, 0, 3, 0)")));
        const QString email = QStringLiteral("old@example.com");
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE raw_records ALTER data_type DROP NOT NULL")));
        QVERIFY(db.insert(QStringLiteral("raw_records"), email, QStringLiteral("HeartRateRecord"), QStringLiteral("70"))
                > 0);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES "
                                          "(NULL, 'old@example.com', now(), '1')")));
        const ToolResult result =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--json")}, toolEnv(db.name()));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("iteration")).toInt(), 5);
        QCOMPARE(scalar(db.db(), QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types")), qint64(3));
        QCOMPARE(
            scalar(db.db(), QStringLiteral("SELECT COUNT(*) FROM find_outliers_run_types WHERE data_type IS NULL")),
            qint64(1));
    }

    // A SELECT-only role: a dry run works (and creates nothing); a real run stops before anything is sent, with
    // an error that names the missing privilege.
    void selectOnlyRole_data()
    {
        QTest::addColumn<bool>("ownTablesExist");
        QTest::newRow("our tables not created yet") << false;
        QTest::newRow("our tables exist") << true;
    }

    void selectOnlyRole()
    {
        QFETCH(bool, ownTablesExist);
        ScopedPgDatabase db(QStringLiteral("fault_readonly_role"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString email = QStringLiteral("reader.only@example.com");
        QVERIFY(db.insert(QStringLiteral("raw_records"), email, QStringLiteral("HeartRateRecord"), QStringLiteral("70"))
                > 0);
        if (ownTablesExist) {
            const ToolResult setup =
                runTool({QStringLiteral("--email"), QStringLiteral("setup@example.com"), QStringLiteral("--no-notify")},
                        toolEnv(db.name()));
            QVERIFY2(setup.exitCode == 0, setup.err.constData());
        }
        const QString role = QStringLiteral("fo_ro_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QString password = QStringLiteral("ro-") + QUuid::createUuid().toString(QUuid::Id128);
        QSqlQuery query(db.db());
        QVERIFY(query.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(role, quoted(password))));
        QVERIFY(query.exec(QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC")));
        QVERIFY(query.exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role)));
        QVERIFY(query.exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
        QMap<QString, QString> vars = toolEnv(db.name());
        vars.insert(QStringLiteral("DB_USER"), role);
        vars.insert(QStringLiteral("DB_PASSWORD"), password);
        vars.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), m_stub->baseUrl());

        const ToolResult dry =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--dry-run"), QStringLiteral("--json")}, vars);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QCOMPARE(QJsonDocument::fromJson(dry.out)
                     .object()
                     .value(QStringLiteral("raw"))
                     .toObject()
                     .value(QStringLiteral("rows"))
                     .toInt(),
                 1);
        QCOMPARE(scalar(db.db(), QStringLiteral("SELECT COUNT(*) FROM pg_class WHERE relname = 'find_outliers_runs'")),
                 qint64(ownTablesExist ? 1 : 0));

        const ToolResult real = runTool({QStringLiteral("--email"), email}, vars);
        QVERIFY2(real.exitCode == 1, real.err.constData());
        QVERIFY2(real.err.contains(role.toUtf8()), real.err.constData());
        if (ownTablesExist)
            QVERIFY2(real.err.contains("INSERT on outliers_records"), real.err.constData());
        else
            QVERIFY2(real.err.contains("CREATE on schema public"), real.err.constData());
        QVERIFY2(real.err.contains("--dry-run"), real.err.constData());
        QVERIFY(!real.err.contains(password.toUtf8()));
        QCOMPARE(notificationMessages(*m_stub, email).total, 0);
        QVERIFY(query.exec(QStringLiteral("DROP OWNED BY %1").arg(role)));
        QVERIFY(query.exec(QStringLiteral("DROP ROLE %1").arg(role)));
    }

    // A read-only server (a standby, default_transaction_read_only): the dry run works, a real run says why not
    // before anything is sent.
    void readOnlyServer()
    {
        ScopedPgDatabase db(QStringLiteral("fault_readonly_server"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QString email = QStringLiteral("standby@example.com");
        QVERIFY(db.insert(QStringLiteral("raw_records"), email, QStringLiteral("HeartRateRecord"), QStringLiteral("70"))
                > 0);
        QVERIFY(QSqlQuery(db.db()).exec(
            QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on").arg(db.name())));
        QMap<QString, QString> vars = toolEnv(db.name());
        vars.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), m_stub->baseUrl());
        const ToolResult dry = runTool({QStringLiteral("--email"), email, QStringLiteral("--dry-run")}, vars);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const ToolResult real = runTool({QStringLiteral("--email"), email}, vars);
        QVERIFY2(real.exitCode == 1, real.err.constData());
        QVERIFY2(real.err.contains("read-only"), real.err.constData());
        QCOMPARE(notificationMessages(*m_stub, email).total, 0);
    }

    // A read-only SQLite file (the user may read it, not write it, nor its folder): the dry run reads it and
    // changes nothing.
    void readOnlySqliteFile()
    {
        if (::geteuid() != 0)
            QFAIL("this test runs the tool as the user nobody, so it needs root (CI runs as root)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("records.sqlite"));
        QMap<QString, QString> vars {{QStringLiteral("DB_ENGINE"), QStringLiteral("sqlite")},
                                     {QStringLiteral("DB_NAME"), file}};
        const ToolResult seeded = runTool({QStringLiteral("--demo"), QStringLiteral("--no-notify")}, vars);
        QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
        QFile::setPermissions(dir.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                  | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        const QStringList before = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        original.close();

        QMap<QString, QString> asNobody = vars;
        asNobody.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        for (auto it = asNobody.cbegin(); it != asNobody.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        // The test directory is 0755 and the file 0644, both owned by root: nobody may read, not write.
        process.start(QStringLiteral("runuser"),
                      {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), binaryPath(),
                       QStringLiteral("--email"), QStringLiteral("demo@example.com"), QStringLiteral("--dry-run"),
                       QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, err.constData());
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY(report.value(QStringLiteral("raw")).toObject().value(QStringLiteral("rows")).toInt() > 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name), before);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QVERIFY(original.readAll() == bytes);
    }
};

QTEST_GUILESS_MAIN(TestFaultAttempts)
#include "tst_fault_attempts.moc"
