#include "ui/chart/SeriesSketch.h"

#include "ui/chart/ChartScale.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace fo::ui {

SeriesSketch SeriesSketch::make(const Series &series, const QVector<OutlierPoint> &outliers, int columns, bool sample)
{
    SeriesSketch s;
    const qsizetype n = std::min({series.ids.size(), series.timesMs.size(), series.values.size()});
    columns = std::max(1, columns);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    s.colMin.fill(nan, columns);
    s.colMax.fill(nan, columns);
    s.colMean.fill(nan, columns);
    for (const OutlierPoint &p : outliers)
        s.outliers.append(Mark {p.time.toMSecsSinceEpoch(), p.value});
    std::sort(s.outliers.begin(), s.outliers.end(), [](const Mark &a, const Mark &b) { return a.timeMs < b.timeMs; });
    if (n == 0)
        return s;
    s.points = n;
    const qint64 *times = series.timesMs.constData();
    const double *values = series.values.constData();
    qint64 from = times[0], to = times[0];
    double lo = values[0], hi = values[0];
    for (qsizetype i = 1; i < n; ++i) {
        from = std::min(from, times[i]);
        to = std::max(to, times[i]);
        lo = std::min(lo, values[i]);
        hi = std::max(hi, values[i]);
    }
    if (sample) {
        for (const Mark &m : std::as_const(s.outliers)) {
            if (!std::isfinite(m.value))
                continue;
            from = std::min(from, m.timeMs);
            to = std::max(to, m.timeMs);
            lo = std::min(lo, m.value);
            hi = std::max(hi, m.value);
        }
    }
    s.fromMs = from;
    s.toMs = to == from ? from + 1 : to;
    s.minValue = lo;
    s.maxValue = hi;
    QVector<double> sums(columns, 0.0);
    QVector<qint64> counts(columns, 0);
    const double scale = double(columns) / double(s.toMs - s.fromMs);
    for (qsizetype i = 0; i < n; ++i) {
        const int c = std::clamp(int(double(times[i] - s.fromMs) * scale), 0, columns - 1);
        const float v = float(values[i]);
        if (counts[c] == 0) {
            s.colMin[c] = v;
            s.colMax[c] = v;
        } else {
            s.colMin[c] = std::min(s.colMin[c], v);
            s.colMax[c] = std::max(s.colMax[c], v);
        }
        sums[c] += values[i];
        ++counts[c];
    }
    for (int c = 0; c < columns; ++c) {
        if (counts[c] > 0)
            s.colMean[c] = float(sums[c] / double(counts[c]));
    }
    if (sample) {
        for (const Mark &m : std::as_const(s.outliers)) {
            if (!std::isfinite(m.value))
                continue;
            const int c = std::clamp(int(double(m.timeMs - s.fromMs) * scale), 0, columns - 1);
            const float v = float(m.value);
            s.colMin[c] = std::isnan(s.colMin[c]) ? v : std::min(s.colMin[c], v);
            s.colMax[c] = std::isnan(s.colMax[c]) ? v : std::max(s.colMax[c], v);
        }
    }
    return s;
}

