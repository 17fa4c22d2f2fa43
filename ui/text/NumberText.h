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

// k as given, with every digit it has (2, 2.5, 2.125), so that the comparison with |z| reads true.
inline QString thresholdText(double k)
{
    return QLocale().toString(k, 'g', QLocale::FloatingPointShortest);
}

// `value` with two decimals, or more when it is above `limit` but so close to it that two would show it equal to the
// limit or below ("|z| 2.00 > k 2", "1.00× k" read as contradictions): the fewest decimals, up to six, at which the
// rounded magnitude is above the limit.
inline QString aboveLimitText(double value, double limit)
{
    constexpr int MinDecimals = 2;
    constexpr int MaxDecimals = 6;
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const double magnitude = std::abs(value);
    int decimals = MinDecimals;
    while (decimals < MaxDecimals && magnitude > limit
           && QLocale::c().toString(magnitude, 'f', decimals).toDouble() <= limit)
        ++decimals;
    return QLocale().toString(value, 'f', decimals);
}

// z as every part of the window shows it (the outliers table, its tooltip, the chart's tooltip): rounded the same way
// everywhere, with the digits it needs to read above k.
inline QString zText(double z, double k)
{
    return aboveLimitText(z, k);
}

// How many times k the |z| of a point is: above 1 for every outlier, never shown as "1.00".
inline QString ratioText(double absZ, double k)
{
    return k > 0 ? aboveLimitText(absZ / k, 1.0) : QStringLiteral("—");
}

} // namespace fo::ui
