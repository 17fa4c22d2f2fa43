#pragma once

#include <QtGlobal>

namespace fo::ui {

// QDateTimeAxis labels its values in local time (Qt 6.4 has no time-spec setting). The charts place each point at
// "UTC wall time read as local time", so that the axis shows UTC whatever the machine's time zone. With TZ=UTC the
// mapping is the identity.
class ChartTime
{
public:
    static double toAxis(qint64 utcMs);
    static qint64 fromAxis(double axisValue);
};

} // namespace fo::ui
