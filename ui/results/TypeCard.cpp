#include "ui/results/TypeCard.h"

#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace fo::ui {

namespace {

const QColor AttentionColor(0xc5, 0x22, 0x1f);
const QColor GoodColor(0x1e, 0x8e, 0x3e);
const QColor NeutralColor(0x5f, 0x63, 0x68);

} // namespace

TypeCard::TypeCard(Source source, const TypeReport &type, QWidget *parent) : QWidget(parent), m_source(source)
{
    m_type = type;
    m_type.series = Series();
    setObjectName(QStringLiteral("typeCard_%1_%2").arg(sourceName(source), type.dataType));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(titleText());
    setAccessibleDescription(summaryText());
    setToolTip(summaryText() + QStringLiteral("\n") + tr("Click or press Enter for the detailed chart."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

TypeCard::Badge TypeCard::badge() const
{
    if (m_type.numericRows == 0)
        return Badge::NotAnalysed;
    return m_type.outliers.isEmpty() ? Badge::AllGood : Badge::NeedsAttention;
}

QString TypeCard::badgeText() const
{
    switch (badge()) {
    case Badge::NeedsAttention:
        return tr("Needs attention");
    case Badge::AllGood:
        return tr("All good");
    case Badge::NotAnalysed:
        break;
    }
    return tr("Not analysed");
}

QString TypeCard::titleText() const
{
    return typeName(m_type.dataType);
}

QString TypeCard::summaryText() const
{
    const QLocale locale;
    const QString unit = typeUnit(m_type.dataType);
    const QString table = m_source == Source::Raw ? tr("raw records") : tr("processed records");
    QString text =
        unit.isEmpty() ? tr("%1, %2").arg(titleText(), table) : tr("%1 in %2, %3").arg(titleText(), unit, table);
    text += QStringLiteral("\n")
        + tr("%1 rows, %2 skipped, %3 outliers")
              .arg(locale.toString(m_type.rows), locale.toString(m_type.skippedRows),
                   locale.toString(qint64(m_type.outliers.size())));
    text += QStringLiteral("\n") + badgeText();
    if (badge() == Badge::NotAnalysed)
        text += QStringLiteral(": ") + tr("no value is a number the rule can read");
    if (m_type.dataType != titleText())
        text += QStringLiteral("\n") + tr("Stored as %1").arg(m_type.dataType);
    return text;
}

void TypeCard::setSketch(const SeriesSketch &sketch)
{
    m_sketch = sketch;
    m_hasSketch = true;
    m_error.clear();
    update();
}

void TypeCard::setLoadError(const QString &error)
{
    m_error = error;
    update();
}

QSize TypeCard::sizeHint() const
{
    const int line = fontMetrics().height();
    return QSize(line * 20, line * 12);
}

QSize TypeCard::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return QSize(line * 16, line * 12);
}

void TypeCard::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QRectF frame = QRectF(rect()).adjusted(2, 2, -2, -2);
    const bool focused = hasFocus();
    p.setPen(QPen(focused ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), focused ? 2.5 : 1));
    p.setBrush(m_hover ? palette().color(QPalette::AlternateBase) : palette().color(QPalette::Base));
    p.drawRoundedRect(frame, 6, 6);

    const int line = fontMetrics().height();
    const QRectF inner = frame.adjusted(line * 0.6, line * 0.4, -line * 0.6, -line * 0.4);

    // Badge, top right.
    QColor badgeColor = badge() == Badge::NeedsAttention ? AttentionColor
        : badge() == Badge::AllGood                      ? GoodColor
                                                         : NeutralColor;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetricsF smallFm(small);
    const QString badgeLabel = badgeText();
    const qreal badgeWidth = smallFm.horizontalAdvance(badgeLabel) + line * 0.9;
    const QRectF badgeRect(inner.right() - badgeWidth, inner.top(), badgeWidth, smallFm.height() + 4);
    p.setPen(Qt::NoPen);
    QColor badgeFill = badgeColor;
    badgeFill.setAlphaF(0.14);
    p.setBrush(badgeFill);
    p.drawRoundedRect(badgeRect, badgeRect.height() / 2, badgeRect.height() / 2);
    p.setFont(small);
    p.setPen(badgeColor);
    p.drawText(badgeRect, Qt::AlignCenter, badgeLabel);

    // Title and unit.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    const QRectF titleRect(inner.left(), inner.top(), inner.width() - badgeWidth - line * 0.4, line * 1.2);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(bold).elidedText(titleText(), Qt::ElideRight, titleRect.width()));
    p.setFont(small);
    p.setPen(NeutralColor);
    const QString unit = typeUnit(m_type.dataType);
    const QString table = m_source == Source::Raw ? tr("raw") : tr("processed");
    const QString subtitle = unit.isEmpty() ? table : QStringLiteral("%1 · %2").arg(unit, table);
    p.drawText(QRectF(inner.left(), inner.top() + line * 1.25, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               smallFm.elidedText(subtitle, Qt::ElideRight, inner.width()));

    // Counts.
    const QLocale locale;
    const QString counts = tr("%1 rows · %2 skipped · %3 outliers")
                               .arg(locale.toString(m_type.rows), locale.toString(m_type.skippedRows),
                                    locale.toString(qint64(m_type.outliers.size())));
    p.drawText(QRectF(inner.left(), inner.bottom() - line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               smallFm.elidedText(counts, Qt::ElideRight, inner.width()));

    // The chart, or why there is none.
    const QRectF chartRect(inner.left(), inner.top() + line * 2.5, inner.width(), inner.height() - line * 3.8);
    if (badge() == Badge::NotAnalysed) {
        p.setPen(NeutralColor);
        p.drawText(chartRect, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No value is a number the rule can read: not analysed."));
    } else if (!m_error.isEmpty()) {
        p.setPen(AttentionColor);
        p.drawText(chartRect, Qt::AlignCenter | Qt::TextWordWrap, m_error);
    } else if (!m_hasSketch) {
        p.setPen(NeutralColor);
        p.drawText(chartRect, Qt::AlignCenter, tr("Loading…"));
    } else {
        SeriesSketch::Style style;
        style.font = small;
        style.markerDiameter = 6;
        style.lineWidth = 1.0;
        m_sketch.paint(&p, chartRect, style);
    }
}

void TypeCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT activated(m_source, m_type.dataType);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TypeCard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT activated(m_source, m_type.dataType);
        return;
    }
    QWidget::keyPressEvent(event);
}

void TypeCard::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void TypeCard::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void TypeCard::enterEvent(QEnterEvent *event)
{
    m_hover = true;
    update();
    QWidget::enterEvent(event);
}

void TypeCard::leaveEvent(QEvent *event)
{
    m_hover = false;
    update();
    QWidget::leaveEvent(event);
}

} // namespace fo::ui
