#include "ui/results/TypeCard.h"

#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <climits>
#include <cmath>

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
    // "typeCard_raw_HeartRateRecord"; "typeCard_raw_" for the type "" and "typeCard_raw" for the NULL type.
    setObjectName(type.dataTypeIsNull ? QStringLiteral("typeCard_%1").arg(sourceName(source))
                                      : QStringLiteral("typeCard_%1_%2").arg(sourceName(source), type.dataType));
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
    return typeName(m_type.key());
}

QString TypeCard::countsText(const QString &separator) const
{
    // Each number with its own plural form ("1 outlier", "2 outliers"; in Russian "1 выброс", "2 выброса", "5
    // выбросов"), in the locale's digits (%Ln).
    const int outliers = int(m_type.outliers.size());
    return tr("%Ln row(s)", "", int(std::min<qint64>(m_type.rows, INT_MAX))) + separator
        + tr("%Ln skipped", "rows", int(std::min<qint64>(m_type.skippedRows, INT_MAX))) + separator
        + tr("%Ln outlier(s)", "", outliers);
}

QString TypeCard::summaryText() const
{
    const QString unit = typeUnit(m_type.dataType);
    const QString table = m_source == Source::Raw ? tr("raw records") : tr("processed records");
    QString text =
        unit.isEmpty() ? tr("%1, %2").arg(titleText(), table) : tr("%1 in %2, %3").arg(titleText(), unit, table);
    text += QStringLiteral("\n") + countsText(QStringLiteral(", "));
    text += QStringLiteral("\n") + badgeText();
    if (badge() == Badge::NotAnalysed)
        text += QStringLiteral(": ") + tr("no value is a number the rule can read");
    if (m_type.dataTypeIsNull || m_type.dataType != titleText())
        text += QStringLiteral("\n") + storedAsText(m_type.key());
    if (m_hasSketch && m_sampleEvery > 1)
        text += QStringLiteral("\n") + sampleText();
    return text;
}

void TypeCard::setSketch(const SeriesSketch &sketch, qint64 sampleEvery, qint64 rows)
{
    m_sketch = sketch;
    m_hasSketch = true;
    m_sampleEvery = std::max<qint64>(1, sampleEvery);
    m_sampleRows = rows;
    m_error.clear();
    setAccessibleDescription(summaryText());
    setToolTip(summaryText() + QStringLiteral("\n") + tr("Click or press Enter for the detailed chart."));
    update();
}

