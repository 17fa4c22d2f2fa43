#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>
#include <memory>

class QLockFile;

namespace fo {

class Database;

// A per-email lock held for a whole run, so that two runs for one email never share an iteration number: a
// PostgreSQL session advisory lock, or on SQLite a lock file beside the database that serialises runs.
class RunLock
{
public:
    RunLock();
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    enum class Outcome { Acquired, Cancelled };
    // Waits until the lock is free (polling, so that `cancelled` is honoured); `waiting` is called once if another
    // run holds it. Gives up with an error after `timeoutMs`.
    Result<Outcome> acquire(Database &db, const QString &email, const std::function<bool()> &cancelled,
                            const std::function<void()> &waiting, int timeoutMs);
    void release();

private:
    Database *m_db = nullptr;
    QString m_email;
    std::unique_ptr<QLockFile> m_lockFile;
};

} // namespace fo
