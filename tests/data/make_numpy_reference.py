#!/usr/bin/python3
"""Generates tests/data/numpy_reference.json: numpy's own answers for the z-score rule (docs/platform.md 2).

The C++ test tests/core/tst_numpymath.cpp checks, bit for bit, that fo::numpySum, fo::meanAndStd and fo::isOutlier
give what numpy gives for every case in the JSON file.

How to regenerate (from the repository root; Debian 12's numpy, the one the old Python job ran with):

    apt-get install -y python3-numpy
    /usr/bin/python3 tests/data/make_numpy_reference.py

Use /usr/bin/python3 (the system Python with Debian's numpy), not another python3 on PATH. The script is
deterministic: every random value comes from numpy's PCG64 generator with a fixed seed, and every seed search
starts from a fixed seed and stops at the first hit, so running it again with the same numpy writes the same file.
(numpy does not promise the same random streams across its versions; a regeneration with another numpy may pick
other values, but every property the tests rely on is asserted here, so the script fails rather than write a file
that proves less.)

Format: {"numpy_version", "cases": [...]}, each case:
  name, description        -- what the case is for
  values                   -- the input, float64, each as float.hex() so that it round-trips bit-exactly
  sum, mean, std           -- np.sum(x), np.mean(x), np.std(x) (ddof=0), as float.hex()
  flagged_k3, flagged_k2   -- indices i with np.abs((x - mean) / std)[i] > k; none when std == 0
  max_abs_z                -- max |z| as numpy computes it (float.hex), null when std == 0
  naive_sum                -- a plain left-to-right running sum (0.0 + x0 + x1 + ...), float.hex()
  unblocked_sum            -- numpy's pairwise summation applied to the whole array, without the 8192 blocks
  naive_flagged_k3/_k2     -- the flagged indices if mean and std were computed with the naive sum
  unblocked_flagged_k3/_k2 -- the same with the unblocked pairwise sum
  expect_naive_differs     -- true where this script asserted naive_sum != sum (the test re-checks it)
  expect_unblocked_differs -- true where this script asserted unblocked_sum != sum (n > 8192, and -0.0 values)
  expect_naive_flags_differ, expect_unblocked_flags_differ -- true where the flagged set itself changes
"""

import json
import math
import os
import sys

import numpy as np

BLOCK = 8192  # numpy's reduction buffer size (NPY_BUFSIZE): np.sum reduces 8192 values at a time
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_reference.json")


# --- The three summations, in plain Python floats (IEEE float64, round-to-nearest: the same operations as C++). ---

