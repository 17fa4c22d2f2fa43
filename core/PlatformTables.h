#pragma once

#include "core/RunReport.h"

#include <QString>

class QSqlQuery;

namespace fo {

// The names of the platform's tables and columns for each source (docs/platform.md 1): the one place they are
// spelled for the statements that read and write them.
QString recordTable(Source source); // raw_records, processed_records
QString outlierTable(Source source); // outliers_records, processed_records_outliers_records
QString outlierIdColumn(Source source); // raw_record_id, processed_record_id: the record an outlier row points to

// The condition that picks one data type's rows of a record table: "data_type = ?", whose text bindDataType() binds,
// or "data_type IS NULL" for the NULL type (which "=" never matches), binding nothing. The same SQL on PostgreSQL
// and SQLite (they spell "is not distinct from" differently), and the email index serves both.
QString dataTypeCondition(const TypeKey &type);
void bindDataType(QSqlQuery &query, const TypeKey &type);

} // namespace fo
