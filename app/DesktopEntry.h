#pragma once

namespace fo {

// What find-outliers does when it is started without a headless verb (docs/architecture.md). CMake links exactly
// one implementation (app/CMakeLists.txt):
//   DesktopEntry.cpp    the desktop build: creates the QApplication and opens the window of ui/;
//   NoDesktopEntry.cpp  the headless build (-DFO_DESKTOP=OFF): says in one line on stderr that this build has no
//                       desktop and how to run the job, and returns ExitUsageError (2). It needs no display.
// Call it with no QCoreApplication alive: the desktop creates its own application object.
int runDesktopEntry(int &argc, char **argv);

// The sentence of --help that says what find-outliers does without arguments, in this build.
const char *desktopEntryHelp();

} // namespace fo
