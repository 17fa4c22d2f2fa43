// history::openIteration, what the desktop reads when it opens a stored iteration (issue 12 item 6), against a real
// PostgreSQL with the demo user's records and two stored runs: the same reports as loadIteration() and the same
// comparison, the chosen type's every value as loadSeries() reads them (whether or not it was foretold), the
// overview's samples (the records whose id hashes to a multiple of n, in id order, values as read), and an interrupt.
// On SQLite the same reports, and no values (the window reads them per type).

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "core/History.h"
#include "core/IterationOpener.h"
#include "core/Pipeline.h"
#include "core/QueryInterrupt.h"
#include "tests/e2e/E2eSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace fo;
using namespace fo::test;

namespace {

const QString Email = QString::fromLatin1(demo::Email);

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// Every field the window shows, compared; the first difference, or an empty string.
QString difference(const RunReport &a, const RunReport &b)
{
    if (a.email != b.email || a.iteration != b.iteration || a.runId != b.runId || a.startedAt != b.startedAt
        || a.finishedAt != b.finishedAt || a.rawThreshold != b.rawThreshold
        || a.processedThreshold != b.processedThreshold || a.operatorEmail != b.operatorEmail)
        return QStringLiteral("header");
    for (const Source source : {Source::Raw, Source::Processed}) {
        const TableReport &x = a.table(source);
        const TableReport &y = b.table(source);
        if (x.k != y.k || x.rows != y.rows || x.outlierCount != y.outlierCount || x.types.size() != y.types.size())
            return QStringLiteral("%1 table").arg(sourceName(source));
        for (qsizetype i = 0; i < x.types.size(); ++i) {
            const TypeReport &s = x.types[i];
            const TypeReport &t = y.types[i];
            if (s.dataType != t.dataType || s.dataTypeIsNull != t.dataTypeIsNull || s.rows != t.rows
                || s.numericRows != t.numericRows || s.skippedRows != t.skippedRows || !sameNumber(s.mean, t.mean)
                || !sameNumber(s.std, t.std) || s.k != t.k || s.outliers.size() != t.outliers.size())
                return QStringLiteral("type %1").arg(s.dataType);
            for (qsizetype j = 0; j < s.outliers.size(); ++j) {
                const OutlierPoint &p = s.outliers[j];
                const OutlierPoint &q = t.outliers[j];
                if (p.recordId != q.recordId || p.time != q.time || !sameNumber(p.value, q.value)
                    || !sameNumber(p.z, q.z))
                    return QStringLiteral("outlier %1 of %2").arg(p.recordId).arg(s.dataType);
            }
        }
    }
    return QString();
}

const TypeValues *valuesOf(const OpenedIteration &opened, Source source, const QString &dataType)
{
    for (const TypeValues &values : opened.values) {
        if (values.type.source == source && values.type.dataType == dataType)
            return &values;
    }
    return nullptr;
}

} // namespace

class TestOpenIteration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameReportsAsLoadIteration();
    void chosenTypeIsWhole_data();
    void chosenTypeIsWhole();
    void overviewSamples();
    void oddTypeNames_data();
    void oddTypeNames();
    void interrupted();
    void sqliteReadsNoValues();

private:
    Result<OpenedIteration> open(const OpenRequest &request);

    QString m_dbName;
    std::optional<Database> m_db;
    RunReport m_first;
    RunReport m_second;
};

void TestOpenIteration::initTestCase()
{
    QVERIFY2(pgServer(), "No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    QString error;
    m_dbName = createDatabase(QStringLiteral("open_iteration"), &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    Result<Database> db = Database::open(pgConfig(m_dbName));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db.emplace(std::move(db).value());
    const Result<qint64> seeded = demo::seed(*m_db);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error()));
    // Two stored runs, the second with lower thresholds: new outliers in raw and processed types.
    RunRequest request;
    request.email = Email;
    request.notify = false;
    m_first = Pipeline(pgConfig(m_dbName)).run(request);
    QVERIFY2(m_first.status == RunStatus::Completed, qPrintable(m_first.error));
    request.rawThreshold = 2.0;
    request.processedThreshold = 1.5;
    m_second = Pipeline(pgConfig(m_dbName)).run(request);
    QVERIFY2(m_second.status == RunStatus::Completed, qPrintable(m_second.error));
}

void TestOpenIteration::cleanupTestCase()
{
    m_db.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
}

