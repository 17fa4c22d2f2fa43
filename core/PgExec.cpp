#include "core/PgExec.h"

#include "core/Database.h"
#include "core/PgConnection.h"

#include <QLocale>

#include <cmath>
#include <libpq-fe.h>
#include <memory>
#include <vector>

namespace fo {
namespace {

struct PgResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

// A value's text for PostgreSQL, or nullopt for NULL.
std::optional<QByteArray> valueText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return std::nullopt;
    switch (value.typeId()) {
    case QMetaType::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            return std::nullopt;
        return QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::Bool:
        return QByteArray(value.toBool() ? "true" : "false");
    default:
        return value.toString().toUtf8();
    }
}

} // namespace

PgExec::PgExec(Database &db) : m_conn(libpqConnection(db)) { }

Result<QVector<QStringList>> PgExec::exec(const QString &what, const char *sql, const QVariantList &values)
{
    if (!m_conn)
        return Error {QStringLiteral("%1 failed: no PostgreSQL connection").arg(what)};
    std::vector<std::optional<QByteArray>> texts;
    texts.reserve(std::size_t(values.size()));
    std::vector<const char *> pointers;
    for (const QVariant &value : values)
        texts.push_back(valueText(value));
    for (const std::optional<QByteArray> &text : texts)
        pointers.push_back(text ? text->constData() : nullptr);
    const PgResult result(
        PQexecParams(m_conn, sql, int(pointers.size()), nullptr, pointers.data(), nullptr, nullptr, 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        // A lost connection: libpq's connection message has the server's last words ("terminating connection due
        // to administrator command") before its own ("server closed the connection unexpectedly"), as QPSQL shows.
        QString reason = result && PQstatus(m_conn) != CONNECTION_BAD
            ? QString::fromUtf8(PQresultErrorMessage(result.get())).simplified()
            : QString();
        if (reason.isEmpty())
            reason = QString::fromUtf8(PQerrorMessage(m_conn)).simplified();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        if (reason.isEmpty())
            reason = QStringLiteral("unknown database error");
        return Error {QStringLiteral("%1 failed: %2").arg(what, reason)};
    }
    QVector<QStringList> rows;
    const int count = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    rows.reserve(count);
    for (int row = 0; row < count; ++row) {
        QStringList fields;
        fields.reserve(columns);
        for (int column = 0; column < columns; ++column)
            fields << (PQgetisnull(result.get(), row, column)
                           ? QString()
                           : QString::fromUtf8(PQgetvalue(result.get(), row, column),
                                               PQgetlength(result.get(), row, column)));
        rows << fields;
    }
    return rows;
}

} // namespace fo
