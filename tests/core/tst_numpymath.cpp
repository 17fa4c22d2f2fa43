// fo::numpySum, fo::meanAndStd, fo::zScore and fo::isOutlier against numpy's own answers, bit for bit.
//
// The reference is tests/data/numpy_reference.json, written by tests/data/make_numpy_reference.py with Debian's
// numpy (see that script for how to regenerate it). Every number in it is a float.hex() string, so nothing here is
// compared with a tolerance: a result that differs from numpy in the last bit fails.

#include "core/NumpyMath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// "0x1.8p+1" style text, in any locale.
QByteArray hexText(double v)
{
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex);
    QByteArray digits(buf, int(result.ptr - buf));
    if (!std::isfinite(v))
        return digits;
    if (digits.startsWith('-'))
        return QByteArray("-0x") + digits.mid(1);
    return QByteArray("0x") + digits;
}

// Parses Python's float.hex() output ("0x1.8p+1", "-0x0.0p+0", "inf", "-inf"); false when it is not such text.
bool parseHexFloat(const QString &text, double &out)
{
    QByteArray bytes = text.toLatin1();
    bool negative = false;
    if (bytes.startsWith('-')) {
        negative = true;
        bytes.remove(0, 1);
    }
    std::chars_format format = std::chars_format::general; // for "inf"
    if (bytes.startsWith("0x")) {
        bytes.remove(0, 2);
        format = std::chars_format::hex;
    }
    double value = 0.0;
    const char *end = bytes.constData() + bytes.size();
    const auto result = std::from_chars(bytes.constData(), end, value, format);
    if (result.ec != std::errc() || result.ptr != end || bytes.isEmpty())
        return false;
    out = negative ? -value : value;
    return true;
}

// The two summations that are NOT numpy's, to show that the reference data tells them apart.
double naiveSum(const QList<double> &a)
{
    double s = 0.0;
    for (double v : a)
        s += v;
    return s;
}

// numpy's pairwise summation over the whole array, without the blocks of 8192.
double unblockedPairwise(const double *a, qsizetype n)
{
    if (n < 8) {
        double res = 0.0;
        for (qsizetype i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j)
            r[j] = a[j];
        qsizetype i = 8;
        for (; i < n - n % 8; i += 8) {
            for (int j = 0; j < 8; ++j)
                r[j] += a[i + j];
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    qsizetype n2 = n / 2;
    n2 -= n2 % 8;
    return unblockedPairwise(a, n2) + unblockedPairwise(a + n2, n - n2);
}

double unblockedSum(const QList<double> &a)
{
    return unblockedPairwise(a.constData(), a.size());
}

// mean and std computed as numpy does, but with another summation.
template<typename Sum> fo::ZScoreStats statsWith(const QList<double> &a, Sum sum)
{
    const double n = double(a.size());
    fo::ZScoreStats stats;
    stats.mean = sum(a) / n;
    QList<double> squares;
    squares.reserve(a.size());
    for (double v : a)
        squares.append((v - stats.mean) * (v - stats.mean));
    stats.std = std::sqrt(sum(squares) / n);
    return stats;
}

QList<int> flagged(const QList<double> &values, const fo::ZScoreStats &stats, double k)
{
    QList<int> indices;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (fo::isOutlier(values.at(i), stats, k))
            indices.append(int(i));
    }
    return indices;
}

QByteArray describe(const QList<int> &indices)
{
    QByteArray text = "[";
    for (qsizetype i = 0; i < indices.size() && i < 20; ++i)
        text += (i ? ", " : "") + QByteArray::number(indices.at(i));
    if (indices.size() > 20)
        text += ", ... (" + QByteArray::number(indices.size()) + " in all)";
    return text + "]";
}

struct ReferenceCase
{
    QString name;
    QList<double> values;
    double sum = 0.0;
    double mean = 0.0;
    double std = 0.0;
    bool hasMaxAbsZ = false;
    double maxAbsZ = 0.0;
    QList<int> flaggedK3;
    QList<int> flaggedK2;
    double naiveSum = 0.0;
    double unblockedSum = 0.0;
    QList<int> naiveFlaggedK3;
    QList<int> naiveFlaggedK2;
    QList<int> unblockedFlaggedK3;
    QList<int> unblockedFlaggedK2;
    bool expectNaiveDiffers = false;
    bool expectUnblockedDiffers = false;
    bool expectNaiveFlagsDiffer = false;
    bool expectUnblockedFlagsDiffer = false;
};

} // namespace

class TestNumpyMath : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void emptySumIsPositiveZero();

    void numpySum_data();
    void numpySum();

    void meanAndStd_data();
    void meanAndStd();

    void zScores_data();
    void zScores();

    void outliers_data();
    void outliers();

    void otherSummationsDiffer_data();
    void otherSummationsDiffer();

    void referenceCoversWhatItMust();

