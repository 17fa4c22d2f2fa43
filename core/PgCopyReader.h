#pragma once

#include "core/RecordReader.h"

struct pg_conn; // libpq's PGconn

namespace fo {

class Database;

// The bulk read for PostgreSQL. Streams `COPY (SELECT id, data_type, value [, time] FROM <table> WHERE email = ...)
// TO STDOUT (FORMAT binary)`, with data_type and value selected as RecordColumns says (as text), over the libpq
// connection that QtSql's QPSQL driver holds for `db` (no second connection), parses each row in place, and groups by
// data type exactly as the QtSql path does: same rows, same values in id order, same counts, same times in
// milliseconds. The email goes to the server as a bound parameter (into a session setting that the COPY reads back,
// since COPY takes no parameters), never inside the SQL text.
//
// A failure (also a connection killed mid-COPY) comes back as an Error with the server's message; the connection
// is then either idle and usable, or lost, and QtSql reports it as such on its next use. On cancellation the COPY
// is cancelled on the server and drained, leaving the connection idle.
class PgCopyReader
{
public:
    explicit PgCopyReader(Database &db);

    // False when `db` is not a QPSQL connection whose libpq handle is open, idle (or in a transaction) and talks
    // UTF-8: then read with QtSql instead.
    bool isAvailable() const { return m_conn != nullptr; }

    // `columns` comes from recordColumns(): it has checked the column types this read relies on (an integer id,
    // data_type and value as text, a timestamp time).
    Result<ReadOutcome> read(const ReadRequest &request, const RecordColumns &columns,
                             std::vector<TypeAccumulator> &types);

private:
    pg_conn *m_conn = nullptr;
};

} // namespace fo
