// fo::isValidEmail: the platform's rule ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ on the whole string
// (docs/platform.md 2, step 1).
//
// Every expected outcome below is what Python's re.fullmatch(pattern, text) gives (checked with /usr/bin/python3).
// Two things people often get wrong are written down on purpose:
//  - the pattern has no length limit, so a 300-character address is valid when it is well-formed;
//  - the domain part [A-Za-z0-9.-]+ may start with, or contain, dots and hyphens: "a@..com" and "a@-.com" are valid,
//    while "a@.com" is not (the only way to split ".com" leaves nothing before the last dot).
// With re.match instead of re.fullmatch, "$" also matches before a final "\n", so the old job may have accepted
// "user@example.com\n"; we take the whole string, and reject it.

#include "core/Email.h"

#include <QString>
#include <QTest>

namespace {

void row(const char *name, const QString &email, bool valid)
{
    QTest::newRow(name) << email << valid;
}

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestEmail : public QObject
{
    Q_OBJECT

private slots:
    void isValidEmail_data();
    void isValidEmail();
};

void TestEmail::isValidEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    // Valid.
    row("plain", utf8("user@example.com"), true);
    row("mixed case", utf8("John.Doe@Example.COM"), true);
    row("mixed case TLD", utf8("a@b.CoM"), true);
    row("two-letter TLD", utf8("a@b.co"), true);
    row("long TLD", utf8("a@b.museum"), true);
    row("plus tag and subdomain", utf8("first.last+tag@mail.example.org"), true);
    row("percent in local part", utf8("a%b@c.io"), true);
    row("hyphen and underscore", utf8("a-b_c@d-e.fr"), true);
    row("many subdomains", utf8("x@sub.sub2.example.co.uk"), true);
    row("digits", utf8("0@0.xy"), true);
    row("local part only %", utf8("%@b.co"), true);
    row("local part only +", utf8("+@b.co"), true);
    row("hyphens everywhere", utf8("-@-.co"), true);
    row("local part starts with a dot", utf8(".a@b.com"), true);
    row("local part ends with a dot", utf8("a.@b.com"), true);
    row("two dots in local part", utf8("a..b@c.com"), true);
    row("domain is dots: a@..com", utf8("a@..com"), true); // [A-Za-z0-9.-]+ takes ".", then "\." and "com"
    row("domain is a hyphen: a@-.com", utf8("a@-.com"), true);
    row("two dots in domain", utf8("a@b..com"), true);
    row("300 characters, long local part", QString(288, QLatin1Char('a')) + utf8("@example.com"), true);
    row("296 characters, long domain", utf8("a@") + QString(290, QLatin1Char('b')) + utf8(".com"), true);

    // Invalid.
    row("empty", QString(), false);
    row("one space", utf8(" "), false);
    row("one-letter TLD", utf8("a@b.c"), false);
    row("no TLD", utf8("a@b"), false);
    row("localhost", utf8("a@localhost"), false);
    row("missing local part", utf8("@example.com"), false);
    row("missing domain", utf8("user@"), false);
    row("domain starts with the only dot: a@.com", utf8("a@.com"), false);
    row("two @ together", utf8("user@@example.com"), false);
    row("two @ apart", utf8("a@b@c.com"), false);
    row("leading space", utf8(" user@example.com"), false);
    row("trailing space", utf8("user@example.com "), false);
    row("space in local part", utf8("user name@example.com"), false);
    row("space in domain", utf8("user@exa mple.com"), false);
    row("tab", utf8("a\t@b.com"), false);
    row("trailing newline", utf8("user@example.com\n"), false); // whole string: "$" must not match before "\n"
    row("trailing CR", utf8("user@example.com\r"), false);
    row("trailing CR LF", utf8("user@example.com\r\n"), false);
    row("leading newline", utf8("\nuser@example.com"), false);
    row("NUL in the middle", QString::fromUtf8("us\0er@example.com", 17), false);
    row("NUL at the end", QString::fromUtf8("user@example.com\0", 17), false);
    row("Unicode local part", utf8("\xc3\xbcser@example.com"), false); // üser
    row("Unicode domain", utf8("user@ex\xc3\xa4mple.com"), false); // exämple
    row("Unicode TLD", utf8("user@example.c\xc3\xb6m"), false); // cöm
    row("Cyrillic address",
        utf8("\xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xb0@\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc"
             "\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84"),
        false); // почта@пример.рф
    row("Kelvin sign in TLD", utf8("user@example.\xe2\x84\xaaom"), false); // U+212A, folds to k when ignoring case
    row("fullwidth at sign",
        utf8("a\xef\xbc\xa0"
             "b.com"),
        false); // U+FF20
    row("zero-width space after", utf8("a@b.co\xe2\x80\x8b"), false); // U+200B
    row("punycode TLD", utf8("a@b.xn--p1ai"), false); // the TLD must be letters only
    row("quoted local part", utf8("\"user\"@example.com"), false);
    row("apostrophe", utf8("o'brien@example.com"), false);
    row("SQL fragment", utf8("a'; DROP TABLE raw_records;--@x.com"), false);
    row("angle brackets", utf8("<a@b.com>"), false);
    row("two addresses", utf8("a@b.com,c@d.com"), false);
    row("mailto prefix", utf8("mailto:a@b.com"), false);
    row("IP literal", utf8("a@[127.0.0.1]"), false);
    row("bare IP address", utf8("a@127.0.0.1"), false);
    row("numeric TLD", utf8("a@b.123"), false);
    row("digit in TLD", utf8("a@b.c1"), false);
    row("digit after TLD", utf8("a@b.com1"), false);
    row("zero for O in TLD", utf8("a@b.C0M"), false);
    row("hyphen in TLD", utf8("a@b.co-m"), false);
    row("underscore in domain", utf8("a@b_c.com"), false);
    row("underscore in TLD", utf8("a@b.co_"), false);
    row("trailing dot", utf8("a@b.com."), false);
    row("one-letter last label", utf8("a@b.c.d"), false);
}

void TestEmail::isValidEmail()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    QCOMPARE(fo::isValidEmail(email), valid);
}

QTEST_GUILESS_MAIN(TestEmail)
#include "tst_email.moc"
