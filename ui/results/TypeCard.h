#pragma once

#include "core/RunReport.h"
#include "ui/chart/SeriesSketch.h"

#include <QWidget>

namespace fo::ui {

// One data type in the overview: its plain name and unit, rows / skipped / outliers, a badge (needs attention, all
// good, or not analysed when no value is a number) and a small chart of the whole series with the outliers marked.
// Painted by hand (no chart objects), so fifty of them stay light. Click, Enter or Space opens the detail view.
class TypeCard : public QWidget
{
    Q_OBJECT

public:
    enum class Badge { NeedsAttention, AllGood, NotAnalysed };

    TypeCard(Source source, const TypeReport &type, QWidget *parent = nullptr);

    Source source() const { return m_source; }
    QString dataType() const { return m_type.dataType; } // as stored; empty for the NULL type too
    TypeKey type() const { return m_type.key(); }
    Badge badge() const;
    QString badgeText() const;
    QString titleText() const;
    // What a screen reader reads, and the tooltip: name, unit, table, counts and badge.
    QString summaryText() const;
    // "2,160 rows · 8 skipped · 20 outliers", each count with its plural form.
    QString countsText(const QString &separator) const;
    // Where the title is drawn (wrapped onto as many lines as it needs, up to three), in which font and with which
    // QPainter::drawText flags: for tests.
    QRectF titleRect() const;
    QFont titleFont() const;
    int titleFlags() const;

    // The series' sketch once loaded; until then the card says it is loading. From a sample of about one value in
    // `sampleEvery` of the type's `rows`, the card says so ("1 in 32" in the chart's corner; in full in the tooltip and
    // to a screen reader).
    void setSketch(const SeriesSketch &sketch, qint64 sampleEvery = 1, qint64 rows = 0);
    bool isSampled() const { return m_sampleEvery > 1; }
    // "Drawn from 7,812 of 250,000 values (1 in 32); open the type for all of them", or empty.
    QString sampleText() const;
    void setLoadError(const QString &error);
    bool hasSketch() const { return m_hasSketch; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void activated(fo::Source source, const fo::TypeKey &type);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout
    {
        QRectF frame, title, subtitle, badge, chart, counts;
        QFont bold, small;
        int titleFlags = 0;
    };
    Layout layout() const;

    Source m_source;
    TypeReport m_type; // without its series
    SeriesSketch m_sketch;
    bool m_hasSketch = false;
    qint64 m_sampleEvery = 1;
    qint64 m_sampleRows = 0;
    bool m_hover = false;
    QString m_error;
};

} // namespace fo::ui
