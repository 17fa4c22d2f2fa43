// The overview's cards (issue 11): a card's title is never cut, in English or Russian, at the narrowest width the
// overview lays cards out at; the counts on a card use each language's plural forms ("1 outlier", "2 outliers";
// "1 выброс", "2 выброса", "5 выбросов").

#include "ui/results/TypeCard.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QTest>

using namespace fo;
using namespace fo::ui;

class TestUiTypeCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titleIsWhole_data();
    void titleIsWhole();
    void pluralForms_data();
    void pluralForms();

private:
    static TypeReport type(const QString &dataType, qint64 rows, qint64 skipped, int outliers);
};

TypeReport TestUiTypeCard::type(const QString &dataType, qint64 rows, qint64 skipped, int outliers)
{
    TypeReport t;
    t.dataType = dataType;
    t.rows = rows;
    t.skippedRows = skipped;
    t.numericRows = rows - skipped;
    t.mean = 70.0;
    t.std = 5.0;
    t.k = 3.0;
    for (int i = 0; i < outliers; ++i)
        t.outliers.append(
            OutlierPoint {i + 1, QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL + i, Qt::UTC), 99.0, 5.8});
    return t;
}

void TestUiTypeCard::titleIsWhole_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dataType");
    // The web front end's eight, and the longest names of the rest.
    const QStringList types {QStringLiteral("HeartRateRecord"),
                             QStringLiteral("BloodOxygenData"),
                             QStringLiteral("SleepSessionTimeData"),
                             QStringLiteral("ActiveMinutesRecord"),
                             QStringLiteral("DistanceRecord"),
                             QStringLiteral("StepsRecord"),
                             QStringLiteral("TotalCaloriesBurnedRecord"),
                             QStringLiteral("SpeedRecord"),
                             QStringLiteral("BasalMetabolicRateRecord"),
                             QStringLiteral("BasalBodyTemperatureRecord"),
                             QStringLiteral("IntermenstrualBleedingRecord"),
                             QStringLiteral("BodyTemperatureRecord"),
                             QStringLiteral("ActiveCaloriesBurnedRecord"),
                             QStringLiteral("SomeUnknownVendorRecordType")};
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ru")})
        for (const QString &t : types)
            QTest::newRow(qPrintable(language + QLatin1Char('/') + t)) << language << t;
}

void TestUiTypeCard::titleIsWhole()
{
    QFETCH(QString, language);
    QFETCH(QString, dataType);
    Translations translations;
    QCOMPARE(translations.install(language), language);

    TypeCard card(Source::Raw, type(dataType, 2160, 8, 20));
    // The overview never makes a card narrower than its minimum size hint.
    card.resize(card.minimumSizeHint());
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    const QString title = card.titleText();
    QVERIFY(!title.isEmpty());
    if (language == QLatin1String("ru") && dataType == QLatin1String("HeartRateRecord"))
        QCOMPARE(title, QStringLiteral("Пульс"));

    // The whole title, wrapped as the card wraps it (at word boundaries, or anywhere for a single long stored name),
    // fits the rectangle it is drawn in, which lies inside the card.
    const QRectF rect = card.titleRect();
    QVERIFY2(QRectF(card.rect()).contains(rect), qPrintable(title));
    const QFontMetricsF fm(card.titleFont());
    const QRectF needed = fm.boundingRect(QRectF(rect.left(), rect.top(), rect.width(), 1e6), card.titleFlags(), title);
    QVERIFY(card.titleFlags() & (Qt::TextWordWrap | Qt::TextWrapAnywhere));
    QVERIFY2(needed.height() <= rect.height() + 0.5,
             qPrintable(QStringLiteral("%1: needs %2 px, has %3").arg(title).arg(needed.height()).arg(rect.height())));
    QVERIFY2(
        needed.width() <= rect.width() + 0.5,
        qPrintable(QStringLiteral("%1: needs %2 px wide, has %3").arg(title).arg(needed.width()).arg(rect.width())));
    // And it is not drawn elided: the text the card shows is the plain name itself.
    QVERIFY(!title.contains(QChar(0x2026)));
    // The chart still has room under a title of two lines.
    QVERIFY2(rect.height() < card.height() / 3.0, qPrintable(title));
}

void TestUiTypeCard::pluralForms_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<qint64>("skipped");
    QTest::addColumn<int>("outliers");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en 1") << "en" << qint64(1) << qint64(0) << 1 << "1 row · 0 skipped · 1 outlier";
    QTest::newRow("en 2") << "en" << qint64(2) << qint64(1) << 2 << "2 rows · 1 skipped · 2 outliers";
    QTest::newRow("en 5") << "en" << qint64(5) << qint64(5) << 5 << "5 rows · 5 skipped · 5 outliers";
    QTest::newRow("en 0") << "en" << qint64(90) << qint64(0) << 0 << "90 rows · 0 skipped · 0 outliers";
    QTest::newRow("ru 1") << "ru" << qint64(1) << qint64(1) << 1 << "1 строка · 1 пропущена · 1 выброс";
    QTest::newRow("ru 2") << "ru" << qint64(2) << qint64(2) << 2 << "2 строки · 2 пропущены · 2 выброса";
    QTest::newRow("ru 5") << "ru" << qint64(5) << qint64(5) << 5 << "5 строк · 5 пропущено · 5 выбросов";
    QTest::newRow("ru 21") << "ru" << qint64(21) << qint64(11) << 22 << "21 строка · 11 пропущено · 22 выброса";
}

void TestUiTypeCard::pluralForms()
{
    QFETCH(QString, language);
    QFETCH(qint64, rows);
    QFETCH(qint64, skipped);
    QFETCH(int, outliers);
    QFETCH(QString, expected);
    Translations translations;
    QCOMPARE(translations.install(language), language);
    const TypeCard card(Source::Processed, type(QStringLiteral("StepsRecord"), rows, skipped, outliers));
    QCOMPARE(card.countsText(QStringLiteral(" · ")), expected);
    // The tooltip and the screen reader's text say the same.
    QVERIFY2(card.summaryText().contains(card.countsText(QStringLiteral(", "))), qPrintable(card.summaryText()));
}

QTEST_MAIN(TestUiTypeCard)
#include "tst_ui_typecard.moc"
