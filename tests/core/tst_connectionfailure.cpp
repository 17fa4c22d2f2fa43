// fo::isConnectionSqlState / isConnectionFailureMessage / isConnectionFailure: what a batch runs again (a failure of
// the connection) and what it never does (a failure of the data, the request or the login). The texts are libpq's
// and PostgreSQL's own, as the fault tests meet them (tst_fault_batch) or as the server sends them.
#include "core/ConnectionFailure.h"

#include <QSqlError>
#include <QTest>

class TestConnectionFailure : public QObject
{
    Q_OBJECT

private slots:
    void sqlState_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("connection");
        QTest::newRow("08000 connection exception") << QStringLiteral("08000") << true;
        QTest::newRow("08006 connection failure") << QStringLiteral("08006") << true;
        QTest::newRow("08001 cannot establish") << QStringLiteral("08001") << true;
        QTest::newRow("08P01 protocol violation") << QStringLiteral("08P01") << true;
        QTest::newRow("53300 too many connections") << QStringLiteral("53300") << true;
        QTest::newRow("57P01 admin shutdown") << QStringLiteral("57P01") << true;
        QTest::newRow("57P02 crash shutdown") << QStringLiteral("57P02") << true;
        QTest::newRow("57P03 cannot connect now") << QStringLiteral("57P03") << true;
        QTest::newRow("57P04 database dropped") << QStringLiteral("57P04") << false;
        QTest::newRow("57014 query canceled") << QStringLiteral("57014") << false;
        QTest::newRow("53100 disk full") << QStringLiteral("53100") << false;
        QTest::newRow("53200 out of memory") << QStringLiteral("53200") << false;
        QTest::newRow("42501 insufficient privilege") << QStringLiteral("42501") << false;
        QTest::newRow("42P01 undefined table") << QStringLiteral("42P01") << false;
        QTest::newRow("23505 unique violation") << QStringLiteral("23505") << false;
        QTest::newRow("28P01 bad password") << QStringLiteral("28P01") << false;
        QTest::newRow("3D000 no such database") << QStringLiteral("3D000") << false;
        QTest::newRow("P0001 raise exception") << QStringLiteral("P0001") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("08 alone") << QStringLiteral("08") << false;
    }

    void sqlState()
    {
        QFETCH(QString, state);
        QFETCH(bool, connection);
        QCOMPARE(fo::isConnectionSqlState(state), connection);
        // The same through a QtSql error that carries it (QPSQL's nativeErrorCode).
        if (!state.isEmpty())
            QCOMPARE(fo::isConnectionFailure(QSqlError(QStringLiteral("QPSQL: Unable to create query"),
                                                       QStringLiteral("ERROR: something"), QSqlError::StatementError,
                                                       state)),
                     connection);
    }

    void message_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("connection");
        const auto row = [](const char *name, const char *text, bool connection) {
            QTest::newRow(name) << QString::fromUtf8(text) << connection;
        };
        row("refused (libpq 15)",
            "Cannot connect to the database postgresql://u@127.0.0.1:5432/records: connection to server at "
            "\"127.0.0.1\", port 5432 failed: Connection refused Is the server running on that host and accepting "
            "TCP/IP connections? Check DB_HOST, ...",
            true);
        row("refused (older libpq)", "could not connect to server: Connection refused", true);
        row("lost", "server closed the connection unexpectedly This probably means the server terminated abnormally",
            true);
        row("role limit",
            "connection to server at \"127.0.0.1\", port 5432 failed: FATAL: too many connections for "
            "role \"limited\"",
            true);
        row("database limit", "FATAL: too many connections for database \"records\"", true);
        row("server full", "FATAL: sorry, too many clients already", true);
        row("reserved slots",
            "FATAL: remaining connection slots are reserved for non-replication superuser "
            "connections",
            true);
        row("starting up", "FATAL: the database system is starting up", true);
        row("shutting down", "FATAL: the database system is shutting down", true);
        row("recovery", "FATAL: the database system is in recovery mode", true);
        row("not yet accepting", "FATAL: the database system is not yet accepting connections", true);
        row("admin shutdown",
            "Taking the run lock failed: FATAL: terminating connection due to administrator "
            "command",
            true);
        row("connect timeout", "connection to server at \"127.0.0.1\", port 1 failed: timeout expired", true);
        row("no connection", "no connection to the server", true);
        row("SQLSTATE in QPSQL's form", "Reading failed: ERROR: whatever (57P01)", true);
        row("SQLSTATE in QPSQL's form, with a dot", "Writing failed: ERROR: whatever (08006).", true);
        row("bad password",
            "connection to server at \"127.0.0.1\", port 5432 failed: FATAL: password "
            "authentication failed for user \"postgres\"",
            false);
        row("no such database",
            "connection to server at \"127.0.0.1\", port 5432 failed: FATAL: database \"x\" "
            "does not exist",
            false);
        row("unknown host", "could not translate host name \"db.invalid\" to address: Name or service not known",
            false);
        row("privilege", "Reading raw_records failed: ERROR: permission denied for table raw_records (42501)", false);
        row("trigger", "Writing the run failed: ERROR: runs of x are refused here (P0001)", false);
        row("index row size", "ERROR: index row size 2936 exceeds btree version 4 maximum 2704 (54000)", false);
        row("empty", "", false);
    }

    void message()
    {
        QFETCH(QString, text);
        QFETCH(bool, connection);
        QCOMPARE(fo::isConnectionFailureMessage(text), connection);
    }

    // A QtSql error with no SQLSTATE (a connection that never opened, or died): libpq's text decides, also for a
    // ConnectionError (a refused login is one too, and trying again would not change it).
    void sqlErrorWithoutState()
    {
        QVERIFY(fo::isConnectionFailure(QSqlError(QStringLiteral("QPSQL: Unable to connect"),
                                                  QStringLiteral("FATAL: the database system is starting up"),
                                                  QSqlError::ConnectionError)));
        QVERIFY(!fo::isConnectionFailure(QSqlError(QStringLiteral("QPSQL: Unable to connect"),
                                                   QStringLiteral("FATAL: password authentication failed"),
                                                   QSqlError::ConnectionError)));
        QVERIFY(fo::isConnectionFailure(QSqlError(QStringLiteral("QPSQL: Unable to create query"),
                                                  QStringLiteral("server closed the connection unexpectedly"),
                                                  QSqlError::StatementError)));
        QVERIFY(!fo::isConnectionFailure(QSqlError(QStringLiteral("QPSQL: Unable to create query"),
                                                   QStringLiteral("ERROR: syntax error"), QSqlError::StatementError)));
        QVERIFY(!fo::isConnectionFailure(QSqlError()));
    }
};

QTEST_GUILESS_MAIN(TestConnectionFailure)
#include "tst_connectionfailure.moc"
