#pragma once

#include "core/History.h"
#include "core/Pipeline.h"
#include "core/RunReport.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace fo::ui {

// The line under the target row. While a run goes: a bar of the work done and the run's stage with its counts
// ("Reading raw records: 120,000 of 3,000,000 rows · about 40 s left", once the rows to read are known). Otherwise: a
// summary of the report shown, and of the comparison when there is one.
class RunSummaryRow : public QWidget
{
    Q_OBJECT

public:
    explicit RunSummaryRow(QWidget *parent = nullptr);

    void setRunning(bool running);
    // The rows the run will read (the database's count, asked as the run starts); -1 while unknown.
    void setExpectedRows(qint64 raw, qint64 processed);
    qint64 expectedRows() const;
    void showStage(const ProgressUpdate &update);
    // The same, `elapsedMs` after the run started (the clock is given for tests).
    void showStageAt(const ProgressUpdate &update, qint64 elapsedMs);
    int progressValue() const; // 0 to ProgressScale
    static constexpr int ProgressScale = 1000;
    void showProgressText(const QString &text);
    QString progressText() const;

    void showReport(const RunReport &report, const RunReport *previous, const QVector<OutlierDiff> &diffs);
    void showMessage(const QString &richText);
    // Opening a stored iteration: the step, with a bar (`percent` done, or busy for -1), and a Cancel button
    // (cancelOpenRequested()).
    void showOpening(const QString &text, int percent = -1);
    void hideOpening();
    QPushButton *cancelOpenButton() const { return m_cancelOpen; }

Q_SIGNALS:
    void cancelOpenRequested();

public:
    static QString stageText(const ProgressUpdate &update);
    // The stage with the rows read of the rows expected, and the time left.
    static QString stageText(const ProgressUpdate &update, qint64 expected, qint64 secondsLeft);

private:
    QProgressBar *m_progress;
    QElapsedTimer m_clock;
    qint64 m_expectedRaw = -1;
    qint64 m_expectedProcessed = -1;
    qint64 m_readingStartMs = -1; // when the first rows were read
    qint64 m_readAtStart = 0;
    qint64 m_rawRead = 0;
    QLabel *m_progressLabel;
    QLabel *m_summary;
    QPushButton *m_cancelOpen;
    bool m_running = false;
};

} // namespace fo::ui
