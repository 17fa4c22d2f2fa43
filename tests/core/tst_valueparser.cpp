// fo::parseValue: which `value` texts count as numbers, and the exact double each gives (docs/platform.md 2, "Parsing
// value").
//
// Where a text is accepted, the expected double is the one Python's float() gives for it (the old job's parser),
// written as a hex float literal and compared bit for bit. Where a text is rejected, the comment says why: Python
// rejects it too, or it is one of our documented differences (non-finite values, "1_000", non-ASCII digits, non-ASCII
// whitespace), which Python would accept. Each expectation was checked with /usr/bin/python3's float().

#include "core/ValueParser.h"

#include <QByteArray>
#include <QTest>

#include <bit>
#include <charconv>
#include <cstdint>
#include <string_view>

namespace {

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

QByteArray hexText(double v)
{
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex);
    return QByteArray(buf, int(result.ptr - buf));
}

QByteArray shown(const QByteArray &input)
{
    if (input.size() > 60)
        return input.left(40).toPercentEncoding() + "... (" + QByteArray::number(input.size()) + " bytes)";
    return input.toPercentEncoding(" +-.");
}

constexpr qsizetype OneMiB = 1 << 20;

void accepted(const char *name, const QByteArray &input, double expected)
{
    QTest::newRow(name) << input << true << expected;
}

void rejected(const char *name, const QByteArray &input)
{
    QTest::newRow(name) << input << false << 0.0;
}

} // namespace

class TestValueParser : public QObject
{
    Q_OBJECT

private slots:
    void parseValue_data();
    void parseValue();
};