Result<OpenedIteration> TestOpenIteration::open(const OpenRequest &request)
{
    return history::openIteration(*m_db, request);
}

void TestOpenIteration::sameReportsAsLoadIteration()
{
    for (const int previous : {m_first.iteration, -1}) {
        OpenRequest request;
        request.email = Email;
        request.iteration = m_second.iteration;
        request.previousIteration = previous; // known, or looked up in the list of iterations
        QVector<OpenRequest::Stage> stages;
        request.progress = [&stages](OpenRequest::Stage stage, qint64, qint64) {
            if (stages.isEmpty() || stages.last() != stage)
                stages.append(stage);
        };
        const Result<OpenedIteration> opened = open(request);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QVERIFY(!opened->interrupted);
        QVERIFY(opened->hasPrevious);
        const Result<RunReport> current = history::loadIteration(*m_db, Email, m_second.iteration);
        const Result<RunReport> before = history::loadIteration(*m_db, Email, m_first.iteration);
        QVERIFY(current.ok() && before.ok());
        QVERIFY2(difference(opened->current, current.value()).isEmpty(),
                 qPrintable(difference(opened->current, current.value())));
        QVERIFY2(difference(opened->previous, before.value()).isEmpty(),
                 qPrintable(difference(opened->previous, before.value())));
        const QVector<OutlierDiff> diffs = compareRuns(before.value(), current.value());
        QCOMPARE(opened->diffs.size(), diffs.size());
        qint64 added = 0;
        for (qsizetype i = 0; i < diffs.size(); ++i) {
            QCOMPARE(opened->diffs[i].dataType, diffs[i].dataType);
            QCOMPARE(opened->diffs[i].added, diffs[i].added);
            QCOMPARE(opened->diffs[i].resolved, diffs[i].resolved);
            QCOMPARE(opened->diffs[i].persisting, diffs[i].persisting);
            added += diffs[i].added.size();
        }
        QVERIFY(added > 0);
        // Every numeric type of the run has values, for its card.
        for (const Source source : {Source::Raw, Source::Processed}) {
            for (const TypeReport &type : current->table(source).types) {
                if (type.numericRows > 0)
                    QVERIFY2(valuesOf(opened.value(), source, type.dataType), qPrintable(type.dataType));
            }
        }
        QCOMPARE(stages.first(), OpenRequest::Stage::ReadingRuns);
        QVERIFY(stages.contains(OpenRequest::Stage::ReadingRecords));
        QCOMPARE(stages.last(), OpenRequest::Stage::Comparing);
    }
    // The first iteration, with none before it.
    OpenRequest request;
    request.email = Email;
    request.iteration = m_first.iteration;
    request.previousIteration = 0;
    const Result<OpenedIteration> opened = open(request);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(!opened->hasPrevious);
    QVERIFY(opened->diffs.isEmpty());
    const Result<RunReport> first = history::loadIteration(*m_db, Email, m_first.iteration);
    QVERIFY2(difference(opened->current, first.value()).isEmpty(),
             qPrintable(difference(opened->current, first.value())));
    // An iteration that is not stored: the error loadIteration() gives.
    request.iteration = m_second.iteration + 5;
    QVERIFY(!open(request).ok());
}

void TestOpenIteration::chosenTypeIsWhole_data()
{
    QTest::addColumn<bool>("foretold");
    // The type the window keeps is read whole with the rest; another one is read after the comparison.
    QTest::newRow("kept, foretold") << true;
    QTest::newRow("not foretold") << false;
}

void TestOpenIteration::chosenTypeIsWhole()
{
    QFETCH(bool, foretold);
    const TypeRef heart {Source::Raw, QStringLiteral("HeartRateRecord"), false};
    const TypeRef steps {Source::Processed, QStringLiteral("StepsRecord"), false};
    OpenRequest request;
    request.email = Email;
    request.iteration = m_second.iteration;
    request.previousIteration = m_first.iteration;
    request.samplePoints = 16; // so that every other type is sampled
    request.keep = heart;
    const TypeRef chosen = foretold ? heart : steps;
    request.choose = [chosen](const RunReport &, const RunReport *, const QVector<OutlierDiff> &) { return chosen; };
    bool readType = false;
    request.progress = [&readType](OpenRequest::Stage stage, qint64, qint64) {
        readType = readType || stage == OpenRequest::Stage::ReadingType;
    };
    const Result<OpenedIteration> opened = open(request);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(opened->chosen && *opened->chosen == chosen);
    QCOMPARE(readType, !foretold);
    const TypeValues *values = valuesOf(opened.value(), chosen.source, chosen.dataType);
    QVERIFY(values);
    QCOMPARE(values->sampleEvery, qint64(1));
    const Result<Series> series = history::loadSeries(*m_db, Email, chosen.source, chosen.key());
    QVERIFY(series.ok());
    QVERIFY(series->ids.size() > 16);
    QCOMPARE(values->series.ids, series->ids);
    QCOMPARE(values->series.timesMs, series->timesMs);
    QCOMPARE(values->series.values, series->values);
    // The other, not chosen, is a sample.
    const TypeValues *other =
        valuesOf(opened.value(), foretold ? steps.source : heart.source, foretold ? steps.dataType : heart.dataType);
    QVERIFY(other);
    QVERIFY(foretold ? other->sampleEvery > 1 : other->sampleEvery >= 1);
}

