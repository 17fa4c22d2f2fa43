#pragma once

// The properties each fuzz target checks, one function per parser. They take the fuzzer's bytes and return an
// empty string when every property holds, else what was wrong. The libFuzzer targets (fuzz_*.cpp) abort on a
// non-empty answer; tests/faults/tst_fuzz_corpus.cpp replays the committed corpus and the regressions through the
// same functions in the ordinary g++ build, so that a fixed finding stays fixed.

#include <cstddef>
#include <cstdint>
#include <string>

namespace fo::fuzz {

// fo::parseEnvText: never crashes; what it accepts has valid names, in-range line numbers and no line break in a
// value, and reads back the same when written out again; what it refuses names the file and a line that exists,
// and says nothing else but one of a few fixed messages with at most the variable's name: never a value nor the
// line's text, which may hold a secret.
std::string checkEnvFile(const std::uint8_t *data, std::size_t size);

// fo::parseValue: never crashes; accepts exactly the grammar of docs/platform.md 2 (ASCII decimal, optional sign and
// exponent, surrounding ASCII whitespace), gives the same double as the C library's strtod (bit for bit, signed
// zero included), and refuses what is not finite.
std::string checkValue(const std::uint8_t *data, std::size_t size);

// fo::writeCsv / csvTextCell / csvNumberCell: a report built from the bytes (any text for the email and the data
// types, any doubles) is written, read back with the RFC 4180 reader, and must come back equal: texts after
// undoing the ' prefix, numbers exactly (non-finite ones as empty cells; -0 may come back as 0), no text cell that a
// spreadsheet would run as a formula.
std::string checkCsv(const std::uint8_t *data, std::size_t size);

} // namespace fo::fuzz
