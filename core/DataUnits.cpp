#include "core/DataUnits.h"

#include "core/RunReport.h"

#include <QHash>

namespace fo {

namespace {

struct TypeText
{
    const char *nameEn;
    const char *nameRu;
    const char *unitEn;
    const char *unitRu;
};

// Every type of the platform's enum (docs/platform.md, section 1).
const QHash<QString, TypeText> &typeTable()
{
    static const QHash<QString, TypeText> table = {
        // The web front end's eight, with the units it shows (docs/platform.md, section 8).
        {QStringLiteral("HeartRateRecord"), {"Heart rate", "Пульс", "bpm", "уд/мин"}},
        {QStringLiteral("BloodOxygenData"), {"Blood oxygen (SpO2)", "Кислород в крови (SpO2)", "%", "%"}},
        {QStringLiteral("SleepSessionTimeData"), {"Sleep time", "Время сна", "min", "мин"}},
        {QStringLiteral("ActiveMinutesRecord"), {"Active minutes", "Активные минуты", "min", "мин"}},
        {QStringLiteral("DistanceRecord"), {"Distance", "Расстояние", "km", "км"}},
        {QStringLiteral("StepsRecord"), {"Steps", "Шаги", "steps", "шт"}},
        {QStringLiteral("TotalCaloriesBurnedRecord"), {"Total calories burned", "Всего калорий", "kcal", "ккал"}},
        {QStringLiteral("SpeedRecord"), {"Speed", "Скорость", "km/h", "км/ч"}},
        // The rest of the enum.
        {QStringLiteral("SleepSessionData"), {"Sleep sessions", "Сеансы сна", "", ""}},
        {QStringLiteral("SleepSessionStagesData"), {"Sleep stages", "Фазы сна", "", ""}},
        {QStringLiteral("ActiveCaloriesBurnedRecord"), {"Active calories burned", "Активные калории", "kcal", "ккал"}},
        {QStringLiteral("BasalMetabolicRateRecord"),
         {"Basal metabolic rate", "Базовый обмен веществ", "kcal/day", "ккал/сут"}},
        {QStringLiteral("BloodPressureRecord"), {"Blood pressure", "Давление", "mmHg", "мм рт. ст."}},
        {QStringLiteral("BodyFatRecord"), {"Body fat", "Доля жира", "%", "%"}},
        {QStringLiteral("BodyTemperatureRecord"), {"Body temperature", "Температура тела", "°C", "°C"}},
        {QStringLiteral("BoneMassRecord"), {"Bone mass", "Костная масса", "kg", "кг"}},
        {QStringLiteral("ExerciseSessionRecord"), {"Exercise sessions", "Тренировки", "", ""}},
        {QStringLiteral("HydrationRecord"), {"Hydration", "Выпито воды", "L", "л"}},
        {QStringLiteral("WeightRecord"), {"Weight", "Вес", "kg", "кг"}},
        {QStringLiteral("BasalBodyTemperatureRecord"), {"Basal body temperature", "Базальная температура", "°C", "°C"}},
        {QStringLiteral("FloorsClimbedRecord"), {"Floors climbed", "Этажи", "floors", "этажей"}},
        {QStringLiteral("IntermenstrualBleedingRecord"),
         {"Intermenstrual bleeding", "Межменструальные кровотечения", "", ""}},
        {QStringLiteral("LeanBodyMassRecord"), {"Lean body mass", "Безжировая масса", "kg", "кг"}},
        {QStringLiteral("MenstruationFlowRecord"), {"Menstruation flow", "Менструации", "", ""}},
        {QStringLiteral("NutritionRecord"), {"Nutrition", "Питание", "kcal", "ккал"}},
        {QStringLiteral("PowerRecord"), {"Power", "Мощность", "W", "Вт"}},
        {QStringLiteral("RespiratoryRateRecord"), {"Respiratory rate", "Частота дыхания", "breaths/min", "вдохов/мин"}},
        {QStringLiteral("RestingHeartRateRecord"), {"Resting heart rate", "Пульс в покое", "bpm", "уд/мин"}},
        {QStringLiteral("SkinTemperatureRecord"), {"Skin temperature", "Температура кожи", "°C", "°C"}},
        {QStringLiteral("HeightRecord"), {"Height", "Рост", "m", "м"}},
        {QStringLiteral("ActivitySegmentRecord"), {"Activity segments", "Отрезки активности", "", ""}},
        {QStringLiteral("CyclingPedalingCadenceRecord"), {"Cycling cadence", "Каденс на велосипеде", "rpm", "об/мин"}},
        {QStringLiteral("CyclingPedalingCumulativeRecord"),
         {"Pedal revolutions", "Обороты педалей", "revolutions", "оборотов"}},
        {QStringLiteral("HeartMinutesRecord"), {"Heart points", "Баллы кардио", "", ""}},
        {QStringLiteral("StepCadenceRecord"), {"Step cadence", "Темп шагов", "steps/min", "шагов/мин"}},
    };
    return table;
}

bool isRussian(const QString &language)
{
    return language.startsWith(QLatin1String("ru"));
}

// The web front end's series, in its order (docs/platform.md, section 8).
int frontEndRank(Source source, const QString &dataType)
{
    static const QStringList raw = {QStringLiteral("HeartRateRecord"), QStringLiteral("BloodOxygenData")};
    static const QStringList processed = {QStringLiteral("SleepSessionTimeData"),
                                          QStringLiteral("ActiveMinutesRecord"),
                                          QStringLiteral("DistanceRecord"),
                                          QStringLiteral("StepsRecord"),
                                          QStringLiteral("TotalCaloriesBurnedRecord"),
                                          QStringLiteral("SpeedRecord")};
    if (source == Source::Raw) {
        const int i = int(raw.indexOf(dataType));
        return i;
    }
    const int i = int(processed.indexOf(dataType));
    return i < 0 ? -1 : int(raw.size()) + i;
}

} // namespace

QString plainName(const QString &dataType, const QString &language)
{
    const auto it = typeTable().constFind(dataType);
    if (it == typeTable().constEnd())
        return dataType;
    return QString::fromUtf8(isRussian(language) ? it->nameRu : it->nameEn);
}

QString unitOf(const QString &dataType, const QString &language)
{
    const auto it = typeTable().constFind(dataType);
    if (it == typeTable().constEnd())
        return QString();
    return QString::fromUtf8(isRussian(language) ? it->unitRu : it->unitEn);
}

QString nameWithUnit(const QString &dataType, const QString &language)
{
    const QString unit = unitOf(dataType, language);
    const QString name = plainName(dataType, language);
    return unit.isEmpty() ? name : QStringLiteral("%1, %2").arg(name, unit);
}

bool isKnownDataType(const QString &dataType)
{
    return typeTable().contains(dataType);
}

QString overviewSortKey(Source source, const QString &dataType, const QString &language)
{
    const int rank = frontEndRank(source, dataType);
    if (rank >= 0)
        return QStringLiteral("0%1").arg(rank, 2, 10, QLatin1Char('0'));
    return QStringLiteral("1") + plainName(dataType, language).toLower() + QChar(0x1f)
        + (source == Source::Raw ? QLatin1Char('0') : QLatin1Char('1')) + dataType;
}

} // namespace fo