def pairwise(a):
    """numpy's pairwise_sum (loops_utils.h.src), operation for operation."""
    n = len(a)
    if n < 8:
        res = 0.0
        for v in a:
            res += v
        return res
    if n <= 128:
        r = list(a[:8])
        i = 8
        while i < n - n % 8:
            for j in range(8):
                r[j] += a[i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            res += a[i]
            i += 1
        return res
    n2 = n // 2
    n2 -= n2 % 8
    return pairwise(a[:n2]) + pairwise(a[n2:])


def blocked(a):
    """What docs/platform.md 2 says np.sum does: 0.0, plus the pairwise sum of each block of 8192 values."""
    s = 0.0
    for start in range(0, len(a), BLOCK):
        s += pairwise(a[start:start + BLOCK])
    return s


def naive(a):
    s = 0.0
    for v in a:
        s += v
    return s


def stats_with(a, summation):
    n = len(a)
    mean = summation(a) / n
    std = math.sqrt(summation([(v - mean) * (v - mean) for v in a]) / n)
    return mean, std


def flags_with(a, mean, std, k):
    if std == 0.0:
        return []
    return [i for i, v in enumerate(a) if abs((v - mean) / std) > k]


# --- numpy's answers ---

def numpy_case(values):
    x = np.array(values, dtype=np.float64)
    with np.errstate(all="ignore"):
        total = float(np.sum(x))
        mean = float(np.mean(x))
        std = float(np.std(x))
        if std == 0.0:
            z = None
            f3, f2 = [], []
        else:
            z = np.abs((x - mean) / std)
            f3 = [int(i) for i in np.nonzero(z > 3)[0]]
            f2 = [int(i) for i in np.nonzero(z > 2)[0]]
    max_z = None
    if z is not None:
        finite = z[~np.isnan(z)]
        max_z = float(finite.max()) if finite.size else None
    return total, mean, std, f3, f2, max_z


def h(v):
    return float(v).hex()


def make_case(name, description, values, expect_naive_differs=False, expect_unblocked_differs=False,
              expect_naive_flags_differ=False, expect_unblocked_flags_differ=False):
    values = [float(v) for v in values]
    total, mean, std, f3, f2, max_z = numpy_case(values)
    assert not math.isnan(mean) and not math.isnan(std), name

    # The model of np.sum that the C++ code implements must be numpy's, for this input and for the squares.
    assert blocked(values) == total or (math.isnan(total) and math.isnan(blocked(values))), name
    m_b, s_b = stats_with(values, blocked)
    assert h(m_b) == h(mean) and h(s_b) == h(std), (name, m_b, mean, s_b, std)
    assert flags_with(values, mean, std, 3) == f3 and flags_with(values, mean, std, 2) == f2, name

    naive_total = naive(values)
    unblocked_total = pairwise(values)
    m_n, s_n = stats_with(values, naive)
    m_u, s_u = stats_with(values, pairwise)
    case = {
        "name": name,
        "description": description,
        "n": len(values),
        "values": [h(v) for v in values],
        "sum": h(total),
        "mean": h(mean),
        "std": h(std),
        "flagged_k3": f3,
        "flagged_k2": f2,
        "max_abs_z": None if max_z is None else h(max_z),
        "naive_sum": h(naive_total),
        "unblocked_sum": h(unblocked_total),
        "naive_flagged_k3": flags_with(values, m_n, s_n, 3),
        "naive_flagged_k2": flags_with(values, m_n, s_n, 2),
        "unblocked_flagged_k3": flags_with(values, m_u, s_u, 3),
        "unblocked_flagged_k2": flags_with(values, m_u, s_u, 2),
        "expect_naive_differs": expect_naive_differs,
        "expect_unblocked_differs": expect_unblocked_differs,
        "expect_naive_flags_differ": expect_naive_flags_differ,
        "expect_unblocked_flags_differ": expect_unblocked_flags_differ,
    }
    if expect_naive_differs:
        assert h(naive_total) != h(total), name
    if expect_unblocked_differs:
        assert h(unblocked_total) != h(total), name
    if expect_naive_flags_differ:
        assert (case["naive_flagged_k3"], case["naive_flagged_k2"]) != (f3, f2), name
    if expect_unblocked_flags_differ:
        assert (case["unblocked_flagged_k3"], case["unblocked_flagged_k2"]) != (f3, f2), name
    if len(values) <= BLOCK and total != 0.0:
        # Below one block the two are the same algorithm, but for the sign of a zero sum (0.0 + -0.0 is 0.0).
        assert h(unblocked_total) == h(total), name
    return case


# --- The cases ---

SIZES = [1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 1000, 8191, 8192, 8193, 16384 + 5, 50000]


def heart_rate_like(rng, n):
    """Normal values around 72 with a few spikes far out (the spikes are what k = 3 and k = 2 should find)."""
    values = rng.normal(72.0, 8.0, n)
    if n >= 5:
        spikes = max(1, min(12, n // 400))
        where = rng.choice(n, size=spikes, replace=False)
        for i in where:
            values[i] = 72.0 + rng.choice([-1.0, 1.0]) * rng.uniform(45.0, 90.0)
    return values


def search(seed, attempts, make, accept):
    """Tries seeds seed, seed+1, ... and returns (seed, values) for the first one that `accept`s."""
    for s in range(seed, seed + attempts):
        values = [float(v) for v in make(np.random.default_rng(s))]
        if accept(values):
            return s, values
    sys.exit("no seed found from %d in %d attempts" % (seed, attempts))


def main():
    sys.setrecursionlimit(10000)
    cases = []

    for n in SIZES:
        rng = np.random.default_rng(10000 + n)
        cases.append(make_case("normal_spikes_n%d" % n,
                               "%d normal values (72 +- 8) with a few spikes; seed %d" % (n, 10000 + n),
                               heart_rate_like(rng, n)))

    for n in [2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 1000]:
        rng = np.random.default_rng(20000 + n)
        cases.append(make_case("lognormal_n%d" % n,
                               "%d lognormal values (sigma 5: magnitudes from 1e-7 to 1e7); seed %d"
                               % (n, 20000 + n),
                               rng.lognormal(0.0, 5.0, n)))

    rng = np.random.default_rng(30000)
    mixed = rng.lognormal(0.0, 6.0, 1000) * rng.choice([-1.0, 1.0], 1000)
    cases.append(make_case("mixed_sign_magnitudes_n1000",
                           "1000 values of both signs and magnitudes from 1e-8 to 1e8 (cancellation); seed 30000",
                           mixed))

    # Ties: mathematically |z| is exactly k for the last value; numpy computes exactly k, and z == k is NOT flagged.
    tie3 = [0.1] * 9 + [1.1]
    c = make_case("tie_k3_n10", "9 x 0.1 then 1.1: numpy's z of the last value is exactly 3.0, not an outlier at k=3",
                  tie3)
    assert c["max_abs_z"] == h(3.0) and c["flagged_k3"] == [], c
    cases.append(c)
    tie2 = [0.1] * 4 + [0.6]
    c = make_case("tie_k2_n5", "4 x 0.1 then 0.6: numpy's z of the last value is exactly 2.0, not an outlier at k=2",
                  tie2)
    assert c["max_abs_z"] == h(2.0) and c["flagged_k2"] == [], c
    cases.append(c)

    # Constant groups.
    c = make_case("constant_0.1_n1000", "1000 x 0.1: std is tiny but not 0, every |z| is exactly 1.0, none flagged",
                  [0.1] * 1000)
    assert float.fromhex(c["std"]) != 0.0 and float.fromhex(c["std"]) < 1e-16, c["std"]
    assert c["max_abs_z"] == h(1.0) and c["flagged_k3"] == [] and c["flagged_k2"] == []
    x = np.array([0.1] * 1000)
    assert np.all(np.abs((x - np.mean(x)) / np.std(x)) == 1.0)
    cases.append(c)
    c = make_case("constant_7_n5", "5 x 7.0: std is exactly 0, nothing is flagged", [7.0] * 5)
    assert c["std"] == h(0.0) and c["max_abs_z"] is None
    cases.append(c)

    # Signed zeros: numpy starts every sum from +0.0, so a sum of -0.0 values is +0.0.
    for n in [3, 9]:
        # For n >= 8 the pairwise sum alone starts from the first value and gives -0.0: only the blocked sum is +0.0.
        c = make_case("negative_zeros_n%d" % n, "%d x -0.0: np.sum is +0.0 (the sum starts from 0.0)" % n,
                      [-0.0] * n, expect_unblocked_differs=(n >= 8))
        assert c["sum"] == h(0.0) and c["sum"] != h(-0.0)
        cases.append(c)

    # Overflow: the squares (or the sum itself) become inf; numpy then flags nothing, and neither may we.
    c = make_case("overflowing_squares_n4", "squares overflow to inf: std is inf, every z is 0, none flagged",
                  [1e200, -1e200, 1e200, 5.0])
    assert c["std"] == "inf" and c["flagged_k2"] == []
    cases.append(c)
    c = make_case("overflowing_sum_n3", "the sum overflows: mean and std are inf, every z is nan, none flagged",
                  [1.7e308, 1.7e308, 1.0])
    assert c["mean"] == "inf" and c["std"] == "inf" and c["flagged_k2"] == []
    cases.append(c)

    # Summation order matters: a naive running sum differs from numpy's in the last bit...
    for n in [9, 1000]:
        seed, values = search(40000 + n, 1000, lambda r, n=n: heart_rate_like(r, n),
                              lambda v: h(naive(v)) != h(blocked(v)))
        cases.append(make_case("naive_sum_differs_n%d" % n,
                               "a left-to-right sum differs from np.sum in the last bit; seed %d" % seed,
                               values, expect_naive_differs=True))

    # ... and so does a pairwise sum without the 8192 blocks, for n > 8192.
    # (normal_spikes_n16389 above differs too; the test counts every case where it does.)
    for n in [8193]:
        seed, values = search(50000 + n, 1000, lambda r, n=n: heart_rate_like(r, n),
                              lambda v: h(pairwise(v)) != h(blocked(v)))
        cases.append(make_case("unblocked_sum_differs_n%d" % n,
                               "pairwise summation without the 8192 blocks differs from np.sum in the last bit; "
                               "seed %d" % seed,
                               values, expect_unblocked_differs=True))

    # The difference changes which records are outliers. Two levels a and b, with b a tenth (a fifth) of the values,
    # put every b at |z| = 3 (= 2) exactly in real arithmetic; rounding decides, and the summation order with it.
    def two_levels(r, count_a, count_b, shuffle):
        a = round(float(r.uniform(50.0, 100.0)), 1)
        b = round(float(r.uniform(100.0, 200.0)), 1)
        values = np.array([a] * count_a + [b] * count_b)
        if shuffle:
            values = values[r.permutation(len(values))]
        return values

    def naive_flips(v, k):
        m, s = stats_with(v, naive)
        return flags_with(v, m, s, k) != flags_with(v, *stats_with(v, blocked), k)

    def unblocked_flips(v, k):
        m, s = stats_with(v, pairwise)
        return flags_with(v, m, s, k) != flags_with(v, *stats_with(v, blocked), k)

    seed, values = search(70000, 1000, lambda r: two_levels(r, 9, 1, False), lambda v: naive_flips(v, 3))
    cases.append(make_case("naive_flips_flag_k3_n10",
                           "9 x a then b (|z| of b is 3 in real arithmetic): with a naive sum, b's flag at k=3 "
                           "changes; seed %d" % seed,
                           values, expect_naive_flags_differ=True))
    seed, values = search(71000, 1000, lambda r: two_levels(r, 7380, 820, True),
                          lambda v: unblocked_flips(v, 3) and h(pairwise(v)) != h(blocked(v)))
    cases.append(make_case("unblocked_flips_flag_k3_n8200",
                           "7380 x a and 820 x b shuffled (|z| of b is 3 in real arithmetic): without the 8192 "
                           "blocks, every b's flag at k=3 changes; seed %d" % seed,
                           values, expect_unblocked_differs=True, expect_unblocked_flags_differ=True))
    seed, values = search(72000, 1000, lambda r: two_levels(r, 6800, 1700, True),
                          lambda v: unblocked_flips(v, 2) and h(pairwise(v)) != h(blocked(v)))
    cases.append(make_case("unblocked_flips_flag_k2_n8500",
                           "6800 x a and 1700 x b shuffled (|z| of b is 2 in real arithmetic): without the 8192 "
                           "blocks, every b's flag at k=2 changes; seed %d" % seed,
                           values, expect_unblocked_differs=True, expect_unblocked_flags_differ=True))

    names = [c["name"] for c in cases]
    assert len(names) == len(set(names))
    doc = {
        "generator": "tests/data/make_numpy_reference.py",
        "numpy_version": np.__version__,
        "cases": cases,
    }
    # One case per line keeps the file small and its diffs readable.
    with open(OUT, "w", encoding="ascii") as f:
        f.write('{"generator": %s,\n "numpy_version": %s,\n "cases": [\n'
                % (json.dumps(doc["generator"]), json.dumps(doc["numpy_version"])))
        for i, c in enumerate(cases):
            f.write("  " + json.dumps(c, separators=(",", ":")) + (",\n" if i + 1 < len(cases) else "\n"))
        f.write(" ]}\n")
    with open(OUT, encoding="ascii") as f:
        assert json.load(f) == doc
    print("wrote %s: %d cases, %d bytes" % (OUT, len(cases), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
