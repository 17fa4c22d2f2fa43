#pragma once

#include "core/DataUnits.h"

#include <QLocale>
#include <QString>

namespace fo::ui {

// The window's language for the names and units of data types (core/DataUnits.h): the translations set the default
// locale (Translations::install), and the window is rebuilt on a language switch.
inline QString typeLanguage()
{
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

inline QString typeName(const QString &dataType)
{
    return fo::plainName(dataType, typeLanguage());
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
