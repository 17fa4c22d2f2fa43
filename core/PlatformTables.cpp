#include "core/PlatformTables.h"

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

} // namespace fo
