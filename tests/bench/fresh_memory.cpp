// How much writing fresh memory costs on this machine, the first time and again after the memory has been free for
// a while. On a virtual machine whose host takes back the guest's free memory (free page reporting: a kernel started
// with page_reporting.page_reporting_order, a virtio balloon), pages that were free for a few seconds are no longer
// backed by the host, and the first write to each costs a fault in the host as well as in the guest. The chart keeps
// its arrays for that reason (ui/chart/ChartBufferPool.h). Run by hand:
//
//   build/tests/bench/fresh_memory [MB] [SECONDS ...]     default: 1000 MB, after 0, 1, 3 and 6 s of idle
//
// For each idle time: the same amount written in fresh anonymous memory at once (freed just before: hot), then after
// the idle time. Linux only (mmap, madvise).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

// Maps `bytes` of fresh memory (asking for huge pages, as the chart does), writes one byte per 4 KiB page, unmaps it.
// Returns the milliseconds the writes took.
double writeFresh(std::size_t bytes)
{
    void *memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        std::perror("mmap");
        std::exit(1);
    }
    madvise(memory, bytes, MADV_HUGEPAGE);
    auto *bytesOf = static_cast<volatile char *>(memory);
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < bytes; i += 4096)
        bytesOf[i] = 1;
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    munmap(memory, bytes);
    return took.count();
}

} // namespace

int main(int argc, char *argv[])
{
    const long megabytes = argc > 1 ? std::atol(argv[1]) : 1000;
    std::vector<int> idles;
    for (int i = 2; i < argc; ++i)
        idles.push_back(std::atoi(argv[i]));
    if (idles.empty())
        idles = {0, 1, 3, 6};
    if (megabytes <= 0) {
        std::fprintf(stderr, "usage: fresh_memory [MB] [SECONDS ...]\n");
        return 2;
    }
    const std::size_t bytes = std::size_t(megabytes) << 20;
    std::printf("first write of %ld MB in this process: %.1f ms\n", megabytes, writeFresh(bytes));
    for (int idle : idles) {
        const double hot = writeFresh(bytes);
        std::this_thread::sleep_for(std::chrono::seconds(idle));
        const double afterIdle = writeFresh(bytes);
        std::printf("%ld MB: %.1f ms at once, %.1f ms after %d s free\n", megabytes, hot, afterIdle, idle);
    }
    return 0;
}