QString TypeCard::sampleText() const
{
    if (m_sampleEvery <= 1)
        return QString();
    const QLocale locale;
    return tr("Small chart drawn from %1 of %2 values (1 in %3); open the type for all of them.")
        .arg(locale.toString(m_sketch.points), locale.toString(m_sampleRows), locale.toString(m_sampleEvery));
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

TypeCard::Layout TypeCard::layout() const
{
    Layout l;
    l.bold = font();
    l.bold.setBold(true);
    l.small = font();
    l.small.setPointSizeF(l.small.pointSizeF() * 0.9);
    const QFontMetricsF boldFm(l.bold);
    const QFontMetricsF smallFm(l.small);
    const int line = fontMetrics().height();
    const QRectF frame = QRectF(rect()).adjusted(2, 2, -2, -2);
    const QRectF inner = frame.adjusted(line * 0.6, line * 0.4, -line * 0.6, -line * 0.4);

    // The title has the card's whole width, and wraps onto a second (or third) line rather than being cut: "Blood
    // oxygen (SpO2)" and "Кислород в крови (SpO2)" did not fit beside the badge. The badge goes on the unit's line.
    auto linesFor = [](const QFontMetricsF &fm, qreal width, const QString &text, int flags, int most) {
        const QRectF needed = fm.boundingRect(QRectF(0, 0, width, 1e6), flags, text);
        return std::clamp(int(std::ceil(needed.height() / fm.lineSpacing() - 0.01)), 1, most);
    };
    // A stored name of one long word ("SomeVendorRecordType") breaks anywhere rather than running off the card.
    l.titleFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    if (boldFm.boundingRect(QRectF(0, 0, inner.width(), 1e6), l.titleFlags, titleText()).width() > inner.width())
        l.titleFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
    const int titleLines = linesFor(boldFm, inner.width(), titleText(), l.titleFlags, 3);
    l.title = QRectF(inner.left(), inner.top(), inner.width(), titleLines * boldFm.lineSpacing() + 2);
    const qreal badgeWidth = smallFm.horizontalAdvance(badgeText()) + line * 0.9;
    const qreal badgeHeight = smallFm.height() + 4;
    l.badge = QRectF(inner.right() - badgeWidth, l.title.bottom() + 2, badgeWidth, badgeHeight);
    l.subtitle = QRectF(inner.left(), l.badge.top(), inner.width() - badgeWidth - line * 0.4, badgeHeight);
    const int countLines = linesFor(smallFm, inner.width(), countsText(QStringLiteral(" · ")), Qt::TextWordWrap, 2);
    const qreal countsHeight = countLines * smallFm.lineSpacing() + 2;
    l.counts = QRectF(inner.left(), inner.bottom() - countsHeight, inner.width(), countsHeight);
    const qreal chartTop = l.badge.bottom() + line * 0.3;
    l.chart =
        QRectF(inner.left(), chartTop, inner.width(), std::max<qreal>(line, l.counts.top() - line * 0.3 - chartTop));
    l.frame = frame;
    return l;
}

QRectF TypeCard::titleRect() const
{
    return layout().title;
}

QFont TypeCard::titleFont() const
{
    return layout().bold;
}

int TypeCard::titleFlags() const
{
    return layout().titleFlags;
}

void TypeCard::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const Layout l = layout();
    const bool focused = hasFocus();
    p.setPen(QPen(focused ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), focused ? 2.5 : 1));
    p.setBrush(m_hover ? palette().color(QPalette::AlternateBase) : palette().color(QPalette::Base));
    p.drawRoundedRect(l.frame, 6, 6);

    // Title, wrapped when long.
    p.setFont(l.bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(l.title, l.titleFlags, titleText());

    // Unit and table, with the badge at the right.
    const QColor badgeColor = badge() == Badge::NeedsAttention ? AttentionColor
        : badge() == Badge::AllGood                            ? GoodColor
                                                               : NeutralColor;
    p.setPen(Qt::NoPen);
    QColor badgeFill = badgeColor;
    badgeFill.setAlphaF(0.14);
    p.setBrush(badgeFill);
    p.drawRoundedRect(l.badge, l.badge.height() / 2, l.badge.height() / 2);
    p.setFont(l.small);
    p.setPen(badgeColor);
    p.drawText(l.badge, Qt::AlignCenter, badgeText());
    const QFontMetricsF smallFm(l.small);
    p.setPen(NeutralColor);
    const QString unit = typeUnit(m_type.dataType);
    const QString table = m_source == Source::Raw ? tr("raw") : tr("processed");
    QString subtitle = unit.isEmpty() ? table : QStringLiteral("%1 · %2").arg(unit, table);
    if (m_hasSketch && m_sampleEvery > 1) {
        // The small chart is drawn from a sample: said here (shorter on a narrow card), in full in the tooltip.
        const QString every = QLocale().toString(m_sampleEvery);
        const QString full = subtitle + QStringLiteral(" · ") + tr("chart: 1 in %1").arg(every);
        subtitle = smallFm.horizontalAdvance(full) <= l.subtitle.width()
            ? full
            : subtitle + QStringLiteral(" · ") + tr("1 in %1").arg(every);
    }
    p.drawText(l.subtitle, Qt::AlignLeft | Qt::AlignVCenter,
               smallFm.elidedText(subtitle, Qt::ElideRight, l.subtitle.width()));

    // Counts, at the bottom.
    p.drawText(l.counts, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, countsText(QStringLiteral(" · ")));

    // The chart, or why there is none.
    const QRectF chartRect = l.chart;
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
        style.font = l.small;
        style.markerDiameter = 6;
        style.lineWidth = 1.0;
        m_sketch.paint(&p, chartRect, style);
    }
}

void TypeCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT activated(m_source, m_type.key());
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TypeCard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT activated(m_source, m_type.key());
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
