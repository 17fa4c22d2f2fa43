#include "ui/chart/ChartEnvelope.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fo::ui {

void ChartEnvelope::clear()
{
    m_points = nullptr;
    m_size = 0;
    m_blockMin.clear();
    m_blockMax.clear();
    m_blockSum.clear();
    m_minY = HUGE_VAL;
    m_maxY = -HUGE_VAL;
}

void ChartEnvelope::index(const QVector<QPointF> &points)
{
    clear();
    m_points = points.constData();
    m_size = points.size();
    const qsizetype blocks = m_size / BlockSize;
    m_blockMin.resize(blocks);
    m_blockMax.resize(blocks);
    m_blockSum.resize(blocks);
    for (qsizetype b = 0; b < blocks; ++b) {
        double l = HUGE_VAL, h = -HUGE_VAL, sum = 0.0;
        for (const QPointF *q = m_points + b * BlockSize, *end = q + BlockSize; q != end; ++q) {
            l = std::min(l, q->y());
            h = std::max(h, q->y());
            sum += q->y();
        }
        m_blockMin[b] = l;
        m_blockMax[b] = h;
        m_blockSum[b] = sum;
        m_minY = std::min(m_minY, l);
        m_maxY = std::max(m_maxY, h);
    }
    for (qsizetype i = blocks * BlockSize; i < m_size; ++i) {
        m_minY = std::min(m_minY, m_points[i].y());
        m_maxY = std::max(m_maxY, m_points[i].y());
    }
}

ChartEnvelope::Columns ChartEnvelope::columns(const QPointF *first, const QPointF *last, double fromX, double toX,
                                              int columns) const
{
    Columns out;
    out.lo.fill(HUGE_VAL, columns);
    out.hi.fill(-HUGE_VAL, columns);
    out.sum.fill(0.0, columns);
    out.count.fill(0, columns);
    if (columns <= 0 || first == last || !(toX > fromX))
        return out;
    auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    const double scale = columns / (toX - fromX);
    // A column's end is searched from its start, first over about a column's worth of points, then twice that, and so
    // on: a few cache lines each time, not a binary search over the whole rest of the series.
    const qsizetype guess = std::max<qsizetype>(1, (last - first) / columns);
    auto columnEndFrom = [&](const QPointF *from, double x) {
        const QPointF *lo = from;
        qsizetype step = guess;
        while (last - lo > step && lo[step - 1].x() < x) {
            lo += step;
            step *= 2;
        }
        return std::lower_bound(lo, lo + std::min(step, qsizetype(last - lo)), x, byX);
    };
    const QPointF *begin = m_points;
    const qsizetype blocks = m_blockMin.size();
    const QPointF *p = first;
    for (int c = 0; c < columns && p != last; ++c) {
        const double columnEnd = fromX + (c + 1) / scale;
        const QPointF *e = c == columns - 1 ? last : columnEndFrom(p, columnEnd);
        double l = HUGE_VAL, h = -HUGE_VAL, s = 0.0;
        auto addPoints = [&](qsizetype from, qsizetype to) {
            for (const QPointF *q = begin + from, *stop = begin + to; q != stop; ++q) {
                l = std::min(l, q->y());
                h = std::max(h, q->y());
                s += q->y();
            }
        };
        // The points up to a block boundary, the whole blocks inside the column, the points after the last one.
        const qsizetype i = p - begin, j = e - begin;
        qsizetype a = std::min(j, (i + BlockSize - 1) / BlockSize * BlockSize);
        addPoints(i, a);
        for (; a + BlockSize <= j && a / BlockSize < blocks; a += BlockSize) {
            const qsizetype b = a / BlockSize;
            l = std::min(l, m_blockMin[b]);
            h = std::max(h, m_blockMax[b]);
            s += m_blockSum[b];
        }
        addPoints(a, j);
        out.lo[c] = l;
        out.hi[c] = h;
        out.sum[c] = s;
        out.count[c] = e - p;
        p = e;
    }
    return out;
}

SeriesSketch ChartEnvelope::sketch(const QVector<OutlierPoint> &outliers, int columns) const
{
    SeriesSketch s;
    columns = std::max(1, columns);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    s.colMin.fill(nan, columns);
    s.colMax.fill(nan, columns);
    s.colMean.fill(nan, columns);
    for (const OutlierPoint &p : outliers)
        s.outliers.append(SeriesSketch::Mark {p.time.toMSecsSinceEpoch(), p.value});
    std::sort(s.outliers.begin(), s.outliers.end(),
              [](const SeriesSketch::Mark &a, const SeriesSketch::Mark &b) { return a.timeMs < b.timeMs; });
    if (m_size == 0)
        return s;
    // As SeriesSketch::make() does for a Series: the span of the times (whole ms), the range of the values.
    s.points = m_size;
    s.fromMs = qint64(m_points[0].x());
    const qint64 to = qint64(m_points[m_size - 1].x());
    s.toMs = to == s.fromMs ? s.fromMs + 1 : to;
    s.minValue = m_minY;
    s.maxValue = m_maxY;
    const Columns c = this->columns(m_points, m_points + m_size, double(s.fromMs), double(s.toMs), columns);
    for (int i = 0; i < columns; ++i) {
        if (c.count[i] == 0)
            continue;
        s.colMin[i] = float(c.lo[i]);
        s.colMax[i] = float(c.hi[i]);
        s.colMean[i] = float(c.sum[i] / double(c.count[i]));
    }
    return s;
}

} // namespace fo::ui