void TestOpenIteration::overviewSamples()
{
    OpenRequest request;
    request.email = Email;
    request.iteration = m_second.iteration;
    request.previousIteration = m_first.iteration;
    request.samplePoints = 40;
    const Result<OpenedIteration> opened = open(request);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    int sampled = 0;
    int foretold = 0;
    for (const TypeValues &values : opened->values) {
        const Result<Series> all = history::loadSeries(*m_db, Email, values.type.source, values.type.key());
        QVERIFY(all.ok());
        const TypeReport *stats = nullptr;
        for (const TypeReport &type : opened->current.table(values.type.source).types) {
            if (type.key() == values.type.key())
                stats = &type;
        }
        QVERIFY(stats);
        QCOMPARE(values.rows, stats->numericRows);
        // The smallest power of two that brings the type to 40 values or fewer.
        qint64 every = 1;
        while (stats->numericRows / every > 40)
            every *= 2;
        // Or whole: the type the window is likely to show first (here the one with the most new outliers).
        if (values.sampleEvery == 1) {
            QCOMPARE(values.series.ids, all->ids);
            QCOMPARE(values.series.values, all->values);
            foretold += every > 1 ? 1 : 0;
            continue;
        }
        QCOMPARE(values.sampleEvery, every);
        ++sampled;
        // Some of the type's values, as read, in id order, about one in `every`.
        const Series &sample = values.series;
        QVERIFY2(!sample.ids.isEmpty(), qPrintable(values.type.dataType));
        QVERIFY(std::is_sorted(sample.ids.cbegin(), sample.ids.cend()));
        QVERIFY2(sample.ids.size() <= 3 * (stats->numericRows / every) + 3,
                 qPrintable(QStringLiteral("%1: %2 of %3, one in %4")
                                .arg(values.type.dataType)
                                .arg(sample.ids.size())
                                .arg(stats->numericRows)
                                .arg(every)));
        for (qsizetype i = 0; i < sample.ids.size(); ++i) {
            const qsizetype at = all->ids.indexOf(sample.ids[i]);
            QVERIFY(at >= 0);
            QCOMPARE(sample.timesMs[i], all->timesMs[at]);
            QCOMPARE(sample.values[i], all->values[at]);
        }
        // The same records at every opening.
        const Result<OpenedIteration> again = open(request);
        QVERIFY(again.ok());
        QCOMPARE(valuesOf(again.value(), values.type.source, values.type.dataType)->series.ids, sample.ids);
    }
    QVERIFY(sampled > 0);
    QCOMPARE(foretold, 1);
}

void TestOpenIteration::oddTypeNames_data()
{
    // Type names go into the read's SQL as literals (libpq's quoting): whatever they hold, the type is read as
    // loadSeries() reads it, with bound values.
    QTest::addColumn<QString>("dataType");
    QTest::newRow("quote") << QStringLiteral("it's");
    QTest::newRow("quotes and backslash") << QStringLiteral("a\\b'' \"c\"");
    QTest::newRow("injection") << QStringLiteral("x') OR true OR ('");
    QTest::newRow("unicode") << QStringLiteral("Пульс ♥");
    QTest::newRow("line break") << QStringLiteral("two\nlines");
    QTest::newRow("empty") << QString(QLatin1String(""));
    QTest::newRow("long") << QString(300, QLatin1Char('t'));
}

