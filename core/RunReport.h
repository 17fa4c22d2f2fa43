#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>

namespace fo {

enum class Source { Raw, Processed };
QString sourceName(Source source); // "raw" or "processed"
Source sourceFromName(const QString &name); // sourceName()'s inverse; anything but "raw" is Processed

// The platform's z-score thresholds when nothing else is said (docs/platform.md 2): k = 3 for raw records and k = 2
// for processed ones. The old job always used them.
inline constexpr double DefaultRawThreshold = 3.0;
inline constexpr double DefaultProcessedThreshold = 2.0;
inline constexpr double defaultThreshold(Source source)
{
    return source == Source::Raw ? DefaultRawThreshold : DefaultProcessedThreshold;
}

struct OutlierPoint
{
    qint64 recordId = 0;
    QDateTime time; // UTC
    double value = 0.0;
    double z = 0.0;
};

// Every numeric point of one data type, in id order; filled only when RunRequest::keepSeries is set (the desktop's
// charts). Times are milliseconds since the epoch, UTC.
struct Series
{
    QVector<qint64> ids;
    QVector<qint64> timesMs;
    QVector<double> values;
};

// How a data type is shown to a person (text, HTML, the desktop): as stored, or "(no type)" for a NULL one.
QString displayDataType(const QString &dataType, bool isNull);

// One data type as a key, where types are looked up (the stored iteration's groups, the desktop's selection, the
// values read for a chart): its stored text, or NULL, which is a group of its own apart from "" (docs/platform.md,
// section 1). Made from a text only on purpose (explicit), so that a NULL type is never taken for "" unseen.
struct TypeKey
{
    QString dataType; // as stored; empty when isNull
    bool isNull = false;

    TypeKey() = default;
    explicit TypeKey(QString stored) : dataType(std::move(stored)) { }
    static TypeKey null()
    {
        TypeKey key;
        key.isNull = true;
        return key;
    }

    friend bool operator==(const TypeKey &a, const TypeKey &b) = default;
    // NULL first, then by stored text: the order of a report's types (core/Pipeline.cpp).
    friend bool operator<(const TypeKey &a, const TypeKey &b)
    {
        return a.isNull != b.isNull ? a.isNull : a.dataType < b.dataType;
    }
};
QString displayDataType(const TypeKey &type);

struct TypeReport
{
    QString dataType; // as stored; empty when dataTypeIsNull
    qint64 rows = 0; // rows read, numeric or not
    qint64 numericRows = 0; // values that parsed as finite numbers
    qint64 skippedRows = 0; // rows - numericRows
    double mean = 0.0; // NaN when numericRows == 0
    double std = 0.0; // NaN when numericRows == 0
    double k = 0.0;
    QVector<OutlierPoint> outliers; // in id order
    Series series;
    bool dataTypeIsNull = false; // the platform's rows had no data_type (NULL): a group of its own, shown "(no type)"

    TypeKey key() const { return dataTypeIsNull ? TypeKey::null() : TypeKey(dataType); }
};

struct TableReport
{
    Source source = Source::Raw;
    double k = 0.0;
    qint64 rows = 0;
    qint64 outlierCount = 0;
    QVector<TypeReport> types; // sorted by data type name
};

enum class RunStatus { Completed, DryRun, Failed, Cancelled };
QString statusName(RunStatus status); // "completed", "dry-run", "failed", "cancelled"

// What one run found and did; both front ends show this.
struct RunReport
{
    QString runId; // UUID without braces
    QString email;
    QString operatorEmail; // empty when headless
    int iteration = 0;
    QDateTime startedAt; // UTC
    QDateTime finishedAt; // UTC; also the timestamp written on every outlier row
    RunStatus status = RunStatus::Failed;
    QString error; // set when Failed
    // Set when Failed for a connection-level reason (the server refused, lost or could not take the connection:
    // ConnectionFailure.h), which a later attempt may not meet; a batch retries those (docs/platform.md 1).
    bool transient = false;
    double rawThreshold = DefaultRawThreshold;
    double processedThreshold = DefaultProcessedThreshold;
    QString toolVersion;
    TableReport raw;
    TableReport processed;
    QStringList warnings;

    const TableReport &table(Source source) const { return source == Source::Raw ? raw : processed; }
    TableReport &table(Source source) { return source == Source::Raw ? raw : processed; }
};

} // namespace fo
