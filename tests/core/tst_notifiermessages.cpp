// The three messages a user gets (docs/platform.md 5), as Notifier writes them: in Russian, the iteration number in
// the subject, every value from the database or the command line HTML-escaped, and one HTML shape for all three (the
// user, then the start time). End to end, the emails the tool accepts hold no character that HTML escapes
// (core/Email.cpp), so the escaping of the email is checked here, on the text itself.
#include "core/Notifier.h"

#include <QTest>

using namespace fo;

namespace {

const QString HostileEmail = QStringLiteral("<b>&\"x\"@example.com");
const QString EscapedEmail = QStringLiteral("&lt;b&gt;&amp;&quot;x&quot;@example.com");

RunReport hostileReport()
{
    RunReport report;
    report.email = HostileEmail;
    report.iteration = 7;
    report.startedAt = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    report.finishedAt = report.startedAt.addSecs(60);
    TypeReport named;
    named.dataType = QStringLiteral("<i>&");
    named.rows = 3;
    TypeReport null;
    null.dataTypeIsNull = true;
    null.rows = 2;
    report.raw.types = {null, named};
    return report;
}

// What every message opens with: the user, then the start time.
QString header(const QString &email)
{
    return QStringLiteral("<html><body><p>Пользователь: %1</p><p>Время запуска: 2026-06-01 12:00 UTC").arg(email);
}

} // namespace

class TestNotifierMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emailIsEscaped_data();
    void emailIsEscaped();
    void notCompletedMessage();
    void completionNamesTypes();
};

void TestNotifierMessages::emailIsEscaped_data()
{
    QTest::addColumn<QString>("html");
    const RunReport report = hostileReport();
    QTest::newRow("start") << Notifier::startHtml(report);
    QTest::newRow("completion") << Notifier::completionHtml(report);
    QTest::newRow("not completed") << Notifier::notCompletedHtml(report);
}

void TestNotifierMessages::emailIsEscaped()
{
    QFETCH(QString, html);
    QVERIFY2(html.startsWith(header(EscapedEmail)), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("<b>")), qPrintable(html));
}

void TestNotifierMessages::notCompletedMessage()
{
    const RunReport report = hostileReport();
    QCOMPARE(Notifier::notCompletedSubject(report.iteration),
             QStringLiteral("[Iteration #7] Поиск выбросов не завершён"));
    // The user and the start time as the start message has them, then one paragraph: the search did not complete,
    // nothing was saved, it will run again. Nothing of the run's findings.
    const QString html = Notifier::notCompletedHtml(report);
    QCOMPARE(html,
             header(EscapedEmail)
                 + QStringLiteral("</p><p>Этот поиск выбросов не завершился. Ничего не сохранено; поиск будет "
                                  "выполнен снова.</p></body></html>"));
    QVERIFY(Notifier::startHtml(report).startsWith(header(EscapedEmail) + QStringLiteral("</p>")));
    QVERIFY(Notifier::completionHtml(report).startsWith(header(EscapedEmail) + QStringLiteral("<br>")));
}

void TestNotifierMessages::completionNamesTypes()
{
    const QString html = Notifier::completionHtml(hostileReport());
    // A NULL type is a group of its own, "(no type)"; a stored name is escaped.
    QVERIFY2(html.contains(QStringLiteral("<tr><td>(no type)</td><td>2</td><td>0</td></tr>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<tr><td>&lt;i&gt;&amp;</td><td>3</td><td>0</td></tr>")), qPrintable(html));
}

QTEST_GUILESS_MAIN(TestNotifierMessages)
#include "tst_notifiermessages.moc"
