#pragma once

#include "core/Result.h"

#include <QString>

namespace fo {

class Database;

// How many records the platform holds for one email, asked before a run from the desktop: whether there is anything
// to check at all (an email with no records would still get an iteration and two messages), and how many rows the
// run will read, so that its progress can say "rows read of rows expected". Both use the platform's index on
// `email` (docs/platform.md, section 1).
namespace records {

// True when raw_records or processed_records has a row for the email. Cheap at any size: two index probes.
Result<bool> exist(Database &db, const QString &email);

struct Counts
{
    qint64 raw = 0;
    qint64 processed = 0;
};

// COUNT(*) of each table for the email: an index scan over the email's rows (its cost at 1M and 3M rows is measured
// by tests/ui/bench/open-iteration.sh).
Result<Counts> count(Database &db, const QString &email);

} // namespace records
} // namespace fo
