#include "core/EmailCase.h"

#include "core/Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

Q_LOGGING_CATEGORY(lcEmailCase, "fo.core.emailcase")

namespace fo {

QString otherCaseWarning(Database &db, const QString &email)
{
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared = query.prepare(QStringLiteral(
        "SELECT email FROM (SELECT DISTINCT email FROM raw_records WHERE lower(email) = lower(?) LIMIT 3) AS r "
        "UNION SELECT email FROM (SELECT DISTINCT email FROM processed_records WHERE lower(email) = lower(?) LIMIT 3) "
        "AS p ORDER BY 1 LIMIT 3"));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!prepared || !query.exec()) {
        qCDebug(lcEmailCase).noquote() << sqlErrorText(QStringLiteral("Looking for other letter cases of the email"),
                                                       query.lastError());
        return QString();
    }
    QStringList others;
    while (query.next()) {
        const QString other = query.value(0).toString();
        if (other != email)
            others << other;
    }
    if (others.isEmpty())
        return QString();
    return QStringLiteral("no records for %1; records exist for %2. Emails are matched exactly, as the platform "
                          "does: run again with the address as stored if that is the same person.")
        .arg(email, others.join(QStringLiteral(", ")));
}

} // namespace fo
