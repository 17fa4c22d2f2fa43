#include "core/RunThresholds.h"

#include "core/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace fo {

Result<QHash<int, RunThresholds>> storedThresholds(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT iteration, raw_threshold, processed_threshold FROM %1 WHERE email = ?")
                      .arg(QLatin1String(RunsTable)));
    query.addBindValue(email);
    if (!query.exec())
        return Error {
            sqlErrorText(QStringLiteral("Reading the thresholds of the runs of %1").arg(email), query.lastError())};
    QHash<int, RunThresholds> thresholds;
    while (query.next())
        thresholds.insert(query.value(0).toInt(), {query.value(1).toDouble(), query.value(2).toDouble()});
    return thresholds;
}

} // namespace fo
