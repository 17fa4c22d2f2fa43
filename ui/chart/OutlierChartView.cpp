#include "ui/chart/OutlierChartView.h"

#include "ui/chart/ChartBufferPool.h"
#include "ui/chart/ChartEnvelope.h"
#include "ui/chart/ChartLegend.h"
#include "ui/chart/ChartMarkers.h"
#include "ui/chart/ChartScale.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/Downsampler.h"
#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QApplication>
#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHelpEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace fo::ui {

namespace {

const QColor LineColor(0x2f, 0x5d, 0x8a);
// The chart's margins (QChart::setMargins); the legend sits in the bottom one.
constexpr int MarginLeft = 6;
constexpr int MarginTop = 6;
constexpr int MarginRight = 12;
constexpr int MarginBottom = 6;
constexpr int LegendGap = 4; // between the time axis' title and the legend

} // namespace

OutlierChartView::OutlierChartView(QWidget *parent)
    : QChartView(parent), m_chart(new QChart), m_axisX(new QDateTimeAxis), m_axisY(new QValueAxis),
      m_line(new QLineSeries), m_bandUpper(new QLineSeries(this)), // QAreaSeries does not own its bounds: the view does
      m_bandLower(new QLineSeries(this)), m_band(new QAreaSeries(m_bandUpper, m_bandLower)),
      m_meanLine(new QLineSeries), m_outliers(new QLineSeries), m_persisting(new QLineSeries),
      m_resolved(new QLineSeries), m_selected(new QLineSeries), m_envelope(new QLineSeries),
      m_legend(new ChartLegend(m_chart))
{
    setObjectName(QStringLiteral("chartView"));
    // QChartView made a chart of its own; setChart() hands it back to us rather than deleting it.
    QChart *initialChart = chart();
    setChart(m_chart);
    delete initialChart;
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 220);

    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(MarginLeft, MarginTop, MarginRight, MarginBottom));
    // Our own legend, which wraps (ChartLegend); QLegend would cut the labels short.
    m_chart->legend()->hide();
    m_legend->setZValue(10);
    m_legend->setFont(font());
    m_legend->setTextColor(palette().color(QPalette::WindowText));
    QFont titleFont = m_chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);

    m_axisX->setFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_axisX->setTitleText(tr("Time (%1)").arg(ChartTime::zoneName()));
    m_axisX->setTickCount(6);
    m_axisY->setTitleText(tr("Value"));
    m_axisY->setLabelFormat(QStringLiteral("%.6g"));
    // The axis labels in the locale's numbers ("72,7"), as the tables show them; the window is rebuilt on a language
    // switch, so the locale taken here is the one in use.
    m_chart->setLocale(QLocale());
    m_chart->setLocalizeNumbers(true);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    m_band->setName(tr("Band: mean ± k·std"));
    QColor bandFill = LineColor;
    bandFill.setAlphaF(0.13);
    m_band->setBrush(bandFill);
    QColor bandBorder = LineColor;
    bandBorder.setAlphaF(0.35);
    m_band->setPen(QPen(bandBorder, 1, Qt::DotLine));

    m_meanLine->setName(tr("Mean"));
    QColor meanColor = LineColor;
    meanColor.setAlphaF(0.55);
    m_meanLine->setPen(QPen(meanColor, 1, Qt::DashLine));

    m_envelope->setName(tr("Range per pixel (min–max)"));
    m_envelope->setPen(QPen(QColor(0x9f, 0xb8, 0xd2), 1.0));

    m_line->setName(tr("Values"));
    m_line->setPen(QPen(LineColor, 1.4));
    m_line->setMarkerSize(4);

    // No line, only the marker images (updateMarkerImages()).
    m_outliers->setName(tr("Outliers (|z| > k)"));
    m_persisting->setName(tr("Persisting outliers"));
    m_resolved->setName(tr("Resolved outliers"));
    m_selected->setName(tr("Selected"));
    for (const auto &[series, style] : markerSeries())
        setUpMarkerSeries(series, style);

    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *> {
             m_band, m_meanLine, m_envelope, m_line, m_resolved, m_persisting, m_outliers, m_selected}) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    updateMarkerImages();

    connect(m_axisX, &QDateTimeAxis::rangeChanged, this, [this] {
        if (!m_settingRanges)
            scheduleRebuild();
    });
    clearChart();
}

OutlierChartView::~OutlierChartView()
{
    ChartBufferPool::instance().give(std::move(m_data));
}

