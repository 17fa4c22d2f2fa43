#include "core/TerminalText.h"

namespace fo {
namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

} // namespace

QString escapeControlChars(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size() && !isControl(text.at(first).unicode()))
        ++first;
    if (first == text.size())
        return text; // the common case: nothing to escape, no copy

    static const char Hex[] = "0123456789abcdef";
    QString escaped;
    escaped.reserve(text.size() + 16);
    escaped.append(QStringView(text).left(first));
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!isControl(c)) {
            escaped.append(QChar(c));
            continue;
        }
        switch (c) {
        case u'\n':
            escaped.append(QLatin1String("\\n"));
            break;
        case u'\r':
            escaped.append(QLatin1String("\\r"));
            break;
        case u'\t':
            escaped.append(QLatin1String("\\t"));
            break;
        default:
            escaped.append(QLatin1String("\\x"));
            escaped.append(QLatin1Char(Hex[(c >> 4) & 0xf]));
            escaped.append(QLatin1Char(Hex[c & 0xf]));
            break;
        }
    }
    return escaped;
}

} // namespace fo
