// The headless build's entry point (-DFO_DESKTOP=OFF): no window to open, so say so and how to run the job
// (see DesktopEntry.h). Links nothing of ui/; stderr through stdio, since no application object exists yet.
#include "app/DesktopEntry.h"
#include "app/HeadlessApp.h"

#include <cstdio>

namespace fo {

int runDesktopEntry(int &, char **)
{
    std::fputs("find-outliers: this build has no desktop window (built with FO_DESKTOP=OFF); run the job with "
               "--email ADDRESS (or --all-users, --emails-from FILE, --demo), and see --help for the rest.\n",
               stderr);
    return ExitUsageError;
}

const char *desktopEntryHelp()
{
    return "This build has no desktop window (FO_DESKTOP=OFF): give --email or another of the options below.";
}

} // namespace fo
