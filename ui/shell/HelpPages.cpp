#include "ui/shell/HelpPages.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fo::ui::help {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fo::ui::help", text);
}

QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText).toHtmlEscaped();
}

} // namespace

QKeySequence standardShortcut(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? fallback : bindings.first();
}

QKeySequence preferencesShortcut()
{
    return standardShortcut(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma));
}

QKeySequence refreshShortcut()
{
    return standardShortcut(QKeySequence::Refresh, QKeySequence(Qt::Key_F5));
}

QKeySequence helpShortcut()
{
    return standardShortcut(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1));
}

QKeySequence quitShortcut()
{
    return standardShortcut(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q));
}

QString howOutliersAreFoundHtml()
{
    return tr("<h3>How outliers are found</h3>"
              "<p>Each data type of a user (heart rate, steps, SpO2…) is checked on its own, separately for raw "
              "records and for the daily processed records.</p>"
              "<ol>"
              "<li>Every value that reads as a number counts; text such as “120/80” or “n/a”, and values that are "
              "not finite, are skipped (the <i>Skipped</i> column counts them).</li>"
              "<li>The mean and the standard deviation (std, of the whole population) of those numbers are "
              "computed exactly as the platform's Python job computes them.</li>"
              "<li>For each value, z = (value − mean) / std says how many standard deviations it lies from the "
              "mean.</li>"
              "<li>A value is an <b>outlier</b> when |z| &gt; k: k = 3 for raw records and k = 2 for processed "
              "records by default (the thresholds beside Run). |z| equal to k is not an outlier; when std is 0 "
              "(all values equal), nothing is.</li>"
              "</ol>"
              "<p>The chart shades the band mean ± k·std: the outliers are the points outside it. The "
              "<i>Why</i> column of the outliers table gives |z|, k and how many times k the |z| is.</p>"
              "<p>A run that is not a dry run stores the outliers as a new iteration, as the job does; "
              "<i>History</i> compares an iteration with the one before it: <b>new</b> outliers, <b>persisting</b> "
              "ones, and <b>resolved</b> ones (outliers before, not any more). When the thresholds of the two "
              "differ, some of the change comes from the thresholds, not from the data.</p>");
}

QString plainActionText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        // "&&" is a literal ampersand; a single one marks the mnemonic.
        if (text[i] == QLatin1Char('&') && i + 1 < text.size()) {
            ++i;
        }
        plain.append(text[i]);
    }
    while (plain.endsWith(QStringLiteral("…")) || plain.endsWith(QLatin1Char('.')))
        plain.chop(1);
    return plain.trimmed();
}

QString keyboardShortcutsHtml(const QMenuBar *menus)
{
    const QString row = QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>");
    QString html = tr("<h3>Keyboard shortcuts</h3>") + tr("<h4>Menu commands</h4>") + QStringLiteral("<table>");
    for (const QAction *menuAction : menus->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (const QAction *action : menu->actions()) {
            if (action->isSeparator() || action->shortcuts().isEmpty())
                continue;
            QStringList sequences;
            for (const QKeySequence &sequence : action->shortcuts())
                sequences << keys(sequence);
            const QString what = QStringLiteral("%1 › %2")
                                     .arg(plainActionText(menuAction->text()), plainActionText(action->text()))
                                     .toHtmlEscaped();
            html += row.arg(sequences.join(QStringLiteral(", ")), what);
        }
    }
    html += QStringLiteral("</table>") + tr("<h4>In the email field</h4>") + QStringLiteral("<table>");
    html += row.arg(tr("Enter"), tr("Run"));
    html += QStringLiteral("</table>") + tr("<h4>On the chart</h4>") + QStringLiteral("<table>");
    html += row.arg(tr("Drag"), tr("Zoom into the rectangle"));
    html += row.arg(tr("Wheel, + and −"), tr("Zoom in and out"));
    html += row.arg(tr("Shift+drag, middle button, arrow keys"), tr("Pan"));
    html += row.arg(tr("Home, 0, double-click"), tr("Show everything (reset the zoom)"));
    html += row.arg(tr("A row of the outliers table"), tr("Centre the chart on that outlier"));
    html += QStringLiteral("</table>") + tr("<h4>On the Overview</h4>") + QStringLiteral("<table>");
    html += row.arg(tr("Arrow keys"), tr("Move between the data types' cards"));
    html += row.arg(tr("Home, End"), tr("The first card, the last card"));
    html += row.arg(tr("Enter, Space"), tr("Open the card's type on the Detail tab"));
    html += QStringLiteral("</table>");
    return html;
}

void showPage(QWidget *parent, const QString &title, const QString &html)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("helpPage"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("helpBrowser"));
    browser->setHtml(html);
    browser->setOpenExternalLinks(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(560, 480);
    dialog->show();
}

} // namespace fo::ui::help
