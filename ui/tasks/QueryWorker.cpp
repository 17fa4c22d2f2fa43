#include "ui/tasks/QueryWorker.h"

#include "core/DatabaseProbe.h"
#include "core/DesktopCsv.h"
#include "core/QueryInterrupt.h"
#include "core/RecordCounts.h"
#include "core/RecordReader.h"
#include "core/ReportWriters.h"
#include "ui/chart/ChartBufferPool.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <algorithm>

namespace fo::ui {

namespace {

QString configKey(const Config &config)
{
    // The password is part of what makes a connection, but it must not sit in memory as plain text longer than
    // needed: keep a hash of it.
    const QByteArray hash = QCryptographicHash::hash(config.dbPassword.toUtf8(), QCryptographicHash::Sha256);
    return config.describeDatabase() + QLatin1Char('#') + QString::fromLatin1(hash.toHex());
}

} // namespace

QueryWorker::QueryWorker(QObject *parent) : QObject(parent) { }

QueryWorker::~QueryWorker() = default;

Database *QueryWorker::database(const Config &config, QString *error)
{
    const QString key = configKey(config);
    if (m_db && key == m_dbKey && m_db->db().isOpen())
        return &*m_db;
    m_db.reset();
    Result<Database> opened = Database::open(config);
    if (!opened.ok()) {
        *error = opened.error();
        return nullptr;
    }
    m_db.emplace(std::move(opened).value());
    m_dbKey = key;
    return &*m_db;
}

void QueryWorker::connectNow(const Config &config)
{
    QString error;
    (void)database(config, &error);
}

void QueryWorker::knownEmails(const Config &config, quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT knownEmailsLoaded({}, error, ticket);
        return;
    }
    Result<QStringList> emails = history::knownEmails(*db);
    Q_EMIT knownEmailsLoaded(emails.ok() ? emails.value() : QStringList(), emails.error(), ticket);
}

void QueryWorker::recordPresence(const Config &config, const QString &email, quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT recordPresenceLoaded(email, false, error, ticket);
        return;
    }
    const Result<bool> exists = records::exist(*db, email);
    Q_EMIT recordPresenceLoaded(email, exists.ok() && exists.value(), exists.error(), ticket);
}

void QueryWorker::recordCounts(const Config &config, const QString &email, quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT recordCountsLoaded(email, -1, -1, error, ticket);
        return;
    }
    const Result<records::Counts> counts = records::count(*db, email);
    if (!counts.ok()) {
        Q_EMIT recordCountsLoaded(email, -1, -1, counts.error(), ticket);
        return;
    }
    Q_EMIT recordCountsLoaded(email, counts->raw, counts->processed, QString(), ticket);
}

void QueryWorker::iterations(const Config &config, const QString &email, quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT iterationsLoaded(email, {}, {}, error, ticket);
        return;
    }
    Result<QVector<IterationInfo>> list = history::iterations(*db, email);
    if (!list.ok()) {
        Q_EMIT iterationsLoaded(email, {}, {}, list.error(), ticket);
        return;
    }
    Result<QHash<int, RunThresholds>> thresholds = storedThresholds(*db, email);
    Q_EMIT iterationsLoaded(email, list.value(), thresholds.ok() ? thresholds.value() : QHash<int, RunThresholds>(),
                            thresholds.error(), ticket);
}

