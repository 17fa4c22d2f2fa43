#include "ChartPanel.h"

#include "OutlierChartView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
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
    // The hint beside the toolbar, not in it: in a toolbar that runs out of room it hid behind a "»" button. Here it
    // wraps onto a second line instead.
    auto *hint = new QLabel(tr("Drag to zoom · wheel to zoom · Shift+drag or middle button to pan"), this);
    hint->setObjectName(QStringLiteral("chartHint"));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding-left: 12px;"));
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(tools);
    top->addWidget(hint, 1);
    layout->addLayout(top);
    layout->addWidget(m_chart, 1);
}

} // namespace fo::ui
