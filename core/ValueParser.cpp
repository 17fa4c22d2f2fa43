#include "core/ValueParser.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <locale.h>
#include <string>

namespace fo {
namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Checks the grammar we accept, after trimming and after an optional sign:
//   digits [ '.' digits? ] | '.' digits   followed by an optional exponent  [eE] [+-]? digits
// This rejects everything std::from_chars would otherwise take that Python's float() does not, or that we
// deliberately refuse: "inf", "nan", hex, and a second sign.
bool isDecimalNumber(std::string_view s)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    std::size_t intDigits = 0;
    while (i < n && isDigit(s[i])) {
        ++i;
        ++intDigits;
    }
    std::size_t fracDigits = 0;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && isDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits + fracDigits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        std::size_t expDigits = 0;
        while (i < n && isDigit(s[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == n;
}

// strtod in the C locale, whatever the process locale is (QCoreApplication sets it from the environment).
double strtodC(const std::string &text)
{
    static locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    return strtod_l(text.c_str(), nullptr, cLocale);
}

} // namespace

std::optional<double> parseValue(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isAsciiSpace(text[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(text[end - 1]))
        --end;
    std::string_view s = text.substr(begin, end - begin);
    if (s.empty())
        return std::nullopt;

    bool negative = false;
    std::string_view body = s;
    if (body.front() == '+' || body.front() == '-') {
        negative = body.front() == '-';
        body.remove_prefix(1);
    }
    if (!isDecimalNumber(body))
        return std::nullopt;

    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value, std::chars_format::general);
    if (ec == std::errc::result_out_of_range) {
        // Overflow is refused; underflow gives zero or a denormal, as Python's float() does. strtod tells them
        // apart and rounds correctly; this path is rare, so the copy does not matter.
        value = strtodC(std::string(body));
        if (!std::isfinite(value))
            return std::nullopt;
    } else if (ec != std::errc() || ptr != body.data() + body.size()) {
        return std::nullopt;
    }
    if (!std::isfinite(value))
        return std::nullopt;
    return negative ? -value : value;
}

} // namespace fo
