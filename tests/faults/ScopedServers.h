#pragma once

// Throwaway servers of the test's own, which it may stop, crash or kill without disturbing the shared ones:
// a Redis server and a PostgreSQL cluster. Included by FaultSupport.h.

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace fo::test {

// A Redis server of the test's own, on a free port (or the given one), that the test may kill.
class ScopedRedisServer
{
public:
    ScopedRedisServer();
    ~ScopedRedisServer();

    bool start(int port = 0);
    void kill(); // SIGKILL, as the OOM killer or a crashed node would
    int port() const { return m_port; }

    // GET key (null QString when missing or unreachable) and TTL key (-2 missing, -1 no expiry, -3 on failure).
    QString get(const QString &key) const;
    long long ttl(const QString &key) const;

private:
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
};

// A PostgreSQL cluster of the test's own (initdb, trust authentication), in a temporary directory, on a free
// port, which the test may stop, crash and restart. Uses FO_TEST_PG_BINDIR and FO_TEST_PG_RUNAS from
// scripts/test-services.sh.
class ScopedPgCluster
{
public:
    ScopedPgCluster();
    ~ScopedPgCluster(); // stops it (immediate) and removes its files

    bool init(QString *error);
    bool start(QString *error);
    bool stop(const QString &mode, QString *error); // "fast" or "immediate"
    int port() const { return m_port; }

    // Creates a database with the platform's schema (resources/schema/platform.sql) with psql.
    bool createDatabase(const QString &name, QString *error);
    // The tool's environment for a database of this cluster (the password is not checked: trust).
    QMap<QString, QString> env(const QString &dbName) const;

private:
    bool runAsOwner(const QString &program, const QStringList &args, int timeoutMs, QString *output);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_runAs;
    int m_port = 0;
    bool m_running = false;
};

} // namespace fo::test
