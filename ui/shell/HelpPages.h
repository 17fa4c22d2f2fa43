#pragma once

#include <QKeySequence>
#include <QString>

class QMenuBar;
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
// The menu commands' shortcuts are read from `menus` when the page opens (each action with a shortcut, under its menu):
// the page lists what the menus bind and cannot drift from them. Then the keys that no menu holds: the email field,
// the chart and the Overview's cards.
QString keyboardShortcutsHtml(const QMenuBar *menus);
// "Export CSV" for "Export &CSV…": an action's text as the help page names it.
QString plainActionText(const QString &text);
// Opens the page over `parent`; the page's object name is "helpPage".
void showPage(QWidget *parent, const QString &title, const QString &html);

} // namespace help
} // namespace fo::ui
