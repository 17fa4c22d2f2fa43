#include "ui/results/OverviewGrid.h"

#include "core/DataUnits.h"
#include "ui/results/TypeCard.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"
#include "ui/text/TypeNames.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

namespace fo::ui {

OverviewGrid::OverviewGrid(BackgroundTasks *tasks, ConfigSource config, QWidget *parent)
    : QScrollArea(parent), m_tasks(tasks), m_config(std::move(config)), m_content(new QWidget(this)),
      m_grid(new QGridLayout(m_content)), m_empty(new QLabel(m_content)),
      m_spacer(new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding))
{
    setObjectName(QStringLiteral("overviewGrid"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_grid->setContentsMargins(8, 8, 8, 8);
    m_grid->setSpacing(10);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("Run for a user, or open a stored iteration in History, to see every data type here."));
    m_empty->setWordWrap(true);
    m_grid->addWidget(m_empty, 0, 0);
    m_grid->addItem(m_spacer, 1, 0);
    setWidget(m_content);

    connect(m_tasks->queryWorker(), &QueryWorker::exactSketchesLoaded, this,
            [this](const QVector<TypeSketches> &sketches, const QString &error, quint64 ticket) {
                if (ticket != m_exactTicket)
                    return;
                m_exactTicket = 0;
                if (!error.isEmpty()) {
                    Q_EMIT exactSketchesFailed(tr("Cannot read every value for the report: %1").arg(error));
                    return;
                }
                for (const TypeSketches &made : sketches) {
                    if (TypeCard *typeCard = card(made.source, made.type)) {
                        typeCard->setSketch(made.card);
                        m_printSketches.insert({made.source, made.type}, made.print);
                        m_sampled.remove({made.source, made.type});
                    }
                }
                if (isComplete())
                    Q_EMIT completed();
            });
    connect(m_tasks->queryWorker(), &QueryWorker::seriesLoaded, this,
            [this](Source source, const TypeKey &type, const Series &series, const QString &error, quint64 ticket) {
                TypeCard *card = m_pending.value(ticket);
                if (!card)
                    return;
                m_pending.remove(ticket);
                if (!error.isEmpty())
                    card->setLoadError(tr("Cannot load the values: %1").arg(error));
                else {
                    acceptSeries(source, type, series);
                    Q_EMIT seriesLoaded(source, type, series);
                }
                if (m_pending.isEmpty() && m_queue.isEmpty())
                    Q_EMIT completed();
            });
}

QVector<QPair<Source, TypeKey>> OverviewGrid::overviewOrder(const RunReport &report)
{
    const QString language = typeLanguage();
    QVector<QPair<QString, QPair<Source, TypeKey>>> keyed;
    for (const TableReport *table : {&report.raw, &report.processed}) {
        for (const TypeReport &type : table->types)
            keyed.append({overviewSortKey(table->source, type.dataType, language), {table->source, type.key()}});
    }
    // The NULL type and "" have the same sort key: the NULL type first, as in the reports.
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.second < b.second.second;
    });
    QVector<QPair<Source, TypeKey>> order;
    for (const auto &k : keyed)
        order.append(k.second);
    return order;
}

void OverviewGrid::clear()
{
    ++m_generation;
    m_queue.clear();
    m_pending.clear();
    m_printSketches.clear();
    m_sampled.clear();
    m_exactTicket = 0;
    for (TypeCard *card : std::as_const(m_cards)) {
        m_grid->removeWidget(card);
        delete card;
    }
    m_cards.clear();
    m_columns = 0;
    m_empty->show();
}

void OverviewGrid::setReport(const RunReport &report, const QVector<TypeSketches> &sketches)
{
    clear();
    m_report = report;
    for (TableReport *table : {&m_report.raw, &m_report.processed}) {
        for (TypeReport &type : table->types)
            type.series = Series();
    }
    m_empty->setVisible(report.raw.types.isEmpty() && report.processed.types.isEmpty());
    if (m_empty->isVisible())
        m_empty->setText(tr("This report has no data types."));

    for (const auto &[source, key] : overviewOrder(report)) {
        const TableReport &table = report.table(source);
        const auto type =
            std::find_if(table.types.cbegin(), table.types.cend(), [&](const TypeReport &t) { return t.key() == key; });
        auto *card = new TypeCard(source, *type, m_content);
        card->installEventFilter(this);
        connect(card, &TypeCard::activated, this, &OverviewGrid::typeActivated);
        m_cards.append(card);
        if (type->numericRows == 0)
            continue;
        const auto made = std::find_if(sketches.cbegin(), sketches.cend(),
                                       [&](const TypeSketches &t) { return t.source == source && t.type == key; });
        if (made != sketches.cend()) {
            card->setSketch(made->card, made->sampleEvery, made->rows);
            m_printSketches.insert({source, key}, made->print);
            if (made->sampleEvery > 1)
                m_sampled.insert({source, key}, true);
        } else if (!type->series.ids.isEmpty())
            m_queue.append({source, key, type->series});
        else
            m_pending.insert(m_tasks->loadSeries(m_config(), report.email, source, key), card);
    }
    relayout();
    sketchNext();
}

