#pragma once

#include "core/RunReport.h"
#include "core/StoredText.h"
#include "ui/chart/SeriesSketch.h"

#include <QWidget>

class QLabel;

namespace fo::ui {

// The detail view of a data type with no numeric value: it says why there is no chart (the z-score rule reads
// numbers only), shows a few values as stored, and draws values written "S/D" (blood pressure, "120/80") as two
// series, systolic and diastolic, labelled as not analysed by the platform's rule.
class NotAnalysedView : public QWidget
{
    Q_OBJECT

public:
    explicit NotAnalysedView(QWidget *parent = nullptr);

    void showLoading(Source source, const TypeReport &type);
    void showText(const StoredText &text);
    void showError(const QString &error);

    QString messageText() const;
    QStringList samples() const { return m_text.samples; }
    bool hasPairs() const { return !m_text.pairTimesMs.isEmpty(); }
    QString chartCaption() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_samples;
    Source m_source = Source::Raw;
    TypeReport m_type;
    StoredText m_text;
    SeriesSketch m_first;
    SeriesSketch m_second;
    int m_chartTop = 0;
};

} // namespace fo::ui
