#include "core/RecordReader.h"

#include "core/Database.h"
#include "core/PgCopyReader.h"
#include "core/PlatformTables.h"
#include "core/ValueParser.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcReader, "fo.core.reader")

namespace fo {
namespace {

constexpr qint64 ProgressEvery = 16384;

// Parses a QString value without allocating for ordinary (short, ASCII) values.
std::optional<double> parseQStringValue(const QString &text)
{
    char buffer[64];
    const qsizetype n = text.size();
    if (n < qsizetype(sizeof buffer)) {
        const QChar *chars = text.constData();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = chars[i].unicode();
            if (c == 0 || c > 0x7f)
                return std::nullopt; // only ASCII text can be a number we accept
            buffer[i] = static_cast<char>(c);
        }
        return parseValue(std::string_view(buffer, std::size_t(n)));
    }
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains('\0'))
        return std::nullopt;
    return parseValue(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

// PostgreSQL's type OIDs (pg_type.dat), fixed since forever: what the record tables' columns may be.
enum PgType : qint64 {
    NameOid = 19,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    TextOid = 25,
    Float4Oid = 700,
    Float8Oid = 701,
    BpcharOid = 1042,
    VarcharOid = 1043,
    TimestampOid = 1114,
    TimestampTzOid = 1184,
    NumericOid = 1700,
};

bool isTextType(qint64 oid)
{
    return oid == TextOid || oid == VarcharOid || oid == BpcharOid || oid == NameOid;
}

bool isIntegerType(qint64 oid)
{
    return oid == Int2Oid || oid == Int4Oid || oid == Int8Oid;
}

bool isNumberType(qint64 oid)
{
    return isIntegerType(oid) || oid == Float4Oid || oid == Float8Oid || oid == NumericOid;
}

struct ColumnType
{
    qint64 oid = 0; // of the base type, for a domain
    QString typeName; // as PostgreSQL writes it, for messages
};

// The types of a table's columns by name, for the table that the unqualified name finds (the same search_path as
// the statements that use it); empty when there is no such table. A domain is judged by its base type, which is
// what the server sends for it. One catalog query.
Result<QHash<QString, ColumnType>> describeColumns(Database &db, const QString &table, const QString &what)
{
    QSqlQuery query(db.db());
    const bool prepared = query.prepare(QStringLiteral(
        "SELECT a.attname, CAST(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS bigint), "
        "format_type(a.atttypid, a.atttypmod), "
        "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END "
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    query.addBindValue(table);
    if (!prepared || !query.exec())
        return Error {sqlErrorText(QStringLiteral("%1 (learning its column types)").arg(what), query.lastError())};
    QHash<QString, ColumnType> columns;
    while (query.next()) {
        ColumnType column {query.value(1).toLongLong(), query.value(2).toString()};
        if (!query.value(3).isNull())
            column.typeName += QStringLiteral(" (a domain over %1)").arg(query.value(3).toString());
        columns.insert(query.value(0).toString(), column);
    }
    return columns;
}

// The largest value an integer column of this type holds.
qint64 integerMaximum(qint64 oid)
{
    if (oid == Int2Oid)
        return std::numeric_limits<qint16>::max();
    if (oid == Int4Oid)
        return std::numeric_limits<qint32>::max();
    return std::numeric_limits<qint64>::max();
}

// A real run writes record ids into the outlier table: its record-id column must hold them. Only when it is
// narrower than the records' id column (integer against bigint) is the table's highest id looked up (the primary
// key's index: one cheap lookup), and only when that does not fit, the email's. A column that is missing or not an
// integer is left to the write to report.
QString qualifiedOutlierIdColumn(Source source)
{
    return outlierTable(source) + QLatin1Char('.') + outlierIdColumn(source);
}

// The largest id the outlier table's record-id column holds (the maximum of qint64 when it is missing or not an
// integer: left to the write to report), and its type's name.
Result<QPair<qint64, QString>> outlierIdLimit(Database &db, Source source)
{
    const QString column = qualifiedOutlierIdColumn(source);
    const Result<QHash<QString, ColumnType>> described =
        describeColumns(db, column.section(QLatin1Char('.'), 0, 0), QStringLiteral("Checking %1").arg(column));
    if (!described)
        return Error {described.error()};
    const ColumnType type = described.value().value(column.section(QLatin1Char('.'), 1));
    if (!isIntegerType(type.oid))
        return qMakePair(std::numeric_limits<qint64>::max(), type.typeName);
    return qMakePair(integerMaximum(type.oid), type.typeName);
}

Status checkOutlierIdColumn(Database &db, Source source, const RecordColumns &records, qint64 limit,
                            const QString &typeName, const QString &email)
{
    const QString column = qualifiedOutlierIdColumn(source);
    const QString what = QStringLiteral("Checking %1").arg(column);
    if (limit >= records.idLimit)
        return {};
    qint64 highest = 0;
    for (const bool ofEmail : {false, true}) {
        QSqlQuery query(db.db());
        const bool prepared =
            query.prepare(QStringLiteral("SELECT MAX(id) FROM %1%2")
                              .arg(records.table, ofEmail ? QStringLiteral(" WHERE email = ?") : QString()));
        if (ofEmail)
            query.addBindValue(email);
        if (!prepared || !query.exec() || !query.next())
            return Error {sqlErrorText(what, query.lastError())};
        highest = query.value(0).toLongLong();
        if (highest <= limit)
            return {};
    }
    return Error {QStringLiteral("Storing the outliers would fail: the records of %1 in %2 have ids up to %3, but %4 "
                                 "is %5 and holds at most %6. Change %4 to bigint, as %2.id is, or run with --dry-run")
                      .arg(email, records.table, QString::number(highest), column, typeName,
                           QString::number(limit))}; // one pass: an email may hold a '%'
}

} // namespace

bool copyReadAllowed()
{
    static const bool allowed =
        qEnvironmentVariable("FO_READ_METHOD").compare(QLatin1String("qtsql"), Qt::CaseInsensitive) != 0;
    return allowed;
}

QString epochMsExpression(const Database &db, const QString &column)
{
    if (db.isPostgres())
        return QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) * 1000 AS BIGINT)").arg(column);
    return QStringLiteral("CAST(ROUND((julianday(%1) - 2440587.5) * 86400000.0) AS INTEGER)").arg(column);
}

Result<RecordColumns> recordColumns(Database &db, Source source)
{
    RecordColumns columns;
    columns.table = recordTable(source);
    if (!db.isPostgres())
        return columns; // SQLite: a column has no fixed type; a number stored in it reads back as its shortest text
    const QString what = QStringLiteral("Reading %1").arg(columns.table);
    const Result<QHash<QString, ColumnType>> described = describeColumns(db, columns.table, what);
    if (!described)
        return Error {described.error()};
    const QHash<QString, ColumnType> &found = described.value();
    if (found.isEmpty())
        return Error {QStringLiteral("%1 failed: the database has no table %2 that this user can see. Check DB_NAME "
                                     "(it must be the platform's database) and the user's privileges")
                          .arg(what, columns.table)};
    for (const char *name : {"id", "data_type", "email", "time", "value"}) {
        if (!found.contains(QLatin1String(name)))
            return Error {QStringLiteral("%1 failed: the table has no column %2. find-outliers needs the platform's "
                                         "columns id, data_type, email, time and value (docs/platform.md 1)")
                              .arg(what, QLatin1String(name))};
    }

    const auto refuse = [&](const QString &column, const QString &wanted) {
        return Error {QStringLiteral("%1 failed: its column %2 has the type %3, which find-outliers cannot read. %4. "
                                     "Change the column's type, or point DB_NAME at a database whose %5 has the "
                                     "platform's types (docs/platform.md 1)")
                          .arg(what, column, found.value(column).typeName, wanted, columns.table)};
    };
    columns.idLimit = integerMaximum(found.value(QStringLiteral("id")).oid);
    if (!isIntegerType(found.value(QStringLiteral("id")).oid))
        return refuse(QStringLiteral("id"),
                      QStringLiteral("A record id must be smallint, integer or bigint (the platform's is integer, "
                                     "from serial)"));
    if (const qint64 oid = found.value(QStringLiteral("time")).oid; oid != TimestampTzOid && oid != TimestampOid)
        return refuse(QStringLiteral("time"),
                      QStringLiteral("A record time must be timestamp with time zone (the platform's) or timestamp "
                                     "without time zone (read as UTC)"));
    const qint64 valueOid = found.value(QStringLiteral("value")).oid;
    if (isNumberType(valueOid))
        columns.value = QStringLiteral("CAST(value AS text)"); // PostgreSQL's shortest text that gives the number back
    else if (!isTextType(valueOid))
        return refuse(QStringLiteral("value"),
                      QStringLiteral("A value must be text (text, varchar, char, name; the platform's is text) or a "
                                     "number (smallint, integer, bigint, real, double precision, numeric)"));
    if (!isTextType(found.value(QStringLiteral("data_type")).oid))
        columns.dataType = QStringLiteral("CAST(data_type AS text)"); // an enum, say: grouped by its label
    return columns;
}

Status checkRecordTables(Database &db, const QString &email, bool forWriting)
{
    std::optional<RecordTables> known;
    return checkRecordTables(db, email, forWriting, known);
}

Status checkRecordTables(Database &db, const QString &email, bool forWriting, std::optional<RecordTables> &known)
{
    if (!known) {
        RecordTables tables;
        for (const Source source : {Source::Raw, Source::Processed}) {
            const Result<RecordColumns> columns = recordColumns(db, source);
            if (!columns)
                return Error {columns.error()};
            (source == Source::Raw ? tables.raw : tables.processed) = columns.value();
        }
        known = tables;
    }
    if (forWriting && db.isPostgres() && !known->outliersDescribed) {
        for (const Source source : {Source::Raw, Source::Processed}) {
            const Result<QPair<qint64, QString>> limit = outlierIdLimit(db, source);
            if (!limit)
                return Error {limit.error()};
            (source == Source::Raw ? known->rawOutlierIdLimit : known->processedOutlierIdLimit) = limit.value().first;
            (source == Source::Raw ? known->rawOutlierIdType : known->processedOutlierIdType) = limit.value().second;
        }
        known->outliersDescribed = true;
    }
    if (forWriting && db.isPostgres()) {
        for (const Source source : {Source::Raw, Source::Processed}) {
            const bool raw = source == Source::Raw;
            const Status fits = checkOutlierIdColumn(
                db, source, known->columns(source), raw ? known->rawOutlierIdLimit : known->processedOutlierIdLimit,
                raw ? known->rawOutlierIdType : known->processedOutlierIdType, email);
            if (!fits)
                return fits;
        }
    }
    return {};
}

Result<ReadOutcome> readRecords(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types)
{
    const Result<RecordColumns> columns =
        request.columns ? Result<RecordColumns>(*request.columns) : recordColumns(db, request.source);
    if (!columns)
        return Error {columns.error()};
    if (db.isPostgres() && copyReadAllowed()) {
        PgCopyReader copyReader(db);
        if (copyReader.isAvailable())
            return copyReader.read(request, columns.value(), types);
        qCInfo(lcReader) << "the bulk read (COPY) cannot use this PostgreSQL connection; reading with QtSql (slower)";
    }
    return readRecordsWithQtSql(db, request, columns.value(), types);
}

Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types)
{
    const Result<RecordColumns> columns = recordColumns(db, request.source);
    if (!columns)
        return Error {columns.error()};
    return readRecordsWithQtSql(db, request, columns.value(), types);
}

Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, const RecordColumns &columns,
                                         std::vector<TypeAccumulator> &types)
{
    const QString &table = columns.table;
    QString sql = QStringLiteral("SELECT id, %1, %2").arg(columns.dataType, columns.value);
    if (request.withTimes)
        sql += QStringLiteral(", ") + epochMsExpression(db, QStringLiteral("time"));
    sql += QStringLiteral(" FROM %1 WHERE email = ? ORDER BY id").arg(table);

    QSqlQuery query(db.db());
    query.setForwardOnly(true); // streams rows instead of buffering the whole result
    if (!query.prepare(sql))
        return Error {sqlErrorText(QStringLiteral("Preparing the read of %1").arg(table), query.lastError())};
    query.addBindValue(request.email);
    if (!query.exec())
        return Error {sqlErrorText(QStringLiteral("Reading %1").arg(table), query.lastError())};

    QHash<QString, std::size_t> indexByType;
    QString lastType;
    std::size_t lastIndex = 0;
    qint64 rows = 0;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        // A NULL type is a group of its own (the old job keyed a dict by data_type, None included); its key is a NUL
        // character, which PostgreSQL text never holds.
        const QVariant typeValue = query.value(1);
        const bool typeIsNull = typeValue.isNull();
        const QString type = typeIsNull ? QString(QChar(u'\0')) : typeValue.toString();
        std::size_t index;
        if (!types.empty() && type == lastType) {
            index = lastIndex;
        } else {
            const auto it = indexByType.constFind(type);
            if (it != indexByType.cend()) {
                index = it.value();
            } else {
                index = types.size();
                types.push_back(TypeAccumulator {typeIsNull ? QString() : type, 0, {}, {}, {}, typeIsNull});
                indexByType.insert(type, index);
            }
            lastType = type;
            lastIndex = index;
        }
        TypeAccumulator &acc = types[index];
        ++acc.rows;
        if (const std::optional<double> value = parseQStringValue(query.value(2).toString())) {
            acc.values.push_back(*value);
            acc.ids.push_back(id);
            if (request.withTimes)
                acc.timesMs.push_back(query.value(3).toLongLong());
        }
        if (++rows % ProgressEvery == 0) {
            if (request.progress)
                request.progress(rows);
            if (request.cancelled && request.cancelled())
                return ReadOutcome::Cancelled;
        }
    }
    if (query.lastError().isValid())
        return Error {sqlErrorText(QStringLiteral("Reading %1").arg(table), query.lastError())};
    if (request.progress)
        request.progress(rows);
    return ReadOutcome::Done;
}

} // namespace fo
