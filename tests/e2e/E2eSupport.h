#pragma once

// Shared by the end-to-end tests: fails (never skips) when the services of scripts/test.sh are missing, and
// inserts records with bound values.

#include "tests/common/TestEnv.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace fo::test {

// A test database for one test function, dropped at the end of it.
class ScopedPgDatabase
{
public:
    explicit ScopedPgDatabase(const QString &prefix)
    {
        QString error;
        m_name = createDatabase(prefix, &error);
        m_error = error;
        if (!m_name.isEmpty()) {
            m_connection = QStringLiteral("e2e-") + QUuid::createUuid().toString(QUuid::Id128);
            m_db = openPg(m_name, m_connection);
        }
    }
    ~ScopedPgDatabase()
    {
        if (!m_connection.isEmpty()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
        }
        if (!m_name.isEmpty())
            dropDatabase(m_name);
    }
    bool ok() const { return !m_name.isEmpty() && m_db.isOpen(); }
    const QString &error() const { return m_error; }
    const QString &name() const { return m_name; }
    QSqlDatabase &db() { return m_db; }

    // Inserts one record and returns its id (-1 on failure, with a warning).
    qint64 insert(const QString &table, const QString &email, const QString &dataType, const QString &value,
                  const QString &time = QStringLiteral("2026-01-01T00:00:00Z"))
    {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT INTO %1 (data_type, email, time, value) VALUES (?, ?, CAST(? AS "
                                     "timestamptz), ?) RETURNING id")
                          .arg(table));
        query.addBindValue(dataType);
        query.addBindValue(email);
        query.addBindValue(time);
        query.addBindValue(value);
        if (!query.exec() || !query.next()) {
            qWarning() << "insert failed:" << query.lastError().text();
            return -1;
        }
        return query.value(0).toLongLong();
    }

    QList<qint64> ids(const QString &sql)
    {
        QList<qint64> list;
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            qWarning() << "query failed:" << sql << query.lastError().text();
        while (query.next())
            list << query.value(0).toLongLong();
        return list;
    }

    qint64 count(const QString &sql) { return scalar(m_db, sql); }

private:
    QString m_name;
    QString m_error;
    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace fo::test

// The end-to-end tests need the real services: a missing one is a failure, not a skip.
#define FO_REQUIRE_PG()                                                                                                \
    do {                                                                                                               \
        if (!fo::test::pgServer())                                                                                     \
            QFAIL("FO_TEST_PG_* is not set: run the tests with scripts/test.sh, which starts PostgreSQL and Redis");   \
    } while (false)

#define FO_REQUIRE_REDIS()                                                                                             \
    do {                                                                                                               \
        if (!fo::test::redisServer())                                                                                  \
            QFAIL(                                                                                                     \
                "FO_TEST_REDIS_* is not set: run the tests with scripts/test.sh, which starts PostgreSQL and Redis");  \
    } while (false)
