#pragma once

#include "ui/chart/ChartData.h"
#include "ui/chart/ChartEnvelope.h"
#include "ui/chart/ChartMarkers.h"

#include <QChartView>
#include <QList>
#include <QSet>
#include <QVector>

#include <array>
#include <utility>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace fo::ui {

class ChartLegend;

// One data type's values over time on a UTC date axis: the line (downsampled to the pixels shown, keeping every
// outlier), outliers as red markers, the band mean ± k·std shaded. Tooltip with time, value and z. Rubber-band and
// wheel zoom, pan (middle button, Shift+drag or the arrow keys), reset (Home, or the "Reset zoom" action).
//
// Its code, by idea: OutlierChartView.cpp (the data, the series, the band and the line for the visible range),
// OutlierChartViewNavigation.cpp (ranges, zoom, pan, input), OutlierChartViewHover.cpp (the point under the mouse
// and its tooltip), OutlierChartViewMarkers.cpp (the outlier markers and their counts).
class OutlierChartView : public QChartView
{
    Q_OBJECT

public:
    explicit OutlierChartView(QWidget *parent = nullptr);
    ~OutlierChartView() override;

    void setChartData(const ChartData &newData);
    void clearChart(const QString &message = QString());
    const ChartData &chartData() const { return m_data; }

    // Centres the view on a point, zooming in when the whole range is shown.
    void centerOn(qint64 timeMs, double value, qint64 recordId);

    // The ranges shown (from time, to time on the axis' scale, from value, to value), and whether they differ from
    // the whole data's (zoomed or panned). A language switch carries them to the rebuilt window.
    std::array<double, 4> viewRanges() const;
    bool isZoomed() const;
    void setViewRanges(const std::array<double, 4> &ranges);
    // Shows [fromX, toX] of the time axis (clamped to the data) with the whole value range: the range presets and
    // the overview brush.
    void showXRange(double fromX, double toX);
    // The whole data's time range on the axis' scale.
    std::pair<double, double> fullXRange() const { return {m_fullRanges[0], m_fullRanges[1]}; }

    // For tests and the screenshot tool.
    QLineSeries *lineSeries() const { return m_line; }
    // The markers are line series that draw no line, only a marker image at each point (see updateMarkerImages()).
    QLineSeries *outlierSeries() const { return m_outliers; }
    QLineSeries *persistingSeries() const { return m_persisting; }
    QLineSeries *resolvedSeries() const { return m_resolved; }
    QAreaSeries *bandSeries() const { return m_band; }
    // Zoomed out (more than three points a pixel column): the min-max band per pixel column, with the line through
    // the columns' means and the outlier markers thinned to one per marker width, with a count.
    // The band is a light line that runs from each column's minimum to its maximum and on to the next column's (a
    // filled area of a thousand columns cost 30 to 40 ms a paint; the line costs a few).
    QLineSeries *envelopeSeries() const { return m_envelope; }
    bool isEnveloped() const { return m_enveloped; }
    // The envelope of the data shown, per column of any range (the overview strip sketches the series from it).
    const ChartEnvelope &envelopeIndex() const { return m_envelopeIndex; }
    // The thinned markers that stand for more than one outlier: (axis point, count).
    const QVector<std::pair<QPointF, int>> &markerCounts() const { return m_markerCounts; }
    // How many markers of a series thinning hid (0: current or new outliers, 1: persisting, 2: resolved): the series'
    // count plus this is the number of outliers it stands for.
    int thinnedAway(int series) const { return m_thinnedAway[std::size_t(series)]; }
    QDateTimeAxis *timeAxis() const { return m_axisX; }
    QValueAxis *valueAxis() const { return m_axisY; }
    // The legend under the chart (ChartLegend: it wraps, and never cuts a label short).
    const ChartLegend *legend() const { return m_legend; }
    // The text the tooltip shows for the data point nearest to `pos` (empty when none is close).
    QString tooltipAt(const QPoint &pos) const;

public Q_SLOTS:
    void resetZoom();
    void zoomBy(double factor);

Q_SIGNALS:
    void pointHovered(qint64 recordId);
    // New data is shown (or the chart was cleared).
    void chartDataChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuildVisible();
    void scheduleRebuild();
    void clearLines(); // the line and the envelope, before a range change that rebuilds them
    void updateMarkerImages();
    void thinMarkers(double fromX, double toX);
    // The four marker series and how each looks (ChartMarkers.h).
    std::array<std::pair<QLineSeries *, MarkerStyle>, 4> markerSeries() const;
    void showRanges(double fromX, double toX, double fromY, double toY, bool dataChanged = false);
    void setRanges(double fromX, double toX, double fromY, double toY);
    void computeFullRanges();
    void fullRanges(double *fromX, double *toX, double *fromY, double *toY) const;
    void panBy(qreal dx, qreal dy);
    void updateBand(double fromX, double toX);
    void updateTitle();
    // The legend's entries for the series in m_legendSeries, and its place (placeLegend(): on a resize too).
    void updateLegend();
    void placeLegend();
    int nearestPoint(const QPoint &pos, bool *isMarker) const;

    ChartData m_data;
    QChart *m_chart;
    QDateTimeAxis *m_axisX;
    QValueAxis *m_axisY;
    QLineSeries *m_line;
    QLineSeries *m_bandUpper;
    QLineSeries *m_bandLower;
    QAreaSeries *m_band;
    QLineSeries *m_meanLine;
    QLineSeries *m_outliers;
    QLineSeries *m_persisting;
    QLineSeries *m_resolved;
    QLineSeries *m_selected;
    QLineSeries *m_envelope;
    ChartLegend *m_legend; // a graphics item of m_chart
    QSet<const QAbstractSeries *> m_legendSeries; // the series the legend names
    bool m_enveloped = false;
    std::array<QList<QPointF>, 3> m_allMarkers; // current/new, persisting, resolved: every one
    std::array<bool, 3> m_thinned = {false, false, false};
    QVector<std::pair<QPointF, int>> m_markerCounts;
    std::array<int, 3> m_thinnedAway = {0, 0, 0};
    ChartEnvelope m_envelopeIndex; // of m_data.points (computeFullRanges())
    double m_fullRanges[4] = {0.0, 0.0, 0.0, 1.0}; // fromX, toX, fromY, toY of the whole data (computed once per data)
    qreal m_markerImageRatio = 0.0; // the device pixel ratio the marker images were drawn for
    bool m_rebuildPending = false;
    bool m_settingRanges = false;
    bool m_panning = false;
    QPoint m_lastPanPos;
    QString m_message;
};

} // namespace fo::ui
