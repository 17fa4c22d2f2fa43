#pragma once

#include <QWidget>

namespace fo::ui {

class OutlierChartView;

// The chart with its tools above it: zoom in, zoom out, reset, and a reminder of the mouse gestures.
class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(QWidget *parent = nullptr);

    OutlierChartView *chartView() const { return m_chart; }

private:
    OutlierChartView *m_chart;
};

} // namespace fo::ui