void OutlierChartView::clearChart(const QString &message)
{
    ChartBufferPool::instance().give(std::exchange(m_data, ChartData()));
    m_axisY->setTitleText(tr("Value"));
    m_message = message.isEmpty() ? tr("Select a data type to see its chart") : message;
    for (QXYSeries *series :
         std::initializer_list<QXYSeries *> {m_line, m_bandUpper, m_bandLower, m_meanLine, m_outliers, m_persisting,
                                             m_resolved, m_selected, m_envelope})
        series->clear();
    for (QList<QPointF> &all : m_allMarkers)
        all.clear();
    m_thinned = {false, false, false};
    m_markerCounts.clear();
    m_thinnedAway = {0, 0, 0};
    m_enveloped = false;
    computeFullRanges();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setRanges(ChartTime::toAxis(now - 7LL * 24 * 3600 * 1000), ChartTime::toAxis(now), 0.0, 1.0);
    m_legendSeries.clear();
    updateLegend();
    updateTitle();
    Q_EMIT chartDataChanged();
}

void OutlierChartView::setChartData(const ChartData &newData)
{
    ChartData old = std::exchange(m_data, newData);
    m_message.clear();
    m_selected->clear();
    m_axisX->setTitleText(tr("Time (%1)").arg(ChartTime::zoneName()));
    const QString unit = typeUnit(m_data.dataType);
    m_axisY->setTitleText(unit.isEmpty() ? typeName(m_data.key()) : tr("%1, %2").arg(typeName(m_data.key()), unit));

    QList<QPointF> current, persisting, resolved;
    for (const ChartMarker &m : std::as_const(m_data.markers)) {
        switch (m.kind) {
        case MarkerKind::Current:
        case MarkerKind::New:
            current.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::Persisting:
            persisting.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::Resolved:
            resolved.append(QPointF(m.x, m.y));
            break;
        case MarkerKind::None:
            break;
        }
    }
    const bool comparing = std::any_of(m_data.markers.cbegin(), m_data.markers.cend(), [](const ChartMarker &m) {
        return m.kind == MarkerKind::New || m.kind == MarkerKind::Persisting || m.kind == MarkerKind::Resolved;
    });
    m_outliers->setName(comparing ? tr("New outliers") : tr("Outliers (|z| > k)"));
    // Every marker, whatever the range shown: a series that holds only those in view would have to be replaced on
    // zoom and pan. The series get them from thinMarkers(), once the range is set: filled here, QtCharts would lay
    // out (and stroke for its hit shape) every marker of a large series twice before the thinning replaced them.
    m_outliers->clear();
    m_persisting->clear();
    m_resolved->clear();
    m_allMarkers = {current, persisting, resolved};
    m_thinned = {true, true, true}; // "the series does not hold every marker": thinMarkers() fills it
    m_markerCounts.clear();
    m_thinnedAway = {0, 0, 0};

    // The legend names what this data shows (the envelope joins it when the view is zoomed out: rebuildVisible()).
    m_legendSeries.clear();
    m_legendSeries.insert(m_line);
    if (m_data.hasBand()) {
        m_legendSeries.insert(m_band);
        m_legendSeries.insert(m_meanLine);
    }
    if (!current.isEmpty() || !comparing)
        m_legendSeries.insert(m_outliers);
    if (!persisting.isEmpty())
        m_legendSeries.insert(m_persisting);
    if (!resolved.isEmpty())
        m_legendSeries.insert(m_resolved);
    if (m_enveloped)
        m_legendSeries.insert(m_envelope);
    updateLegend();
    updateTitle();

    computeFullRanges();
    double fromX, toX, fromY, toY;
    fullRanges(&fromX, &toX, &fromY, &toY);
    updateBand(fromX, toX);
    // The line now: deferring it to the next pass of the event loop painted the chart twice (first without it).
    showRanges(fromX, toX, fromY, toY, true);
    // The arrays of the chart shown before are kept for the next one (memory in place: ChartBufferPool).
    ChartBufferPool::instance().give(std::move(old));
    Q_EMIT chartDataChanged();
}