private:
    bool loadReference(const QString &path, QString &error);
    void addCaseRows();

    QList<ReferenceCase> m_cases;
    std::vector<double> m_scratch; // reused across rows, as the pipeline reuses it across data types
};

Q_DECLARE_METATYPE(const ReferenceCase *)

bool TestNumpyMath::loadReference(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull()) {
        error = QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                    .arg(path, parseError.errorString())
                    .arg(parseError.offset);
        return false;
    }
    const QJsonArray cases = doc.object().value(QLatin1String("cases")).toArray();
    for (const QJsonValue &entry : cases) {
        const QJsonObject object = entry.toObject();
        ReferenceCase c;
        c.name = object.value(QLatin1String("name")).toString();
        bool ok = !c.name.isEmpty();
        const auto number = [&](const char *key, double &out) {
            if (!parseHexFloat(object.value(QLatin1String(key)).toString(), out)) {
                error = QStringLiteral("case %1: \"%2\" is not a float.hex() string").arg(c.name, QLatin1String(key));
                ok = false;
            }
        };
        const auto indices = [&](const char *key) {
            QList<int> list;
            const QJsonValue value = object.value(QLatin1String(key));
            if (!value.isArray()) {
                error = QStringLiteral("case %1: \"%2\" is not a list").arg(c.name, QLatin1String(key));
                ok = false;
            }
            for (const QJsonValue &index : value.toArray())
                list.append(index.toInt(-1));
            return list;
        };
        const QJsonArray values = object.value(QLatin1String("values")).toArray();
        c.values.reserve(values.size());
        for (const QJsonValue &v : values) {
            double d = 0.0;
            if (!parseHexFloat(v.toString(), d)) {
                error =
                    QStringLiteral("case %1: the value \"%2\" is not a float.hex() string").arg(c.name, v.toString());
                return false;
            }
            c.values.append(d);
        }
        number("sum", c.sum);
        number("mean", c.mean);
        number("std", c.std);
        number("naive_sum", c.naiveSum);
        number("unblocked_sum", c.unblockedSum);
        c.hasMaxAbsZ = !object.value(QLatin1String("max_abs_z")).isNull();
        if (c.hasMaxAbsZ)
            number("max_abs_z", c.maxAbsZ);
        c.flaggedK3 = indices("flagged_k3");
        c.flaggedK2 = indices("flagged_k2");
        c.naiveFlaggedK3 = indices("naive_flagged_k3");
        c.naiveFlaggedK2 = indices("naive_flagged_k2");
        c.unblockedFlaggedK3 = indices("unblocked_flagged_k3");
        c.unblockedFlaggedK2 = indices("unblocked_flagged_k2");
        c.expectNaiveDiffers = object.value(QLatin1String("expect_naive_differs")).toBool();
        c.expectUnblockedDiffers = object.value(QLatin1String("expect_unblocked_differs")).toBool();
        c.expectNaiveFlagsDiffer = object.value(QLatin1String("expect_naive_flags_differ")).toBool();
        c.expectUnblockedFlagsDiffer = object.value(QLatin1String("expect_unblocked_flags_differ")).toBool();
        if (!ok)
            return false;
        if (c.values.size() != object.value(QLatin1String("n")).toInt(-1) || c.values.isEmpty()) {
            error = QStringLiteral("case %1: \"n\" does not match the number of values").arg(c.name);
            return false;
        }
        m_cases.append(c);
    }
    if (m_cases.isEmpty()) {
        error = QStringLiteral("%1 has no cases").arg(path);
        return false;
    }
    return true;
}

void TestNumpyMath::initTestCase()
{
    const QString sourceDir = qEnvironmentVariable("FO_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QFAIL("FO_SOURCE_DIR is not set. Run this test through ctest, or set FO_SOURCE_DIR to the repository root "
              "(the folder that holds tests/data/numpy_reference.json).");
    QString error;
    const QString path = sourceDir + QStringLiteral("/tests/data/numpy_reference.json");
    if (!loadReference(path, error))
        QFAIL(qPrintable(QStringLiteral("Cannot use the numpy reference data: %1. Regenerate it with "
                                        "/usr/bin/python3 tests/data/make_numpy_reference.py")
                             .arg(error)));
}

void TestNumpyMath::addCaseRows()
{
    QTest::addColumn<const ReferenceCase *>("reference");
    for (const ReferenceCase &c : std::as_const(m_cases))
        QTest::newRow(qPrintable(c.name)) << &c;
}

void TestNumpyMath::emptySumIsPositiveZero()
{
    // np.sum(np.array([], dtype=np.float64)) is 0.0.
    const double sum = fo::numpySum(nullptr, 0);
    QVERIFY2(sameBits(sum, 0.0), hexText(sum).constData());
}