void SeriesSketch::paint(QPainter *painter, const QRectF &rect, const Style &style) const
{
    painter->save();
    painter->setFont(style.font);
    const QFontMetricsF fm(style.font, painter->device());
    QRectF plot = rect;
    double lo = minValue, hi = maxValue;
    for (const Mark &m : outliers) {
        lo = std::isfinite(lo) ? std::min(lo, m.value) : m.value;
        hi = std::isfinite(hi) ? std::max(hi, m.value) : m.value;
    }
    for (const auto &[overlay, color] : style.overlays) {
        if (overlay->isEmpty())
            continue;
        lo = std::isfinite(lo) ? std::min(lo, overlay->minValue) : overlay->minValue;
        hi = std::isfinite(hi) ? std::max(hi, overlay->maxValue) : overlay->maxValue;
    }
    if (!std::isfinite(lo)) {
        painter->restore();
        return;
    }
    const bool band = std::isfinite(style.mean) && std::isfinite(style.std) && style.std > 0 && style.k > 0;
    if (band) {
        lo = std::min(lo, style.mean - style.k * style.std);
        hi = std::max(hi, style.mean + style.k * style.std);
    }
    if (hi == lo) {
        lo -= 1.0;
        hi += 1.0;
    }
    ChartScale::Ticks valueTicks;
    ChartScale::TimeTicks timeTicks;
    const QColor axisColor(0x5f, 0x63, 0x68);
    const QColor gridColor(0xe0, 0xe0, 0xe0);
    if (style.axes) {
        ChartScale::niceRange(&lo, &hi, 5);
        valueTicks = ChartScale::valueTicks(lo, hi, 5);
        qreal labelWidth = 0;
        for (double v : valueTicks.values)
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(QLocale().toString(v, 'f', valueTicks.decimals)));
        const qreal left = fm.height() * 1.4 + labelWidth + fm.height() * 0.4;
        plot = rect.adjusted(left, fm.height() * 0.6, -fm.height() * 0.8, -(fm.height() * 2.8));
    } else {
        const double pad = (hi - lo) * 0.06;
        lo -= pad;
        hi += pad;
    }
    auto xOf = [&](qint64 t) { return plot.left() + plot.width() * double(t - fromMs) / double(toMs - fromMs); };
    auto yOf = [&](double v) { return plot.bottom() - plot.height() * (v - lo) / (hi - lo); };

    if (style.axes) {
        painter->setPen(QPen(gridColor, 0));
        for (double v : valueTicks.values)
            painter->drawLine(QPointF(plot.left(), yOf(v)), QPointF(plot.right(), yOf(v)));
        painter->setPen(QPen(axisColor, 0));
        for (double v : valueTicks.values) {
            const QString label = QLocale().toString(v, 'f', valueTicks.decimals);
            painter->drawText(QRectF(rect.left(), yOf(v) - fm.height() / 2,
                                     plot.left() - rect.left() - fm.height() * 0.3, fm.height()),
                              Qt::AlignRight | Qt::AlignVCenter, label);
        }
        timeTicks = ChartScale::timeTicks(fromMs, toMs, std::max(2, int(plot.width() / (fm.height() * 7))), style.utc);
        for (qint64 t : timeTicks.timesMs) {
            const qreal x = xOf(t);
            painter->setPen(QPen(gridColor, 0));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            painter->setPen(QPen(axisColor, 0));
            const QString label = ChartScale::timeLabel(t, timeTicks.format, style.utc);
            const qreal w = fm.horizontalAdvance(label);
            painter->drawText(QRectF(x - w / 2 - 2, plot.bottom() + fm.height() * 0.2, w + 4, fm.height()),
                              Qt::AlignCenter, label);
        }
        painter->drawRect(plot);
        painter->drawText(QRectF(plot.left(), plot.bottom() + fm.height() * 1.4, plot.width(), fm.height() * 1.2),
                          Qt::AlignCenter, style.timeTitle);
        painter->save();
        painter->translate(rect.left() + fm.height() * 0.1, plot.center().y());
        painter->rotate(-90);
        painter->drawText(QRectF(-plot.height() / 2, 0, plot.height(), fm.height() * 1.2), Qt::AlignCenter,
                          style.valueTitle);
        painter->restore();
    }
    painter->setClipRect(
        plot.adjusted(-style.markerDiameter, -style.markerDiameter, style.markerDiameter, style.markerDiameter));

    if (band) {
        QColor fill = style.line;
        fill.setAlphaF(0.10);
        const qreal top = yOf(style.mean + style.k * style.std);
        const qreal bottom = yOf(style.mean - style.k * style.std);
        painter->fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), fill);
    }

    // The envelope: per column the min-max band, and the mean line over it.
    auto drawEnvelope = [&](const SeriesSketch &sketch, const QColor &color) {
        const int columns = int(sketch.colMin.size());
        if (columns == 0 || sketch.isEmpty())
            return;
        auto colX = [&](double c) {
            const double t = double(sketch.fromMs) + (double(sketch.toMs - sketch.fromMs) * c) / columns;
            return plot.left() + plot.width() * (t - double(fromMs)) / double(toMs - fromMs);
        };
        QColor envelope = color;
        envelope.setAlphaF(0.35);
        // One filled shape per run of columns with points (a column at least 0.8 high): one fill, where a rectangle
        // per column cost the raster engine a hand-over to its helper threads each, 240 per card.
        QPainterPath shape;
        QPolygonF top;
        QVector<QPointF> bottom;
        auto closeRun = [&] {
            if (top.isEmpty())
                return;
            for (auto it = bottom.crbegin(); it != bottom.crend(); ++it)
                top << *it;
            shape.addPolygon(top);
            shape.closeSubpath();
            top.clear();
            bottom.clear();
        };
        for (int c = 0; c < columns; ++c) {
            if (std::isnan(sketch.colMin[c])) {
                closeRun();
                continue;
            }
            const qreal left = colX(c);
            const qreal right = left + std::max<qreal>(colX(c + 1) - left, 0.5);
            qreal high = yOf(sketch.colMax[c]);
            qreal low = yOf(sketch.colMin[c]);
            if (low - high < 0.8) {
                const qreal middle = (high + low) / 2;
                high = middle - 0.4;
                low = middle + 0.4;
            }
            top << QPointF(left, high) << QPointF(right, high);
            bottom << QPointF(left, low) << QPointF(right, low);
        }
        closeRun();
        shape.setFillRule(Qt::WindingFill);
        painter->fillPath(shape, envelope);
        QPainterPath meanPath;
        bool started = false;
        for (int c = 0; c < columns; ++c) {
            if (std::isnan(sketch.colMean[c]))
                continue;
            const QPointF p(colX(c + 0.5), yOf(sketch.colMean[c]));
            if (started)
                meanPath.lineTo(p);
            else
                meanPath.moveTo(p);
            started = true;
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(color, style.lineWidth));
        painter->drawPath(meanPath);
    };
    drawEnvelope(*this, style.line);
    for (const auto &[overlay, color] : style.overlays)
        drawEnvelope(*overlay, color);

    // Outliers: one dot per pixel column (the most extreme), with a count when several share it; a count that would
    // cover one already drawn is left out, as in the detail chart (a dense series had a smear of digits, each of
    // them costing a text layout).
    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal d = style.markerDiameter;
    QVector<QRectF> labels; // the counts drawn, the last few (they go left to right)
    qsizetype i = 0;
    while (i < outliers.size()) {
        const int column = int(xOf(outliers[i].timeMs) / std::max<qreal>(d, 1.0));
        qsizetype j = i;
        double extreme = outliers[i].value;
        for (; j < outliers.size() && int(xOf(outliers[j].timeMs) / std::max<qreal>(d, 1.0)) == column; ++j) {
            if (std::abs(outliers[j].value - (lo + hi) / 2) > std::abs(extreme - (lo + hi) / 2))
                extreme = outliers[j].value;
        }
        const QPointF c(xOf(outliers[i].timeMs), yOf(extreme));
        painter->setPen(QPen(Qt::white, d / 6));
        painter->setBrush(style.outlier);
        painter->drawEllipse(c, d / 2, d / 2);
        if (j - i > 1 && style.counts) {
            const QString count = QString::number(j - i);
            const QPointF at(c.x() + d * 0.6, c.y() - d * 0.3);
            const QRectF box(at.x(), at.y() - fm.ascent(), fm.horizontalAdvance(count), fm.height());
            if (std::none_of(labels.cbegin(), labels.cend(), [&box](const QRectF &r) { return r.intersects(box); })) {
                painter->setPen(style.outlier);
                painter->drawText(at, count);
                labels.append(box);
                if (labels.size() > 8)
                    labels.removeFirst();
            }
        }
        i = j;
    }
    painter->restore();
}

} // namespace fo::ui
