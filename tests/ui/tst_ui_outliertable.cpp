// The outliers table says why each point is an outlier, |z| against k, and never in a way that reads as a
// contradiction: a |z| just above k is shown with as many decimals as it takes (up to six) to be visibly above k.

#include "ui/results/OutlierTableModel.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace fo;
using namespace fo::ui;

namespace {

RunReport reportWith(double z, double k, Source source = Source::Raw)
{
    OutlierPoint point;
    point.recordId = 42;
    point.time = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
    point.value = 10.0 + z;
    point.z = z;
    TypeReport type;
    type.dataType = QStringLiteral("HeartRateRecord");
    type.rows = 100;
    type.numericRows = 100;
    type.mean = 10.0;
    type.std = 1.0;
    type.k = k;
    type.outliers = {point};
    RunReport report;
    report.email = QStringLiteral("user@example.com");
    report.status = RunStatus::Completed;
    report.table(source).k = k;
    report.table(source).types = {type};
    report.table(source).outlierCount = 1;
    return report;
}

} // namespace

class TestUiOutlierTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void whyShowsZAboveK_data();
    void whyShowsZAboveK();
    void resolvedRowsReadTheSame();
    void russianDecimalComma();
};

void TestUiOutlierTable::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestUiOutlierTable::whyShowsZAboveK_data()
{
    QTest::addColumn<double>("z");
    QTest::addColumn<double>("k");
    QTest::addColumn<QString>("absZ"); // |z| as the Why column shows it
    QTest::addColumn<QString>("zColumn");
    QTest::addColumn<QString>("kText");

    QTest::newRow("1.01 times k") << 3.04 << 3.0 << QStringLiteral("3.04") << QStringLiteral("3.04")
                                  << QStringLiteral("3");
    QTest::newRow("8.34681: the same in the tooltip")
        << 8.34681 << 3.0 << QStringLiteral("8.35") << QStringLiteral("8.35") << QStringLiteral("3");
    QTest::newRow("far above: two decimals")
        << 4.5678 << 3.0 << QStringLiteral("4.57") << QStringLiteral("4.57") << QStringLiteral("3");
    QTest::newRow("negative, far") << -5.0 << 2.0 << QStringLiteral("5.00") << QStringLiteral("-5.00")
                                   << QStringLiteral("2");
    QTest::newRow("2.004 over 2") << 2.004 << 2.0 << QStringLiteral("2.004") << QStringLiteral("2.004")
                                  << QStringLiteral("2");
    QTest::newRow("2.0004 over 2") << 2.0004 << 2.0 << QStringLiteral("2.0004") << QStringLiteral("2.0004")
                                   << QStringLiteral("2");
    QTest::newRow("negative, close") << -3.00002 << 3.0 << QStringLiteral("3.00002") << QStringLiteral("-3.00002")
                                     << QStringLiteral("3");
    QTest::newRow("rounds up at two") << 2.006 << 2.0 << QStringLiteral("2.01") << QStringLiteral("2.01")
                                      << QStringLiteral("2");
    QTest::newRow("k with decimals") << 2.5049 << 2.5 << QStringLiteral("2.505") << QStringLiteral("2.505")
                                     << QStringLiteral("2.5");
    QTest::newRow("k with three decimals")
        << 2.1251 << 2.125 << QStringLiteral("2.13") << QStringLiteral("2.13") << QStringLiteral("2.125");
    QTest::newRow("rounding down below k")
        << 2.1212 << 2.121 << QStringLiteral("2.1212") << QStringLiteral("2.1212") << QStringLiteral("2.121");
    // Closer than six decimals can show: six is the limit.
    QTest::newRow("within 1e-7 of k") << 2.0000001 << 2.0 << QStringLiteral("2.000000") << QStringLiteral("2.000000")
                                      << QStringLiteral("2");
}

void TestUiOutlierTable::whyShowsZAboveK()
{
    QFETCH(double, z);
    QFETCH(double, k);
    QFETCH(QString, absZ);
    QFETCH(QString, zColumn);
    QFETCH(QString, kText);

    OutlierTableModel model;
    const RunReport report = reportWith(z, k);
    model.setReport(report, nullptr, true, Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QCOMPARE(model.rowCount(), 1);
    const QString why = model.index(0, OutlierTableModel::WhyColumn).data().toString();
    QVERIFY2(why.startsWith(QStringLiteral("|z| %1 > k %2").arg(absZ, kText)), qPrintable(why));
    QCOMPARE(model.index(0, OutlierTableModel::ZColumn).data().toString(), zColumn);
    QCOMPARE(model.index(0, OutlierTableModel::KColumn).data().toString(), kText);

    // What a reader sees: the number shown after "|z|" is above the number shown after "k" (up to the six-decimal
    // limit, where it can only be equal).
    static const QRegularExpression pattern(QStringLiteral("^\\|z\\| ([0-9.]+) > k ([0-9.]+)"));
    const QRegularExpressionMatch match = pattern.match(why);
    QVERIFY2(match.hasMatch(), qPrintable(why));
    const double shownZ = match.captured(1).toDouble();
    const double shownK = match.captured(2).toDouble();
    if (std::abs(z) - k >= 5e-7)
        QVERIFY2(shownZ > shownK, qPrintable(why));
    else
        QCOMPARE(match.captured(1).section(QLatin1Char('.'), 1).size(), 6);

    // "(1.0× k)" for an outlier reads as a contradiction too: the ratio shows the digits it needs to be above 1.
    static const QRegularExpression ratio(QStringLiteral("\\(([0-9.]+)× k\\)"));
    const QRegularExpressionMatch ratioMatch = ratio.match(why);
    QVERIFY2(ratioMatch.hasMatch(), qPrintable(why));
    if (std::abs(z) / k - 1.0 >= 5e-7)
        QVERIFY2(ratioMatch.captured(1).toDouble() > 1.0, qPrintable(why));

    // z is rounded the same way in the table and in its tooltip.
    const QString tip = model.index(0, OutlierTableModel::ZColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("= %1;").arg(zColumn)), qPrintable(tip));
}

void TestUiOutlierTable::resolvedRowsReadTheSame()
{
    // Compared with an iteration where the point was an outlier at |z| 2.003 > 2, and now it is not.
    const RunReport previous = reportWith(2.003, 2.0);
    RunReport current = previous;
    current.raw.types[0].outliers.clear();
    current.raw.outlierCount = 0;
    OutlierTableModel model;
    model.setReport(current, &previous, true, Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowsData().first().kind, MarkerKind::Resolved);
    QCOMPARE(model.index(0, OutlierTableModel::WhyColumn).data().toString(), QStringLiteral("was |z| 2.003 > 2"));
}

void TestUiOutlierTable::russianDecimalComma()
{
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    OutlierTableModel model;
    const RunReport report = reportWith(2.0004, 2.0);
    model.setReport(report, nullptr, true, Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    const QString why = model.index(0, OutlierTableModel::WhyColumn).data().toString();
    QVERIFY2(why.startsWith(QStringLiteral("|z| 2,0004 > k 2")), qPrintable(why));
}

QTEST_MAIN(TestUiOutlierTable)
#include "tst_ui_outliertable.moc"
