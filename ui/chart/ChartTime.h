#pragma once

#include <QString>
#include <QtGlobal>

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

    static void setUtc(bool utc);
    static bool isUtc();
    // "UTC", or the local zone's abbreviation ("MSK") or offset.
    static QString zoneName();
    // A UTC time as the chart shows it, with `format`.
    static QString text(qint64 utcMs, const QString &format);
};

} // namespace fo::ui
