#include "ui/chart/ChartTime.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <atomic>

namespace fo::ui {

namespace {

constexpr qint64 HourMs = 3600 * 1000;
std::atomic_bool s_utc{true}; // read by the query thread's chart builder

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
    return s_utc ? double(utcMs - localOffsetMs(utcMs)) : double(utcMs);
}

qint64 ChartTime::fromAxis(double axisValue)
{
    const auto v = qint64(axisValue);
    return s_utc ? v + localOffsetMs(v) : v;
}

void ChartTime::setUtc(bool utc)
{
    s_utc = utc;
}

bool ChartTime::isUtc()
{
    return s_utc;
}

QString ChartTime::zoneName()
{
    if (s_utc)
        return QStringLiteral("UTC");
    const QDateTime now = QDateTime::currentDateTime();
    const QString abbreviation = now.timeZoneAbbreviation();
    return abbreviation.isEmpty() ? now.timeZone().displayName(now, QTimeZone::OffsetName) : abbreviation;
}

QString ChartTime::text(qint64 utcMs, const QString &format)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, s_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
    return t.toString(format);
}

} // namespace fo::ui
