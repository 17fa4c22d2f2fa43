#include "ui/tasks/QueryWorker.h"

#include "core/DatabaseProbe.h"
#include "core/DesktopCsv.h"
#include "core/RecordCounts.h"
#include "core/ReportWriters.h"
#include "ui/chart/ChartBufferPool.h"

#include <QCryptographicHash>
#include <QFileInfo>

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

void QueryWorker::comparison(const Config &config, const QString &email, int iteration, int previousIteration,
                             quint64 ticket)
{
    QString error;
    Database *db = database(config, &error);
    if (!db) {
        Q_EMIT comparisonLoaded({}, {}, false, {}, error, ticket);
        return;
    }
    Q_EMIT comparisonProgress(tr("Reading iteration #%1…").arg(iteration), ticket);
    Result<RunReport> current = history::loadIteration(*db, email, iteration);
    if (!current.ok()) {
        Q_EMIT comparisonLoaded({}, {}, false, {}, current.error(), ticket);
        return;
    }
    if (previousIteration < 0) {
        Result<QVector<IterationInfo>> list = history::iterations(*db, email);
        if (!list.ok()) {
            Q_EMIT comparisonLoaded(current.value(), {}, false, {}, list.error(), ticket);
            return;
        }
        // The newest stored iteration older than this one (the list is newest first).
        previousIteration = 0;
        for (const IterationInfo &info : list.value()) {
            if (info.iteration < iteration) {
                previousIteration = info.iteration;
                break;
            }
        }
    }
    if (previousIteration == 0) {
        Q_EMIT comparisonLoaded(current.value(), {}, false, {}, QString(), ticket);
        return;
    }
    Q_EMIT comparisonProgress(tr("Reading iteration #%1, the one before…").arg(previousIteration), ticket);
    Result<RunReport> previous = history::loadIteration(*db, email, previousIteration);
    if (!previous.ok()) {
        Q_EMIT comparisonLoaded(current.value(), {}, false, {}, previous.error(), ticket);
        return;
    }
    Q_EMIT comparisonProgress(tr("Comparing…"), ticket);
    const QVector<OutlierDiff> diffs = compareRuns(previous.value(), current.value());
    Q_EMIT comparisonLoaded(current.value(), previous.value(), true, diffs, QString(), ticket);
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
