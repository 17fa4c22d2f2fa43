#pragma once

#include "core/RunReport.h"

#include <QString>

namespace fo {

// The names of the platform's tables and columns for each source (docs/platform.md 1): the one place they are
// spelled for the statements that read and write them.
QString recordTable(Source source); // raw_records, processed_records
QString outlierTable(Source source); // outliers_records, processed_records_outliers_records
QString outlierIdColumn(Source source); // raw_record_id, processed_record_id: the record an outlier row points to

} // namespace fo