void TestOpenIteration::oddTypeNames()
{
    QFETCH(QString, dataType);
    static int user = 0;
    const QString email = QStringLiteral("odd%1@example.com").arg(++user);
    QSqlQuery insert(m_db->db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) "
                                          "SELECT ?, ?, CAST('2026-01-01T00:00:00Z' AS timestamptz) + g * interval '1 "
                                          "hour', CAST(60 + g % 7 + CASE WHEN g = 50 THEN 100 ELSE 0 END AS text) "
                                          "FROM generate_series(1, 120) AS g")));
    for (const QString &type : {dataType, QStringLiteral("Other")}) {
        insert.addBindValue(type);
        insert.addBindValue(email);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    RunRequest run;
    run.email = email;
    run.notify = false;
    const RunReport stored = Pipeline(pgConfig(m_dbName)).run(run);
    QVERIFY2(stored.status == RunStatus::Completed, qPrintable(stored.error));

    OpenRequest request;
    request.email = email;
    request.iteration = stored.iteration;
    request.previousIteration = 0;
    request.samplePoints = 8; // "Other" is sampled, the odd type read whole
    const TypeRef odd {Source::Raw, dataType, false};
    request.keep = odd;
    request.choose = [odd](const RunReport &, const RunReport *, const QVector<OutlierDiff> &) { return odd; };
    const Result<OpenedIteration> opened = open(request);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const TypeValues *values = valuesOf(opened.value(), Source::Raw, dataType);
    QVERIFY(values);
    QCOMPARE(values->sampleEvery, qint64(1));
    const Result<Series> series = history::loadSeries(*m_db, email, Source::Raw, TypeKey(dataType));
    QVERIFY(series.ok());
    QCOMPARE(series->ids.size(), 120);
    QCOMPARE(values->series.ids, series->ids);
    QCOMPARE(values->series.values, series->values);
    const TypeValues *other = valuesOf(opened.value(), Source::Raw, QStringLiteral("Other"));
    QVERIFY(other && other->sampleEvery == 16 && other->series.ids.size() < 120);
    const Result<RunReport> loaded = history::loadIteration(*m_db, email, stored.iteration);
    QVERIFY2(difference(opened->current, loaded.value()).isEmpty(),
             qPrintable(difference(opened->current, loaded.value())));
}

void TestOpenIteration::interrupted()
{
    QueryInterrupt interrupt;
    interrupt.interrupt();
    OpenRequest request;
    request.email = Email;
    request.iteration = m_second.iteration;
    request.previousIteration = m_first.iteration;
    request.interrupt = &interrupt;
    const Result<OpenedIteration> before = open(request);
    QVERIFY(before.ok());
    QVERIFY(before->interrupted);
    QVERIFY(before->current.email.isEmpty());

    // Interrupted while it reads the records: it stops there, and the connection serves the next request.
    QueryInterrupt during;
    request.interrupt = &during;
    request.progress = [&during](OpenRequest::Stage stage, qint64, qint64) {
        if (stage == OpenRequest::Stage::ReadingRecords)
            during.interrupt();
    };
    const Result<OpenedIteration> stopped = open(request);
    QVERIFY(stopped.ok());
    QVERIFY(stopped->interrupted);
    request.interrupt = nullptr;
    request.progress = nullptr;
    const Result<OpenedIteration> next = open(request);
    QVERIFY2(next.ok(), qPrintable(next.error()));
    QVERIFY(!next->interrupted);
    QCOMPARE(next->current.iteration, m_second.iteration);
}

void TestOpenIteration::sqliteReadsNoValues()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Config config;
    config.dbEngine = Config::DbEngine::Sqlite;
    config.dbName = dir.filePath(QStringLiteral("records.sqlite"));
    {
        Result<Database> db = Database::open(config);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(demo::seed(db.value()).ok());
    }
    RunRequest run;
    run.email = Email;
    run.notify = false;
    const RunReport stored = Pipeline(config).run(run);
    QVERIFY2(stored.status == RunStatus::Completed, qPrintable(stored.error));
    Result<Database> db = Database::open(config);
    QVERIFY(db.ok());
    OpenRequest request;
    request.email = Email;
    request.iteration = stored.iteration;
    request.previousIteration = 0;
    const Result<OpenedIteration> opened = history::openIteration(db.value(), request);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(opened->values.isEmpty());
    const Result<RunReport> loaded = history::loadIteration(db.value(), Email, stored.iteration);
    QVERIFY2(difference(opened->current, loaded.value()).isEmpty(),
             qPrintable(difference(opened->current, loaded.value())));
}

QTEST_GUILESS_MAIN(TestOpenIteration)
#include "tst_open_iteration.moc"
