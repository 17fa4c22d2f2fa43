#include "core/RecordCounts.h"

#include "core/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace fo::records {

Result<bool> exist(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    // A statement PostgreSQL refuses (a table missing) fails at prepare(): its error says why. exec() after a failed
    // prepare() only reports QPSQL's fallback, "syntax error at or near "("".
    const bool prepared =
        query.prepare(QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM raw_records WHERE email = ?) "
                                     "OR EXISTS (SELECT 1 FROM processed_records WHERE email = ?) THEN 1 ELSE 0 END"));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec() || !query.next())
        return Error {sqlErrorText(QStringLiteral("Looking for the records of %1").arg(email), query.lastError())};
    return query.value(0).toInt() == 1;
}

Result<Counts> count(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared = query.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM raw_records WHERE email = ?), "
                                                       "(SELECT COUNT(*) FROM processed_records WHERE email = ?)"));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec() || !query.next())
        return Error {sqlErrorText(QStringLiteral("Counting the records of %1").arg(email), query.lastError())};
    Counts counts;
    counts.raw = query.value(0).toLongLong();
    counts.processed = query.value(1).toLongLong();
    return counts;
}

} // namespace fo::records
