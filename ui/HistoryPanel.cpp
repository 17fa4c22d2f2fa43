#include "HistoryPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fo::ui {

namespace {
constexpr int IterationRole = Qt::UserRole + 1;
}

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_view(new QTableView(this)),
      m_model(new QStandardItemModel(this)),
      m_open(new QPushButton(tr("Open and compare"), this)),
      m_refresh(new QPushButton(tr("Refresh"), this))
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
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
    m_title->setText(tr("Enter a user's email to see their stored iterations."));
}

void HistoryPanel::setMessage(const QString &message)
{
    m_title->setText(message);
}

void HistoryPanel::setIterations(const QString &email, const QVector<IterationInfo> &iterations)
{
    m_email = email;
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Iteration"), tr("Time (UTC)"), tr("Raw"), tr("Processed"), tr("Started by")});
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
        QString who = info.operatorEmail;
        if (!info.hasRunRecord)
            who = tr("old job");
        else if (who.isEmpty())
            who = tr("scheduled (headless)");
        row << new QStandardItem(who);
        m_model->appendRow(row);
    }
    m_view->resizeColumnsToContents();
    m_title->setText(iterations.isEmpty()
                         ? tr("No stored iterations for %1 yet.").arg(email)
                         : tr("%n stored iteration(s) for %1. Double-click one to compare it with the one before.",
                              nullptr, int(iterations.size()))
                               .arg(email));
    m_open->setEnabled(!iterations.isEmpty());
    if (!iterations.isEmpty())
        m_view->selectRow(0);
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
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return;
    Q_EMIT openRequested(iterationAt(rows.first().row()));
}

} // namespace fo::ui
