// The run's progress line (issue 12 item 5): rows read of the rows expected, the stage, and the time left, and a bar
// that follows the rows read (it sat at about 45% while the rows climbed). The clock is given, so nothing waits.

#include "ui/run/RunSummaryRow.h"
#include "ui/shell/Translations.h"

#include <QLocale>
#include <QTest>

using namespace fo;
using namespace fo::ui;

class TestUiRunProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_translations.install(QStringLiteral("en")), QStringLiteral("en")); }
    void rowsOfExpectedAndTimeLeft();
    void barFollowsTheRows();
    void withoutACountTheRowsStillShow();

private:
    Translations m_translations; // the English plurals ("10 seconds")
};

void TestUiRunProgress::rowsOfExpectedAndTimeLeft()
{
    RunSummaryRow row;
    row.setRunning(true);
    row.setExpectedRows(3000000, 750000);
    row.showStageAt({Stage::ReadingRaw, 100000}, 2000);
    QCOMPARE(row.progressText(), QStringLiteral("Reading raw records: 100,000 of 3,000,000 rows (3%)"));
    // 900,000 rows in 3 s of reading: the 2,750,000 rows left of both tables take 9.2 s at that rate.
    row.showStageAt({Stage::ReadingRaw, 1000000}, 5000);
    QCOMPARE(row.progressText(),
             QStringLiteral("Reading raw records: 1,000,000 of 3,000,000 rows (33%) · about 10 seconds left"));
    row.showStageAt({Stage::ReadingProcessed, 375000}, 10000);
    QVERIFY2(row.progressText().startsWith(QStringLiteral("Reading processed records: 375,000 of 750,000 rows (50%)")),
             qPrintable(row.progressText()));
    QVERIFY2(row.progressText().contains(QStringLiteral("left")), qPrintable(row.progressText()));
}

void TestUiRunProgress::barFollowsTheRows()
{
    RunSummaryRow row;
    row.setRunning(true);
    row.setExpectedRows(1000000, 250000);
    row.showStageAt({Stage::NotifyingStart, 0}, 100);
    const int beforeReading = row.progressValue();
    QVERIFY(beforeReading <= RunSummaryRow::ProgressScale / 20);
    int last = beforeReading;
    for (qint64 rows = 100000; rows <= 1000000; rows += 100000) {
        row.showStageAt({Stage::ReadingRaw, rows}, 100 + rows / 1000);
        QVERIFY2(row.progressValue() > last, qPrintable(QString::number(row.progressValue())));
        last = row.progressValue();
    }
    // Half the rows read: half of the reading's share of the bar (5% to 90%).
    row.showStageAt({Stage::ReadingProcessed, 0}, 1200);
    QVERIFY2(std::abs(row.progressValue() - (50 + 850 * 1000000 / 1250000)) <= 2,
             qPrintable(QString::number(row.progressValue())));
    row.showStageAt({Stage::ReadingProcessed, 250000}, 1300);
    QCOMPARE(row.progressValue(), 900);
    row.showStageAt({Stage::NotifyingEnd, 0}, 1400);
    QVERIFY(row.progressValue() > 900 && row.progressValue() < RunSummaryRow::ProgressScale);
}

void TestUiRunProgress::withoutACountTheRowsStillShow()
{
    RunSummaryRow row;
    row.setRunning(true);
    row.showStageAt({Stage::ReadingRaw, 120000}, 3000);
    QCOMPARE(row.progressText(), QStringLiteral("Reading raw records: 120,000 rows"));
}

QTEST_MAIN(TestUiRunProgress)
#include "tst_ui_runprogress.moc"