void QueryWorker::openIteration(const Config &config, const QString &email, int iteration, int previousIteration,
                                const std::optional<TypeRef> &keep, const std::shared_ptr<QueryInterrupt> &interrupt,
                                quint64 ticket)
{
    if (interrupt && interrupt->isInterrupted()) {
        Q_EMIT iterationOpened(true, {}, {}, false, {}, {}, {}, {}, ticket);
        return;
    }
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT iterationOpened(false, {}, {}, false, {}, {}, {}, error, ticket);
        return;
    }
    OpenRequest request;
    request.email = email;
    request.iteration = iteration;
    request.previousIteration = previousIteration;
    request.keep = keep;
    request.samplePoints = m_samplePoints.load();
    request.interrupt = interrupt.get();
    request.progress = [this, ticket](OpenRequest::Stage stage, qint64 done, qint64 expected) {
        Q_EMIT openingProgress(int(stage), done, expected, ticket);
    };
    // The window's own rule (ResultsPanel), so that the type read whole is the one it shows.
    const Source keepSource = keep ? keep->source : Source::Raw;
    const std::optional<TypeKey> keepType = keep ? std::optional<TypeKey>(keep->key()) : std::nullopt;
    request.choose = [keepSource, keepType](const RunReport &current, const RunReport *previous,
                                            const QVector<OutlierDiff> &diffs) {
        return ResultsPanel::typeShownFirst(current, previous != nullptr, diffs, keepSource, keepType);
    };
    Result<OpenedIteration> opened = history::openIteration(*db, request);
    if (!opened.ok()) {
        Q_EMIT iterationOpened(false, {}, {}, false, {}, {}, {}, opened.error(), ticket);
        return;
    }
    if (opened->interrupted) {
        Q_EMIT iterationOpened(true, {}, {}, false, {}, {}, {}, {}, ticket);
        return;
    }
    // The overview's sketches, here rather than on the GUI thread; the values themselves go, but the chosen type's.
    OpenedValues values;
    values.chosen = opened->chosen;
    for (TypeValues &typeValues : opened->values) {
        const TypeRef &type = typeValues.type;
        const TableReport &table = opened->current.table(type.source);
        const auto stats = std::find_if(table.types.cbegin(), table.types.cend(), [&](const TypeReport &t) {
            return t.dataType == type.dataType && t.dataTypeIsNull == type.dataTypeIsNull;
        });
        const QVector<OutlierPoint> outliers = stats != table.types.cend() ? stats->outliers : QVector<OutlierPoint>();
        const bool sample = typeValues.sampleEvery > 1;
        TypeSketches sketches;
        sketches.source = type.source;
        sketches.type = type.key();
        sketches.card = SeriesSketch::make(typeValues.series, outliers, OverviewGrid::CardColumns, sample);
        sketches.print = SeriesSketch::make(typeValues.series, outliers, OverviewGrid::PrintColumns, sample);
        sketches.sampleEvery = typeValues.sampleEvery;
        sketches.rows = typeValues.rows;
        values.sketches.append(sketches);
        if (!sample && opened->chosen && type == *opened->chosen) {
            values.hasChosenSeries = true;
            values.chosenSeries = std::move(typeValues.series);
        }
        typeValues.series = Series();
    }
    if (values.hasChosenSeries) {
        // Its chart too, here rather than after one more trip through the (busier, lower-priority) query thread.
        const RunReport *previous = opened->hasPrevious ? &opened->previous : nullptr;
        values.chart = ChartDataBuilder::build(ResultsPanel::chartInput(
            opened->current, previous, values.chosen->source, values.chosen->key(), values.chosenSeries));
        values.hasChart = true;
    }
    Q_EMIT iterationOpened(false, opened->current, opened->previous, opened->hasPrevious, opened->diffs, values,
                           opened->previousError, QString(), ticket);
}

void QueryWorker::series(const Config &config, const QString &email, Source source, const TypeKey &type, quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT seriesLoaded(source, type, {}, error, ticket);
        return;
    }
    Result<Series> loaded = history::loadSeries(*db, email, source, type);
    Q_EMIT seriesLoaded(source, type, loaded.ok() ? loaded.value() : Series(), loaded.error(), ticket);
}

