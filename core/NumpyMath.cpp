#include "core/NumpyMath.h"

#include <cmath>

namespace fo {
namespace {

constexpr std::size_t BlockSize = 8192; // numpy's reduction buffer (NPY_BUFSIZE)
constexpr std::size_t PairwiseBlock = 128; // numpy's PW_BLOCKSIZE

// numpy's pairwise_sum for doubles (numpy/core/src/umath/loops_utils.h.src), reproduced operation for operation.
double pairwiseSum(const double *a, std::size_t n)
{
    if (n < 8) {
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= PairwiseBlock) {
        double r[8];
        for (std::size_t j = 0; j < 8; ++j)
            r[j] = a[j];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8) {
            for (std::size_t j = 0; j < 8; ++j)
                r[j] += a[i + j];
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

} // namespace

double numpySum(const double *values, std::size_t count)
{
    double sum = 0.0;
    for (std::size_t start = 0; start < count; start += BlockSize) {
        const std::size_t len = count - start < BlockSize ? count - start : BlockSize;
        sum += pairwiseSum(values + start, len);
    }
    return sum;
}

ZScoreStats meanAndStd(const double *values, std::size_t count, std::vector<double> &scratch)
{
    ZScoreStats stats;
    const double n = static_cast<double>(count);
    stats.mean = numpySum(values, count) / n;
    scratch.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double d = values[i] - stats.mean;
        scratch[i] = d * d;
    }
    stats.std = std::sqrt(numpySum(scratch.data(), count) / n);
    return stats;
}

} // namespace fo
