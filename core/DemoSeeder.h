#pragma once

#include "core/Result.h"

#include <QString>

namespace fo {

class Database;

// The deterministic demo user of `find-outliers --demo`: several data types over 90 days from 2026-06-01 UTC,
// plausible values, a few spikes and a few non-numeric values. The same rows every time, on any machine.
namespace demo {

inline constexpr const char *Email = "demo@example.com";

// Inserts the demo user's records unless that user already has some. Returns the number of rows inserted (0 when
// the user was already there).
Result<qint64> seed(Database &db);

} // namespace demo
} // namespace fo
