// fo::escapeControlChars: what every text output of the tool (summary, batch lines, errors, warnings, log lines)
// does to text from outside before it reaches a terminal or a log.
#include "core/TerminalText.h"

#include <QTest>

class TestTerminalText : public QObject
{
    Q_OBJECT

private slots:
    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };
        QTest::newRow("plain") << s("HeartRateRecord") << s("HeartRateRecord");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ESC sequence") << s("a\x1b[2Jb") << s("a\\x1b[2Jb");
        QTest::newRow("CR") << s("a\rb") << s("a\\rb");
        QTest::newRow("LF") << s("a\nb") << s("a\\nb");
        QTest::newRow("TAB") << s("a\tb") << s("a\\tb");
        QTest::newRow("NUL") << QString(QChar(0)) << s("\\x00");
        QTest::newRow("BEL, BS, VT, FF, US") << s("\x07\x08\x0b\x0c\x1f") << s("\\x07\\x08\\x0b\\x0c\\x1f");
        QTest::newRow("DEL") << s("\x7f") << s("\\x7f");
        QTest::newRow("C1: U+0080, CSI U+009B, U+009F") << s("\xc2\x80\xc2\x9b\xc2\x9f") << s("\\x80\\x9b\\x9f");
        QTest::newRow("U+00A0 and letters kept") << s("\xc2\xa0Пульс ❤ é") << s("\xc2\xa0Пульс ❤ é");
        QTest::newRow("space and backslash kept") << s("a b\\x1b") << s("a b\\x1b");
        QTest::newRow("at both ends") << s("\nx\r") << s("\\nx\\r");
    }

    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(fo::escapeControlChars(text), shown);
    }

    // Nothing that a terminal acts on is left: no C0, DEL or C1 character in the result, whatever the input.
    void noControlLeft()
    {
        QString all;
        for (char16_t c = 0; c < 0x100; ++c)
            all.append(QChar(c));
        const QString escaped = fo::escapeControlChars(all);
        for (const QChar c : escaped) {
            const char16_t u = c.unicode();
            QVERIFY2(u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f), qPrintable(QString::number(u, 16)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
