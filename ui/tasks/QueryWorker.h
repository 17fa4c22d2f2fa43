#pragma once

#include "core/Config.h"
#include "core/Database.h"
#include "core/History.h"
#include "core/RunReport.h"
#include "core/RunThresholds.h"
#include "core/StoredText.h"
#include "ui/chart/ChartData.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/results/OpenedValues.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace fo {
class QueryInterrupt;
}

namespace fo::ui {

// Lives on the query thread: reads what earlier runs stored (history, series, known emails) through its own database
// connection, opened inside that thread and closed with it (STYLE.md 5). Each answer goes back by queued signal with
// the caller's ticket.
class QueryWorker : public QObject
{
    Q_OBJECT

public:
    explicit QueryWorker(QObject *parent = nullptr);
    ~QueryWorker() override;

    // How many values of a type openIteration() reads for its card at least (OpenRequest::samplePoints). Any thread.
    void setOverviewSamplePoints(qint64 points) { m_samplePoints.store(points); }

    // All of these run on the worker's thread.
    // Opens the connection for `config` now, so that the next request does not wait for it (errors wait for it).
    void connectNow(const fo::Config &config);
    void knownEmails(const fo::Config &config, quint64 ticket);
    void iterations(const fo::Config &config, const QString &email, quint64 ticket);
    // Whether the database has any record of `email` (RecordCounts.h).
    void recordPresence(const fo::Config &config, const QString &email, quint64 ticket);
    // How many rows of each table a run for `email` will read.
    void recordCounts(const fo::Config &config, const QString &email, quint64 ticket);
    // Opens `iteration` compared with the stored iteration before it, with every numeric type's sketches for the
    // overview and the values of the type the window shows first (history::openIteration()): see OpenRequest.
    // `previousIteration`: the stored iteration before it when the caller knows it (0: there is none), so that the
    // list of iterations is not read again (a scan of both outlier tables: 0.4 s at 1M rows); -1 when unknown.
    // `keep`: the type the window shows now (kept when the iteration has it). `interrupt` stops the work, the
    // running statement included; the answer then says so (iterationOpened with interrupted set).
    void openIteration(const fo::Config &config, const QString &email, int iteration, int previousIteration,
                       const std::optional<fo::TypeRef> &keep, const std::shared_ptr<fo::QueryInterrupt> &interrupt,
                       quint64 ticket);
    void series(const fo::Config &config, const QString &email, fo::Source source, const fo::TypeKey &type,
                quint64 ticket);
    // The sketches of `types` of `report` (its outliers marked) from every value, read in one pass per table (the
    // run's read, with times): for the PDF report of an iteration whose overview has sketches from samples.
    void exactSketches(const fo::Config &config, const fo::RunReport &report, const QVector<fo::TypeRef> &types,
                       quint64 ticket);
    // The stored values of a type the rule cannot read (StoredText.h).
    void storedText(const fo::Config &config, const QString &email, fo::Source source, const fo::TypeKey &type,
                    quint64 ticket);
    // Opens a fresh connection with `config` and runs a trivial query.
    void testConnection(const fo::Config &config, quint64 ticket);
    // Sorts and maps a series for the chart (a million points take longer than a GUI frame).
    void buildChart(const fo::ui::ChartDataBuilder::Input &input, quint64 ticket);
    // Writes the CSV export; for "all points", first loads the series the report lacks.
    // With `compared`, a status column says which outliers are new since the iteration compared with (`diffs`).
    void exportCsv(const fo::Config &config, const fo::RunReport &report, const QString &path, bool allPoints,
                   bool compared, const QVector<fo::OutlierDiff> &diffs, quint64 ticket);

Q_SIGNALS:
    void knownEmailsLoaded(const QStringList &emails, const QString &error, quint64 ticket);
    void recordPresenceLoaded(const QString &email, bool exists, const QString &error, quint64 ticket);
    void recordCountsLoaded(const QString &email, qint64 raw, qint64 processed, const QString &error, quint64 ticket);
    // `thresholds`: of the iterations this tool wrote (the old job's are not in it).
    void iterationsLoaded(const QString &email, const QVector<fo::IterationInfo> &iterations,
                          const QHash<int, fo::RunThresholds> &thresholds, const QString &error, quint64 ticket);
    // Where opening an iteration is (OpenRequest::Stage), with rows read and the rows expected (an estimate) for
    // the reading stages.
    void openingProgress(int stage, qint64 done, qint64 expected, quint64 ticket);
    // `error`: the iteration could not be opened; `previousError`: the one before could not (hasPrevious false).
    void iterationOpened(bool interrupted, const fo::RunReport &current, const fo::RunReport &previous,
                         bool hasPrevious, const QVector<fo::OutlierDiff> &diffs, const fo::ui::OpenedValues &values,
                         const QString &previousError, const QString &error, quint64 ticket);
    void seriesLoaded(fo::Source source, const fo::TypeKey &type, const fo::Series &series, const QString &error,
                      quint64 ticket);
    void exactSketchesLoaded(const QVector<fo::ui::TypeSketches> &sketches, const QString &error, quint64 ticket);
    void storedTextLoaded(fo::Source source, const fo::TypeKey &type, const fo::StoredText &text, const QString &error,
                          quint64 ticket);
    void connectionTested(bool ok, const QString &message, quint64 ticket);
    void chartBuilt(const fo::ui::ChartData &data, quint64 ticket);
    void csvExported(bool ok, const QString &message, quint64 ticket);

private:
    // The connection for `config`, reopened when the configuration changes.
    Database *database(const Config &config, QString *error);

    std::optional<Database> m_db;
    QString m_dbKey;
    std::atomic<qint64> m_samplePoints {OpenRequest().samplePoints};
};

} // namespace fo::ui
