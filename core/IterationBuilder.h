#pragma once

#include "core/Result.h"
#include "core/RunReport.h"

#include <QHash>
#include <QMap>
#include <QPair>

#include <optional>

namespace fo {

class Database;

// Puts one stored iteration together as a report: this tool's record of the run (find_outliers_runs, with the
// per-type statistics of find_outliers_run_types) when there is one, then the iteration's outliers, added per table
// in record id order. history::loadIteration() reads the outliers with one query per table; the desktop's opening
// (IterationOpener) gets them from its read of the user's records. Both build the report here, so that they give
// the same one.
class IterationBuilder
{
public:
    IterationBuilder(const QString &email, int iteration);

    // This tool's record of the run and its per-type statistics, when it has one (hasRun()).
    Status readRun(Database &db);
    bool hasRun() const { return !m_report.runId.isEmpty(); }
    const RunReport &header() const { return m_report; }
    // The per-type statistics read with the run: (source, type key) -> statistics, and the outliers the run stored
    // for each type (what find_outliers_run_types says, before any outlier row is read).
    const QMap<QPair<Source, QString>, TypeReport> &types() const { return m_types; }
    qint64 storedOutliers(Source source, const QString &typeKey) const
    {
        return m_storedOutliers.value({source, typeKey});
    }

    // One outlier row. `value` is the record's stored text (nullopt: NULL); times in ms since the epoch, UTC.
    // Call raw before processed, each in record id order.
    void addOutlier(Source source, qint64 recordId, const QString &dataType, bool dataTypeIsNull,
                    const std::optional<QByteArray> &value, qint64 timeMs, qint64 iterationTimeMs);

    // The report; an error when the iteration is stored nowhere (no run record and no outlier row).
    Result<RunReport> finish();

    // A data type as a map key: a NULL type (a group of its own) is kept apart from the empty text by a NUL
    // character, which PostgreSQL text can never hold.
    static QString typeKey(const QString &dataType, bool isNull);

private:
    RunReport m_report;
    QMap<QPair<Source, QString>, TypeReport> m_types; // (source, type key) -> statistics and outliers
    QMap<QPair<Source, QString>, qint64> m_storedOutliers;
    bool m_any = false;
};

} // namespace fo
