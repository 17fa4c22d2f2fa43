#pragma once

#include <QString>
#include <QtGlobal>

#include <limits>

namespace fo::ui {

// QDateTimeAxis labels its values in local time (Qt 6.4 has no time-spec setting). The charts place each point at
// "UTC wall time read as local time", so that the axis shows UTC whatever the machine's time zone. With TZ=UTC the
// mapping is the identity.
//
// With setUtc(false) (the chart's UTC / local switch) the axis shows the machine's local time instead: the mapping is
// then the identity, and charts built before the switch must be built again.
class ChartTime
{
public:
    static double toAxis(qint64 utcMs);
    static qint64 fromAxis(double axisValue);

    // Maps a run of times (a series' points) as toAxis() does, looking the zone's offset up once per hour of time
    // rather than once per point: the offset only changes on hour boundaries.
    class Mapper
    {
    public:
        double toAxis(qint64 utcMs)
        {
            if (!m_utc)
                return double(utcMs);
            // Two comparisons, not a 64-bit division per point (a division costs more than the rest of the copy).
            if (utcMs < m_quarterStart || utcMs >= m_quarterStart + QuarterMs)
                refill(utcMs);
            return m_exact ? double(utcMs - m_offsetMs) : ChartTime::toAxis(utcMs);
        }

    private:
        // Offsets change on quarter hours only: within one, toAxis() is utcMs minus one offset, except in the quarter
        // where the local clock skips forward (m_exact false: each point asks toAxis()).
        static constexpr qint64 QuarterMs = 15 * 60 * 1000;
        void refill(qint64 utcMs);
        bool m_utc = isUtc();
        qint64 m_quarterStart = std::numeric_limits<qint64>::max() - QuarterMs; // none yet: the first time misses
        qint64 m_offsetMs = 0;
        bool m_exact = true;
    };

    static void setUtc(bool utc);
    static bool isUtc();
    // "UTC", or the local zone's abbreviation ("MSK") or offset.
    static QString zoneName();
    // A UTC time as the chart shows it, with `format`.
    static QString text(qint64 utcMs, const QString &format);
};

} // namespace fo::ui