void TestNumpyMath::numpySum_data()
{
    addCaseRows();
}

void TestNumpyMath::numpySum()
{
    QFETCH(const ReferenceCase *, reference);
    const double sum = fo::numpySum(reference->values.constData(), std::size_t(reference->values.size()));
    const QByteArray message = "numpySum gave " + hexText(sum) + ", np.sum gives " + hexText(reference->sum);
    QVERIFY2(sameBits(sum, reference->sum), message.constData());
}

void TestNumpyMath::meanAndStd_data()
{
    addCaseRows();
}

void TestNumpyMath::meanAndStd()
{
    QFETCH(const ReferenceCase *, reference);
    const fo::ZScoreStats stats =
        fo::meanAndStd(reference->values.constData(), std::size_t(reference->values.size()), m_scratch);
    const QByteArray meanMessage = "mean " + hexText(stats.mean) + ", np.mean gives " + hexText(reference->mean);
    QVERIFY2(sameBits(stats.mean, reference->mean), meanMessage.constData());
    const QByteArray stdMessage = "std " + hexText(stats.std) + ", np.std gives " + hexText(reference->std);
    QVERIFY2(sameBits(stats.std, reference->std), stdMessage.constData());
}

void TestNumpyMath::zScores_data()
{
    addCaseRows();
}

void TestNumpyMath::zScores()
{
    // With numpy's own mean and std, the largest |z| must be numpy's to the bit (numpy's (x - mean) / std).
    QFETCH(const ReferenceCase *, reference);
    const fo::ZScoreStats stats {reference->mean, reference->std};
    if (!reference->hasMaxAbsZ) {
        // std == 0, or every z is nan (the sum overflowed): nothing is an outlier, whatever k.
        for (double v : reference->values) {
            QVERIFY(!fo::isOutlier(v, stats, 0.0));
            if (stats.std == 0.0) // no spread, no z: NaN, never a division by zero
                QVERIFY(std::isnan(fo::zScore(v, stats)));
        }
        return;
    }
    double maxAbsZ = -1.0;
    for (double v : reference->values) {
        const double z = std::fabs(fo::zScore(v, stats));
        if (!std::isnan(z) && z > maxAbsZ)
            maxAbsZ = z;
    }
    const QByteArray message = "max |z| " + hexText(maxAbsZ) + ", numpy gives " + hexText(reference->maxAbsZ);
    QVERIFY2(sameBits(maxAbsZ, reference->maxAbsZ), message.constData());
}

void TestNumpyMath::outliers_data()
{
    QTest::addColumn<const ReferenceCase *>("reference");
    QTest::addColumn<double>("k");
    for (const ReferenceCase &c : std::as_const(m_cases)) {
        QTest::addRow("%s k=3", qPrintable(c.name)) << &c << 3.0;
        QTest::addRow("%s k=2", qPrintable(c.name)) << &c << 2.0;
    }
}

void TestNumpyMath::outliers()
{
    QFETCH(const ReferenceCase *, reference);
    QFETCH(double, k);
    const QList<int> &expected = k == 3.0 ? reference->flaggedK3 : reference->flaggedK2;

    // The whole rule as the pipeline runs it: our mean and std, then isOutlier.
    const fo::ZScoreStats ours =
        fo::meanAndStd(reference->values.constData(), std::size_t(reference->values.size()), m_scratch);
    const QList<int> got = flagged(reference->values, ours, k);
    const QByteArray message = "flagged " + describe(got) + ", numpy flags " + describe(expected);
    QVERIFY2(got == expected, message.constData());

    // isOutlier alone, given numpy's own mean and std.
    const fo::ZScoreStats numpyStats {reference->mean, reference->std};
    const QList<int> gotFromNumpyStats = flagged(reference->values, numpyStats, k);
    const QByteArray message2 =
        "with numpy's mean and std, isOutlier flags " + describe(gotFromNumpyStats) + ", numpy " + describe(expected);
    QVERIFY2(gotFromNumpyStats == expected, message2.constData());
}

void TestNumpyMath::otherSummationsDiffer_data()
{
    addCaseRows();
}

