#include "fuzz/FuzzChecks.h"

#include "core/Config.h"
#include "core/ReportWriters.h"
#include "core/RunReport.h"
#include "core/ValueParser.h"
#include "fuzz/Rfc4180.h"

#include <QBuffer>
#include <QByteArray>
#include <QDateTime>
#include <QRegularExpression>
#include <QString>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <optional>
#include <string_view>

namespace fo::fuzz {
namespace {

std::string quoted(const QByteArray &bytes)
{
    std::string text;
    for (const char c : bytes.left(200)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\') {
            text.push_back(c);
        } else {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", u);
            text += escape;
        }
    }
    return "\"" + text + (bytes.size() > 200 ? "\"..." : "\"");
}

std::string quoted(const std::string_view text)
{
    return quoted(QByteArray(text.data(), qsizetype(text.size())));
}

std::string quoted(const QString &text)
{
    return quoted(text.toUtf8());
}

double strtodC(const char *text, char **end)
{
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    return strtod_l(text, end, cLocale);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// ---- Env files -----------------------------------------------------------------------------------------------------

// One way to write a value that parseEnvText reads back as it is.
QByteArray envLine(const QString &name, const QString &value)
{
    const QByteArray v = value.toUtf8();
    if (!value.contains(QLatin1Char('\'')))
        return name.toUtf8() + "='" + v + "'\n";
    if (!value.contains(QLatin1Char('"')))
        return name.toUtf8() + "=\"" + v + "\"\n";
    // Both quotes: it came from an unquoted line, already trimmed and cut at its comment, so it can go back as is.
    return name.toUtf8() + '=' + v + '\n';
}

// ---- Values --------------------------------------------------------------------------------------------------------

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// [+-]? ( digits [ "." digits* ] | "." digits ) ( [eE] [+-]? digits )? , written as a state machine of its own.
bool referenceGrammar(std::string_view s)
{
    enum State { Start, Sign, Int, Dot, LeadingDot, Frac, E, ESign, Exp, Reject };
    State state = Start;
    for (const char c : s) {
        const bool digit = c >= '0' && c <= '9';
        switch (state) {
        case Start:
            state = (c == '+' || c == '-') ? Sign : digit ? Int : c == '.' ? LeadingDot : Reject;
            break;
        case Sign:
            state = digit ? Int : c == '.' ? LeadingDot : Reject;
            break;
        case Int:
            state = digit ? Int : c == '.' ? Dot : (c == 'e' || c == 'E') ? E : Reject;
            break;
        case Dot:
        case Frac:
            state = digit ? Frac : (c == 'e' || c == 'E') ? E : Reject;
            break;
        case LeadingDot:
            state = digit ? Frac : Reject;
            break;
        case E:
            state = (c == '+' || c == '-') ? ESign : digit ? Exp : Reject;
            break;
        case ESign:
        case Exp:
            state = digit ? Exp : Reject;
            break;
        case Reject:
            break;
        }
        if (state == Reject)
            return false;
    }
    return state == Int || state == Dot || state == Frac || state == Exp;
}

// ---- CSV -----------------------------------------------------------------------------------------------------------

class ByteReader
{
public:
    ByteReader(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) { }

    std::uint8_t byte() { return m_at < m_size ? m_data[m_at++] : 0; }

    template<typename T> T raw()
    {
        unsigned char bytes[sizeof(T)] = {};
        for (unsigned char &b : bytes)
            b = byte();
        T value;
        std::memcpy(&value, bytes, sizeof value);
        return value;
    }

    // The bytes up to a NUL separator (or the end), as UTF-8: any text at all, broken UTF-8 included.
    QString text()
    {
        const std::size_t start = m_at;
        while (m_at < m_size && m_data[m_at] != 0)
            ++m_at;
        const QByteArray bytes(reinterpret_cast<const char *>(m_data + start), qsizetype(m_at - start));
        if (m_at < m_size)
            ++m_at;
        return QString::fromUtf8(bytes);
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

std::string checkTextCell(const std::string &cell, const QString &expected, const char *what)
{
    if (!cell.empty() && std::strchr("=+-@\t\r", cell.front()) != nullptr)
        return std::string(what) + " cell " + quoted(cell) + " begins with a character that starts a formula";
    if (unneutralise(cell) != expected.toUtf8().toStdString())
        return std::string(what) + " " + quoted(expected) + " reads back as " + quoted(unneutralise(cell));
    return {};
}

std::string checkNumberCell(const std::string &cell, double expected, const char *what)
{
    if (!std::isfinite(expected)) {
        if (!cell.empty())
            return std::string(what) + ": a non-finite number is written as " + quoted(cell) + ", not as an empty cell";
        return {};
    }
    if (cell.empty() || cell.find_first_not_of("0123456789+-.e") != std::string::npos)
        return std::string(what) + ": " + quoted(cell) + " is not a plain number";
    char *end = nullptr;
    const double back = strtodC(cell.c_str(), &end);
    // Equal as numbers: bit for bit, except that -0 may be written as 0 (QString::number drops the sign of zero,
    // which no reader of the CSV can care about).
    if (end != cell.c_str() + cell.size() || !(back == expected)) {
        char text[64];
        std::snprintf(text, sizeof text, "%.17g", expected);
        return std::string(what) + ": " + text + " is written as " + quoted(cell) + ", which reads back differently";
    }
    return {};
}

// An error of parseEnvText must never show a value nor the line's text (issue 10: "DB_PASSWORD: Hunter2" was
// quoted back whole). So the message after "<file> line N: " must be one of these, word for word, where NAME is a
// name that the line itself puts before = (or, for a line without =, one of our variables that begins it) and Q a
// quote character. A new message needs a row here, once it is sure never to show a value.
struct EnvErrorTemplate
{
    const char *text;
    bool nameBeforeEquals; // NAME stands before = in the line; otherwise it is one of ours that begins the line
};

const EnvErrorTemplate EnvErrorTemplates[] = {
    {"the line contains a NUL byte; env files are text.", false},
    {"expected NAME=value, and the line has no =. Fix the line or put # before it (the line is not shown, since it "
     "may hold a secret).",
     false},
    {"NAME is not followed by =. Write NAME=value (the line is not shown, since it may hold a secret).", false},
    {"the text before = is not a variable name (letters, digits and _, not starting with a digit; it is not shown, "
     "since it may hold a secret).",
     false},
    {"the value of NAME opens a quote (Q) that is never closed.", true},
    {"unexpected text after the quoted value of NAME.", true},
};

// The failing line as parseEnvText sees it: without the BOM, the CR before LF, surrounding whitespace and "export ".
QString envLineText(const QByteArray &text, qsizetype lineNumber)
{
    QByteArray body = text;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    const QList<QByteArray> lines = body.split('\n');
    if (lineNumber < 1 || lineNumber > lines.size())
        return QString();
    QByteArray raw = lines.at(lineNumber - 1);
    if (raw.endsWith('\r'))
        raw.chop(1);
    QString line = QString::fromUtf8(raw).trimmed();
    if (line.startsWith(QLatin1String("export ")) || line.startsWith(QLatin1String("export\t")))
        line = line.mid(7).trimmed();
    return line;
}

// Empty when `message` (the error without "<file> line N: ") is one of EnvErrorTemplates with a name the line
// allows; else what is wrong.
std::string checkEnvErrorShowsNoValue(const QString &message, const QString &line)
{
    static const QString nameGroup = QStringLiteral("(?<name>[A-Za-z_][A-Za-z0-9_]*)");
    for (const EnvErrorTemplate &entry : EnvErrorTemplates) {
        const QString raw = QString::fromLatin1(entry.text);
        // "NAME=value" alone is the literal text of a message; any other NAME is a name.
        const bool hasName = raw.count(QLatin1String("NAME")) > raw.count(QLatin1String("expected NAME=value"));
        QString pattern = QRegularExpression::escape(raw);
        if (hasName) {
            // The first NAME captures; later ones must repeat it.
            const qsizetype first = pattern.indexOf(QLatin1String("NAME"));
            pattern.replace(first, 4, nameGroup);
            pattern.replace(QLatin1String("NAME"), QStringLiteral("\\k<name>"));
        }
        pattern.replace(QLatin1String("\\(Q\\)"), QStringLiteral("\\([\"']\\)"));
        const QRegularExpression re(QStringLiteral("\\A") + pattern + QStringLiteral("\\z"));
        const QRegularExpressionMatch match = re.match(message);
        if (!match.hasMatch())
            continue;
        if (!hasName)
            return {};
        const QString name = match.captured(QStringLiteral("name"));
        if (entry.nameBeforeEquals) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq < 0 || line.left(eq).trimmed() != name)
                return "the error names " + quoted(name) + ", which is not the name before = in " + quoted(line);
            return {};
        }
        if (!configVariableNames().contains(name) || !line.startsWith(name) || line.contains(QLatin1Char('=')))
            return "the error names " + quoted(name) + ", which is not one of our variables beginning " + quoted(line);
        return {};
    }
    return "the error is not one of the messages known to show no value: " + quoted(message);
}

} // namespace

std::string checkEnvFile(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fileName = QStringLiteral("fuzz.env");
    const qsizetype lines = text.count('\n') + 1;
    const Result<EnvMap> parsed = parseEnvText(text, fileName);
    if (!parsed) {
        static const QRegularExpression where(QStringLiteral("\\Afuzz\\.env line (\\d+): "));
        const QRegularExpressionMatch match = where.match(parsed.error());
        if (!match.hasMatch())
            return "the error does not begin with the file and the line: " + quoted(parsed.error());
        const qsizetype line = match.captured(1).toLongLong();
        if (line < 1 || line > lines)
            return "the error names line " + std::to_string(line) + " of a text with " + std::to_string(lines)
                + " lines";
        return checkEnvErrorShowsNoValue(parsed.error().mid(match.capturedLength(0)), envLineText(text, line));
    }
    static const QRegularExpression namePattern(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]*\\z"));
    QByteArray again;
    for (auto it = parsed.value().cbegin(); it != parsed.value().cend(); ++it) {
        if (!namePattern.match(it.key()).hasMatch())
            return "accepted the name " + quoted(it.key());
        if (it.value().line < 1 || it.value().line > lines)
            return "the line number " + std::to_string(it.value().line) + " of " + quoted(it.key())
                + " is out of range";
        if (it.value().value.contains(QLatin1Char('\n')) || it.value().value.contains(QChar(0)))
            return "the value of " + quoted(it.key()) + " holds a line break or a NUL";
        again += envLine(it.key(), it.value().value);
    }
    const Result<EnvMap> reparsed = parseEnvText(again, fileName);
    if (!reparsed)
        return "what was accepted does not read back: " + quoted(reparsed.error()) + " for " + quoted(again);
    if (reparsed.value().size() != parsed.value().size())
        return "written back, the file has " + std::to_string(reparsed.value().size()) + " names instead of "
            + std::to_string(parsed.value().size());
    for (auto it = parsed.value().cbegin(); it != parsed.value().cend(); ++it) {
        if (reparsed.value().value(it.key()).value != it.value().value)
            return "the value of " + quoted(it.key()) + ", " + quoted(it.value().value) + ", reads back as "
                + quoted(reparsed.value().value(it.key()).value);
    }
    return {};
}

std::string checkValue(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::optional<double> got = parseValue(text);

    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isAsciiSpace(text[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(text[end - 1]))
        --end;
    const std::string trimmed(text.substr(begin, end - begin));
    if (!referenceGrammar(trimmed)) {
        if (got)
            return "accepted " + quoted(text) + ", which is not a decimal number";
        return {};
    }
    char *stop = nullptr;
    const double expected = strtodC(trimmed.c_str(), &stop);
    if (stop != trimmed.c_str() + trimmed.size())
        return "strtod stopped early in " + quoted(text); // the reference itself is wrong
    if (!std::isfinite(expected)) {
        if (got)
            return "accepted " + quoted(text) + ", which overflows";
        return {};
    }
    if (!got)
        return "refused " + quoted(text) + ", a finite decimal number";
    if (!sameBits(*got, expected)) {
        char message[128];
        std::snprintf(message, sizeof message, "gives %.17g where strtod gives %.17g for ", *got, expected);
        return message + quoted(text);
    }
    return {};
}

std::string checkCsv(const std::uint8_t *data, std::size_t size)
{
    ByteReader in(data, size);
    const std::uint8_t flags = in.byte();
    const bool allPoints = flags & 1;
    const int typeCount = (flags >> 1) % 4 + 1;

    RunReport report;
    report.iteration = in.raw<std::int16_t>();
    report.email = in.text();
    report.raw.source = Source::Raw;
    report.processed.source = Source::Processed;
    qint64 nextId = 1;
    for (int t = 0; t < typeCount; ++t) {
        TableReport &table = (in.byte() & 1) ? report.processed : report.raw;
        TypeReport type;
        type.dataType = in.text();
        type.mean = in.raw<double>();
        type.std = in.raw<double>();
        type.k = in.raw<double>();
        const int points = in.byte() % 5;
        for (int p = 0; p < points; ++p) {
            const qint64 id = nextId + in.raw<std::uint16_t>();
            nextId = id + 1;
            const double value = in.raw<double>();
            const qint64 timeMs = qint64(in.raw<std::uint64_t>() % 4102444800000ULL); // 1970..2100
            const bool outlier = in.byte() & 1;
            const double z = in.raw<double>();
            type.series.ids.push_back(id);
            type.series.timesMs.push_back(timeMs);
            type.series.values.push_back(value);
            if (outlier)
                type.outliers.push_back(OutlierPoint {id, QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC), value, z});
        }
        table.types.push_back(type);
    }

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status written = writeCsv(report, buffer, allPoints);
    if (!written)
        return "writeCsv failed: " + quoted(written.error());
    const QByteArray bytes = buffer.data();
    const CsvTable table = readCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!table.ok())
        return "the CSV is not valid RFC 4180: " + table.error + " in " + quoted(bytes);