void OverviewGrid::sketchNext()
{
    // One type per pass of the event loop: a run over millions of rows brings every series at once, and sketching
    // them all in one go would stall the window.
    if (m_queue.isEmpty()) {
        if (m_pending.isEmpty())
            Q_EMIT completed();
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || m_queue.isEmpty())
            return;
        const Queued next = m_queue.takeFirst();
        acceptSeries(next.source, next.type, next.series);
        sketchNext();
    });
}

void OverviewGrid::loadExactSketches()
{
    QVector<TypeRef> types;
    for (TypeCard *card : std::as_const(m_cards)) {
        if (m_sampled.contains({card->source(), card->type()}))
            types.append(TypeRef::of(card->source(), card->type()));
    }
    if (types.isEmpty()) {
        if (isComplete())
            Q_EMIT completed();
        return;
    }
    if (m_exactTicket == 0)
        m_exactTicket = m_tasks->loadExactSketches(m_config(), m_report, types);
}

void OverviewGrid::offerSeries(Source source, const TypeKey &type, const Series &series)
{
    if (m_sampled.contains({source, type})) {
        // Every value of a type sketched from a sample: drawn again from all of them.
        acceptSeries(source, type, series);
        return;
    }
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it.value()->source() == source && it.value()->type() == type) {
            m_pending.erase(it);
            acceptSeries(source, type, series);
            if (m_pending.isEmpty() && m_queue.isEmpty())
                Q_EMIT completed();
            return;
        }
    }
}

void OverviewGrid::acceptSeries(Source source, const TypeKey &key, const Series &series)
{
    TypeCard *typeCard = card(source, key);
    if (!typeCard)
        return;
    const TableReport &table = m_report.table(source);
    const auto type =
        std::find_if(table.types.cbegin(), table.types.cend(), [&](const TypeReport &t) { return t.key() == key; });
    const QVector<OutlierPoint> outliers = type != table.types.cend() ? type->outliers : QVector<OutlierPoint>();
    typeCard->setSketch(SeriesSketch::make(series, outliers, CardColumns));
    m_printSketches.insert({source, key}, SeriesSketch::make(series, outliers, PrintColumns));
    m_sampled.remove({source, key});
}

SeriesSketch OverviewGrid::printSketch(Source source, const TypeKey &type) const
{
    return m_printSketches.value({source, type});
}

TypeCard *OverviewGrid::card(Source source, const TypeKey &type) const
{
    for (TypeCard *c : m_cards) {
        if (c->source() == source && c->type() == type)
            return c;
    }
    return nullptr;
}

void OverviewGrid::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

void OverviewGrid::relayout()
{
    if (m_cards.isEmpty())
        return;
    const int cardWidth = m_cards.first()->minimumSizeHint().width() + m_grid->spacing();
    const int available = viewport()->width() - m_grid->contentsMargins().left() - m_grid->contentsMargins().right();
    const int columns = std::clamp(available / std::max(1, cardWidth), 1, 6);
    if (columns == m_columns && m_grid->count() == m_cards.size() + 2)
        return;
    m_columns = columns;
    for (TypeCard *card : std::as_const(m_cards))
        m_grid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i) {
        m_grid->addWidget(m_cards[i], i / columns + 1, i % columns);
        m_cards[i]->show();
    }
    for (int c = 0; c < 6; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    // The cards keep their height at the top; the space left goes below the last row.
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    m_grid->removeItem(m_spacer);
    m_grid->addItem(m_spacer, int(m_cards.size() + columns - 1) / columns + 1, 0);
    m_grid->setRowStretch(int(m_cards.size() + columns - 1) / columns + 1, 1);
}

bool OverviewGrid::eventFilter(QObject *watched, QEvent *event)
{
    auto *card = qobject_cast<TypeCard *>(watched);
    if (card && event->type() == QEvent::ShortcutOverride) {
        // Home and End move between cards here, before a window shortcut (the chart's reset) takes them.
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Home || key == Qt::Key_End || key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            return true;
        }
    }
    if (card && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Left:
            moveFocus(card, -1);
            return true;
        case Qt::Key_Right:
            moveFocus(card, 1);
            return true;
        case Qt::Key_Up:
            moveFocus(card, -m_columns);
            return true;
        case Qt::Key_Down:
            moveFocus(card, m_columns);
            return true;
        case Qt::Key_Home:
            moveFocus(card, -int(m_cards.size()));
            return true;
        case Qt::Key_End:
            moveFocus(card, int(m_cards.size()));
            return true;
        default:
            break;
        }
    }
    if (card && event->type() == QEvent::FocusIn)
        ensureWidgetVisible(card, 0, 10);
    return QScrollArea::eventFilter(watched, event);
}

void OverviewGrid::moveFocus(TypeCard *from, int delta)
{
    const int index = int(m_cards.indexOf(from));
    if (index < 0)
        return;
    const int target = std::clamp(index + delta, 0, int(m_cards.size()) - 1);
    m_cards[target]->setFocus(Qt::TabFocusReason);
}

} // namespace fo::ui
