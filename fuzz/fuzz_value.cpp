// libFuzzer target for the record value parser (fo::parseValue); the properties are in FuzzChecks.cpp.
#include "fuzz/FuzzChecks.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string problem = fo::fuzz::checkValue(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_value: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