void OutlierChartView::updateLegend()
{
    // In the order of the chart's layers: the band and its mean, the line (or the envelope and its mean), then the
    // markers.
    QList<ChartLegend::Entry> entries;
    using Sample = ChartLegend::Entry::Sample;
    if (m_legendSeries.contains(m_band))
        entries.append({m_band->name(), Sample::Area, m_band->pen(), m_band->brush(), {}});
    if (m_legendSeries.contains(m_meanLine))
        entries.append({m_meanLine->name(), Sample::Line, m_meanLine->pen(), {}, {}});
    if (m_legendSeries.contains(m_envelope)) {
        QPen range = m_envelope->pen();
        range.setWidthF(5); // as wide as it looks: a band of lines
        entries.append({m_envelope->name(), Sample::Line, range, {}, {}});
    }
    if (m_legendSeries.contains(m_line))
        entries.append({m_line->name(), Sample::Line, m_line->pen(), {}, {}});
    for (const auto &[series, style] : markerSeries())
        if (m_legendSeries.contains(series))
            entries.append({series->name(), Sample::Marker, {}, {}, style});
    m_legend->setEntries(entries);
    placeLegend();
}

void OutlierChartView::placeLegend()
{
    // Across the chart's width, at its bottom; the chart's bottom margin makes room for as many rows as it takes.
    const QSizeF size = m_chart->size();
    const qreal height = m_legend->layOut(size.width() - MarginLeft - MarginRight);
    m_legend->setPos(MarginLeft, std::floor(size.height() - MarginBottom - height));
    const QMargins margins(MarginLeft, MarginTop, MarginRight,
                           MarginBottom + (height > 0 ? int(std::ceil(height)) + LegendGap : 0));
    // Only when it changed: a new margin lays the chart out again, and paints it a second time.
    if (m_chart->margins() != margins)
        m_chart->setMargins(margins);
}

void OutlierChartView::updateTitle()
{
    if (!m_message.isEmpty()) {
        m_chart->setTitle(m_message);
        return;
    }
    const QString source = m_data.source == Source::Raw ? tr("raw records") : tr("processed records");
    QString title = tr("%1 (%2)").arg(typeName(m_data.key()), source);
    if (m_data.hasBand())
        title += QStringLiteral("  ·  ")
            + tr("mean %1, std %2, k = %3").arg(numberText(m_data.mean), numberText(m_data.std), numberText(m_data.k));
    m_chart->setTitle(title);
}

void OutlierChartView::fullRanges(double *fromX, double *toX, double *fromY, double *toY) const
{
    *fromX = m_fullRanges[0];
    *toX = m_fullRanges[1];
    *fromY = m_fullRanges[2];
    *toY = m_fullRanges[3];
}

void OutlierChartView::computeFullRanges()
{
    double minX = HUGE_VAL, maxX = -HUGE_VAL;
    // In the same pass, the blocks the envelope of a wide view reads instead of every point (ChartEnvelope).
    m_envelopeIndex.index(m_data.points);
    double minY = m_envelopeIndex.minY(), maxY = m_envelopeIndex.maxY();
    if (!m_data.points.isEmpty()) {
        minX = m_data.points.constFirst().x(); // const: first() would detach, a copy of the points
        maxX = m_data.points.constLast().x();
    }
    for (const ChartMarker &m : std::as_const(m_data.markers)) {
        minX = std::min(minX, m.x);
        maxX = std::max(maxX, m.x);
        minY = std::min(minY, m.y);
        maxY = std::max(maxY, m.y);
    }
    if (m_data.hasBand()) {
        minY = std::min(minY, m_data.mean - m_data.k * m_data.std);
        maxY = std::max(maxY, m_data.mean + m_data.k * m_data.std);
    }
    if (!(maxX >= minX)) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        minX = ChartTime::toAxis(now - 7LL * 24 * 3600 * 1000);
        maxX = ChartTime::toAxis(now);
    }
    if (!(maxY >= minY)) {
        minY = 0.0;
        maxY = 1.0;
    }
    const double spanX = std::max(maxX - minX, 60000.0);
    const double spanY = maxY - minY > 0 ? maxY - minY : std::max(std::abs(maxY), 1.0);
    m_fullRanges[0] = minX - spanX * 0.02;
    m_fullRanges[1] = maxX + spanX * 0.02;
    m_fullRanges[2] = minY - spanY * 0.06;
    m_fullRanges[3] = maxY + spanY * 0.06;
}

