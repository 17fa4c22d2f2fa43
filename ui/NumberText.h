#pragma once

#include <QLocale>
#include <QString>

#include <cmath>

namespace fo::ui {

// A measured number as the window shows it (table cells, chart title, tooltips): six significant digits in the
// user's locale, and a dash for a value that is not finite.
inline QString numberText(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    return QLocale().toString(value, 'g', 6);
}

} // namespace fo::ui
