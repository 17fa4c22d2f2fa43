#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace fo {

// numpy's float64 sum, bit for bit: blocks of 8192 values, each reduced by numpy's pairwise summation
// (docs/platform.md 2, "The z-score rule, exactly").
double numpySum(const double *values, std::size_t count);

struct ZScoreStats
{
    double mean = 0.0;
    double std = 0.0; // population standard deviation (ddof = 0)
};

// mean = S(x) / n and std = sqrt(S((x - mean)^2) / n), as numpy's mean() and std() compute them.
// `scratch` is reused between calls to avoid allocations; n must be > 0.
ZScoreStats meanAndStd(const double *values, std::size_t count, std::vector<double> &scratch);

// z = (x - mean) / std, the one place this tool computes a z-score (the pipeline, the reports, the stored iterations
// and the charts all call it). NaN when std is 0: no spread, so no point is an outlier (docs/platform.md 2); a NaN
// mean or std (a type without numbers) gives NaN as well.
inline double zScore(double x, double mean, double std)
{
    return std != 0.0 ? (x - mean) / std : std::numeric_limits<double>::quiet_NaN();
}
inline double zScore(double x, const ZScoreStats &stats)
{
    return zScore(x, stats.mean, stats.std);
}

// A value is an outlier when |z| > k, strictly; with std == 0 nothing is.
inline bool isOutlier(double x, const ZScoreStats &stats, double k)
{
    if (stats.std == 0.0)
        return false;
    const double z = zScore(x, stats);
    return std::fabs(z) > k;
}

} // namespace fo
