#pragma once

#include <QString>

namespace fo {

// The unit of a data type's values as the platform's web front end labels its charts (docs/platform.md, section 8).
// Values are stored and shown as they are: no conversion is known. Empty for the types the front end does not chart.
QString unitOf(const QString &dataType);

} // namespace fo
