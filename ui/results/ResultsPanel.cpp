#include "ui/results/ResultsPanel.h"

#include "ui/chart/ChartDataBuilder.h"
#include "ui/chart/ChartPanel.h"
#include "ui/chart/ChartTime.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/NotAnalysedView.h"
#include "ui/results/OutlierRangeFilter.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/OverviewGrid.h"
#include "ui/results/TypeTableModel.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"
#include "ui/text/TypeNames.h"

#include <QCheckBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fo::ui {

namespace {

const TypeReport *findType(const RunReport &report, Source source, const TypeKey &key)
{
    for (const TypeReport &type : report.table(source).types) {
        if (type.key() == key)
            return &type;
    }
    return nullptr;
}

void setUpTable(QTableView *view)
{
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(24);
    view->setWordWrap(false);
}

} // namespace

ResultsPanel::ResultsPanel(BackgroundTasks *tasks, ConfigSource config, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_tasks(tasks), m_config(std::move(config))
{
    setObjectName(QStringLiteral("mainSplitter"));

    // Left: data types and history.
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_typeView = new QTableView(m_sideTabs);
    m_typeView->setObjectName(QStringLiteral("typeView"));
    m_typeModel = new TypeTableModel(this);
    m_typeProxy = new QSortFilterProxyModel(this);
    m_typeProxy->setSourceModel(m_typeModel);
    m_typeProxy->setSortRole(TypeTableModel::SortRole);
    m_typeView->setModel(m_typeProxy);
    setUpTable(m_typeView);
    m_typeView->sortByColumn(-1, Qt::AscendingOrder);
    m_typeView->horizontalHeader()->setSectionResizeMode(TypeTableModel::TypeColumn, QHeaderView::Stretch);
    m_sideTabs->addTab(m_typeView, tr("Data types"));
    m_history = new HistoryPanel(m_sideTabs);
    m_sideTabs->addTab(m_history, tr("History"));

    // Right: the overview of every type, and the detail of one: its chart (or why there is none) over its outliers.
    m_viewTabs = new QTabWidget(this);
    m_viewTabs->setObjectName(QStringLiteral("viewTabs"));
    m_overview = new OverviewGrid(m_tasks, m_config, m_viewTabs);
    m_viewTabs->addTab(m_overview, tr("Overview"));
    auto *right = new QSplitter(Qt::Vertical, m_viewTabs);
    m_detailStack = new QStackedWidget(right);
    auto *chartPanel = new ChartPanel(m_detailStack);
    m_chart = chartPanel->chartView();
    m_detailStack->addWidget(chartPanel);
    connect(chartPanel, &ChartPanel::timeZoneChanged, this, [this] {
        if (m_hasReport && m_selectedType)
            requestChart(m_selectedSource, *m_selectedType);
    });
    m_notAnalysed = new NotAnalysedView(m_detailStack);
    m_detailStack->addWidget(m_notAnalysed);
    right->addWidget(m_detailStack);
    right->addWidget(buildOutlierBox(right));
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    m_viewTabs->addTab(right, tr("Detail"));
    connect(m_overview, &OverviewGrid::typeActivated, this, [this](Source source, const TypeKey &type) {
        selectType(source, type);
        showDetail();
    });
    connect(m_overview, &OverviewGrid::seriesLoaded, this,
            [this](Source source, const TypeKey &type, const Series &series) {
                m_seriesCache.insert({source, type}, series);
            });

    addWidget(m_sideTabs);
    addWidget(m_viewTabs);
    setStretchFactor(0, 0);
    setStretchFactor(1, 1);
    setSizes({440, 840});

    connect(m_typeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPanel::onTypeSelectionChanged);
    connect(m_outlierView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPanel::onOutlierSelectionChanged);

    QueryWorker *query = m_tasks->queryWorker();
    connect(query, &QueryWorker::seriesLoaded, this,
            [this](Source source, const TypeKey &type, const Series &series, const QString &error, quint64 ticket) {
                if (ticket != m_seriesTicket)
                    return;
                if (!error.isEmpty()) {
                    m_chart->clearChart(tr("Cannot load the values of %1: %2").arg(typeName(type), error));
                    return;
                }
                m_seriesCache.insert({source, type}, series);
                m_overview->offerSeries(source, type, series);
                buildChartFor(source, type, series);
            });
    connect(query, &QueryWorker::storedTextLoaded, this,
            [this](Source, const TypeKey &, const StoredText &text, const QString &error, quint64 ticket) {
                if (ticket != m_textTicket)
                    return;
                if (error.isEmpty())
                    m_notAnalysed->showText(text);
                else
                    m_notAnalysed->showError(error);
                QTimer::singleShot(0, this, &ResultsPanel::chartUpdated);
            });
    connect(query, &QueryWorker::chartBuilt, this, [this](const ChartData &chartData, quint64 ticket) {
        if (ticket != m_chartTicket)
            return;
        m_chart->setChartData(chartData);
        if (m_pendingZoom && chartData.source == m_selectedSource && chartData.key() == m_selectedType) {
            m_chart->setViewRanges(*m_pendingZoom);
            m_pendingZoom.reset();
        }
        // The view fills its line in the next event-loop pass (no long stall in one go); announce after that.
        QTimer::singleShot(0, this, &ResultsPanel::chartUpdated);
    });
}

QWidget *ResultsPanel::buildOutlierBox(QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    m_outlierTitle = new QLabel(tr("Outliers"), box);
    QFont titleFont = m_outlierTitle->font();
    titleFont.setBold(true);
    m_outlierTitle->setFont(titleFont);
    m_followRange = new QCheckBox(tr("Only those in the chart's range"), box);
    m_followRange->setObjectName(QStringLiteral("followRangeCheck"));
    m_followRange->setToolTip(tr("List only the outliers in the time range the chart shows; it follows zoom and pan."));
    m_outlierView = new QTableView(box);
    m_outlierView->setObjectName(QStringLiteral("outlierView"));
    m_outlierModel = new OutlierTableModel(this);
    m_outlierProxy = new OutlierRangeFilter(this);
    m_outlierProxy->setSourceModel(m_outlierModel);
    m_outlierProxy->setSortRole(OutlierTableModel::SortRole);
    m_outlierView->setModel(m_outlierProxy);
    setUpTable(m_outlierView);
    m_outlierView->sortByColumn(OutlierTableModel::TimeColumn, Qt::AscendingOrder);
    m_outlierView->horizontalHeader()->setStretchLastSection(true);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_outlierTitle, 1);
    titleRow->addWidget(m_followRange);
    layout->addLayout(titleRow);
    layout->addWidget(m_outlierView);
    auto updateRange = [this] {
        const std::array<double, 4> shown = m_chart->viewRanges();
        m_outlierProxy->setRange(ChartTime::fromAxis(shown[0]), ChartTime::fromAxis(shown[1]));
    };
    connect(m_followRange, &QCheckBox::toggled, this, [this, updateRange](bool on) {
        updateRange();
        m_outlierProxy->setFollowing(on);
    });
    connect(m_chart->timeAxis(), &QDateTimeAxis::rangeChanged, this, updateRange);
    return box;
}

