// fo::OutlierComparison and fo::compareRuns: new, persisting and resolved outliers between two iterations, matched by
// record id. The desktop's table, its chart and the history's per-type counts all take their answer from here.

#include "core/OutlierChange.h"

#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(std::vector<qint64>)

namespace {

QVector<qint64> ids(std::initializer_list<qint64> list)
{
    return QVector<qint64>(list);
}

fo::TypeReport type(const QString &name, std::initializer_list<qint64> outlierIds)
{
    fo::TypeReport t;
    t.dataType = name;
    for (const qint64 id : outlierIds) {
        fo::OutlierPoint p;
        p.recordId = id;
        t.outliers.push_back(p);
    }
    return t;
}

} // namespace

class TestOutlierChange : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void compareRunsPerType();
};

void TestOutlierChange::classifies_data()
{
    QTest::addColumn<std::vector<qint64>>("previous");
    QTest::addColumn<std::vector<qint64>>("current");
    QTest::addColumn<QVector<qint64>>("added");
    QTest::addColumn<QVector<qint64>>("persisting");
    QTest::addColumn<QVector<qint64>>("resolved");

    QTest::newRow("nothing before") << std::vector<qint64> {} << std::vector<qint64> {3, 1} << ids({1, 3}) << ids({})
                                    << ids({});
    QTest::newRow("nothing now") << std::vector<qint64> {5, 2} << std::vector<qint64> {} << ids({}) << ids({})
                                 << ids({2, 5});
    QTest::newRow("mixed, unsorted, repeated")
        << std::vector<qint64> {9, 4, 4, 7} << std::vector<qint64> {7, 1, 9, 1} << ids({1}) << ids({7, 9}) << ids({4});
    QTest::newRow("same") << std::vector<qint64> {2, 1} << std::vector<qint64> {1, 2} << ids({}) << ids({1, 2})
                          << ids({});
}

void TestOutlierChange::classifies()
{
    QFETCH(std::vector<qint64>, previous);
    QFETCH(std::vector<qint64>, current);
    QFETCH(QVector<qint64>, added);
    QFETCH(QVector<qint64>, persisting);
    QFETCH(QVector<qint64>, resolved);

    const fo::OutlierComparison comparison(previous, current);
    QCOMPARE(comparison.ids(fo::OutlierChange::New), added);
    QCOMPARE(comparison.ids(fo::OutlierChange::Persisting), persisting);
    QCOMPARE(comparison.ids(fo::OutlierChange::Resolved), resolved);
    // The per-point answers agree with the lists.
    for (const qint64 id : current) {
        QCOMPARE(comparison.ofCurrent(id), added.contains(id) ? fo::OutlierChange::New : fo::OutlierChange::Persisting);
    }
    for (const qint64 id : previous)
        QCOMPARE(comparison.isResolved(id), resolved.contains(id));
}

void TestOutlierChange::compareRunsPerType()
{
    fo::RunReport before;
    before.raw.types = {type(QStringLiteral("HeartRate"), {1, 2, 3}), type(QStringLiteral("Steps"), {10})};
    before.processed.source = fo::Source::Processed;
    before.processed.types = {type(QStringLiteral("HeartRate"), {1})}; // another table: id 1 is another record
    fo::RunReport after;
    after.raw.types = {type(QStringLiteral("HeartRate"), {2, 3, 4})};
    after.processed.source = fo::Source::Processed;
    after.processed.types = {type(QStringLiteral("HeartRate"), {1, 5})};

    const QVector<fo::OutlierDiff> diffs = fo::compareRuns(before, after);
    QCOMPARE(diffs.size(), 3);
    const auto find = [&](fo::Source source, const QString &name) {
        return *std::find_if(diffs.cbegin(), diffs.cend(),
                             [&](const fo::OutlierDiff &d) { return d.source == source && d.dataType == name; });
    };
    const fo::OutlierDiff rawHeart = find(fo::Source::Raw, QStringLiteral("HeartRate"));
    QCOMPARE(rawHeart.added, ids({4}));
    QCOMPARE(rawHeart.persisting, ids({2, 3}));
    QCOMPARE(rawHeart.resolved, ids({1}));
    const fo::OutlierDiff steps = find(fo::Source::Raw, QStringLiteral("Steps"));
    QCOMPARE(steps.added, ids({}));
    QCOMPARE(steps.resolved, ids({10}));
    const fo::OutlierDiff processedHeart = find(fo::Source::Processed, QStringLiteral("HeartRate"));
    QCOMPARE(processedHeart.added, ids({5}));
    QCOMPARE(processedHeart.persisting, ids({1}));
    QCOMPARE(processedHeart.resolved, ids({}));
}

QTEST_GUILESS_MAIN(TestOutlierChange)
#include "tst_outlierchange.moc"
