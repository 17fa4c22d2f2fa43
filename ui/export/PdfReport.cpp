#include "ui/export/PdfReport.h"

#include "core/DataUnits.h"
#include "ui/export/FileNames.h"
#include "ui/results/OverviewGrid.h"
#include "ui/text/NumberText.h"
#include "ui/text/TypeNames.h"

#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <functional>

namespace fo::ui {

namespace {

constexpr int Dpi = 300;

const QColor TextColor(0x20, 0x21, 0x24);
const QColor MutedColor(0x5f, 0x63, 0x68);
const QColor RuleColor(0xda, 0xdc, 0xe0);
const QColor AttentionColor(0xc5, 0x22, 0x1f);
const QColor GoodColor(0x1e, 0x8e, 0x3e);

// A piece of a page: its height, and how to draw it in a rectangle of that height across the text width.
struct Block
{
    qreal height = 0;
    std::function<void(QPainter *, const QRectF &)> draw;
    bool pageBreakBefore = false;
    std::function<void(QPainter *, const QRectF &)> header; // a table's header, repeated on a new page
    qreal headerHeight = 0;
};

struct Placed
{
    const Block *block;
    QRectF rect;
    bool isHeader;
};

QString timeText(const QDateTime &time)
{
    return time.isValid()
        ? QLocale().toString(time.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC")
        : QStringLiteral("—");
}

const TypeReport *findType(const RunReport &report, Source source, const TypeKey &key)
{
    for (const TypeReport &type : report.table(source).types) {
        if (type.key() == key)
            return &type;
    }
    return nullptr;
}

} // namespace

QString PdfReport::defaultFileName(const RunReport &report)
{
    const QString run = report.status == RunStatus::DryRun ? QStringLiteral("dry-run")
                                                           : QStringLiteral("iteration-%1").arg(report.iteration);
    return QStringLiteral("%1-%2-report.pdf").arg(fileNamePart(report.email), run);
}

Result<int> PdfReport::write(const QString &path, const Input &input)
{
    const RunReport &report = input.report;
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return Error {
                tr("Cannot write the report to %1: %2. Choose another folder.").arg(path, probe.errorString())};
    }
    QPdfWriter writer(path);
    writer.setResolution(Dpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 16, 16, 18),
                                     QPageLayout::Millimeter));
    writer.setTitle(tr("Outliers of %1, iteration %2").arg(report.email).arg(report.iteration));
    writer.setCreator(QStringLiteral("find-outliers"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error {tr("Cannot write the report to %1. Choose another folder.").arg(path)};

    const QRectF page = QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(9.5);
    QFont small = body;
    small.setPointSizeF(8);
    QFont smallBold = small;
    smallBold.setBold(true);
    QFont heading = body;
    heading.setPointSizeF(15);
    heading.setBold(true);
    QFont subheading = body;
    subheading.setPointSizeF(12);
    subheading.setBold(true);
    // Font metrics as the PDF device measures them.
    auto fm = [&writer](const QFont &font) { return QFontMetricsF(font, &writer); };
    const qreal line = fm(body).height();
    const qreal w = page.width();
    const QLocale locale;

    QVector<Block> blocks;
    auto text = [&](const QString &s, const QFont &font, const QColor &color = TextColor, qreal spaceAfter = 0.3) {
        const QRectF bounds = fm(font).boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, s);
        Block b;
        b.height = bounds.height() + line * spaceAfter;
        b.draw = [s, font, color](QPainter *p, const QRectF &r) {
            p->setFont(font);
            p->setPen(color);
            p->drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s);
        };
        blocks.append(b);
    };
    auto space = [&](qreal lines) {
        Block b;
        b.height = line * lines;
        b.draw = [](QPainter *, const QRectF &) {};
        blocks.append(b);
    };
    // A table row: cells with relative widths and alignments.
    struct Column
    {
        qreal width; // fraction of the text width
        Qt::Alignment align;
    };
    auto rowBlock = [&](const QVector<Column> &columns, const QStringList &cells, const QFont &font,
                        const QVector<QColor> &colors = {}, bool rule = false) {
        Block b;
        b.height = fm(font).height() * 1.35;
        b.draw = [columns, cells, font, colors, rule](QPainter *p, const QRectF &r) {
            p->setFont(font);
            qreal x = r.left();
            const QFontMetricsF m(font, p->device());
            for (int i = 0; i < columns.size() && i < cells.size(); ++i) {
                const qreal cw = r.width() * columns[i].width;
                p->setPen(i < colors.size() && colors[i].isValid() ? colors[i] : TextColor);
                const QRectF cell(x + 4, r.top(), cw - 8, r.height());
                p->drawText(cell, columns[i].align | Qt::AlignVCenter,
                            m.elidedText(cells[i], Qt::ElideRight, cell.width()));
                x += cw;
            }
            p->setPen(QPen(rule ? TextColor : RuleColor, 0));
            p->drawLine(r.bottomLeft(), r.bottomRight());
        };
        return b;
    };

    // Who, when, thresholds, what an outlier is.
    text(tr("Outlier report: %1").arg(report.email), heading, TextColor, 0.5);
    const QString status = report.status == RunStatus::DryRun ? tr("dry run, nothing stored") : tr("stored");
    const QString ranBy = report.operatorEmail.isEmpty() ? tr("the scheduled job") : report.operatorEmail;
    QStringList facts;
    facts << tr("User: %1").arg(report.email) << tr("Iteration: %1 (%2)").arg(report.iteration).arg(status)
          << tr("Run: %1 to %2, by %3").arg(timeText(report.startedAt), timeText(report.finishedAt), ranBy)
          << tr("Report made %1 by %2")
                 .arg(timeText(input.madeAt), input.madeBy.isEmpty() ? tr("an operator not signed in") : input.madeBy)
          << tr("Thresholds: k = %1 for raw records, k = %2 for processed records (daily totals)")
                 .arg(thresholdText(report.rawThreshold), thresholdText(report.processedThreshold));
    for (const QString &f : std::as_const(facts))
        text(f, body, TextColor, 0.15);
    space(0.4);
    text(tr("What an outlier is: a value far from the others of its type. For each type, z = (value − mean) / "
            "standard deviation tells how many standard deviations a value lies from the mean; a value is an "
            "outlier when |z| is greater than k."),
         body, MutedColor, 0.8);

    // Summary per type.
    const QVector<QPair<Source, TypeKey>> order = OverviewGrid::overviewOrder(report);
    text(tr("Summary per data type"), subheading, TextColor, 0.4);
    // The summary's columns are as wide as their widest cell, header included, and the name column takes what is left:
    // with fixed shares the Russian headers and "обработанные" were cut ("Пропу…", "обработа…") while the name column
    // had room to spare. When the cells cannot all fit, every column shrinks in proportion (and elides).
    QList<QStringList> summaryCells;
    summaryCells.append({tr("Data type (unit)"), tr("Table"), tr("Rows"), tr("Skipped"), tr("Outliers"), tr("Mean"),
                         tr("Std"), tr("Status")});
    QVector<QColor> badgeColors;
    for (const auto &[source, key] : order) {
        const TypeReport *type = findType(report, source, key);
        const bool analysed = type->numericRows > 0;
        const QString badge = !analysed ? tr("not analysed")
            : type->outliers.isEmpty()  ? tr("all good")
                                        : tr("needs attention");
        badgeColors.append(!analysed ? MutedColor : type->outliers.isEmpty() ? GoodColor : AttentionColor);
        summaryCells.append({typeNameWithUnit(key), source == Source::Raw ? tr("raw") : tr("processed"),
                             locale.toString(type->rows), locale.toString(type->skippedRows),
                             locale.toString(qint64(type->outliers.size())), numberText(type->mean),
                             numberText(type->std), badge});
    }
    QVector<Column> summaryColumns = {{0.0, Qt::AlignLeft},  {0.0, Qt::AlignLeft},  {0.0, Qt::AlignRight},
                                      {0.0, Qt::AlignRight}, {0.0, Qt::AlignRight}, {0.0, Qt::AlignRight},
                                      {0.0, Qt::AlignRight}, {0.0, Qt::AlignLeft}};
    {
        QVector<qreal> need(summaryColumns.size(), 0.0);
        for (qsizetype r = 0; r < summaryCells.size(); ++r) {
            const QFontMetricsF m = fm(r == 0 ? smallBold : small);
            for (qsizetype i = 0; i < need.size() && i < summaryCells[r].size(); ++i)
                need[i] = std::max(need[i], m.horizontalAdvance(summaryCells[r][i]) + 8 + 2); // the cell's padding
        }
        qreal sum = 0.0;
        for (qreal n : std::as_const(need))
            sum += n;
        for (qsizetype i = 0; i < need.size(); ++i)
            summaryColumns[i].width = (sum <= w ? need[i] + (i == 0 ? w - sum : 0.0) : need[i] * w / sum) / w;
    }
    const Block summaryHeader = rowBlock(summaryColumns, summaryCells.first(), smallBold, {}, true);
    for (qsizetype r = 1; r < summaryCells.size(); ++r) {
        Block row =
            rowBlock(summaryColumns, summaryCells[r], small,
                     {QColor(), QColor(), QColor(), QColor(), QColor(), QColor(), QColor(), badgeColors[r - 1]});
        row.header = summaryHeader.draw;
        row.headerHeight = summaryHeader.height;
        if (r == 1) {
            blocks.append(summaryHeader);
            row.header = nullptr; // the header is right above
        }
        blocks.append(row);
    }

    // One chart per type.
    const qreal chartHeight = page.height() * 0.255; // three to a page
    bool firstChart = true;
    for (const auto &[source, key] : order) {
        const TypeReport *type = findType(report, source, key);
        const QString table = source == Source::Raw ? tr("raw records") : tr("processed records");
        const QString title =
            tr("%1 · %2 · %n outlier(s)", nullptr, int(type->outliers.size())).arg(typeNameWithUnit(key), table);
        Block b;
        b.pageBreakBefore = firstChart;
        firstChart = false;
        const SeriesSketch sketch = input.sketch ? input.sketch(source, key) : SeriesSketch();
        const bool analysed = type->numericRows > 0;
        b.height = line * 1.6 + (analysed ? chartHeight : line * 2.2) + line;
        const double mean = type->mean, std = type->std, k = type->k;
        const QString valueTitle = typeNameWithUnit(key);
        const QString timeTitle = tr("Time (UTC)");
        const QString note = !analysed ? tr("Not analysed: none of its %1 stored values is a number the rule can read.")
                                             .arg(locale.toString(type->rows))
            : sketch.isEmpty() ? tr("The values of this type could not be read for the chart.")
                               : QString();
        b.draw = [=](QPainter *p, const QRectF &r) {
            p->setFont(subheading);
            p->setPen(TextColor);
            p->drawText(QRectF(r.left(), r.top(), r.width(), line * 1.5), Qt::AlignLeft | Qt::AlignVCenter, title);
            const QRectF area(r.left(), r.top() + line * 1.6, r.width(), r.height() - line * 2.6);
            if (!note.isEmpty()) {
                p->setFont(body);
                p->setPen(MutedColor);
                p->drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, note);
                return;
            }
            SeriesSketch::Style style;
            style.axes = true;
            style.font = small;
            style.valueTitle = valueTitle;
            style.timeTitle = timeTitle;
            style.markerDiameter = line * 0.45;
            style.lineWidth = line * 0.06;
            style.mean = mean;
            style.std = std;
            style.k = k;
            sketch.paint(p, area, style);
        };
        blocks.append(b);
    }

    // The outlier list.
    Block listTitle;
    {
        const QString s = tr("Outliers");
        listTitle.height = fm(subheading).height() + line * 0.4;
        listTitle.pageBreakBefore = true;
        listTitle.draw = [s, subheading](QPainter *p, const QRectF &r) {
            p->setFont(subheading);
            p->setPen(TextColor);
            p->drawText(r, Qt::AlignLeft | Qt::AlignTop, s);
        };
    }
    blocks.append(listTitle);
    const QVector<Column> listColumns = {{0.22, Qt::AlignLeft},  {0.10, Qt::AlignLeft},  {0.22, Qt::AlignLeft},
                                         {0.14, Qt::AlignRight}, {0.08, Qt::AlignRight}, {0.24, Qt::AlignLeft}};
    const Block listHeader =
        rowBlock(listColumns, {tr("Data type"), tr("Table"), tr("Time (UTC)"), tr("Value"), tr("z"), tr("Why")},
                 smallBold, {}, true);
    blocks.append(listHeader);
    qint64 listed = 0;
    for (const auto &[source, key] : order) {
        const TypeReport *type = findType(report, source, key);
        for (const OutlierPoint &o : type->outliers) {
            const double k = type->k > 0 ? type->k : report.table(source).k;
            const QString why = std::isfinite(o.z)
                ? tr("|z| %1 > k = %2").arg(zText(std::abs(o.z), k), thresholdText(k))
                : tr("flagged by the old job");
            Block row = rowBlock(listColumns,
                                 {typeName(key), source == Source::Raw ? tr("raw") : tr("processed"),
                                  o.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  withUnit(numberText(o.value), key.dataType),
                                  std::isfinite(o.z) ? zText(o.z, k) : QStringLiteral("—"), why},
                                 small);
            row.header = listHeader.draw;
            row.headerHeight = listHeader.height;
            blocks.append(row);
            ++listed;
        }
    }
    if (listed == 0)
        text(tr("No outliers in this iteration."), body, MutedColor);

    // Pages: place the blocks top to bottom, a new page when one does not fit (a table's header repeated on it).
    const qreal footerHeight = fm(small).height() * 2;
    const qreal bottom = page.height() - footerHeight;
    QVector<QVector<Placed>> pages(1);
    qreal y = 0;
    for (const Block &b : std::as_const(blocks)) {
        const bool atTop = pages.last().isEmpty();
        if (!atTop && (b.pageBreakBefore || y + b.height > bottom)) {
            pages.append(QVector<Placed>());
            y = 0;
            if (b.header) {
                pages.last().append(Placed {&b, QRectF(0, y, w, b.headerHeight), true});
                y += b.headerHeight;
            }
        }
        pages.last().append(Placed {&b, QRectF(0, y, w, b.height), false});
        y += b.height;
    }

    const int pageCount = int(pages.size());
    for (int i = 0; i < pageCount; ++i) {
        if (i > 0)
            writer.newPage();
        for (const Placed &placed : std::as_const(pages[i])) {
            if (placed.isHeader)
                placed.block->header(&painter, placed.rect);
            else
                placed.block->draw(&painter, placed.rect);
        }
        painter.setFont(small);
        painter.setPen(MutedColor);
        const QRectF footer(0, page.height() - footerHeight * 0.7, w, footerHeight * 0.7);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 · iteration %2").arg(report.email).arg(report.iteration));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(i + 1).arg(pageCount));
    }
    if (!painter.end())
        return Error {tr("Cannot finish the report %1. Choose another folder.").arg(path)};
    return pageCount;
}

} // namespace fo::ui
