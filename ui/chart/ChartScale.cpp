#include "ui/chart/ChartScale.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <array>
#include <cmath>

namespace fo::ui {

namespace {

double niceStep(double span, int target)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(1, target);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

int decimalsFor(double step)
{
    int decimals = 0;
    double scaled = step;
    while (decimals < 10 && std::abs(scaled - std::round(scaled)) > 1e-9 * std::max(1.0, std::abs(scaled))) {
        scaled *= 10.0;
        ++decimals;
    }
    return decimals;
}

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace

ChartScale::Ticks ChartScale::valueTicks(double from, double to, int target)
{
    Ticks ticks;
    if (!std::isfinite(from) || !std::isfinite(to))
        return ticks;
    if (to < from)
        std::swap(from, to);
    if (to == from) {
        from -= 1.0;
        to += 1.0;
    }
    ticks.step = niceStep(to - from, target);
    ticks.decimals = decimalsFor(ticks.step);
    const double first = std::ceil(from / ticks.step - 1e-9) * ticks.step;
    for (double v = first; v <= to + ticks.step * 1e-9 && ticks.values.size() < 100; v += ticks.step)
        ticks.values.append(std::abs(v) < ticks.step * 1e-9 ? 0.0 : v);
    return ticks;
}

void ChartScale::niceRange(double *from, double *to, int target)
{
    if (!std::isfinite(*from) || !std::isfinite(*to))
        return;
    if (*to == *from) {
        *from -= 1.0;
        *to += 1.0;
    }
    const double step = niceStep(*to - *from, target);
    *from = std::floor(*from / step + 1e-9) * step;
    *to = std::ceil(*to / step - 1e-9) * step;
}

ChartScale::TimeTicks ChartScale::timeTicks(qint64 fromMs, qint64 toMs, int target, bool utc)
{
    TimeTicks ticks;
    if (toMs <= fromMs)
        toMs = fromMs + Day;
    struct Step
    {
        qint64 ms;
        int months; // 0: a fixed step of `ms`
        const char *format;
    };
    static const std::array<Step, 18> steps = {{
        {Minute, 0, "HH:mm"},
        {5 * Minute, 0, "HH:mm"},
        {15 * Minute, 0, "HH:mm"},
        {30 * Minute, 0, "HH:mm"},
        {Hour, 0, "HH:mm"},
        {3 * Hour, 0, "d MMM HH:mm"},
        {6 * Hour, 0, "d MMM HH:mm"},
        {12 * Hour, 0, "d MMM HH:mm"},
        {Day, 0, "d MMM"},
        {2 * Day, 0, "d MMM"},
        {7 * Day, 0, "d MMM"},
        {14 * Day, 0, "d MMM"},
        {30 * Day, 1, "MMM yyyy"},
        {91 * Day, 3, "MMM yyyy"},
        {182 * Day, 6, "MMM yyyy"},
        {365 * Day, 12, "yyyy"},
        {2 * 365 * Day, 24, "yyyy"},
        {5 * 365 * Day, 60, "yyyy"},
    }};
    const qint64 wanted = (toMs - fromMs) / std::max(1, target);
    // The step nearest to the wanted one (on a log scale): about `target` ticks, never far off.
    const Step *step = &steps.front();
    for (const Step &s : steps) {
        if (std::abs(std::log(double(s.ms) / double(std::max<qint64>(wanted, 1))))
            < std::abs(std::log(double(step->ms) / double(std::max<qint64>(wanted, 1)))))
            step = &s;
    }
    ticks.stepMs = step->ms;
    ticks.format = QString::fromLatin1(step->format);
    const QTimeZone zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    QDateTime t = QDateTime::fromMSecsSinceEpoch(fromMs, zone);
    if (step->months > 0) {
        const int month = ((t.date().month() - 1) / std::min(step->months, 12)) * std::min(step->months, 12) + 1;
        QDate d(t.date().year(), month, 1);
        if (step->months > 12)
            d = QDate(t.date().year() - t.date().year() % (step->months / 12), 1, 1);
        t = QDateTime(d, QTime(0, 0), zone);
        while (ticks.timesMs.size() < 100 && t.toMSecsSinceEpoch() <= toMs) {
            if (t.toMSecsSinceEpoch() >= fromMs)
                ticks.timesMs.append(t.toMSecsSinceEpoch());
            t = t.addMonths(step->months);
        }
        return ticks;
    }
    if (step->ms >= Day) {
        // Whole days from a midnight; a week starts on the day that comes out of it.
        t = QDateTime(t.date(), QTime(0, 0), zone);
        const int days = int(step->ms / Day);
        while (ticks.timesMs.size() < 100 && t.toMSecsSinceEpoch() <= toMs) {
            if (t.toMSecsSinceEpoch() >= fromMs)
                ticks.timesMs.append(t.toMSecsSinceEpoch());
            t = t.addDays(days);
        }
        return ticks;
    }
    const qint64 offsetMs = qint64(t.offsetFromUtc()) * 1000;
    qint64 first = ((fromMs + offsetMs + step->ms - 1) / step->ms) * step->ms - offsetMs;
    for (qint64 v = first; v <= toMs && ticks.timesMs.size() < 100; v += step->ms)
        ticks.timesMs.append(v);
    return ticks;
}

QString ChartScale::timeLabel(qint64 timeMs, const QString &format, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeMs, utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    return QLocale().toString(t, format);
}

} // namespace fo::ui
