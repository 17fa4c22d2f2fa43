#include "ui/chart/ChartBufferPool.h"

#include <utility>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace fo::ui {

namespace {

// The array, emptied with its capacity kept, if it can hold n elements; an empty array otherwise.
template<typename T> QVector<T> ifItHolds(QVector<T> &&v, qsizetype n)
{
    if (v.capacity() < n)
        return {};
    v.clear(); // keeps the capacity: the array is not shared (give() kept only those)
    return std::move(v);
}

// Keeps `offered` in `spare` when nobody else holds it and it is larger.
template<typename T> void keepLarger(QVector<T> *spare, QVector<T> &&offered)
{
    if (offered.isDetached() && offered.capacity() > spare->capacity())
        std::swap(*spare, offered); // the smaller one is freed with `offered`, by the caller
}

} // namespace

// The arrays of a large chart are fresh memory (33 MB for 1M points), and each 4 KiB page of it costs a page fault
// when first written: about 145 ms of CPU for 1M points on this project's virtual machine. On Linux the buffer asks for
// transparent huge pages (Debian serves them to memory that asks: "madvise"), a fault per 2 MiB: about 35 ms. It is
// advice: where it is not taken, the same happens, only slower.
void adviseHugePages(const void *data, std::size_t bytes)
{
#ifdef Q_OS_LINUX
    const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<quintptr>(data) & ~(pageSize - 1);
    const auto end = reinterpret_cast<quintptr>(data) + bytes;
    if (end - begin >= (quintptr(2) << 20))
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

namespace {

// A fresh array with room for n elements, each page written once (the faults are taken here, not by the chart).
template<typename T> QVector<T> written(qsizetype n)
{
    QVector<T> v;
    ChartBufferPool::reserve(&v, n);
    v.resize(n); // writes every element
    v.clear(); // keeps the capacity (nobody else holds it)
    return v;
}

} // namespace

ChartBufferPool &ChartBufferPool::instance()
{
    static ChartBufferPool pool;
    return pool;
}

ChartBufferPool::Buffers ChartBufferPool::take(qsizetype n)
{
    Buffers spare;
    {
        const std::lock_guard lock(m_mutex);
        spare = std::exchange(m_spare, Buffers());
    }
    return Buffers {ifItHolds(std::move(spare.points), n), ifItHolds(std::move(spare.ids), n),
                    ifItHolds(std::move(spare.timesMs), n), ifItHolds(std::move(spare.flagged), n)};
}

void ChartBufferPool::give(ChartData &&data)
{
    // What is not kept is freed by the caller, with `data`, outside the lock.
    const std::lock_guard lock(m_mutex);
    keepLarger(&m_spare.points, std::move(data.points));
    keepLarger(&m_spare.ids, std::move(data.ids));
    keepLarger(&m_spare.timesMs, std::move(data.timesMs));
    keepLarger(&m_spare.flagged, std::move(data.flagged));
}

void ChartBufferPool::prepare(qsizetype n, bool copies)
{
    bool points, ids;
    {
        const std::lock_guard lock(m_mutex);
        points = m_spare.points.capacity() < n || m_spare.flagged.capacity() < n;
        ids = copies && (m_spare.ids.capacity() < n || m_spare.timesMs.capacity() < n);
    }
    if (!points && !ids)
        return;
    // Written outside the lock: a view may give its arrays meanwhile (the larger set is kept).
    ChartData fresh;
    if (points) {
        fresh.points = written<QPointF>(n);
        fresh.flagged = written<char>(n);
    }
    if (ids) {
        fresh.ids = written<qint64>(n);
        fresh.timesMs = written<qint64>(n);
    }
    give(std::move(fresh));
}

void ChartBufferPool::release()
{
    Buffers spare;
    const std::lock_guard lock(m_mutex);
    std::swap(spare, m_spare);
}

qsizetype ChartBufferPool::spareCapacity() const
{
    const std::lock_guard lock(m_mutex);
    return m_spare.points.capacity();
}

} // namespace fo::ui
