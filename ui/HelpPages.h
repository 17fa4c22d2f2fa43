#pragma once

#include <QString>

class QWidget;

namespace fo::ui {

// Help → How outliers are found, and Help → Keyboard shortcuts: short pages in a window of their own (non-modal), so
// that the operator can keep them open beside the chart.
namespace help {

QString howOutliersAreFoundHtml();
QString keyboardShortcutsHtml();
// Opens the page over `parent`; the page's object name is "helpPage".
void showPage(QWidget *parent, const QString &title, const QString &html);

} // namespace help
} // namespace fo::ui
