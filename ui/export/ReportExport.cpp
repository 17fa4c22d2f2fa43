#include "ui/export/ReportExport.h"

#include "ui/export/PdfReport.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/ResultsPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>

namespace fo::ui {

ReportExport::ReportExport(ResultsPanel *results, std::function<QString()> madeBy, QWidget *window)
    : QObject(window), m_results(results), m_madeBy(std::move(madeBy)), m_window(window),
      m_action(new QAction(tr("Export &report (PDF)…"), this))
{
    m_action->setObjectName(QStringLiteral("exportReportAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_action, &QAction::triggered, this, &ReportExport::showDialog);
    updateAction();
}

void ReportExport::updateAction()
{
    m_action->setEnabled(m_results->hasReport());
}

void ReportExport::showDialog()
{
    if (!m_results->hasReport())
        return;
    auto *dialog = new QFileDialog(m_window, tr("Export report"),
                                   QDir::home().filePath(PdfReport::defaultFileName(m_results->report())),
                                   tr("PDF documents (*.pdf)"));
    dialog->setObjectName(QStringLiteral("exportReportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ReportExport::exportTo);
    dialog->open();
}

void ReportExport::exportTo(const QString &path)
{
    OverviewGrid *overview = m_results->overview();
    disconnect(m_waiting);
    disconnect(m_failing);
    // The charts of a report are drawn from every value, never from the overview's samples.
    if (overview->isComplete() && overview->hasExactSketches()) {
        write(path);
        return;
    }
    Q_EMIT statusMessage(tr("Reading the values of every data type for the report…"), 0);
    m_waiting = connect(overview, &OverviewGrid::completed, this, [this, path, overview] {
        if (!overview->hasExactSketches()) {
            overview->loadExactSketches();
            return;
        }
        disconnect(m_waiting);
        disconnect(m_failing);
        write(path);
    });
    m_failing = connect(overview, &OverviewGrid::exactSketchesFailed, this, [this](const QString &message) {
        disconnect(m_waiting);
        disconnect(m_failing);
        Q_EMIT failed(message);
        Q_EMIT finished(false, message, 0);
    });
    if (overview->isComplete())
        overview->loadExactSketches();
}

void ReportExport::write(const QString &path)
{
    OverviewGrid *overview = m_results->overview();
    PdfReport::Input input;
    input.report = m_results->report();
    input.madeBy = m_madeBy ? m_madeBy() : QString();
    input.madeAt = QDateTime::currentDateTimeUtc();
    input.sketch = [overview](Source source, const TypeKey &type) { return overview->printSketch(source, type); };
    const Result<int> written = PdfReport::write(path, input);
    if (!written.ok()) {
        Q_EMIT failed(written.error());
        Q_EMIT finished(false, written.error(), 0);
        return;
    }
    const QString message = tr("Saved the report to %1 (%n page(s)).", nullptr, written.value()).arg(path);
    Q_EMIT statusMessage(message, 8000);
    Q_EMIT finished(true, message, written.value());
}

} // namespace fo::ui
