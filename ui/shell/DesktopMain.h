#pragma once

namespace fo::ui {

// Creates the QApplication, installs the translator (the language chosen in the settings, or the system locale) and
// shows the main window. Returns the application's exit code.
int runDesktop(int &argc, char **argv);

} // namespace fo::ui
