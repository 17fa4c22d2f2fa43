#include "ui/chart/ChartPanel.h"

#include "ui/chart/ChartBrush.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"

#include <QAction>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolBar>
#include <QVBoxLayout>

namespace fo::ui {

ChartPanel::ChartPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *tools = new QToolBar(this);
    tools->setIconSize(QSize(16, 16));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_chart = new OutlierChartView(this);
    QAction *zoomIn = tools->addAction(tr("Zoom in"), m_chart, [this] { m_chart->zoomBy(1.5); });
    zoomIn->setToolTip(tr("Zoom in (+, the wheel, or drag a rectangle)"));
    QAction *zoomOut = tools->addAction(tr("Zoom out"), m_chart, [this] { m_chart->zoomBy(1 / 1.5); });
    zoomOut->setToolTip(tr("Zoom out (−, or the wheel)"));
    QAction *reset = tools->addAction(tr("Reset zoom"), m_chart, &OutlierChartView::resetZoom);
    reset->setObjectName(QStringLiteral("resetZoomAction"));
    reset->setToolTip(tr("Show everything (Home)"));
    // The time zone and the range presets on a second bar: one bar with all of them did not fit the window in
    // Russian (its end hid behind a "»" button).
    auto *rangeTools = new QToolBar(this);
    rangeTools->setObjectName(QStringLiteral("rangeTools"));
    rangeTools->setIconSize(QSize(16, 16));
    rangeTools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // UTC (as the platform stores times) or the machine's local time; remembered.
    m_utcAction = rangeTools->addAction(tr("UTC"));
    m_utcAction->setObjectName(QStringLiteral("utcAction"));
    m_utcAction->setCheckable(true);
    m_utcAction->setChecked(QSettings().value(QStringLiteral("chart/utc"), true).toBool());
    m_utcAction->setToolTip(tr("Times in UTC, as stored; off: in this computer's local time"));
    ChartTime::setUtc(m_utcAction->isChecked());
    connect(m_utcAction, &QAction::toggled, this, [this](bool utc) {
        QSettings().setValue(QStringLiteral("chart/utc"), utc);
        ChartTime::setUtc(utc);
        Q_EMIT timeZoneChanged();
    });
    rangeTools->addSeparator();
    const std::pair<int, QString> presets[] = {
        {7, tr("7 days")}, {30, tr("30 days")}, {90, tr("90 days")}, {365, tr("1 year")}, {0, tr("All")}};
    for (const auto &[days, label] : presets) {
        QAction *preset = rangeTools->addAction(label, this, [this, days = days] { showLastDays(days); });
        preset->setObjectName(QStringLiteral("rangePreset%1").arg(days));
        preset->setToolTip(days > 0 ? tr("Show the last %1 days of the data").arg(days) : tr("Show everything"));
    }
    // The hint beside the toolbar, not in it: in a toolbar that runs out of room it hid behind a "»" button. Here it
    // wraps onto a second line instead.
    auto *hint = new QLabel(tr("Drag to zoom · wheel to zoom · Shift+drag or middle button to pan · double-click "
                               "shows everything"),
                            this);
    hint->setObjectName(QStringLiteral("chartHint"));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding-left: 12px;"));
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(tools);
    top->addWidget(hint, 1);
    layout->addLayout(top);
    layout->addWidget(rangeTools);
    layout->addWidget(m_chart, 1);
    m_brush = new ChartBrush(this);
    layout->addWidget(m_brush);

    // The brush drives the chart, and follows its zoom and pan.
    connect(m_brush, &ChartBrush::windowRequested, m_chart, &OutlierChartView::showXRange);
    connect(m_brush, &ChartBrush::resetRequested, m_chart, &OutlierChartView::resetZoom);
    connect(m_chart->timeAxis(), &QDateTimeAxis::rangeChanged, m_brush,
            [this](const QDateTime &min, const QDateTime &max) {
                m_brush->setWindow(double(min.toMSecsSinceEpoch()), double(max.toMSecsSinceEpoch()));
            });
    connect(m_chart, &OutlierChartView::chartDataChanged, this, &ChartPanel::updateBrushSeries);
}

void ChartPanel::updateBrushSeries()
{
    const ChartData &chart = m_chart->chartData();
    if (chart.points.isEmpty()) {
        m_brush->clear();
        return;
    }
    // The sketch on the axis' scale (x values as times), from the chart's envelope: its blocks, not every point (a
    // copy of 3M points into a Series for SeriesSketch::make cost the GUI thread 70 MB and 30 ms at each type shown).
    QVector<OutlierPoint> outliers;
    for (const ChartMarker &m : chart.markers) {
        if (m.kind != MarkerKind::Resolved)
            outliers.append(OutlierPoint {m.recordId, QDateTime::fromMSecsSinceEpoch(qint64(m.x), Qt::UTC), m.y, m.z});
    }
    const auto [fromX, toX] = m_chart->fullXRange();
    m_brush->setSeries(m_chart->envelopeIndex().sketch(outliers, 600), fromX, toX);
    const std::array<double, 4> view = m_chart->viewRanges();
    m_brush->setWindow(view[0], view[1]);
}

void ChartPanel::showLastDays(int days)
{
    if (days <= 0) {
        m_chart->resetZoom();
        return;
    }
    const auto [fromX, toX] = m_chart->fullXRange();
    m_chart->showXRange(std::max(fromX, toX - double(days) * 24 * 3600 * 1000), toX);
}

} // namespace fo::ui
