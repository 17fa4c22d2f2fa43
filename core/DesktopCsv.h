#pragma once

#include "core/History.h"
#include "core/Result.h"
#include "core/RunReport.h"

#include <QStringList>
#include <QVector>

class QIODevice;

namespace fo {

// The desktop's CSV export: the columns of the headless --csv (ReportWriters.h: same cells, same quoting and formula
// guard), then `unit` (DataUnits.h; empty when unknown), then, when an iteration is compared with the one before it,
// `status` (new or persisting), and with `allPoints` the last column `is_outlier` (0/1) with one row per numeric
// point. `diffs` is null when nothing is compared.
QStringList desktopCsvHeader(bool allPoints, bool compared);
Status writeDesktopCsv(const RunReport &report, const QVector<OutlierDiff> *diffs, QIODevice &out, bool allPoints);
Status writeDesktopCsvFile(const RunReport &report, const QVector<OutlierDiff> *diffs, const QString &path,
                           bool allPoints);

} // namespace fo
