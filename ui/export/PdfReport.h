#pragma once

#include "core/Result.h"
#include "core/RunReport.h"
#include "ui/chart/SeriesSketch.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace fo::ui {

// File → Export report…: one iteration of one user as a PDF made with Qt's own QPdfWriter and QPainter (no new
// dependency), in the window's language: who and when, the thresholds and one plain sentence on what an outlier is;
// the summary per data type; one chart per type with its outliers, drawn at print resolution from the series'
// sketch (SeriesSketch), not a screenshot; the list of outliers (time, value with unit, z, why); page numbers.
class PdfReport
{
    Q_DECLARE_TR_FUNCTIONS(fo::ui::PdfReport)

public:
    struct Input
    {
        RunReport report;
        QString madeBy; // the operator signed in, or empty
        QDateTime madeAt; // UTC
        // The sketch of a type's series (empty when it has no numeric value).
        std::function<SeriesSketch(Source, const TypeKey &)> sketch;
    };

    // Writes the PDF to `path`; returns the number of pages.
    static Result<int> write(const QString &path, const Input &input);
    // "demo@example.com-iteration-4-report.pdf" (characters a file name cannot hold replaced).
    static QString defaultFileName(const RunReport &report);
};

} // namespace fo::ui
