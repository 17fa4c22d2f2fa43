#include "ui/chart/ChartCaption.h"

#include "core/DataUnits.h"
#include "ui/chart/ChartTime.h"
#include "ui/export/FileNames.h"
#include "ui/text/TypeNames.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace fo::ui {

QString ChartCaption::text(const RunReport &report, const ChartData &data, const std::array<double, 4> &ranges)
{
    const QString table = data.source == Source::Raw ? tr("raw records") : tr("processed records");
    const QString run = report.status == RunStatus::DryRun ? tr("dry run") : tr("iteration %1").arg(report.iteration);
    auto time = [](double axis) {
        return QDateTime::fromMSecsSinceEpoch(ChartTime::fromAxis(axis), Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    return tr("%1 · %2 (%3) · %4 · %5 – %6 UTC")
        .arg(report.email, typeNameWithUnit(data.key()), table, run, time(ranges[0]), time(ranges[1]));
}

QString ChartCaption::defaultPngName(const RunReport &report, const TypeKey &type)
{
    const QString run = report.status == RunStatus::DryRun ? QStringLiteral("dry-run")
                                                           : QStringLiteral("iteration-%1").arg(report.iteration);
    const QString name = type.isNull ? QStringLiteral("no-type") : fileNamePart(type.dataType);
    return QStringLiteral("%1-%2-%3.png").arg(fileNamePart(report.email), name, run);
}

QPixmap ChartCaption::captioned(const QPixmap &chart, const QString &caption)
{
    const qreal ratio = chart.devicePixelRatio();
    const QSize size = chart.deviceIndependentSize().toSize();
    QFont font = QGuiApplication::font();
    const QFontMetrics fm(font);
    const int captionHeight = fm.height() * 2;
    QPixmap out(QSize(size.width(), size.height() + captionHeight) * ratio);
    out.setDevicePixelRatio(ratio);
    out.fill(QGuiApplication::palette().color(QPalette::Base));
    QPainter p(&out);
    p.setFont(font);
    p.setPen(QGuiApplication::palette().color(QPalette::Text));
    p.drawText(QRect(fm.height() / 2, 0, size.width() - fm.height(), captionHeight), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(caption, Qt::ElideMiddle, size.width() - fm.height()));
    p.drawPixmap(QPoint(0, captionHeight), chart);
    p.end();
    return out;
}

} // namespace fo::ui
