#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace fo {

// Parses a record's `value` text as docs/platform.md 2 "Parsing value" says we do: an ASCII decimal number with
// optional surrounding ASCII whitespace, an optional sign and an optional exponent. Returns nothing for text that
// is not such a number, and for numbers that are not finite (nan, inf, overflow such as "1e999"). Underflow
// ("1e-400") gives zero, as Python's float() does. Does not allocate for inputs of ordinary length.
std::optional<double> parseValue(std::string_view text);

} // namespace fo
