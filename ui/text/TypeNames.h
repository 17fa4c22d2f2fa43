#pragma once

#include "core/DataUnits.h"
#include "core/RunReport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace fo::ui {

// The window's language for the names and units of data types (core/DataUnits.h): the translations set the default
// locale (Translations::install), and the window is rebuilt on a language switch.
inline QString typeLanguage()
{
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

// The NULL data type, a group of its own apart from "" (docs/platform.md, section 1): "(no type)" in the window's
// language, as core's displayDataType() says it in the headless text and the notification.
inline QString noTypeName()
{
    return QCoreApplication::translate("fo::ui::TypeNames", "(no type)");
}

// The plain name ("Heart rate"), the stored text of a type without one, or "(no type)".
inline QString typeName(const TypeKey &type)
{
    return type.isNull ? noTypeName() : fo::plainName(type.dataType, typeLanguage());
}

// "Heart rate, bpm", or typeName() when the type has no unit.
inline QString typeNameWithUnit(const TypeKey &type)
{
    return type.isNull ? noTypeName() : fo::nameWithUnit(type.dataType, typeLanguage());
}

// What a tooltip says of how the type is stored: "Stored as HeartRateRecord", or that the row has no data_type.
inline QString storedAsText(const TypeKey &type)
{
    return type.isNull ? QCoreApplication::translate("fo::ui::TypeNames", "Stored without a data type (NULL)")
                       : QCoreApplication::translate("fo::ui::TypeNames", "Stored as %1").arg(type.dataType);
}

inline QString typeUnit(const QString &dataType)
{
    return fo::unitOf(dataType, typeLanguage());
}

// "72 bpm", or the number alone when the type has no unit.
inline QString withUnit(const QString &number, const QString &dataType)
{
    const QString unit = typeUnit(dataType);
    if (unit.isEmpty())
        return number;
    if (unit == QLatin1String("%"))
        return QString(number + unit);
    return QString(number + QChar(0x00a0) + unit);
}

} // namespace fo::ui
