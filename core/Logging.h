#pragma once

class QSqlDatabase;

namespace fo {

// The headless tool's message handler: stderr carries the tool's own messages only. Log lines of our categories
// (fo.*, filtered by the rules --verbose sets) print as before; Qt's own messages (QtSql's "Unable to free
// statement", a driver's warning) print only with `verbose`. Every message has its control characters escaped
// (escapeControlChars), so that a log line is always one line. Installs once; a second call only changes
// `verbose`.
void installMessageHandler(bool verbose);

// Server notices on a PostgreSQL connection (NOTICE, WARNING: from a trigger, a DROP ... IF EXISTS, a
// deprecation) go to the log category fo.core.db.server at debug level, instead of libpq's default of printing
// them raw on stderr. Does nothing for other drivers.
void routeServerNotices(QSqlDatabase &db);

} // namespace fo
