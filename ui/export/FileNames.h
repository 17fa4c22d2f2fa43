#pragma once

#include <QString>

namespace fo::ui {

// A part of a default file name (an email, a data type): letters, digits, '@', '.', '-' and '_' stay, anything
// else becomes '_', so that every file system takes it. The CSV, PNG and PDF defaults all use it.
QString fileNamePart(QString text);

} // namespace fo::ui
