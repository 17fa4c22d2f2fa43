#include "ui/export/ExportActions.h"

#include "ui/chart/ChartCaption.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ExportDialog.h"
#include "ui/results/ResultsPanel.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>

namespace fo::ui {

ExportActions::ExportActions(BackgroundTasks *tasks, ResultsPanel *results, ConfigSource config, QWidget *window)
    : QObject(window), m_tasks(tasks), m_results(results), m_config(std::move(config)), m_window(window),
      m_csvAction(new QAction(tr("Export &CSV…"), this)), m_pngAction(new QAction(tr("Save chart as &PNG…"), this))
{
    m_csvAction->setObjectName(QStringLiteral("exportCsvAction"));
    m_csvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_pngAction->setObjectName(QStringLiteral("saveChartPngAction"));
    connect(m_csvAction, &QAction::triggered, this, &ExportActions::showCsvDialog);
    connect(m_pngAction, &QAction::triggered, this, &ExportActions::showPngDialog);
    connect(m_tasks->queryWorker(), &QueryWorker::csvExported, this,
            [this](bool ok, const QString &message, quint64 ticket) {
                if (ticket != m_exportTicket)
                    return;
                if (ok)
                    Q_EMIT statusMessage(message, 8000);
                else
                    Q_EMIT failed(tr("The CSV export failed: %1").arg(message));
                Q_EMIT exportFinished(ok, message);
            });
    updateActions();
}

void ExportActions::updateActions()
{
    m_csvAction->setEnabled(m_results->hasReport());
    m_pngAction->setEnabled(m_results->hasChart());
}

void ExportActions::showCsvDialog()
{
    if (!m_results->hasReport())
        return;
    const RunReport &report = m_results->report();
    auto *dialog = new ExportDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDefaultNames(QDir::home().path(), report.email,
                            report.status == RunStatus::DryRun ? QStringLiteral("dry-run")
                                                               : QStringLiteral("iteration-%1").arg(report.iteration));
    connect(dialog, &ExportDialog::exportRequested, this, &ExportActions::exportCsv);
    dialog->open();
}

void ExportActions::exportCsv(const QString &path, bool allPoints)
{
    Q_EMIT statusMessage(tr("Exporting to %1…").arg(path), 0);
    m_exportTicket = m_tasks->exportCsv(m_config(), m_results->report(), path, allPoints, m_results->isComparing(),
                                        m_results->diffs());
}

void ExportActions::showPngDialog()
{
    const QString suggested = ChartCaption::defaultPngName(m_results->report(), m_results->selectedType());
    auto *dialog =
        new QFileDialog(m_window, tr("Save chart as PNG"), QDir::home().filePath(suggested), tr("PNG images (*.png)"));
    dialog->setObjectName(QStringLiteral("saveChartDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        if (saveChartPng(file))
            Q_EMIT statusMessage(tr("Saved the chart to %1.").arg(file), 8000);
        else
            Q_EMIT failed(tr("Cannot write the image %1. Choose another folder.").arg(file));
    });
    dialog->open();
}

bool ExportActions::saveChartPng(const QString &path)
{
    // The chart as drawn, under a caption that says whose data it is: user, type, iteration and time range.
    OutlierChartView *chart = m_results->chartView();
    const QString caption = ChartCaption::text(m_results->report(), chart->chartData(), chart->viewRanges());
    return ChartCaption::captioned(chart->grab(), caption).save(path, "PNG");
}

} // namespace fo::ui
