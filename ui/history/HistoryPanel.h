#pragma once

#include "core/History.h"
#include "core/RunThresholds.h"

#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace fo::ui {

// The stored iterations of the user shown (newest first). Opening one shows it compared with the iteration before
// it: new, resolved and persisting outliers.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    // With the thresholds of the iterations this tool wrote; the old job's were always 3 and 2.
    void setIterations(const QString &email, const QVector<IterationInfo> &iterations,
                       const QHash<int, RunThresholds> &thresholds = {});
    QString thresholdsTextAt(int row) const;
    QString operatorTextAt(int row) const;
    // The small chart of outlier counts per iteration under the table.
    QChartView *countsChart() const { return m_countsChart; }
    void setMessage(const QString &message);
    void clear();
    QString email() const { return m_email; }
    int iterationCount() const;
    int iterationAt(int row) const;
    // The listed iteration just older than `iteration` (0: it is the oldest listed), -1 when it is not listed.
    int previousIterationOf(int iteration) const;
    QTableView *view() const { return m_view; }
    void selectIteration(int iteration);

Q_SIGNALS:
    void openRequested(int iteration);
    void refreshRequested();

private:
    void openSelected();

    QString m_email;
    QLabel *m_title;
    QTableView *m_view;
    QStandardItemModel *m_model;
    QPushButton *m_open;
    QPushButton *m_refresh;
    QChartView *m_countsChart;
    void updateCountsChart(const QVector<IterationInfo> &iterations);
};

} // namespace fo::ui
