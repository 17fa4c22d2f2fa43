#include "ui/chart/ChartTime.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

namespace fo::ui {

namespace {

constexpr qint64 QuarterMs = 15 * 60 * 1000;
std::atomic_bool s_utc {true}; // read by the query thread's chart builder

const QTimeZone &systemZone()
{
    static const QTimeZone zone = QTimeZone::systemTimeZone();
    return zone;
}

// Local offset from UTC in ms at `utcMs`, cached per quarter hour (every change of offset in the time zone database
// since 1980 falls on a quarter hour: Adelaide's, for one, at 16:30 UTC).
qint64 localOffsetMs(qint64 utcMs)
{
    static const bool fixed = !systemZone().hasTransitions();
    static const qint64 fixedOffset = qint64(systemZone().offsetFromUtc(QDateTime::currentDateTimeUtc())) * 1000;
    if (fixed)
        return fixedOffset;
    thread_local QHash<qint64, qint64> cache;
    const qint64 quarter = utcMs >= 0 ? utcMs / QuarterMs : (utcMs - QuarterMs + 1) / QuarterMs;
    auto it = cache.constFind(quarter);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 200000)
        cache.clear();
    const qint64 offset =
        qint64(systemZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(quarter * QuarterMs, Qt::UTC))) * 1000;
    cache.insert(quarter, offset);
    return offset;
}

} // namespace

double ChartTime::toAxis(qint64 utcMs)
{
    if (!s_utc)
        return double(utcMs);
    // The axis value a whose local reading is utcMs's wall time: a + offset(a) == utcMs. The offset at utcMs itself
    // is the first guess; near a change of offset the offset at the guess is the right one.
    const qint64 first = utcMs - localOffsetMs(utcMs);
    const qint64 offset = localOffsetMs(first);
    if (first + offset == utcMs)
        return double(first);
    const qint64 second = utcMs - offset;
    if (second + localOffsetMs(second) == utcMs)
        return double(second);
    // A wall time the local clock skips (spring forward): no axis value reads as it. The instant of the change keeps
    // the axis in time order.
    const QTimeZone::OffsetData change =
        systemZone().nextTransition(QDateTime::fromMSecsSinceEpoch(std::min(first, second) - 1, Qt::UTC));
    return change.atUtc.isValid() ? double(change.atUtc.toMSecsSinceEpoch()) : double(first);
}

void ChartTime::Mapper::refill(qint64 utcMs)
{
    m_quarterStart = (utcMs >= 0 ? utcMs / QuarterMs : (utcMs - QuarterMs + 1) / QuarterMs) * QuarterMs;
    const qint64 last = m_quarterStart + QuarterMs - 1;
    m_offsetMs = m_quarterStart - qint64(ChartTime::toAxis(m_quarterStart));
    m_exact = qint64(ChartTime::toAxis(last)) == last - m_offsetMs;
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
