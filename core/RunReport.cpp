#include "core/RunReport.h"

namespace fo {

QString sourceName(Source source)
{
    return source == Source::Raw ? QStringLiteral("raw") : QStringLiteral("processed");
}

Source sourceFromName(const QString &name)
{
    return name == QLatin1String("raw") ? Source::Raw : Source::Processed;
}

QString displayDataType(const QString &dataType, bool isNull)
{
    return isNull ? QStringLiteral("(no type)") : dataType;
}

QString displayDataType(const TypeKey &type)
{
    return displayDataType(type.dataType, type.isNull);
}

QString statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Completed:
        return QStringLiteral("completed");
    case RunStatus::DryRun:
        return QStringLiteral("dry-run");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

} // namespace fo