void TestValueParser::parseValue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("isNumber");
    QTest::addColumn<double>("expected"); // float(input) in Python, when isNumber

    // Ordinary values of the platform.
    accepted("integer", "72", 0x1.2p+6);
    accepted("decimal", "36.6", 0x1.24ccccccccccdp+5); // 36.6
    accepted("exponent", "1.2e3", 0x1.2cp+10); // 1200.0
    accepted("spaces around", " 72 ", 0x1.2p+6);
    accepted("tab and newline around", "\t5\n", 0x1.4p+2);
    accepted("CR LF after", "1.0\r\n", 0x1p+0);
    accepted("vertical tab and form feed", "\v7\f", 0x1.cp+2); // ASCII whitespace too, as for float()
    accepted("plus sign", "+5", 0x1.4p+2);
    accepted("minus sign", "-5", -0x1.4p+2);
    accepted("leading dot", ".5", 0x1p-1);
    accepted("minus leading dot", "-.5", -0x1p-1);
    accepted("trailing dot", "5.", 0x1.4p+2);
    accepted("minus trailing dot", "-5.", -0x1.4p+2);
    accepted("capital E plus", "1E+5", 0x1.86ap+16); // 100000.0
    accepted("dot then exponent", "1.e5", 0x1.86ap+16);
    accepted("capital E minus", "1.5E-3", 0x1.89374bc6a7efap-10); // 0.0015
    accepted("sign dot exponent", "+.5e-3", 0x1.0624dd2f1a9fcp-11); // 0.0005
    accepted("exponent leading zeros", "1e0008", 0x1.7d784p+26); // 1e8
    accepted("leading zeros", "00012.50", 0x1.9p+3);
    accepted("zero", "0", 0.0);
    accepted("zero with decimals", "0.000", 0.0);
    accepted("minus zero", "-0.0", -0.0);
    accepted("minus zero with spaces", "  -0  ", -0.0);
    accepted("0.1", "0.1", 0x1.999999999999ap-4);
    accepted("0.30000000000000004", "0.30000000000000004", 0x1.3333333333334p-2);
    accepted("1e23 (hard to round)", "1e23", 0x1.52d02c7e14af6p+76);
    accepted("30 digits", "123456789012345678901234567890", 0x1.8ee90ff6c373ep+96);

    // Correct rounding, where a parser that reads only 17 digits, or rounds twice, gets it wrong.
    accepted("2^53+1 rounds to even", "9007199254740993", 0x1p+53);
    accepted("2^53+1 and a tail rounds up", "9007199254740993.000000000000000000001", 0x1.0000000000001p+53);
    accepted("halfway 1+2^-53 rounds to even", "1.00000000000000011102230246251565404236316680908203125", 0x1p+0);

    // The edges of float64.
    accepted("1e+308", "1e+308", 0x1.1ccf385ebc8ap+1023);
    accepted("largest double", "1.7976931348623157e308", 0x1.fffffffffffffp+1023);
    accepted("rounds down to the largest double", "1.7976931348623158e308", 0x1.fffffffffffffp+1023);
    accepted("2^1023", "8.98846567431158e307", 0x1p+1023);
    accepted("smallest normal", "2.2250738585072014e-308", 0x1p-1022);
    accepted("denormal 4e-320", "4e-320", 0x0.0000000001fap-1022);
    accepted("smallest denormal", "4.9406564584124654e-324", 0x0.0000000000001p-1022);
    accepted("just above half the smallest denormal", "2.4703282292062328e-324", 0x0.0000000000001p-1022);
    accepted("half the smallest denormal rounds to 0", "2.4703282292062327e-324", 0.0);
    accepted("underflow 1e-400 is 0", "1e-400", 0.0);
    accepted("underflow -1e-400 is -0", "-1e-400", -0.0);
    accepted("huge negative exponent", "1e-99999999999999999999", 0.0);
    accepted("zero with huge exponent", "0e99999999999999999999", 0.0);

    // Not finite: float() gives inf or nan; we count these as not numeric (a documented difference).
    rejected("overflow 1.7976931348623159e308", "1.7976931348623159e308");
    rejected("overflow 1e999", "1e999");
    rejected("overflow -1e999", "-1e999");
    rejected("overflow huge exponent", "1e99999999999999999999");
    rejected("nan", "nan");
    rejected("NaN", "NaN");
    rejected("+nan", "+nan");
    rejected("inf", "inf");
    rejected("-inf", "-inf");
    rejected("Infinity", "Infinity");
    rejected("infinity", "infinity");

    // Not numbers for Python either.
    rejected("empty", "");
    rejected("spaces only", "  ");
    rejected("CR LF only", "\r\n");
    rejected("n/a", "n/a");
    rejected("blood pressure 120/80", "120/80");
    rejected("duration PT1H10M", "PT1H10M");
    rejected("hex 0x1A", "0x1A");
    rejected("hex float 0x1p3", "0x1p3");
    rejected("binary 0b101", "0b101");
    rejected("octal 0o17", "0o17");
    rejected("decimal comma", "1,5");
    rejected("two dots", "1.2.3");
    rejected("double minus", "--5");
    rejected("plus minus", "+-5");
    rejected("minus space", "- 5");
    rejected("trailing minus", "5-");
    rejected("trailing plus", "5+");
    rejected("exponent without digits", "5e");
    rejected("exponent sign without digits", "5e+");
    rejected("exponent minus without digits", "5e-");
    rejected("exponent without mantissa", "e5");
    rejected("dot exponent", ".e5");
    rejected("fractional exponent", "1e5.5");
    rejected("space in exponent", "1e 5");
    rejected("two numbers", "1 2");
    rejected("space before dot", "5 .");
    rejected("dot space digit", ". 5");
    rejected("dot alone", ".");
    rejected("plus alone", "+");
    rejected("minus alone", "-");
    rejected("e alone", "e");
    rejected("Fortran exponent", "1d5");
    rejected("C suffix L", "1e5L");
    rejected("C suffix f", "5f");
    rejected("MSVC 1.#INF", "1.#INF");
    rejected("NUL after", QByteArray("5\0", 2));
    rejected("NUL before",
             QByteArray("\0"
                        "5",
                        2));
    rejected("NUL inside",
             QByteArray("1\0"
                        "2",
                        3));
    rejected("zero-width space after", "5\xe2\x80\x8b"); // U+200B

    // Python accepts these; we do not (docs/platform.md 2: ASCII digits and ASCII whitespace only).
    rejected("digit groups 1_000", "1_000");
    rejected("Arabic-Indic digits 123", "\xd9\xa1\xd9\xa2\xd9\xa3"); // U+0661 U+0662 U+0663
    rejected("Arabic-Indic digit 1", "\xd9\xa1");
    rejected("fullwidth digit 7", "\xef\xbc\x97"); // U+FF17
    rejected("no-break space before",
             "\xc2\xa0"
             "7"); // U+00A0
    rejected("no-break space after",
             "7"
             "\xc2\xa0");
    rejected("no-break spaces around",
             "\xc2\xa0"
             "7"
             "\xc2\xa0");
    rejected("Latin-1 no-break space byte",
             "\xa0"
             "7");
    rejected("thin space before",
             "\xe2\x80\x89"
             "7"); // U+2009

    // Long inputs (1 MiB and more): correct, and not truncated or cut short by a buffer.
    rejected("1 and a million zeros overflows", QByteArray("1") + QByteArray(1000000, '0'));
    accepted("a million zeros then 1", QByteArray(OneMiB, '0') + "1", 0x1p+0);
    accepted("1 MiB tiny 0.000...1 underflows to 0", "0." + QByteArray(OneMiB - 3, '0') + "1", 0.0);
    accepted("1 MiB tiny times a huge exponent", "0." + QByteArray(OneMiB - 3, '0') + "1e1048576", 0x1.9p+6); // 100
    accepted("1 and a million zeros times 1e-1000000", "1" + QByteArray(1000000, '0') + "e-1000000", 0x1p+0);
    accepted("1.000...0001 (1 MiB) rounds to 1", "1." + QByteArray(OneMiB, '0') + "1", 0x1p+0);
    accepted("halfway then 1 MiB later a 1 rounds up",
             "1.00000000000000011102230246251565404236316680908203125" + QByteArray(OneMiB, '0') + "1",
             0x1.0000000000001p+0);
    accepted("1 MiB of spaces around", QByteArray(OneMiB, ' ') + "7" + QByteArray(OneMiB, ' '), 0x1.cp+2);
    rejected("1 MiB of digits then x", QByteArray(OneMiB, '1') + "x");
    QByteArray garbage;
    const QByteArray pattern("n/a;120/80 PT1H\xff\x01"
                             "e+-.\t");
    while (garbage.size() < OneMiB)
        garbage += pattern;
    rejected("1 MiB of garbage", garbage);
}

void TestValueParser::parseValue()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, isNumber);
    QFETCH(double, expected);

    const std::optional<double> value = fo::parseValue(std::string_view(input.constData(), std::size_t(input.size())));
    if (!isNumber) {
        const QByteArray message = "\"" + shown(input) + "\" must not be a number, got " + hexText(value.value_or(0.0));
        QVERIFY2(!value.has_value(), message.constData());
        return;
    }
    const QByteArray missing = "\"" + shown(input) + "\" must be a number (" + hexText(expected) + ")";
    QVERIFY2(value.has_value(), missing.constData());
    const QByteArray message =
        "\"" + shown(input) + "\" gave " + hexText(*value) + ", Python's float() gives " + hexText(expected);
    QVERIFY2(sameBits(*value, expected), message.constData());
}

QTEST_GUILESS_MAIN(TestValueParser)
#include "tst_valueparser.moc"
