#pragma once

#include "core/IterationOpener.h"
#include "ui/chart/ChartData.h"
#include "ui/chart/SeriesSketch.h"

#include <QVector>

#include <optional>

namespace fo::ui {

// One type's small charts for the overview, made on the query thread from what opening an iteration read: from all
// its values (sampleEvery 1), or from a sample of about one in sampleEvery.
struct TypeSketches
{
    Source source = Source::Raw;
    TypeKey type;
    SeriesSketch card; // OverviewGrid::CardColumns columns
    SeriesSketch print; // OverviewGrid::PrintColumns columns, for the PDF report
    qint64 sampleEvery = 1;
    qint64 rows = 0; // the type's numeric values, by the run's statistics
};

// What opening a stored iteration read besides the reports (QueryWorker::openIteration()): every numeric type's
// sketches, and the values of the type the window shows first with its chart, built on the worker as
// ResultsPanel::chartInput() says. Empty when the database could not give them in one read: the window then reads
// them per type.
struct OpenedValues
{
    QVector<TypeSketches> sketches;
    std::optional<TypeRef> chosen;
    bool hasChosenSeries = false;
    Series chosenSeries;
    bool hasChart = false;
    ChartData chart;
};

} // namespace fo::ui
