#pragma once

#include <QKeySequence>
#include <QString>

class QWidget;

namespace fo::ui {

// Help → How outliers are found, and Help → Keyboard shortcuts: short pages in a window of their own (non-modal), so
// that the operator can keep them open beside the chart.
namespace help {

// The platform's binding of a standard key, or `fallback` where the platform has none (a plain X11 session has no
// Preferences binding: Ctrl+, did nothing there). The menus and the shortcuts page both use it.
QKeySequence standardShortcut(QKeySequence::StandardKey key, const QKeySequence &fallback);
QKeySequence preferencesShortcut();
QKeySequence refreshShortcut();
QKeySequence helpShortcut();
QKeySequence quitShortcut();

QString howOutliersAreFoundHtml();
QString keyboardShortcutsHtml();
// Opens the page over `parent`; the page's object name is "helpPage".
void showPage(QWidget *parent, const QString &title, const QString &html);

} // namespace help
} // namespace fo::ui
