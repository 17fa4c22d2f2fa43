#include "core/RunLock.h"

#include "core/Database.h"
#include "core/PgExec.h"

#include <QDeadlineTimer>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace fo {
namespace {

constexpr int RunLockClass = 0x666f7275; // "foru": the first key of our two-key advisory locks
constexpr int PollMs = 100;

} // namespace

RunLock::RunLock() = default;
RunLock::~RunLock()
{
    release();
}

Result<RunLock::Outcome> RunLock::acquire(Database &db, const QString &email, const std::function<bool()> &cancelled,
                                          const std::function<void()> &waiting, int timeoutMs)
{
    release();
    const QDeadlineTimer deadline(timeoutMs);
    bool toldWaiting = false;
    if (!db.isPostgres())
        m_lockFile = std::make_unique<QLockFile>(db.db().databaseName() + QStringLiteral(".run-lock"));

    while (true) {
        if (PgExec pg(db); pg.isAvailable()) {
            // One round trip a try (a QSqlQuery::prepare() costs three on QPSQL).
            const Result<QVector<QStringList>> tried =
                pg.exec(QStringLiteral("Taking the run lock for %1").arg(email),
                        "SELECT pg_try_advisory_lock($1, hashtext($2))", {RunLockClass, email});
            if (!tried)
                return Error {tried.error()};
            if (tried.value().value(0).value(0) == QLatin1String("t")) {
                m_db = &db;
                m_email = email;
                return Outcome::Acquired;
            }
        } else if (db.isPostgres()) {
            QSqlQuery query(db.db());
            // A failed prepare holds the server's reason (say, a terminated connection): report that one.
            const bool prepared = query.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?, hashtext(?))"));
            query.addBindValue(RunLockClass);
            query.addBindValue(email);
            if (!prepared || !query.exec() || !query.next())
                return Error {sqlErrorText(QStringLiteral("Taking the run lock for %1").arg(email), query.lastError())};
            if (query.value(0).toBool()) {
                m_db = &db;
                m_email = email;
                return Outcome::Acquired;
            }
        } else {
            m_lockFile->setStaleLockTime(0); // a lock left by a dead process is taken over (QLockFile checks the pid)
            if (m_lockFile->tryLock(0))
                return Outcome::Acquired;
            if (m_lockFile->error() == QLockFile::PermissionError)
                return Error {QStringLiteral("Cannot create the lock file %1.run-lock: permission denied.")
                                  .arg(db.db().databaseName())};
        }
        if (!toldWaiting && waiting) {
            waiting();
            toldWaiting = true;
        }
        if (cancelled && cancelled())
            return Outcome::Cancelled;
        if (deadline.hasExpired())
            return Error {QStringLiteral("Another run for %1 has held the lock for more than %2 s. Wait for it to "
                                         "finish, or stop it, and try again.")
                              .arg(email)
                              .arg(timeoutMs / 1000)};
        QThread::msleep(PollMs);
    }
}

void RunLock::release()
{
    // When the connection is gone, the server has released the lock with it (and there is nothing to prepare on).
    if (m_db) {
        if (PgExec pg(*m_db); pg.isAvailable()) {
            pg.exec(QStringLiteral("Releasing the run lock"), "SELECT pg_advisory_unlock($1, hashtext($2))",
                    {RunLockClass, m_email});
        } else if (m_db->db().isOpen()) {
            QSqlQuery query(m_db->db());
            query.prepare(QStringLiteral("SELECT pg_advisory_unlock(?, hashtext(?))"));
            query.addBindValue(RunLockClass);
            query.addBindValue(m_email);
            query.exec(); // if the connection is gone, the server has released the lock with it
        }
    }
    m_db = nullptr;
    if (m_lockFile) {
        m_lockFile->unlock();
        m_lockFile.reset();
    }
}

} // namespace fo
