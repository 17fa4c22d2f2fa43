#include "ui/history/HistoryPanel.h"

#include "ui/text/NumberText.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace fo::ui {

namespace {
constexpr int IterationRole = Qt::UserRole + 1;
enum Column { IterationColumn, TimeColumn, RawColumn, ProcessedColumn, ThresholdsColumn, OperatorColumn };
} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_view(new QTableView(this)), m_model(new QStandardItemModel(this)),
      m_open(new QPushButton(tr("Open and compare"), this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_countsChart(new QChartView(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_title->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_open->setObjectName(QStringLiteral("openIterationButton"));
    m_open->setToolTip(tr("Show this iteration compared with the one before it"));
    m_open->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addStretch();
    buttons->addWidget(m_refresh);

    // Outliers per iteration at a glance: a jump after a change of thresholds shows as such.
    m_countsChart->setObjectName(QStringLiteral("historyCountsChart"));
    m_countsChart->setRenderHint(QPainter::Antialiasing);
    m_countsChart->setFixedHeight(170);
    auto *chart = m_countsChart->chart();
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("Outliers per iteration"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_countsChart);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &HistoryPanel::openSelected);
    connect(m_refresh, &QPushButton::clicked, this, &HistoryPanel::refreshRequested);
    connect(m_view, &QTableView::doubleClicked, this, &HistoryPanel::openSelected);
    clear();
}

void HistoryPanel::clear()
{
    m_email.clear();
    m_model->clear();
    m_open->setEnabled(false);
    updateCountsChart({});
    m_title->setText(tr("Enter a user's email to see their stored iterations."));
}

void HistoryPanel::setMessage(const QString &message)
{
    m_title->setText(message);
}

void HistoryPanel::setIterations(const QString &email, const QVector<IterationInfo> &iterations,
                                 const QHash<int, RunThresholds> &thresholds)
{
    m_email = email;
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Iteration"), tr("Time (UTC)"), tr("Raw"), tr("Processed"), tr("k raw / processed"), tr("Started by")});
    m_model->horizontalHeaderItem(ThresholdsColumn)
        ->setToolTip(
            tr("The thresholds the iteration was computed with: compare iterations with care when they differ"));
    const QLocale locale;
    for (const IterationInfo &info : iterations) {
        QList<QStandardItem *> row;
        auto *number = new QStandardItem(QStringLiteral("#%1").arg(info.iteration));
        number->setData(info.iteration, IterationRole);
        row << number;
        row << new QStandardItem(info.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        auto *raw = new QStandardItem(locale.toString(info.rawOutliers));
        raw->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *processed = new QStandardItem(locale.toString(info.processedOutliers));
        processed->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row << raw << processed;
        const auto stored = thresholds.constFind(info.iteration);
        QString k;
        if (stored != thresholds.constEnd())
            k = QStringLiteral("%1 / %2").arg(thresholdText(stored->raw), thresholdText(stored->processed));
        else if (!info.hasRunRecord)
            k = tr("%1 / %2 (old job)")
                    .arg(thresholdText(DefaultRawThreshold), thresholdText(DefaultProcessedThreshold));
        else
            k = QStringLiteral("—");
        row << new QStandardItem(k);
        QString who = info.operatorEmail;
        if (!info.hasRunRecord)
            who = tr("old job");
        else if (who.isEmpty())
            who = tr("scheduled (headless)");
        row << new QStandardItem(who);
        m_model->appendRow(row);
    }
    m_view->resizeColumnsToContents();
    updateCountsChart(iterations);
    m_title->setText(iterations.isEmpty()
                         ? tr("No stored iterations for %1 yet.").arg(email)
                         : tr("%n stored iteration(s) for %1. Double-click one to compare it with the one before.",
                              nullptr, int(iterations.size()))
                               .arg(email));
    m_open->setEnabled(!iterations.isEmpty());
    if (!iterations.isEmpty())
        m_view->selectRow(0);
}

void HistoryPanel::updateCountsChart(const QVector<IterationInfo> &iterations)
{
    QChart *chart = m_countsChart->chart();
    chart->removeAllSeries();
    // removeAxis() hands the axis back to the caller (QChart's documentation): without the delete, each refresh of the
    // history leaked the two axes (LeakSanitizer, scripts/sanitize.sh).
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_countsChart->setVisible(iterations.size() > 1);
    if (iterations.size() < 2)
        return;
    auto *raw = new QLineSeries;
    raw->setName(tr("Raw"));
    auto *processed = new QLineSeries;
    processed->setName(tr("Processed"));
    // Okabe–Ito blue and orange: told apart with any colour vision.
    raw->setPen(QPen(QColor(0x00, 0x72, 0xb2), 2));
    processed->setPen(QPen(QColor(0xe6, 0x9f, 0x00), 2, Qt::DashLine));
    qint64 most = 1;
    for (auto it = iterations.crbegin(); it != iterations.crend(); ++it) { // oldest first
        raw->append(it->iteration, double(it->rawOutliers));
        processed->append(it->iteration, double(it->processedOutliers));
        most = std::max({most, it->rawOutliers, it->processedOutliers});
    }
    for (QLineSeries *series : {raw, processed}) {
        series->setPointsVisible(true);
        chart->addSeries(series);
    }
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(iterations.constLast().iteration, iterations.constFirst().iteration);
    x->setTickCount(std::min<int>(int(iterations.size()), 6));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, double(most) * 1.15);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : {raw, processed}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

QString HistoryPanel::thresholdsTextAt(int row) const
{
    return m_model->index(row, ThresholdsColumn).data().toString();
}

QString HistoryPanel::operatorTextAt(int row) const
{
    return m_model->index(row, OperatorColumn).data().toString();
}

int HistoryPanel::previousIterationOf(int iteration) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (iterationAt(row) == iteration)
            return row + 1 < m_model->rowCount() ? iterationAt(row + 1) : 0; // newest first
    }
    return -1;
}

int HistoryPanel::iterationCount() const
{
    return m_model->rowCount();
}

int HistoryPanel::iterationAt(int row) const
{
    return m_model->index(row, 0).data(IterationRole).toInt();
}

void HistoryPanel::selectIteration(int iteration)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (iterationAt(row) == iteration) {
            m_view->selectRow(row);
            return;
        }
    }
}

void HistoryPanel::openSelected()
{
    const QModelIndexList rows =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return;
    Q_EMIT openRequested(iterationAt(rows.first().row()));
}

} // namespace fo::ui
