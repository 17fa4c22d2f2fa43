#pragma once

#include <QString>
#include <QVector>

namespace fo::ui {

// Axis ticks a person reads at a glance: values at round steps (1, 2 or 5 times a power of ten) and times at steps
// that suit the span (hours within a day or two, days for weeks, months for years), with labels to match. Pure.
class ChartScale
{
public:
    struct Ticks
    {
        QVector<double> values; // within [from, to]
        double step = 0.0;
        int decimals = 0; // enough to tell the ticks apart, never more
    };
    // About `target` ticks (at least two) between `from` and `to`.
    static Ticks valueTicks(double from, double to, int target = 5);
    // The range widened to whole steps: 191.931..25.2149 becomes 0..200.
    static void niceRange(double *from, double *to, int target = 5);

    struct TimeTicks
    {
        QVector<qint64> timesMs; // UTC
        QString format; // QDateTime format of a label
        qint64 stepMs = 0; // nominal (a month is 30 days, a year 365)
    };
    // Ticks between two UTC times. With `utc` false, the ticks fall on local midnights, months and hours.
    static TimeTicks timeTicks(qint64 fromMs, qint64 toMs, int target = 6, bool utc = true);
    // A tick label in the locale's language ("12 мая").
    static QString timeLabel(qint64 timeMs, const QString &format, bool utc = true);
};

} // namespace fo::ui
