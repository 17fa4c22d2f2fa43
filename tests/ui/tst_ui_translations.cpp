// English and Russian are compiled into the application; Russian is complete, and switching the language changes
// what the window shows.

#include "Translations.h"

#include <QApplication>
#include <QFile>
#include <QTest>

using namespace fo::ui;

class TestUiTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianIsComplete();
    void switchesLanguage();
};

void TestUiTranslations::russianIsComplete()
{
    QFile ts(qEnvironmentVariable("FO_SOURCE_DIR") + QStringLiteral("/resources/translations/find-outliers_ru.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message") > 200);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
    QCOMPARE(text.count("type=\"obsolete\""), 0);
}

void TestUiTranslations::switchesLanguage()
{
    Translations translations;
    QCOMPARE(translations.install(QStringLiteral("ru")), QStringLiteral("ru"));
    QCOMPARE(QCoreApplication::translate("fo::ui::RunControls", "Run"), QStringLiteral("Запустить"));
    QCOMPARE(QCoreApplication::translate("fo::ui::SignInDialog", "Sign in"), QStringLiteral("Войти"));
    QCOMPARE(QCoreApplication::translate("fo::ui::ResultsPanel", "Outliers of %1 (%2): %n row(s)", nullptr, 5)
                 .arg(QStringLiteral("X"), QStringLiteral("Y")),
             QStringLiteral("Выбросы X (Y): 5 строк"));
    QCOMPARE(translations.install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("fo::ui::RunControls", "Run"), QStringLiteral("Run"));
    QCOMPARE(QCoreApplication::translate("fo::ui::ResultsPanel", "Outliers of %1 (%2): %n row(s)", nullptr, 1)
                 .arg(QStringLiteral("X"), QStringLiteral("Y")),
             QStringLiteral("Outliers of X (Y): 1 row"));
}

QTEST_MAIN(TestUiTranslations)
#include "tst_ui_translations.moc"
