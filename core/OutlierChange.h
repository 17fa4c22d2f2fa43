#pragma once

#include "core/RunReport.h"

#include <QVector>

#include <vector>

namespace fo {

// How an outlier of one iteration relates to an earlier one it is compared with (records matched by id): flagged in
// both (persisting), only in the later one (new), or only in the earlier one (resolved).
enum class OutlierChange { New, Persisting, Resolved };

// The one place that tells new, persisting and resolved outliers apart: the history's per-type counts, the results
// table and the chart all ask it. Built from the record ids of the same source in both iterations (a record has one
// data type, so ids of every type of a source may be given together); each side is sorted once, then looked up.
class OutlierComparison
{
public:
    OutlierComparison(std::vector<qint64> previousIds, std::vector<qint64> currentIds);

    // The record ids of these outliers, in any order and with repeats: what the constructor takes.
    static std::vector<qint64> idsOf(const QVector<OutlierPoint> &outliers);
    // The ids of every outlier of `source` in the report, of all its types.
    static std::vector<qint64> idsOf(const RunReport &report, Source source);

    // An outlier of the current iteration: New or Persisting.
    OutlierChange ofCurrent(qint64 recordId) const;
    // An outlier of the previous iteration is resolved when the current one no longer flags it (otherwise it is the
    // same point as a persisting one of the current iteration).
    bool isResolved(qint64 previousRecordId) const;

    // Each kind's ids, sorted, without repeats: New and Persisting from the current iteration, Resolved from the
    // previous one.
    QVector<qint64> ids(OutlierChange change) const;

private:
    std::vector<qint64> m_previous; // sorted, unique
    std::vector<qint64> m_current; // sorted, unique
};

// New, resolved and persisting outliers between two iterations, per data type. Records are matched by id.
struct OutlierDiff
{
    QString dataType; // as stored; empty when dataTypeIsNull
    Source source = Source::Raw;
    QVector<qint64> added; // in `current`, not in `previous`
    QVector<qint64> resolved; // in `previous`, not in `current`
    QVector<qint64> persisting; // in both
    bool dataTypeIsNull = false; // the NULL type, a group of its own apart from ""

    TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }
};
QVector<OutlierDiff> compareRuns(const RunReport &previous, const RunReport &current);

} // namespace fo
