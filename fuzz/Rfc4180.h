#pragma once

// A strict RFC 4180 reader, written apart from the writer it checks (core/ReportWriters.cpp), for the CSV fuzz
// target and the bad-input tests. Qt-free, so that it builds with clang for libFuzzer and with g++ for the tests.
//
//   file       = record *(CRLF record) [CRLF]
//   record     = field *("," field)
//   field      = escaped / non-escaped
//   escaped    = DQUOTE *(any byte but DQUOTE / 2DQUOTE) DQUOTE
//   non-escaped = *(any byte but "," DQUOTE CR LF)
//
// Stricter than most readers on purpose: a lone CR or LF outside quotes, a quote inside an unquoted field, and text
// after a closing quote are errors, because our writer never produces them.

#include <string>
#include <string_view>
#include <vector>

namespace fo::fuzz {

struct CsvTable
{
    std::vector<std::vector<std::string>> rows;
    std::string error; // empty when the text is valid
    bool ok() const { return error.empty(); }
};

inline CsvTable readCsv(std::string_view text)
{
    CsvTable table;
    const std::size_t n = text.size();
    std::size_t i = 0;
    if (n == 0)
        return table;
    std::vector<std::string> row;
    while (true) {
        std::string field;
        if (i < n && text[i] == '"') {
            ++i;
            while (true) {
                if (i >= n) {
                    table.error = "a quoted field is not closed at the end of the text";
                    return table;
                }
                const char c = text[i++];
                if (c != '"') {
                    field.push_back(c);
                    continue;
                }
                if (i < n && text[i] == '"') { // "" stands for one quote
                    field.push_back('"');
                    ++i;
                    continue;
                }
                break;
            }
            if (i < n && text[i] != ',' && text[i] != '\r') {
                table.error = "text after a closing quote at byte " + std::to_string(i);
                return table;
            }
        } else {
            while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') {
                    table.error = "a quote inside an unquoted field at byte " + std::to_string(i);
                    return table;
                }
                field.push_back(text[i++]);
            }
        }
        row.push_back(std::move(field));
        if (i >= n) { // the last record, without CRLF
            table.rows.push_back(std::move(row));
            return table;
        }
        if (text[i] == ',') {
            ++i;
            continue;
        }
        if (text[i] == '\n' || i + 1 >= n || text[i + 1] != '\n') {
            table.error = "a line break that is not CRLF outside quotes at byte " + std::to_string(i);
            return table;
        }
        i += 2; // CRLF
        table.rows.push_back(std::move(row));
        row.clear();
        if (i >= n) // the optional CRLF after the last record
            return table;
    }
}

// Undoes the writer's formula neutralisation (csvTextCell): a text cell that begins with ' had one ' put in front.
// The writer prefixes every text that begins with = + - @ TAB CR or ' itself, so this is exact.
inline std::string unneutralise(std::string_view cell)
{
    if (!cell.empty() && cell.front() == '\'')
        cell.remove_prefix(1);
    return std::string(cell);
}

} // namespace fo::fuzz
