#include "core/StoredText.h"

#include "core/Database.h"
#include "core/PlatformTables.h"
#include "core/RecordReader.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace fo {

namespace {

bool parseDecimal(QStringView text, double *value)
{
    text = text.trimmed();
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!(c.isDigit() && c.unicode() < 128) && c != QLatin1Char('.'))
            return false;
    }
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && std::isfinite(*value);
}

} // namespace

bool parseValuePair(const QString &text, double *first, double *second)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0 || text.indexOf(QLatin1Char('/'), slash + 1) >= 0)
        return false;
    return parseDecimal(QStringView(text).left(slash), first) && parseDecimal(QStringView(text).mid(slash + 1), second);
}

Result<StoredText> loadStoredText(Database &db, const QString &email, Source source, const TypeKey &type,
                                  int sampleCount)
{
    const QString table = recordTable(source);
    QSqlQuery query(db.db());
    query.setForwardOnly(true);
    const bool prepared =
        query.prepare(QStringLiteral("SELECT value, %1 FROM %2 WHERE email = ? AND %3 ORDER BY id")
                          .arg(epochMsExpression(db, QStringLiteral("time")), table, dataTypeCondition(type)));
    query.addBindValue(email);
    bindDataType(query, type);
    const QString what = QStringLiteral("Reading the stored values of %1 of %2").arg(displayDataType(type), email);
    if (!prepared || !query.exec())
        return Error {sqlErrorText(what, query.lastError())};
    StoredText text;
    while (query.next()) {
        ++text.rows;
        const QString value = query.value(0).toString();
        if (text.samples.size() < sampleCount && !text.samples.contains(value))
            text.samples.append(value);
        double first = 0.0, second = 0.0;
        if (parseValuePair(value, &first, &second)) {
            text.pairTimesMs.append(query.value(1).toLongLong());
            text.firstValues.append(first);
            text.secondValues.append(second);
        }
    }
    if (query.lastError().isValid())
        return Error {sqlErrorText(what, query.lastError())};
    return text;
}

} // namespace fo
