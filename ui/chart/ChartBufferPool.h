#pragma once

#include "ui/chart/ChartData.h"

#include <QPointF>
#include <QVector>

#include <cstddef>
#include <mutex>

namespace fo::ui {

// Keeps the large arrays of the chart shown last for the next chart to be built, instead of giving them back to the
// system. A chart of 3M points fills about 100 MB of arrays; fresh memory costs a page fault per page when it is first
// written, and on a virtual machine whose host takes back the guest's free memory (free page reporting, as on the
// machines this project is built on) a fault that reaches the host costs 1 to 2 ms per MB: 100 to 200 ms more for a
// chart that is built in 45. Memory kept by the process stays in place; the pool holds one spare set, the size of
// the largest chart shown since it was last emptied. Thread-safe: charts are built on the query thread, and views give
// their arrays back on the GUI thread.
class ChartBufferPool
{
public:
    struct Buffers
    {
        QVector<QPointF> points;
        QVector<qint64> ids;
        QVector<qint64> timesMs;
        QVector<char> flagged;
    };

    static ChartBufferPool &instance();

    // The spare arrays, each emptied; an array that could not hold n elements is left out (empty), so that the caller
    // reserves it fresh. The pool has no spare afterwards.
    Buffers take(qsizetype n);
    // Keeps the arrays of `data` that nobody else holds as the spare, when they are larger than the spare's.
    void give(ChartData &&data);
    // Makes sure the pool holds a spare set for a chart of n points (ids and times too when `copies`: a series out of
    // time order is copied), every page of it written once. The query thread calls it after each chart it builds, so
    // that the next one, built when the operator picks another type, finds its memory in place even when no chart
    // has been given back yet (the first switch). Nothing is done when the spare is large enough.
    void prepare(qsizetype n, bool copies);
    // Empties the pool (the memory goes back to the system).
    void release();
    // Elements the spare's points array can hold without allocating (0: no spare).
    qsizetype spareCapacity() const;

    // Reserves room for n elements in `v`, asking for transparent huge pages for a large buffer (see the .cpp).
    template<typename T> static void reserve(QVector<T> *v, qsizetype n);

private:
    ChartBufferPool() = default;
    mutable std::mutex m_mutex;
    Buffers m_spare;
};

void adviseHugePages(const void *data, std::size_t bytes);

template<typename T> void ChartBufferPool::reserve(QVector<T> *v, qsizetype n)
{
    if (v->capacity() >= n)
        return; // memory in place (from the pool)
    v->reserve(n);
    adviseHugePages(v->constData(), std::size_t(n) * sizeof(T));
}

} // namespace fo::ui
