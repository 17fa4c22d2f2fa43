#include "app/HeadlessOutput.h"

#include "app/CsvTarget.h"
#include "app/JsonLog.h"
#include "core/ReportWriters.h"
#include "core/TerminalText.h"

#include <QBuffer>
#include <QTextStream>

#include <cstdio>

namespace fo::headless {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void writeOut(const QByteArray &bytes)
{
    out().flush();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    if (jsonlog::enabled())
        jsonlog::write(QtCriticalMsg, "fo.app.headless", text);
    else
        err() << "find-outliers: error: " << escapeControlChars(text) << Qt::endl;
}

void printWarning(const QString &email, const QString &text)
{
    if (jsonlog::enabled())
        jsonlog::writeFor(QtWarningMsg, "fo.app.headless", email, 0, text);
    else if (email.isEmpty())
        err() << "find-outliers: warning: " << escapeControlChars(text) << Qt::endl;
    else
        err() << "find-outliers: warning: " << escapeControlChars(email) << ": " << escapeControlChars(text)
              << Qt::endl;
}

QByteArray csvOf(const QVector<RunReport> &reports, Status *status)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    buffer.write(csvHeader(false).join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (const RunReport &report : reports) {
        if (report.status != RunStatus::Completed && report.status != RunStatus::DryRun)
            continue; // a failed or cancelled email stored no outliers
        *status = writeCsvRows(report, buffer);
        if (!*status)
            break;
    }
    return buffer.data();
}

bool finishCsv(CsvTarget *target, const QVector<RunReport> &reports, bool dryRun)
{
    if (!target)
        return true;
    Status status;
    const QByteArray bytes = csvOf(reports, &status);
    if (status)
        status = target->write(bytes);
    if (status)
        return true;
    if (dryRun) {
        printError(status.error() + QStringLiteral(" This was a dry run: nothing was stored."));
        return false;
    }
    bool stored = false;
    for (const RunReport &report : reports)
        stored = stored || report.status == RunStatus::Completed;
    if (stored)
        err() << "find-outliers: warning: " << escapeControlChars(status.error())
              << " The run itself completed and is stored; running again for the file would store another iteration."
              << Qt::endl;
    else
        printError(status.error());
    return true;
}

} // namespace fo::headless
