#include "DataUnits.h"

#include <QHash>

namespace fo {

QString unitOf(const QString &dataType)
{
    static const QHash<QString, QString> units = {
        {QStringLiteral("HeartRateRecord"), QStringLiteral("bpm")},
        {QStringLiteral("BloodOxygenData"), QStringLiteral("%")},
        {QStringLiteral("SleepSessionTimeData"), QStringLiteral("min")},
        {QStringLiteral("ActiveMinutesRecord"), QStringLiteral("min")},
        {QStringLiteral("DistanceRecord"), QStringLiteral("km")},
        {QStringLiteral("StepsRecord"), QStringLiteral("steps")},
        {QStringLiteral("TotalCaloriesBurnedRecord"), QStringLiteral("kcal")},
        {QStringLiteral("SpeedRecord"), QStringLiteral("km/h")},
    };
    return units.value(dataType);
}

} // namespace fo
