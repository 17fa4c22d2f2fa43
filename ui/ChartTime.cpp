#include "ChartTime.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace fo::ui {

namespace {

constexpr qint64 HourMs = 3600 * 1000;

// Local offset from UTC in ms at `utcMs`, cached per hour (DST changes happen on hour boundaries).
qint64 localOffsetMs(qint64 utcMs)
{
    static const QTimeZone zone = QTimeZone::systemTimeZone();
    static const bool fixed = !zone.hasTransitions();
    static const qint64 fixedOffset = qint64(zone.offsetFromUtc(QDateTime::currentDateTimeUtc())) * 1000;
    if (fixed)
        return fixedOffset;
    thread_local QHash<qint64, qint64> cache;
    const qint64 hour = utcMs >= 0 ? utcMs / HourMs : (utcMs - HourMs + 1) / HourMs;
    auto it = cache.constFind(hour);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 200000)
        cache.clear();
    const qint64 offset = qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(hour * HourMs, Qt::UTC))) * 1000;
    cache.insert(hour, offset);
    return offset;
}

} // namespace

double ChartTime::toAxis(qint64 utcMs)
{
    return double(utcMs - localOffsetMs(utcMs));
}

qint64 ChartTime::fromAxis(double axisValue)
{
    const auto v = qint64(axisValue);
    return v + localOffsetMs(v);
}

} // namespace fo::ui