void ResultsPanel::fitTypeTable()
{
    // The width the table needs for whole type names and every count shown (longer in Russian than in English).
    QHeaderView *header = m_typeView->horizontalHeader();
    int needed = 2 * m_typeView->frameWidth() + m_typeView->verticalScrollBar()->sizeHint().width() + 4;
    for (int column = 0; column < TypeTableModel::ColumnCount; ++column) {
        if (!m_typeView->isColumnHidden(column))
            needed += std::max(header->sectionSizeHint(column),
                               static_cast<QAbstractItemView *>(m_typeView)->sizeHintForColumn(column));
    }
    // The tab's own margins around the table.
    needed += m_sideTabs->width() - m_typeView->width() > 0 ? m_sideTabs->width() - m_typeView->width() : 8;
    QList<int> shares = sizes();
    const int total = shares.value(0) + shares.value(1);
    if (shares.size() != 2 || total <= 0 || shares[0] >= needed)
        return;
    const int left = std::min(needed, total / 2); // the chart keeps at least half
    setSizes({left, total - left});
}

void ResultsPanel::showOverview()
{
    m_viewTabs->setCurrentWidget(m_overview);
}

void ResultsPanel::showDetail()
{
    m_viewTabs->setCurrentIndex(1);
}

bool ResultsPanel::hasChart() const
{
    return !m_chart->chartData().points.isEmpty() || !m_chart->chartData().markers.isEmpty();
}

void ResultsPanel::forgetSeries()
{
    m_seriesCache.clear();
}

void ResultsPanel::showReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                              const OpenedValues &values)
{
    // Another run or iteration of the same user keeps the type the operator looks at.
    const bool sameUser = m_hasReport && current.email == m_report.email;
    m_pendingZoom.reset();
    showReportSelecting(current, previous, diffs, m_selectedSource, sameUser ? m_selectedType : std::nullopt, values);
    showOverview();
}

