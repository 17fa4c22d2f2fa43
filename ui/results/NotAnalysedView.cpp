#include "ui/results/NotAnalysedView.h"

#include "ui/text/TypeNames.h"

#include <QFontMetricsF>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>

namespace fo::ui {

namespace {

const QColor SystolicColor(0x1a, 0x73, 0xe8);
const QColor DiastolicColor(0x12, 0x9e, 0xaf);

Series pairSeries(const QVector<qint64> &times, const QVector<double> &values)
{
    Series s;
    s.timesMs = times;
    s.values = values;
    s.ids.resize(times.size());
    return s;
}

} // namespace

NotAnalysedView::NotAnalysedView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_message(new QLabel(this)), m_samples(new QLabel(this))
{
    setObjectName(QStringLiteral("notAnalysedView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_message->setObjectName(QStringLiteral("notAnalysedMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_samples->setObjectName(QStringLiteral("notAnalysedSamples"));
    m_samples->setWordWrap(true);
    m_samples->setTextFormat(Qt::PlainText);
    m_samples->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_samples);
    layout->addStretch(1);
}

void NotAnalysedView::showLoading(Source source, const TypeReport &type)
{
    m_source = source;
    m_type = type;
    m_type.series = Series();
    m_text = StoredText();
    m_first = SeriesSketch();
    m_second = SeriesSketch();
    const QString table = source == Source::Raw ? tr("raw records") : tr("processed records");
    m_title->setText(tr("%1 (%2): not analysed").arg(typeName(type.key()), table));
    m_message->setText(messageText());
    m_samples->setText(tr("Loading the stored values…"));
    update();
}

QString NotAnalysedView::messageText() const
{
    const QLocale locale;
    return tr("None of the %1 stored values of this type is a number, so the outlier rule (|z| > k over numbers) "
              "cannot read them and nothing here was checked for outliers. The values are kept as they are.")
        .arg(locale.toString(m_type.rows));
}

void NotAnalysedView::showText(const StoredText &text)
{
    m_text = text;
    QStringList quoted;
    const QLocale locale; // the window's language: “…” in English, «…» in Russian
    for (const QString &sample : text.samples)
        quoted << locale.quoteString(sample);
    m_samples->setText(text.samples.isEmpty()
                           ? tr("No stored value was found.")
                           : tr("A few of the stored values: %1").arg(quoted.join(QStringLiteral(", "))));
    if (!text.pairTimesMs.isEmpty()) {
        m_first = SeriesSketch::make(pairSeries(text.pairTimesMs, text.firstValues), {}, 600);
        m_second = SeriesSketch::make(pairSeries(text.pairTimesMs, text.secondValues), {}, 600);
    }
    update();
}

void NotAnalysedView::showError(const QString &error)
{
    m_samples->setText(tr("Cannot read the stored values: %1").arg(error));
}

QString NotAnalysedView::chartCaption() const
{
    return tr("Systolic and diastolic, read from values written “S/D”: shown for viewing only, not analysed by the "
              "outlier rule");
}

void NotAnalysedView::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    if (m_text.pairTimesMs.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const int line = fontMetrics().height();
    const int top = m_samples->geometry().bottom() + line;
    QRectF area(12, top, width() - 24, height() - top - 12);
    if (area.height() < line * 6)
        return;
    p.setPen(palette().color(QPalette::Text));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    // The caption wraps: on one line it ran off the window in Russian.
    const QFontMetricsF boldFm(bold);
    const qreal captionHeight =
        boldFm.boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::TextWordWrap, chartCaption()).height();
    p.drawText(QRectF(area.left(), area.top(), area.width(), captionHeight + 2), Qt::AlignLeft | Qt::TextWordWrap,
               chartCaption());
    area.setTop(area.top() + captionHeight - line);
    p.setFont(font());
    // Legend.
    qreal x = area.left();
    const qreal legendY = area.top() + line * 1.5;
    for (const auto &[color, label] :
         {std::pair {SystolicColor, tr("Systolic")}, std::pair {DiastolicColor, tr("Diastolic")}}) {
        p.fillRect(QRectF(x, legendY + line * 0.35, line * 0.9, line * 0.3), color);
        x += line * 1.2;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x, legendY + line * 0.8), label);
        x += fontMetrics().horizontalAdvance(label) + line;
    }
    const QRectF chart = area.adjusted(0, line * 2.8, 0, 0);
    SeriesSketch::Style style;
    style.axes = true;
    style.font = font();
    style.valueTitle = typeUnit(m_type.dataType);
    style.timeTitle = tr("Time (UTC)");
    style.line = SystolicColor;
    style.overlays.append({&m_second, DiastolicColor});
    m_first.paint(&p, chart, style);
}

} // namespace fo::ui
