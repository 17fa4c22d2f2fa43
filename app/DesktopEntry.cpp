// The desktop build's entry point: the window of ui/ (see DesktopEntry.h).
#include "app/DesktopEntry.h"

#include "ui/shell/DesktopMain.h"

namespace fo {

int runDesktopEntry(int &argc, char **argv)
{
    return ui::runDesktop(argc, argv);
}

const char *desktopEntryHelp()
{
    return "Without arguments, opens the desktop window.";
}

} // namespace fo
