#pragma once

#include "core/RunReport.h"
#include "ui/chart/ChartData.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QString>

#include <array>

namespace fo::ui {

// What a saved chart image says about itself: whose data, which type, which iteration and which time range.
class ChartCaption
{
    Q_DECLARE_TR_FUNCTIONS(fo::ui::ChartCaption)

public:
    // "demo@example.com · Heart rate, bpm (raw records) · iteration 4 · 2026-06-01 00:00 – 2026-08-30 00:00 UTC".
    // `ranges` as OutlierChartView::viewRanges() gives them.
    static QString text(const RunReport &report, const ChartData &data, const std::array<double, 4> &ranges);
    // "demo@example.com-HeartRateRecord-iteration-4.png" (characters a file name cannot hold replaced; "no-type" for
    // the NULL type).
    static QString defaultPngName(const RunReport &report, const TypeKey &type);
    // The image with the caption above it.
    static QPixmap captioned(const QPixmap &chart, const QString &caption);
};

} // namespace fo::ui
