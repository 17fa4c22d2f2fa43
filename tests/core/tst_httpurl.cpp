// fo::serviceUrl, fo::serviceBaseText and fo::isHttpUrl: the base addresses of the platform's HTTP services, given with
// or without trailing slashes, and the endpoints below them.

#include "core/HttpUrl.h"

#include <QTest>

class TestHttpUrl : public QObject
{
    Q_OBJECT

private slots:
    void endpoints_data();
    void endpoints();
};

void TestHttpUrl::endpoints_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("baseText");
    QTest::addColumn<QString>("endpoint"); // serviceUrl(base, "/send_email"), written out
    QTest::addColumn<bool>("http"); // isHttpUrl(endpoint)

    QTest::newRow("bare") << "http://notify:8080"
                          << "http://notify:8080"
                          << "http://notify:8080/send_email" << true;
    QTest::newRow("one slash") << "http://notify:8080/"
                               << "http://notify:8080"
                               << "http://notify:8080/send_email" << true;
    QTest::newRow("slashes and spaces") << "  https://h//  "
                                        << "https://h"
                                        << "https://h/send_email" << true;
    QTest::newRow("with a path") << "http://h/api///"
                                 << "http://h/api"
                                 << "http://h/api/send_email" << true;
    QTest::newRow("blank") << "  "
                           << ""
                           << "" << false;
    QTest::newRow("other scheme") << "ftp://h/"
                                  << "ftp://h"
                                  << "ftp://h/send_email" << false;
    QTest::newRow("no host") << "http:///x/"
                             << "http:///x"
                             << "http:///x/send_email" << false;
    QTest::newRow("no url") << "http://a b/"
                            << "http://a b/"
                            << "" << false;
}

void TestHttpUrl::endpoints()
{
    QFETCH(QString, base);
    QFETCH(QString, baseText);
    QFETCH(QString, endpoint);
    QFETCH(bool, http);

    QCOMPARE(fo::serviceBaseText(base), baseText);
    const QUrl url = fo::serviceUrl(base, QStringLiteral("/send_email"));
    QCOMPARE(url.toString(), endpoint);
    QCOMPARE(fo::isHttpUrl(url), http);
}

QTEST_GUILESS_MAIN(TestHttpUrl)
#include "tst_httpurl.moc"
