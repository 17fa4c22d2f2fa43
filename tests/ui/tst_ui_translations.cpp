// English and Russian are compiled into the application; Russian is complete, and switching the language changes
// what the window shows.

#include "core/HttpProbe.h"
#include "core/RedisProbe.h"
#include "signin/AuthSession.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace fo::ui;

class TestUiTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianIsComplete();
    void switchesLanguage();
    void textsOutsideUiAreTranslated();
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

void TestUiTranslations::textsOutsideUiAreTranslated()
{
    // The desktop's words that live outside ui/ (core's service probes, the sign-in library) are shown in Russian
    // too: lupdate reads their sources, and their messages sit under their own classes' contexts.
    Translations translations;
    QCOMPARE(translations.install(QStringLiteral("ru")), QStringLiteral("ru"));
    QCOMPARE(fo::RedisProbe::ping(QString(), 6379).message,
             QStringLiteral("Redis не настроен: флаг запуска не ставится."));

    fo::HttpProbe http;
    std::optional<fo::ProbeAnswer> answer;
    http.probe(QString(), this, [&answer](const fo::ProbeAnswer &a) { answer = a; });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->message, QStringLiteral("Не настроено."));

    fo::AuthSession session(nullptr);
    QSignalSpy failed(&session, &fo::AuthSession::signInFailed);
    session.signInWithTestAccount(QString());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("Введите логин тестовой учётной записи."));

    QCOMPARE(translations.install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(fo::RedisProbe::ping(QString(), 6379).message,
             QStringLiteral("Redis is not configured: the run flag is skipped."));
}

QTEST_MAIN(TestUiTranslations)
#include "tst_ui_translations.moc"
