#include "core/DemoSeeder.h"

#include "core/Database.h"
#include "core/PlatformTables.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <cstdint>

namespace fo::demo {
namespace {

// A small deterministic generator (splitmix64), so the demo data is identical whatever the standard library.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) { }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double normal(double mean, double sd)
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }

private:
    std::uint64_t m_state;
};

struct TypeSpec
{
    const char *dataType;
    bool processed;
    int stepMinutes; // one value every so often
    double mean;
    double sd;
    double spike; // value of an occasional spike
    int decimals;
};

const TypeSpec Specs[] = {
    {"HeartRateRecord", false, 60, 72.0, 8.0, 175.0, 0},
    {"BloodOxygenData", false, 180, 97.2, 0.9, 86.0, 1},
    {"BodyTemperatureRecord", false, 720, 36.6, 0.2, 38.9, 1},
    {"WeightRecord", false, 1440, 74.5, 0.6, 81.0, 1},
    {"StepsRecord", true, 1440, 8200.0, 1900.0, 31000.0, 0},
    {"DistanceRecord", true, 1440, 6100.0, 1400.0, 24000.0, 0},
    {"SleepSessionTimeData", true, 1440, 430.0, 45.0, 90.0, 0},
    {"ActiveMinutesRecord", true, 1440, 48.0, 14.0, 230.0, 0},
    {"TotalCaloriesBurnedRecord", true, 1440, 2350.0, 180.0, 4200.0, 0},
    {"SpeedRecord", true, 1440, 1.35, 0.12, 3.1, 2},
};

constexpr int Days = 90;
constexpr qint64 DemoLockKey = 0x666f5f64656d6f00LL; // "fo_demo"

} // namespace

Result<qint64> seed(Database &db)
{
    const QString email = QString::fromLatin1(Email);
    QSqlDatabase &sql = db.db();
    // Several `--demo` at once seed the user once: the check and the inserts are one transaction that holds the
    // database's write lock from its start (SQLite: BEGIN IMMEDIATE, which waits for the busy timeout) or a
    // transaction-scoped advisory lock (PostgreSQL); the others wait, then find the user seeded.
    {
        QSqlQuery begin(sql);
        const bool begun = db.isPostgres() ? begin.exec(QStringLiteral("BEGIN"))
                && begin.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(DemoLockKey))
                                           : begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun) {
            const QSqlError error = begin.lastError();
            sql.rollback();
            return Error {sqlErrorText(QStringLiteral("Starting the demo transaction"), error)};
        }
    }
    QSqlQuery query(sql);
    query.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM raw_records WHERE email = ?) + "
                                 "(SELECT COUNT(*) FROM processed_records WHERE email = ?)"));
    query.addBindValue(email);
    query.addBindValue(email);
    if (!query.exec() || !query.next()) {
        const QSqlError error = query.lastError();
        sql.rollback();
        return Error {sqlErrorText(QStringLiteral("Checking for the demo user"), error)};
    }
    if (query.value(0).toLongLong() > 0) {
        query.finish();
        sql.rollback();
        return qint64(0);
    }
    query.finish();
    const QDateTime start(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    qint64 inserted = 0;
    Random random(20260601);
    for (const TypeSpec &spec : Specs) {
        const QString table = recordTable(spec.processed ? Source::Processed : Source::Raw);
        const QString ts = db.isPostgres() ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
        QSqlQuery insert(sql);
        if (!insert.prepare(
                QStringLiteral("INSERT INTO %1 (data_type, email, time, value) VALUES (?, ?, %2, ?)").arg(table, ts))) {
            sql.rollback();
            return Error {sqlErrorText(QStringLiteral("Preparing the demo insert"), insert.lastError())};
        }
        const int count = Days * 1440 / spec.stepMinutes;
        for (int i = 0; i < count; ++i) {
            const QDateTime time = start.addSecs(qint64(i) * spec.stepMinutes * 60);
            QString value;
            const double roll = random.uniform();
            if (roll < 0.004) {
                static const char *const junk[] = {"", "n/a", "--", "PT1H10M"};
                value = QString::fromLatin1(junk[random.next() % 4]);
            } else {
                double x =
                    roll < 0.012 ? spec.spike * (0.95 + 0.1 * random.uniform()) : random.normal(spec.mean, spec.sd);
                if (spec.processed && x < 0)
                    x = 0;
                value = QString::number(x, 'f', spec.decimals);
            }
            insert.bindValue(0, QString::fromLatin1(spec.dataType));
            insert.bindValue(1, email);
            insert.bindValue(2, time.toString(Qt::ISODate));
            insert.bindValue(3, value);
            if (!insert.exec()) {
                sql.rollback();
                return Error {sqlErrorText(QStringLiteral("Inserting the demo records"), insert.lastError())};
            }
            ++inserted;
        }
    }
    // Blood pressure is text in the platform ("120/80"): never numeric, always counted and skipped.
    {
        QSqlQuery insert(sql);
        const QString ts = db.isPostgres() ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
        insert.prepare(
            QStringLiteral("INSERT INTO raw_records (data_type, email, time, value) VALUES (?, ?, %1, ?)").arg(ts));
        for (int day = 0; day < Days; day += 3) {
            insert.bindValue(0, QStringLiteral("BloodPressureRecord"));
            insert.bindValue(1, email);
            insert.bindValue(2, start.addDays(day).addSecs(8 * 3600).toString(Qt::ISODate));
            insert.bindValue(
                3, QStringLiteral("%1/%2").arg(112 + int(random.next() % 18)).arg(72 + int(random.next() % 12)));
            if (!insert.exec()) {
                sql.rollback();
                return Error {sqlErrorText(QStringLiteral("Inserting the demo records"), insert.lastError())};
            }
            ++inserted;
        }
    }
    if (!sql.commit())
        return Error {sqlErrorText(QStringLiteral("Saving the demo records"), sql.lastError())};
    return inserted;
}

} // namespace fo::demo
