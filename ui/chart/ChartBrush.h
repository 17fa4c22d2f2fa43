#pragma once

#include "ui/chart/SeriesSketch.h"

#include <QPixmap>
#include <QWidget>

namespace fo::ui {

// The overview strip under the detail chart: the whole series (its envelope and outliers) and a brush, the window
// the chart shows. Drag the brush to pan, drag an edge to resize it, click outside it to centre it there, double-click
// to show everything; the chart follows (windowRequested) and the brush follows the chart's zoom and pan (setWindow).
// Values are on the chart's time axis (ChartTime).
class ChartBrush : public QWidget
{
    Q_OBJECT

public:
    explicit ChartBrush(QWidget *parent = nullptr);

    // The series over its whole range [fromX, toX].
    void setSeries(const SeriesSketch &sketch, double fromX, double toX);
    void clear();
    void setWindow(double fromX, double toX);
    double windowFrom() const { return m_windowFrom; }
    double windowTo() const { return m_windowTo; }
    // The brush's edges in widget coordinates (for tests).
    QRectF brushRect() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void windowRequested(double fromX, double toX);
    void resetRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    enum class Drag { None, Move, Left, Right };
    QRectF plotRect() const;
    double xToValue(qreal x) const;
    qreal valueToX(double v) const;
    void request(double fromX, double toX);

    SeriesSketch m_sketch;
    QPixmap m_cache; // the strip without the window: the sketch on its background (paintEvent())
    double m_fromX = 0.0;
    double m_toX = 1.0;
    double m_windowFrom = 0.0;
    double m_windowTo = 1.0;
    Drag m_drag = Drag::None;
    qreal m_pressX = 0.0;
    double m_pressFrom = 0.0;
    double m_pressTo = 0.0;
};

} // namespace fo::ui
