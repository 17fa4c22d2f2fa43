#pragma once

#include "core/RunReport.h"
#include "ui/chart/SeriesSketch.h"
#include "ui/settings/ConfigSource.h"

#include <QHash>
#include <QMap>
#include <QScrollArea>
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
// A run's report carries its series; a stored iteration's are read from the database here, one type after the other
// on the query thread, and reduced to sketches (SeriesSketch): the grid keeps no series. seriesLoaded() hands each
// loaded series on, so that the detail view need not read it again.
class OverviewGrid : public QScrollArea
{
    Q_OBJECT

public:
    OverviewGrid(BackgroundTasks *tasks, ConfigSource config, QWidget *parent = nullptr);

    void setReport(const RunReport &report);
    // A series read elsewhere (the detail view) for a type that still waits for its own.
    void offerSeries(Source source, const TypeKey &type, const Series &series);
    void clear();

    QVector<TypeCard *> cards() const { return m_cards; }
    TypeCard *card(Source source, const TypeKey &type) const;
    int columnCount() const { return m_columns; }
    // Whether every numeric type has its sketch (or failed to load).
    bool isComplete() const { return m_pending.isEmpty() && m_queue.isEmpty(); }
    // The sketch at print resolution for the PDF report (empty when not loaded).
    SeriesSketch printSketch(Source source, const TypeKey &type) const;

    // The cards in overview order, as (source, data type).
    static QVector<QPair<Source, TypeKey>> overviewOrder(const RunReport &report);

Q_SIGNALS:
    void typeActivated(fo::Source source, const fo::TypeKey &type);
    void seriesLoaded(fo::Source source, const fo::TypeKey &type, const fo::Series &series);
    // Every sketch is there.
    void completed();

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
    QVector<Queued> m_queue; // series at hand, sketched one per pass of the event loop
    quint64 m_generation = 0;
    int m_columns = 0;
};

} // namespace fo::ui
