// libFuzzer target for the env-file parser (fo::parseEnvText); the properties are in FuzzChecks.cpp.
#include "fuzz/FuzzChecks.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string problem = fo::fuzz::checkEnvFile(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_envfile: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
