#pragma once

#include <QStringList>

namespace fo {

// Exit codes of the headless tool (documented in --help and the README).
enum ExitCode : int {
    ExitSuccess = 0, // the run completed (warnings allowed)
    ExitRunFailed = 1, // the run failed or was cancelled, and nothing of it was written
    ExitUsageError = 2, // bad command line, configuration or env file, or an invalid email: nothing was touched
};

// True when the arguments ask for the headless tool rather than the desktop window.
bool isHeadlessInvocation(int argc, char **argv);

// Runs the headless tool; call with a QCoreApplication alive.
int runHeadless(const QStringList &arguments);

} // namespace fo