    const QStringList header = csvHeader(allPoints);
    if (table.rows.empty())
        return "no header row";
    std::vector<std::string> expectedHeader;
    for (const QString &name : header)
        expectedHeader.push_back(name.toStdString());
    if (table.rows.front() != expectedHeader)
        return "the header row differs";

    std::size_t row = 1;
    for (const TableReport *source : {&report.raw, &report.processed}) {
        for (const TypeReport &type : source->types) {
            const qsizetype count = allPoints ? type.series.ids.size() : type.outliers.size();
            for (qsizetype i = 0; i < count; ++i, ++row) {
                if (row >= table.rows.size())
                    return "rows are missing: " + std::to_string(table.rows.size() - 1) + " read back";
                const std::vector<std::string> &cells = table.rows[row];
                if (cells.size() != std::size_t(header.size()))
                    return "row " + std::to_string(row) + " has " + std::to_string(cells.size()) + " cells";
                const qint64 id = allPoints ? type.series.ids.at(i) : type.outliers.at(i).recordId;
                const double value = allPoints ? type.series.values.at(i) : type.outliers.at(i).value;
                const QDateTime time = allPoints ? QDateTime::fromMSecsSinceEpoch(type.series.timesMs.at(i), Qt::UTC)
                                                 : type.outliers.at(i).time;
                bool outlier = true;
                double z = allPoints ? std::nan("") : type.outliers.at(i).z;
                if (allPoints) {
                    outlier = false;
                    for (const OutlierPoint &point : type.outliers)
                        outlier = outlier || point.recordId == id;
                    if (type.std != 0.0)
                        z = (value - type.mean) / type.std;
                }
                std::string problem = checkTextCell(cells[0], report.email, "email");
                if (problem.empty() && cells[1] != std::to_string(report.iteration))
                    problem = "iteration " + quoted(cells[1]);
                if (problem.empty() && cells[2] != sourceName(source->source).toStdString())
                    problem = "source " + quoted(cells[2]);
                if (problem.empty())
                    problem = checkTextCell(cells[3], type.dataType, "data type");
                if (problem.empty() && cells[4] != std::to_string(id))
                    problem = "record id " + quoted(cells[4]);
                if (problem.empty() && cells[5] != time.toString(Qt::ISODateWithMs).toStdString())
                    problem = "time " + quoted(cells[5]);
                if (problem.empty())
                    problem = checkNumberCell(cells[6], value, "value");
                if (problem.empty())
                    problem = checkNumberCell(cells[7], z, "z");
                if (problem.empty())
                    problem = checkNumberCell(cells[8], type.mean, "mean");
                if (problem.empty())
                    problem = checkNumberCell(cells[9], type.std, "std");
                if (problem.empty())
                    problem = checkNumberCell(cells[10], type.k, "k");
                if (problem.empty() && allPoints && cells[11] != (outlier ? "1" : "0"))
                    problem = "is_outlier " + quoted(cells[11]);
                if (!problem.empty())
                    return "row " + std::to_string(row) + ": " + problem;
            }
        }
    }
    if (row != table.rows.size())
        return std::to_string(table.rows.size() - row) + " rows too many";
    return {};
}

} // namespace fo::fuzz
