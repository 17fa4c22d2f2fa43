#pragma once

#include "core/RunReport.h"

#include <QJsonObject>
#include <QVector>

namespace fo {

// The closing summary of a batch (--emails-from, --all-users): how many emails completed, failed and were cancelled,
// the rows read, the wall time and the slowest emails. Printed as text, and as JSON with --log-format json.
struct BatchSummary
{
    static constexpr int SlowestShown = 5;

    struct Slow
    {
        QString email;
        double seconds = 0;
        qint64 rows = 0;
    };

    int emails = 0;
    int completed = 0; // completed, or dry-run
    int cancelled = 0;
    QStringList failed;
    qint64 rowsRead = 0; // raw and processed, of the emails that completed
    double wallSeconds = 0;
    int jobs = 1;
    QString shard; // "I/N", or empty
    QVector<Slow> slowest; // slowest first, at most SlowestShown

    // seconds[i] is the time of reports[i] (all its attempts).
    static BatchSummary of(const QVector<RunReport> &reports, const QVector<double> &seconds, double wallSeconds,
                           int jobs, const QString &shard);

    // "N emails in X s with J jobs: C completed, F failed (a, b), K cancelled; R rows read, U emails/s"
    QString text() const;
    // "slowest: a@x 0.12 s (6250 rows), ..."; empty when nothing ran
    QString slowestText() const;
    QJsonObject toJson() const;
};

} // namespace fo
