#pragma once

#include "History.h"
#include "Pipeline.h"
#include "RunReport.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace fo::ui {

// The line under the target row. While a run goes: a busy bar and the run's stage with its counts ("Reading raw
// records: 120,000 rows"). Otherwise: a summary of the report shown, and of the comparison when there is one.
class RunSummaryRow : public QWidget
{
    Q_OBJECT

public:
    explicit RunSummaryRow(QWidget *parent = nullptr);

    void setRunning(bool running);
    void showStage(const ProgressUpdate &update);
    void showProgressText(const QString &text);
    QString progressText() const;

    void showReport(const RunReport &report, const RunReport *previous, const QVector<OutlierDiff> &diffs);
    void showMessage(const QString &richText);

    static QString stageText(const ProgressUpdate &update);

private:
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QLabel *m_summary;
};

} // namespace fo::ui
