#pragma once

#include <QString>
#include <QStringList>

namespace fo {

enum class Source;

// Plain names and units of the platform's data types (docs/platform.md, sections 1 and 8), in English and Russian:
// one table used by everything that shows a type (cards, chart titles and axes, tooltips, tables, CSV, PDF).
//
// Values are stored and shown as they are: no conversion is known. The units of the eight series the web front end
// charts are the ones it labels them with (section 8); the others are the units the platform's Android app stores
// those Health Connect records in. A type outside the platform's enum keeps its stored name and has no unit.
//
// `language` is "en" or "ru" (anything else reads as English).

// "Heart rate", "Пульс"; the stored name itself for an unknown type.
QString plainName(const QString &dataType, const QString &language = QStringLiteral("en"));
// "bpm", "уд/мин"; empty when unknown.
QString unitOf(const QString &dataType, const QString &language = QStringLiteral("en"));
// "Heart rate, bpm", or the plain name alone when there is no unit.
QString nameWithUnit(const QString &dataType, const QString &language = QStringLiteral("en"));
// Whether the table knows the type.
bool isKnownDataType(const QString &dataType);

// The order of the overview: the web front end's eight series first, in its order (raw HeartRateRecord and
// BloodOxygenData, then the processed SleepSessionTimeData, ActiveMinutesRecord, DistanceRecord, StepsRecord,
// TotalCaloriesBurnedRecord, SpeedRecord), then every other type by plain name, raw before processed for the same
// name. Returns a key that sorts in that order.
QString overviewSortKey(Source source, const QString &dataType, const QString &language = QStringLiteral("en"));

} // namespace fo