std::optional<TypeRef> ResultsPanel::typeShownFirst(const RunReport &current, bool comparing,
                                                    const QVector<OutlierDiff> &diffs, Source keepSource,
                                                    const std::optional<TypeKey> &keepType)
{
    const QVector<TypeTableModel::Row> rows = TypeTableModel::rowsFor(current, diffs);
    if (keepType) {
        for (const TypeTableModel::Row &row : rows) {
            if (row.source == keepSource && row.key() == *keepType)
                return TypeRef::of(keepSource, *keepType);
        }
    }
    int bestRow = -1;
    qint64 bestScore = -1;
    for (int i = 0; i < rows.size(); ++i) {
        const qint64 score =
            comparing ? rows[i].added * 1000000 + rows[i].resolved * 1000 + rows[i].persisting : rows[i].outliers;
        if (score > bestScore) {
            bestScore = score;
            bestRow = i;
        }
    }
    if (bestRow < 0)
        return std::nullopt;
    return TypeRef::of(rows[bestRow].source, rows[bestRow].key());
}

void ResultsPanel::restoreReport(const RunReport &current, const RunReport *previous, const QVector<OutlierDiff> &diffs,
                                 Source source, const std::optional<TypeKey> &type,
                                 const std::optional<std::array<double, 4>> &zoom)
{
    m_pendingZoom = zoom;
    showReportSelecting(current, previous, diffs, source, type);
    showDetail();
}

void ResultsPanel::showReportSelecting(const RunReport &current, const RunReport *previous,
                                       const QVector<OutlierDiff> &diffs, Source keepSource,
                                       const std::optional<TypeKey> &keepType, const OpenedValues &values)
{
    // The values read for another user's charts are of no use any more.
    if (current.email != m_report.email)
        m_seriesCache.clear();
    if (values.hasChosenSeries && values.chosen)
        m_seriesCache.insert({values.chosen->source, values.chosen->key()}, values.chosenSeries);
    m_preparedChart.reset();
    if (values.hasChart)
        m_preparedChart = values.chart;
    m_report = current;
    m_comparing = previous != nullptr;
    m_previous = previous ? *previous : RunReport();
    m_diffs = diffs;
    m_hasReport = true;
    m_overview->setReport(m_report, values.sketches);
    m_typeModel->setReport(m_report, m_comparing, m_diffs);
    for (int column : {TypeTableModel::NewColumn, TypeTableModel::ResolvedColumn, TypeTableModel::PersistingColumn})
        m_typeView->setColumnHidden(column, !m_comparing);
    // A comparison is about what changed: new, resolved and persisting take the place of the rows and skipped counts
    // (still in each row's tooltip), so that they are seen beside the type names, without scrolling.
    for (int column : {TypeTableModel::RowsColumn, TypeTableModel::SkippedColumn})
        m_typeView->setColumnHidden(column, m_comparing);
    m_typeView->resizeColumnsToContents();
    m_typeView->horizontalHeader()->setSectionResizeMode(TypeTableModel::TypeColumn, QHeaderView::Stretch);
    fitTypeTable();
    m_outlierView->setColumnHidden(OutlierTableModel::StatusColumn, !m_comparing);
    // The data types, with what changed per type when comparing (the history list is one click away).
    m_sideTabs->setCurrentIndex(0);

    // Select the type with the most outliers (new ones first when comparing), so the chart shows something useful.
    const std::optional<TypeRef> first = typeShownFirst(m_report, m_comparing, m_diffs, keepSource, keepType);
    // Chosen here, not by the operator: the overview stays in front (showReport()).
    m_choosingType = true;
    if (first) {
        selectType(first->source, first->key());
    } else {
        m_selectedType.reset();
        m_outlierModel->setReport(m_report, m_comparing ? &m_previous : nullptr, false, Source::Raw, TypeKey());
        m_chart->clearChart(tr("No numeric values for this user"));
    }
    m_choosingType = false;
}

void ResultsPanel::selectType(Source source, const TypeKey &type)
{
    const int row = m_typeModel->rowOf(source, type);
    if (row < 0)
        return;
    const QModelIndex index = m_typeProxy->mapFromSource(m_typeModel->index(row, 0));
    if (m_typeView->selectionModel()->isRowSelected(index.row(), QModelIndex()) && m_selectedType == type
        && m_selectedSource == source) {
        // Already selected: refresh what depends on the report.
        onTypeSelectionChanged();
        return;
    }
    m_typeView->selectRow(index.row());
    m_typeView->scrollTo(index);
}

