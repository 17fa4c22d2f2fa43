#include "core/StageTimer.h"

#include <QStringList>

#include <cstring>

namespace fo {

void StageTimer::start()
{
    m_laps.clear();
    m_timer.start();
    m_last = 0;
}

void StageTimer::lap(const char *stage)
{
    if (!m_timer.isValid())
        return;
    const qint64 now = m_timer.nsecsElapsed();
    const qint64 spent = now - m_last;
    m_last = now;
    for (Lap &lap : m_laps) {
        if (std::strcmp(lap.stage, stage) == 0) {
            lap.nsecs += spent;
            return;
        }
    }
    m_laps.append(Lap {stage, spent});
}

qint64 StageTimer::totalNsecs() const
{
    qint64 total = 0;
    for (const Lap &lap : m_laps)
        total += lap.nsecs;
    return total;
}

QString StageTimer::text() const
{
    QStringList parts;
    for (const Lap &lap : m_laps)
        parts << QStringLiteral("%1 %2").arg(QLatin1String(lap.stage),
                                             QString::number(double(lap.nsecs) / 1e6, 'f', 2));
    return parts.join(QStringLiteral(", "));
}

} // namespace fo
