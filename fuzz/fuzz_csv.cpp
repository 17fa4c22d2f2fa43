// libFuzzer target for the CSV writer (fo::writeCsv, csvTextCell, csvNumberCell); the properties are in FuzzChecks.cpp.
#include "fuzz/FuzzChecks.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string problem = fo::fuzz::checkCsv(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_csv: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
