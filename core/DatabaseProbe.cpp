#include "core/DatabaseProbe.h"

#include "core/Config.h"
#include "core/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace fo {

ProbeAnswer DatabaseProbe::check(const Config &config)
{
    Result<Database> opened = Database::open(config);
    if (!opened.ok())
        return {ProbeAnswer::Outcome::Failed, opened.error()};
    QSqlQuery query(opened->db());
    if (!query.exec(QStringLiteral("SELECT 1")))
        return {ProbeAnswer::Outcome::Failed, sqlErrorText(tr("Running a test query"), query.lastError())};
    return {ProbeAnswer::Outcome::Ok, tr("Connected to %1.").arg(config.describeDatabase())};
}

} // namespace fo
