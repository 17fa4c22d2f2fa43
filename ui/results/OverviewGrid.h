#pragma once

#include "core/RunReport.h"
#include "ui/chart/SeriesSketch.h"
#include "ui/results/OpenedValues.h"
#include "ui/settings/ConfigSource.h"

#include <QHash>
#include <QMap>
#include <QScrollArea>
#include <QSet>
#include <QVector>

class QGridLayout;
class QLabel;
class QSpacerItem;

namespace fo::ui {

class BackgroundTasks;
class TypeCard;

// Every data type of the report shown, at a glance: a grid of cards (TypeCard), the web front end's eight series
// first in its order, then the rest by plain name (core/DataUnits.h). The grid has as many columns as fit. Arrow
// keys, Home and End move between cards; click or Enter opens the detail view of a type (typeActivated).
//
// A run's report carries its series. A stored iteration opened from History comes with its sketches, made on the
// query thread from one read of the user's records (QueryWorker::openIteration()): of a type with many values, from
// a sample of them, which its card says; the sketch is made again from every value once they are read (the detail
// view of the type, or loadExactSketches() for the PDF report). Otherwise the series are read here, one type after
// the other on the query thread, and reduced to sketches (SeriesSketch): the grid keeps no series. seriesLoaded()
// hands each loaded series on, so that the detail view need not read it again.
class OverviewGrid : public QScrollArea
{
    Q_OBJECT

public:
    static constexpr int CardColumns = 240; // sketch columns of a card
    static constexpr int PrintColumns = 900; // of a PDF chart (about 6 columns per millimetre across the page)

    OverviewGrid(BackgroundTasks *tasks, ConfigSource config, QWidget *parent = nullptr);

    // With `sketches` (made elsewhere, sampled or not), the types they cover are not read again.
    void setReport(const RunReport &report, const QVector<TypeSketches> &sketches = {});
    // A series read elsewhere (the detail view) for a type that still waits for its own.
    void offerSeries(Source source, const TypeKey &type, const Series &series);
    void clear();

    QVector<TypeCard *> cards() const { return m_cards; }
    TypeCard *card(Source source, const TypeKey &type) const;
    int columnCount() const { return m_columns; }
    // Whether every numeric type has its sketch (or failed to load).
    bool isComplete() const { return m_pending.isEmpty() && m_queue.isEmpty() && m_exactTicket == 0; }
    // Whether every sketch is drawn from all of its type's values (none from a sample).
    bool hasExactSketches() const { return m_sampled.isEmpty(); }
    // Reads every value of the types whose sketch is from a sample (one pass per table), and draws them again;
    // completed() follows, or exactSketchesFailed().
    void loadExactSketches();
    // The sketch at print resolution for the PDF report (empty when not loaded).
    SeriesSketch printSketch(Source source, const TypeKey &type) const;

    // The cards in overview order, as (source, data type).
    static QVector<QPair<Source, TypeKey>> overviewOrder(const RunReport &report);

Q_SIGNALS:
    void typeActivated(fo::Source source, const fo::TypeKey &type);
    void seriesLoaded(fo::Source source, const fo::TypeKey &type, const fo::Series &series);
    // Every sketch is there.
    void completed();
    void exactSketchesFailed(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();
    void acceptSeries(Source source, const TypeKey &type, const Series &series);
    void moveFocus(TypeCard *from, int delta);
    void sketchNext();

    struct Queued
    {
        Source source;
        TypeKey type;
        Series series;
    };

    BackgroundTasks *m_tasks;
    ConfigSource m_config;
    RunReport m_report; // without series
    QWidget *m_content;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QSpacerItem *m_spacer; // owned by m_grid
    QVector<TypeCard *> m_cards;
    QHash<quint64, TypeCard *> m_pending; // ticket -> card waiting for its series
    QMap<QPair<Source, TypeKey>, SeriesSketch> m_printSketches;
    // The cards whose sketch is from a sample (the value: always true; a NULL type and "" are two).
    QMap<QPair<Source, TypeKey>, bool> m_sampled;
    quint64 m_exactTicket = 0;
    QVector<Queued> m_queue; // series at hand, sketched one per pass of the event loop
    quint64 m_generation = 0;
    int m_columns = 0;
};

} // namespace fo::ui