void ResultsPanel::onTypeSelectionChanged()
{
    const QModelIndexList rows = m_typeView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = m_typeProxy->mapToSource(rows.first());
    const TypeTableModel::Row &row = m_typeModel->rowsData()[index.row()];
    m_selectedSource = row.source;
    m_selectedType = row.key();
    // A type picked in the table (or a card) shows its detail.
    if (!m_choosingType)
        showDetail();
    m_outlierModel->setReport(m_report, m_comparing ? &m_previous : nullptr, true, row.source, row.key());
    m_outlierView->setColumnHidden(OutlierTableModel::SourceColumn, true);
    m_outlierView->setColumnHidden(OutlierTableModel::TypeColumn, true);
    m_outlierView->resizeColumnsToContents();
    const QString source = row.source == Source::Raw ? tr("raw") : tr("processed");
    m_outlierTitle->setText(
        tr("Outliers of %1 (%2): %n row(s)", nullptr, m_outlierModel->rowCount()).arg(typeName(row.key()), source));
    requestChart(row.source, row.key());
}

void ResultsPanel::requestChart(Source source, const TypeKey &key)
{
    const TypeReport *type = findType(m_report, source, key);
    m_textTicket = 0;
    if (type && type->rows > 0 && type->numericRows == 0) {
        // Nothing the rule can read: say so, with a few stored values, instead of an empty chart.
        m_chartTicket = 0;
        m_seriesTicket = 0;
        m_chart->clearChart(tr("%1: no numeric values").arg(typeName(key)));
        m_notAnalysed->showLoading(source, *type);
        m_detailStack->setCurrentWidget(m_notAnalysed);
        m_textTicket = m_tasks->loadStoredText(m_config(), m_report.email, source, key);
        return;
    }
    m_detailStack->setCurrentIndex(0);
    if (type && !type->series.ids.isEmpty()) {
        buildChartFor(source, key, type->series);
        return;
    }
    const auto cached = m_seriesCache.constFind({source, key});
    if (cached != m_seriesCache.constEnd()) {
        buildChartFor(source, key, *cached);
        return;
    }
    m_chart->clearChart(tr("Loading the values of %1…").arg(typeName(key)));
    m_chartTicket = 0;
    m_seriesTicket = m_tasks->loadSeries(m_config(), m_report.email, source, key);
}

ChartDataBuilder::Input ResultsPanel::chartInput(const RunReport &report, const RunReport *previousReport,
                                                 Source source, const TypeKey &key, const Series &series)
{
    ChartDataBuilder::Input input;
    input.source = source;
    input.dataType = key.dataType;
    input.dataTypeIsNull = key.isNull;
    input.series = series;
    input.comparing = previousReport != nullptr;
    const TypeReport *type = findType(report, source, key);
    const TypeReport *previous = previousReport ? findType(*previousReport, source, key) : nullptr;
    const TypeReport *stats = type && std::isfinite(type->std) ? type : previous;
    if (stats) {
        input.mean = stats->mean;
        input.std = stats->std;
        input.k = stats->k > 0 ? stats->k : report.table(source).k;
    } else {
        input.k = report.table(source).k;
    }
    if (type)
        input.outliers = type->outliers;
    if (previous)
        input.previousOutliers = previous->outliers;
    return input;
}

void ResultsPanel::buildChartFor(Source source, const TypeKey &key, const Series &series)
{
    if (m_preparedChart && m_preparedChart->source == source && m_preparedChart->key() == key) {
        // Built on the worker with the report: shown as an answer from the query thread would be.
        m_chartTicket = 0;
        m_chart->setChartData(*m_preparedChart);
        m_preparedChart.reset();
        QTimer::singleShot(0, this, &ResultsPanel::chartUpdated);
        return;
    }
    m_preparedChart.reset();
    m_chartTicket = m_tasks->buildChart(chartInput(m_report, m_comparing ? &m_previous : nullptr, source, key, series));
}

void ResultsPanel::onOutlierSelectionChanged()
{
    const QModelIndexList rows = m_outlierView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = rows.first();
    m_chart->centerOn(index.data(OutlierTableModel::TimeMsRole).toLongLong(),
                      index.data(OutlierTableModel::ValueRole).toDouble(),
                      index.data(OutlierTableModel::RecordIdRole).toLongLong());
}

} // namespace fo::ui
