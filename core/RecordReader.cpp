#include "RecordReader.h"

#include "Database.h"
#include "PgCopyReader.h"
#include "ValueParser.h"

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

// FO_READ_METHOD=qtsql turns the COPY read off (to compare both paths, or as an escape hatch for a proxy in front
// of PostgreSQL that does not pass COPY through).
bool copyReadAllowed()
{
    static const bool allowed =
        qEnvironmentVariable("FO_READ_METHOD").compare(QLatin1String("qtsql"), Qt::CaseInsensitive) != 0;
    return allowed;
}

} // namespace

QString epochMsExpression(const Database &db, const QString &column)
{
    if (db.isPostgres())
        return QStringLiteral("CAST(EXTRACT(EPOCH FROM %1) * 1000 AS BIGINT)").arg(column);
    return QStringLiteral("CAST(ROUND((julianday(%1) - 2440587.5) * 86400000.0) AS INTEGER)").arg(column);
}

Result<ReadOutcome> readRecords(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types)
{
    if (db.isPostgres() && copyReadAllowed()) {
        PgCopyReader copyReader(db);
        if (copyReader.isAvailable())
            return copyReader.read(request, types);
        qCInfo(lcReader) << "the bulk read (COPY) cannot use this PostgreSQL connection; reading with QtSql (slower)";
    }
    return readRecordsWithQtSql(db, request, types);
}

Result<ReadOutcome> readRecordsWithQtSql(Database &db, const ReadRequest &request, std::vector<TypeAccumulator> &types)
{
    const QString table = request.source == Source::Raw ? QStringLiteral("raw_records")
                                                        : QStringLiteral("processed_records");
    QString sql = QStringLiteral("SELECT id, data_type, value");
    if (request.withTimes)
        sql += QStringLiteral(", ") + epochMsExpression(db, QStringLiteral("time"));
    sql += QStringLiteral(" FROM %1 WHERE email = ? ORDER BY id").arg(table);

    QSqlQuery query(db.db());
    query.setForwardOnly(true); // streams rows instead of buffering the whole result
    if (!query.prepare(sql))
        return Error{sqlErrorText(QStringLiteral("Preparing the read of %1").arg(table), query.lastError())};
    query.addBindValue(request.email);
    if (!query.exec())
        return Error{sqlErrorText(QStringLiteral("Reading %1").arg(table), query.lastError())};

    QHash<QString, std::size_t> indexByType;
    QString lastType;
    std::size_t lastIndex = 0;
    qint64 rows = 0;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString type = query.value(1).toString();
        std::size_t index;
        if (!types.empty() && type == lastType) {
            index = lastIndex;
        } else {
            const auto it = indexByType.constFind(type);
            if (it != indexByType.cend()) {
                index = it.value();
            } else {
                index = types.size();
                types.push_back(TypeAccumulator{type, 0, {}, {}, {}});
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
        return Error{sqlErrorText(QStringLiteral("Reading %1").arg(table), query.lastError())};
    if (request.progress)
        request.progress(rows);
    return ReadOutcome::Done;
}

} // namespace fo