void TestNumpyMath::otherSummationsDiffer()
{
    // The alternatives computed here must be the ones the script computed (so the comparison means something) ...
    QFETCH(const ReferenceCase *, reference);
    const QList<double> &values = reference->values;
    const double naive = naiveSum(values);
    const double unblocked = unblockedSum(values);
    const QByteArray naiveMessage = "naive sum " + hexText(naive) + ", the script's " + hexText(reference->naiveSum);
    QVERIFY2(sameBits(naive, reference->naiveSum), naiveMessage.constData());
    const QByteArray unblockedMessage =
        "unblocked sum " + hexText(unblocked) + ", the script's " + hexText(reference->unblockedSum);
    QVERIFY2(sameBits(unblocked, reference->unblockedSum), unblockedMessage.constData());

    const fo::ZScoreStats naiveStats = statsWith(values, naiveSum);
    const fo::ZScoreStats unblockedStats = statsWith(values, unblockedSum);
    QCOMPARE(flagged(values, naiveStats, 3.0), reference->naiveFlaggedK3);
    QCOMPARE(flagged(values, naiveStats, 2.0), reference->naiveFlaggedK2);
    QCOMPARE(flagged(values, unblockedStats, 3.0), reference->unblockedFlaggedK3);
    QCOMPARE(flagged(values, unblockedStats, 2.0), reference->unblockedFlaggedK2);

    // ... and where the script promised a difference, numpy's answer really is another one.
    if (reference->expectNaiveDiffers)
        QVERIFY2(!sameBits(naive, reference->sum), "a naive running sum should differ from np.sum here");
    if (reference->expectUnblockedDiffers)
        QVERIFY2(!sameBits(unblocked, reference->sum), "an unblocked pairwise sum should differ from np.sum here");
    if (reference->expectNaiveFlagsDiffer) {
        QVERIFY2(reference->naiveFlaggedK3 != reference->flaggedK3 || reference->naiveFlaggedK2 != reference->flaggedK2,
                 "a naive running sum should flag other records here");
    }
    if (reference->expectUnblockedFlagsDiffer) {
        QVERIFY2(reference->unblockedFlaggedK3 != reference->flaggedK3
                     || reference->unblockedFlaggedK2 != reference->flaggedK2,
                 "an unblocked pairwise sum should flag other records here");
    }
}

void TestNumpyMath::referenceCoversWhatItMust()
{
    // A regenerated reference must still hold the sizes and the cases that make the tests above mean something.
    QSet<qsizetype> sizes;
    int naiveDiffers = 0;
    int unblockedDiffersAbove8192 = 0;
    int naiveFlagsDiffer = 0;
    int unblockedFlagsDiffer = 0;
    QSet<QString> names;
    for (const ReferenceCase &c : std::as_const(m_cases)) {
        sizes.insert(c.values.size());
        names.insert(c.name);
        if (!sameBits(c.naiveSum, c.sum))
            ++naiveDiffers;
        if (c.values.size() > 8192 && !sameBits(c.unblockedSum, c.sum))
            ++unblockedDiffersAbove8192;
        if (c.naiveFlaggedK3 != c.flaggedK3 || c.naiveFlaggedK2 != c.flaggedK2)
            ++naiveFlagsDiffer;
        if (c.unblockedFlaggedK3 != c.flaggedK3 || c.unblockedFlaggedK2 != c.flaggedK2)
            ++unblockedFlagsDiffer;
    }
    for (qsizetype n : {1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 1000, 8191, 8192, 8193, 16384 + 5, 50000})
        QVERIFY2(sizes.contains(n), QByteArray("no case of size " + QByteArray::number(n)).constData());
    for (const char *name : {"tie_k3_n10", "tie_k2_n5", "constant_0.1_n1000", "constant_7_n5"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    QVERIFY(naiveDiffers > 0);
    QVERIFY(unblockedDiffersAbove8192 > 0);
    QVERIFY(naiveFlagsDiffer > 0);
    QVERIFY(unblockedFlagsDiffer > 0);
    qInfo("%d cases; the naive sum differs from numpy's in %d, the unblocked pairwise sum (n > 8192) in %d; "
          "the flagged set differs in %d and %d",
          int(m_cases.size()), naiveDiffers, unblockedDiffersAbove8192, naiveFlagsDiffer, unblockedFlagsDiffer);

    // The ties of docs/platform.md 2: numpy's |z| is exactly k, and z == k is not an outlier.
    for (const ReferenceCase &c : std::as_const(m_cases)) {
        if (c.name == QLatin1String("tie_k3_n10")) {
            QVERIFY(sameBits(c.maxAbsZ, 3.0));
            QVERIFY(c.flaggedK3.isEmpty());
        } else if (c.name == QLatin1String("tie_k2_n5")) {
            QVERIFY(sameBits(c.maxAbsZ, 2.0));
            QVERIFY(c.flaggedK2.isEmpty());
        } else if (c.name == QLatin1String("constant_0.1_n1000")) {
            QVERIFY(c.std != 0.0);
            QVERIFY(sameBits(c.maxAbsZ, 1.0));
        } else if (c.name == QLatin1String("constant_7_n5")) {
            QVERIFY(sameBits(c.std, 0.0));
        }
    }
}

QTEST_GUILESS_MAIN(TestNumpyMath)
#include "tst_numpymath.moc"
