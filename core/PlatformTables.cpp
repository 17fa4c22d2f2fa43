#include "core/PlatformTables.h"

#include <QSqlQuery>

namespace fo {

QString recordTable(Source source)
{
    return source == Source::Raw ? QStringLiteral("raw_records") : QStringLiteral("processed_records");
}

QString outlierTable(Source source)
{
    return source == Source::Raw ? QStringLiteral("outliers_records")
                                 : QStringLiteral("processed_records_outliers_records");
}

QString outlierIdColumn(Source source)
{
    return source == Source::Raw ? QStringLiteral("raw_record_id") : QStringLiteral("processed_record_id");
}

QString dataTypeCondition(const TypeKey &type)
{
    return type.isNull ? QStringLiteral("data_type IS NULL") : QStringLiteral("data_type = ?");
}

void bindDataType(QSqlQuery &query, const TypeKey &type)
{
    if (!type.isNull)
        query.addBindValue(type.dataType);
}

} // namespace fo
