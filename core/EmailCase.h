#pragma once

#include <QString>

namespace fo {

class Database;

// For a run that found no rows for `email` in either record table: the warning "no records for X; records exist for
// Y" when rows exist under the same address in another letter case (up to three such addresses), else an empty
// string. The run itself still matches the email exactly, as the platform does (docs/platform.md, section 2); this only
// tells the operator why it found nothing. One query (lower(email) = lower(?), a few rows at most); a failed query
// gives no warning, and is logged.
QString otherCaseWarning(Database &db, const QString &email);

} // namespace fo