void QueryWorker::exactSketches(const Config &config, const RunReport &report, const QVector<TypeRef> &types,
                                quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT exactSketchesLoaded({}, error, ticket);
        return;
    }
    QVector<TypeSketches> sketches;
    for (const Source source : {Source::Raw, Source::Processed}) {
        if (std::none_of(types.cbegin(), types.cend(), [source](const TypeRef &t) { return t.source == source; }))
            continue;
        ReadRequest request;
        request.source = source;
        request.email = report.email;
        request.withTimes = true;
        std::vector<TypeAccumulator> read;
        const Result<ReadOutcome> outcome = readRecords(*db, request, read);
        if (!outcome.ok()) {
            Q_EMIT exactSketchesLoaded({}, outcome.error(), ticket);
            return;
        }
        for (const TypeRef &type : types) {
            if (type.source != source)
                continue;
            const auto values = std::find_if(read.cbegin(), read.cend(), [&](const TypeAccumulator &a) {
                return a.dataTypeIsNull == type.dataTypeIsNull && a.dataType == type.dataType;
            });
            Series series;
            if (values != read.cend()) {
                series.ids = QVector<qint64>(values->ids.cbegin(), values->ids.cend());
                series.timesMs = QVector<qint64>(values->timesMs.cbegin(), values->timesMs.cend());
                series.values = QVector<double>(values->values.cbegin(), values->values.cend());
            }
            const TableReport &table = report.table(source);
            const auto stats = std::find_if(table.types.cbegin(), table.types.cend(), [&](const TypeReport &t) {
                return t.dataType == type.dataType && t.dataTypeIsNull == type.dataTypeIsNull;
            });
            const QVector<OutlierPoint> outliers =
                stats != table.types.cend() ? stats->outliers : QVector<OutlierPoint>();
            TypeSketches made;
            made.source = source;
            made.type = type.key();
            made.card = SeriesSketch::make(series, outliers, OverviewGrid::CardColumns);
            made.print = SeriesSketch::make(series, outliers, OverviewGrid::PrintColumns);
            made.rows = series.ids.size();
            sketches.append(made);
        }
    }
    Q_EMIT exactSketchesLoaded(sketches, QString(), ticket);
}

void QueryWorker::storedText(const Config &config, const QString &email, Source source, const TypeKey &type,
                             quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT storedTextLoaded(source, type, {}, error, ticket);
        return;
    }
    Result<StoredText> loaded = loadStoredText(*db, email, source, type);
    Q_EMIT storedTextLoaded(source, type, loaded.ok() ? loaded.value() : StoredText(), loaded.error(), ticket);
}

void QueryWorker::testConnection(const Config &config, quint64 ticket)
{
    const ProbeAnswer answer = DatabaseProbe::check(config);
    Q_EMIT connectionTested(answer.ok(), answer.message, ticket);
}

void QueryWorker::buildChart(const ChartDataBuilder::Input &input, quint64 ticket)
{
    const ChartData data = ChartDataBuilder::build(input);
    const bool copied = !data.ids.isSharedWith(input.series.ids);
    const qsizetype n = data.points.size();
    Q_EMIT chartBuilt(data, ticket);
    // Memory for the next chart of this size, written now, while the operator looks at this one (ChartBufferPool).
    ChartBufferPool::instance().prepare(n, copied);
}

void QueryWorker::exportCsv(const Config &config, const RunReport &report, const QString &path, bool allPoints,
                            bool compared, const QVector<OutlierDiff> &diffs, quint64 ticket)
{
    RunReport filled = report;
    if (allPoints) {
        Database *db = nullptr;
        for (Source source : {Source::Raw, Source::Processed}) {
            for (TypeReport &type : filled.table(source).types) {
                if (!type.series.ids.isEmpty())
                    continue;
                QString error;
                if (!db)
                    db = database(config, &error);
                if (!db) {
                    Q_EMIT csvExported(false, error, ticket);
                    return;
                }
                Result<Series> loaded = history::loadSeries(*db, report.email, source, type.key());
                if (!loaded.ok()) {
                    Q_EMIT csvExported(false, loaded.error(), ticket);
                    return;
                }
                type.series = loaded.value();
            }
        }
    }
    const Status written = writeDesktopCsvFile(filled, compared ? &diffs : nullptr, path, allPoints);
    if (!written.ok()) {
        Q_EMIT csvExported(false, written.error(), ticket);
        return;
    }
    Q_EMIT csvExported(true, tr("Exported to %1.").arg(QFileInfo(path).absoluteFilePath()), ticket);
}

} // namespace fo::ui
