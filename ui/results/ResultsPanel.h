#pragma once

#include "core/History.h"
#include "core/RunReport.h"
#include "ui/chart/ChartDataBuilder.h"
#include "ui/results/OpenedValues.h"
#include "ui/settings/ConfigSource.h"

#include <QMap>
#include <QSplitter>

#include <array>
#include <optional>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace fo::ui {

class BackgroundTasks;
class HistoryPanel;
class NotAnalysedView;
class OverviewGrid;
class OutlierChartView;
class OutlierRangeFilter;
class OutlierTableModel;
class TypeTableModel;

// The report shown. On the left, its data types (raw and processed, with rows, skipped values and outliers) and, on
// another tab, the user's stored iterations. On the right, the chart of the selected type over the table of its
// outliers; selecting an outlier centres the chart on it. When two iterations are compared, the new, resolved and
// persisting outliers show in all three.
//
// Charts are built on the query thread. A stored iteration carries no values: they are read from the database when
// its type is first selected, and kept until another user's report is shown.
class ResultsPanel : public QSplitter
{
    Q_OBJECT

public:
    ResultsPanel(BackgroundTasks *tasks, ConfigSource config, QWidget *parent = nullptr);

    // `previous` (may be null) is the iteration compared with, and `diffs` what changed since it. The data type
    // selected stays selected when the new report is of the same user and has it; otherwise the type with the most
    // outliers (new ones first when comparing) is selected.
    // `values`: what opening a stored iteration read with it (sketches, the chosen type's values), not read again.
    void showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                    const OpenedValues &values = {});
    // The type showReport() selects: `keepType` of `keepSource` when the report has it (the same user's; a NULL
    // type and "" are two), otherwise the one with the most outliers (new ones first, then resolved, then persisting,
    // when comparing), the first in the table's order among equals; none for a report without types. Pure, so that the
    // query thread can ask it before the report is shown (QueryWorker::openIteration()).
    static std::optional<TypeRef> typeShownFirst(const RunReport &current, bool comparing,
                                                 const QVector<OutlierDiff> &diffs, Source keepSource,
                                                 const std::optional<TypeKey> &keepType);
    // What the chart of `type` is built from: its series, the band of the report's statistics (the previous
    // iteration's when the report has none), and the outliers of both when `previous` is given.
    static ChartDataBuilder::Input chartInput(const RunReport &report, const RunReport *previous, Source source,
                                              const TypeKey &type, const Series &series);
    // The same as showReport(), selecting `type` of `source` when given and, once its chart is built, showing `zoom`
    // when given (what a window rebuilt in another language carries over).
    void restoreReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                       Source source, const std::optional<TypeKey> &type,
                       const std::optional<std::array<double, 4>> &zoom);
    // The values read for charts are out of date (a run has just written new ones).
    void forgetSeries();
    void selectType(Source source, const TypeKey &type);

    bool hasReport() const { return m_hasReport; }
    const RunReport &report() const { return m_report; }
    bool isComparing() const { return m_comparing; }
    bool hasChart() const;
    // The type shown in the detail view (the NULL type and "" are two; none before a report with types).
    bool hasSelectedType() const { return m_selectedType.has_value(); }
    TypeKey selectedType() const { return m_selectedType.value_or(TypeKey()); }
    Source selectedSource() const { return m_selectedSource; }
    const RunReport &previousReport() const { return m_previous; }
    const QVector<OutlierDiff> &diffs() const { return m_diffs; }

    OutlierChartView *chartView() const { return m_chart; }
    TypeTableModel *typeModel() const { return m_typeModel; }
    OutlierTableModel *outlierModel() const { return m_outlierModel; }
    QTableView *typeView() const { return m_typeView; }
    QTableView *outlierView() const { return m_outlierView; }
    QCheckBox *followRangeCheck() const { return m_followRange; }
    HistoryPanel *historyPanel() const { return m_history; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    // The right side: the overview of every type (OverviewGrid) and the detail of one.
    QTabWidget *viewTabs() const { return m_viewTabs; }
    OverviewGrid *overview() const { return m_overview; }
    NotAnalysedView *notAnalysedView() const { return m_notAnalysed; }
    void showOverview();
    void showDetail();

Q_SIGNALS:
    // The chart shows new data (announced after the view has had an event-loop pass to fill its line).
    void chartUpdated();

private:
    QWidget *buildOutlierBox(QWidget *parent);
    // Widens the side panel (up to half the width) when the type table needs it.
    void fitTypeTable();
    void showReportSelecting(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                             Source keepSource, const std::optional<TypeKey> &keepType,
                             const OpenedValues &values = {});
    void onTypeSelectionChanged();
    void onOutlierSelectionChanged();
    void requestChart(Source source, const TypeKey &type);
    void buildChartFor(Source source, const TypeKey &type, const Series &series);

    BackgroundTasks *m_tasks;
    ConfigSource m_config;

    RunReport m_report;
    RunReport m_previous; // when comparing
    bool m_comparing = false;
    bool m_hasReport = false;
    QVector<OutlierDiff> m_diffs;
    QMap<QPair<Source, TypeKey>, Series> m_seriesCache; // of m_report.email
    Source m_selectedSource = Source::Raw;
    std::optional<TypeKey> m_selectedType;
    quint64 m_chartTicket = 0;
    quint64 m_seriesTicket = 0;
    std::optional<std::array<double, 4>> m_pendingZoom; // shown once the selected type's chart is built
    std::optional<ChartData> m_preparedChart; // built with the report (OpenedValues), shown instead of building it
    quint64 m_textTicket = 0;
    bool m_choosingType = false; // showReportSelecting() selects a type, not the operator

    QTabWidget *m_sideTabs = nullptr;
    QTableView *m_typeView = nullptr;
    TypeTableModel *m_typeModel = nullptr;
    QSortFilterProxyModel *m_typeProxy = nullptr;
    HistoryPanel *m_history = nullptr;
    OutlierChartView *m_chart = nullptr;
    QTabWidget *m_viewTabs = nullptr;
    OverviewGrid *m_overview = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    NotAnalysedView *m_notAnalysed = nullptr;
    QLabel *m_outlierTitle = nullptr;
    QTableView *m_outlierView = nullptr;
    OutlierTableModel *m_outlierModel = nullptr;
    OutlierRangeFilter *m_outlierProxy = nullptr;
    QCheckBox *m_followRange = nullptr;
};

} // namespace fo::ui