void OutlierChartView::updateBand(double fromX, double toX)
{
    if (!m_data.hasBand()) {
        m_bandUpper->clear();
        m_bandLower->clear();
        m_meanLine->clear();
        return;
    }
    const double upper = m_data.mean + m_data.k * m_data.std;
    const double lower = m_data.mean - m_data.k * m_data.std;
    // Wider than the data, so that panning never shows the band's end.
    const double margin = (toX - fromX) * 1000.0;
    m_bandUpper->replace(QList<QPointF> {{fromX - margin, upper}, {toX + margin, upper}});
    m_bandLower->replace(QList<QPointF> {{fromX - margin, lower}, {toX + margin, lower}});
    m_meanLine->replace(QList<QPointF> {{fromX - margin, m_data.mean}, {toX + margin, m_data.mean}});
}

void OutlierChartView::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        rebuildVisible();
    });
}

void OutlierChartView::rebuildVisible()
{
    const double fromX = double(m_axisX->min().toMSecsSinceEpoch());
    const double toX = double(m_axisX->max().toMSecsSinceEpoch());
    updateMarkerImages();
    if (m_data.points.isEmpty()) {
        m_line->clear();
        if (m_enveloped) {
            m_envelope->clear();
            m_enveloped = false;
            m_legendSeries.remove(m_envelope);
            m_line->setName(tr("Values"));
            updateLegend();
        }
        thinMarkers(fromX, toX); // no line: every marker
        return;
    }
    const int columns = std::max(100, int(m_chart->plotArea().width()));
    auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    const QPointF *begin = m_data.points.constData();
    const QPointF *end = begin + m_data.points.size();
    const QPointF *first = std::lower_bound(begin, end, fromX, byX);
    const QPointF *last = std::lower_bound(first, end, toX, [](const QPointF &p, double x) { return p.x() <= x; });
    const qsizetype visible = last - first;
    const bool envelope = visible > 3 * qsizetype(columns);
    if (envelope) {
        // The envelope: per pixel column the minimum and maximum (the band) and the mean (the line). Every point is
        // in a column; the outliers show as markers, not as spikes of the line.
        const ChartEnvelope::Columns stats = m_envelopeIndex.columns(first, last, fromX, toX, columns);
        const QVector<double> &lo = stats.lo, &hi = stats.hi, &sum = stats.sum;
        const QVector<qsizetype> &count = stats.count;
        const double scale = columns / (toX - fromX);
        QList<QPointF> band, means;
        band.reserve(2 * columns);
        means.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (count[c] == 0)
                continue;
            const double x = fromX + (c + 0.5) / scale;
            // Minimum then maximum in one column, maximum then minimum in the next: a zig-zag that fills the band.
            const bool up = (c % 2) == 0;
            band.append(QPointF(x, up ? lo[c] : hi[c]));
            band.append(QPointF(x, up ? hi[c] : lo[c]));
            means.append(QPointF(x, sum[c] / double(count[c])));
        }
        m_envelope->replace(band);
        m_line->replace(means);
        m_line->setPointsVisible(false);
    } else {
        if (m_enveloped)
            m_envelope->clear();
        const QList<QPointF> points = Downsampler::minMax(m_data.points, m_data.flagged, fromX, toX, columns);
        m_line->replace(points);
        m_line->setPointsVisible(points.size() < columns / 6);
    }
    if (envelope != m_enveloped) {
        m_enveloped = envelope;
        if (envelope)
            m_legendSeries.insert(m_envelope);
        else
            m_legendSeries.remove(m_envelope);
        m_line->setName(envelope ? tr("Mean per pixel") : tr("Values"));
        updateLegend();
    }
    thinMarkers(fromX, toX);
    // Up to about three points a pixel column (the downsampling gives two, plus the outliers) the strokes show one by
    // one, and antialiasing keeps them smooth. Beyond that the line is a solid band: antialiasing shows nothing there
    // and triples the paint (25 ms for 5k points). The markers are images, drawn antialiased either way.
    const bool antialias = !envelope && visible <= 3 * qsizetype(columns);
    if (renderHints().testFlag(QPainter::Antialiasing) != antialias)
        setRenderHint(QPainter::Antialiasing, antialias);
}

void OutlierChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeLegend();
    // As many time labels as fit whole ("2026-06-17 14:00" is about 110 px): six of them on a narrow chart were cut
    // to "2026-06-17 1…".
    const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("2026-06-17 14:00")) + 24;
    const int ticks = std::clamp(int(event->size().width() - 80) / labelWidth + 1, 2, 6);
    if (m_axisX->tickCount() != ticks)
        m_axisX->setTickCount(ticks);
    scheduleRebuild();
}

} // namespace fo::ui
