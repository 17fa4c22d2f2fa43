#pragma once

#include "ui/settings/ConfigSource.h"

#include <QObject>

class QAction;
class QWidget;

namespace fo::ui {

class BackgroundTasks;
class ResultsPanel;

// File → Export CSV… and File → Save chart as PNG…, for the report and the chart the results panel shows. The CSV
// has the headless tool's format (--csv), outliers only or all points, and is written on the query thread;
// exportFinished() says how it went. The PNG is the chart as drawn.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `window`.
    ExportActions(BackgroundTasks *tasks, ResultsPanel *results, ConfigSource config, QWidget *window);

    QAction *csvAction() const { return m_csvAction; }
    QAction *pngAction() const { return m_pngAction; }
    // Enables each action when there is something to export.
    void updateActions();

public Q_SLOTS:
    void showCsvDialog();
    void exportCsv(const QString &path, bool allPoints);
    void showPngDialog();
    bool saveChartPng(const QString &path);

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    // For the status bar.
    void statusMessage(const QString &message, int timeoutMs);
    // For the error banner.
    void failed(const QString &message);

private:
    BackgroundTasks *m_tasks;
    ResultsPanel *m_results;
    ConfigSource m_config;
    QWidget *m_window;
    QAction *m_csvAction;
    QAction *m_pngAction;
    quint64 m_exportTicket = 0;
};

} // namespace fo::ui
