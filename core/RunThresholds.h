#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QHash>
#include <QString>

namespace fo {

class Database;

// The thresholds each stored iteration of an email was computed with, from this tool's runs table (docs/platform.md,
// section 1: our own tables). Iterations the old job wrote are not in it: it always used k = 3 and k = 2.
struct RunThresholds
{
    double raw = DefaultRawThreshold;
    double processed = DefaultProcessedThreshold;
};

Result<QHash<int, RunThresholds>> storedThresholds(Database &db, const QString &email);

} // namespace fo
