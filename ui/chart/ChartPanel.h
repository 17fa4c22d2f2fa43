#pragma once

#include <QWidget>

class QAction;

namespace fo::ui {

class ChartBrush;
class OutlierChartView;

// The chart with its tools above it (zoom in, zoom out, reset, the range presets 7 days to all, and a reminder of the
// mouse gestures) and the overview strip with its brush below it (ChartBrush).
class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(QWidget *parent = nullptr);

    OutlierChartView *chartView() const { return m_chart; }
    ChartBrush *brush() const { return m_brush; }
    // Shows the last `days` days of the data (0: everything).
    void showLastDays(int days);
    // The UTC / local switch (remembered in the settings).
    QAction *utcAction() const { return m_utcAction; }

Q_SIGNALS:
    // The time axis switched between UTC and local time: the chart must be built again (ChartTime).
    void timeZoneChanged();

private:
    void updateBrushSeries();

    OutlierChartView *m_chart;
    ChartBrush *m_brush;
    QAction *m_utcAction;
};

} // namespace fo::ui
