#include "ui/run/RunSummaryRow.h"

#include "ui/text/NumberText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>
#include <cmath>

namespace fo::ui {

RunSummaryRow::RunSummaryRow(QWidget *parent)
    : QWidget(parent), m_progress(new QProgressBar(this)), m_progressLabel(new QLabel(this)),
      m_summary(new QLabel(this)), m_cancelOpen(new QPushButton(tr("Cancel"), this))
{
    m_cancelOpen->setObjectName(QStringLiteral("cancelOpenButton"));
    m_cancelOpen->hide();
    connect(m_cancelOpen, &QPushButton::clicked, this, &RunSummaryRow::cancelOpenRequested);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    // The work done, rather than a busy indicator: its animation repaints the bar at 60 Hz for the whole run, and
    // each of those paints waits for Qt's raster helper threads (see BackgroundTasks). Reading the records is most of
    // a run: it gets most of the bar, in rows read of the rows expected.
    m_progress->setRange(0, ProgressScale);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->setMaximumHeight(14);
    m_progress->hide();
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(tr("Enter a user's email and press Run, or open a stored iteration under History."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_cancelOpen);
}

void RunSummaryRow::setRunning(bool running)
{
    if (running) {
        m_progress->setValue(0);
        m_clock.start();
        m_expectedRaw = m_expectedProcessed = -1;
        m_readingStartMs = -1;
        m_readAtStart = 0;
        m_rawRead = 0;
    }
    m_running = running;
    m_progress->setVisible(running);
    m_progressLabel->setVisible(running);
    m_summary->setVisible(!running);
}

void RunSummaryRow::showOpening(const QString &text, int percent)
{
    if (m_running)
        return; // the run's progress keeps the line
    if (percent < 0) {
        m_progress->setRange(0, 0); // busy: this step gives no row counts
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    }
    m_progress->show();
    m_progressLabel->setText(text);
    m_progressLabel->show();
    m_summary->hide();
    m_cancelOpen->show();
}

void RunSummaryRow::hideOpening()
{
    if (m_running)
        return;
    m_progress->setRange(0, ProgressScale);
    m_cancelOpen->hide();
    setRunning(false);
}

void RunSummaryRow::setExpectedRows(qint64 raw, qint64 processed)
{
    m_expectedRaw = raw;
    m_expectedProcessed = processed;
}

qint64 RunSummaryRow::expectedRows() const
{
    return m_expectedRaw < 0 || m_expectedProcessed < 0 ? -1 : m_expectedRaw + m_expectedProcessed;
}

int RunSummaryRow::progressValue() const
{
    return m_progress->value();
}

void RunSummaryRow::showStage(const ProgressUpdate &update)
{
    showStageAt(update, m_clock.isValid() ? m_clock.elapsed() : 0);
}

void RunSummaryRow::showStageAt(const ProgressUpdate &update, qint64 elapsedMs)
{
    // Before the reading: the first 5% of the bar; the reading: up to 90%; detecting, writing, notifying: the rest.
    constexpr double ReadFrom = 0.05;
    constexpr double ReadTo = 0.90;
    const qint64 total = expectedRows();
    const bool reading = update.stage == Stage::ReadingRaw || update.stage == Stage::ReadingProcessed;
    if (update.stage == Stage::ReadingRaw)
        m_rawRead = update.count;
    const qint64 readSoFar = update.stage == Stage::ReadingProcessed ? m_rawRead + update.count : update.count;
    double fraction = 0.0;
    qint64 secondsLeft = -1;
    if (update.stage < Stage::ReadingRaw) {
        fraction = ReadFrom * double(int(update.stage) + 1) / double(int(Stage::ReadingRaw) + 1);
    } else if (reading) {
        if (total > 0)
            fraction = ReadFrom + (ReadTo - ReadFrom) * std::min(1.0, double(readSoFar) / double(total));
        else
            fraction = update.stage == Stage::ReadingRaw ? ReadFrom : (ReadFrom + ReadTo) / 2;
        if (m_readingStartMs < 0 && readSoFar > 0) {
            m_readingStartMs = elapsedMs;
            m_readAtStart = readSoFar;
        }
        // The rate over at least a second of reading; the rows left (of both tables) at that rate.
        const qint64 readingMs = elapsedMs - m_readingStartMs;
        const qint64 readSinceStart = readSoFar - m_readAtStart;
        if (total > 0 && m_readingStartMs >= 0 && readingMs >= 1000 && readSinceStart > 0 && readSoFar < total)
            secondsLeft =
                qint64(std::ceil(double(total - readSoFar) * double(readingMs) / double(readSinceStart) / 1000.0));
    } else {
        const int after = int(update.stage) - int(Stage::ReadingProcessed);
        const int stagesAfter = int(Stage::Done) - int(Stage::ReadingProcessed);
        fraction = ReadTo + (1.0 - ReadTo) * double(after) / double(stagesAfter);
    }
    m_progress->setValue(std::max(m_progress->value(), int(std::lround(fraction * ProgressScale))));
    const qint64 expected = update.stage == Stage::ReadingRaw ? m_expectedRaw
        : update.stage == Stage::ReadingProcessed             ? m_expectedProcessed
                                                              : -1;
    m_progressLabel->setText(stageText(update, expected, secondsLeft));
}

QString RunSummaryRow::stageText(const ProgressUpdate &update, qint64 expected, qint64 secondsLeft)
{
    if (expected < 0 || (update.stage != Stage::ReadingRaw && update.stage != Stage::ReadingProcessed))
        return stageText(update);
    const QLocale locale;
    const int percent = expected > 0 ? int(std::min<qint64>(100, update.count * 100 / expected)) : 100;
    QString text = update.stage == Stage::ReadingRaw ? tr("Reading raw records: %1 of %2 rows (%3%)")
                                                     : tr("Reading processed records: %1 of %2 rows (%3%)");
    text = text.arg(locale.toString(update.count), locale.toString(expected)).arg(percent);
    if (secondsLeft >= 60)
        text += QStringLiteral(" · ") + tr("about %n minute(s) left", nullptr, int((secondsLeft + 59) / 60));
    else if (secondsLeft >= 0)
        text += QStringLiteral(" · ") + tr("about %n second(s) left", nullptr, int(std::max<qint64>(1, secondsLeft)));
    return text;
}

void RunSummaryRow::showProgressText(const QString &text)
{
    m_progressLabel->setText(text);
}

QString RunSummaryRow::progressText() const
{
    return m_progressLabel->text();
}

void RunSummaryRow::showMessage(const QString &richText)
{
    m_summary->setText(richText);
}

QString RunSummaryRow::stageText(const ProgressUpdate &update)
{
    const QString n = QLocale().toString(update.count);
    switch (update.stage) {
    case Stage::Connecting:
        return tr("Connecting to the database…");
    case Stage::Locking:
        return tr("Waiting for other runs for this user…");
    case Stage::Flagging:
        return tr("Setting the run flag…");
    case Stage::NotifyingStart:
        return tr("Notifying the user of the start…");
    case Stage::ReadingRaw:
        return tr("Reading raw records: %1 rows").arg(n);
    case Stage::ReadingProcessed:
        return tr("Reading processed records: %1 rows").arg(n);
    case Stage::Detecting:
        return tr("Detecting outliers…");
    case Stage::Writing:
        return tr("Writing: %1 outliers").arg(n);
    case Stage::NotifyingEnd:
        return tr("Notifying the user of the result…");
    case Stage::Done:
        return tr("Done.");
    }
    return QString();
}

void RunSummaryRow::showReport(const RunReport &report, const RunReport *previous, const QVector<OutlierDiff> &diffs)
{
    const QLocale locale;
    QString status;
    switch (report.status) {
    case RunStatus::Completed:
        status = tr("completed");
        break;
    case RunStatus::DryRun:
        status = tr("dry run, nothing written");
        break;
    case RunStatus::Failed:
        status = tr("failed");
        break;
    case RunStatus::Cancelled:
        status = tr("cancelled");
        break;
    }
    const QString when = report.finishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text;
    if (report.status == RunStatus::DryRun)
        text = tr("<b>%1</b> · dry run at %2 UTC").arg(report.email.toHtmlEscaped(), when);
    else
        text = tr("<b>%1</b> · iteration #%2 · %3 UTC · %4")
                   .arg(report.email.toHtmlEscaped())
                   .arg(report.iteration)
                   .arg(when, status);
    // Red only for what needs attention: "0 outliers" is good news.
    auto attention = [&locale](qint64 count, const QString &pattern) {
        const QString escaped = pattern.arg(locale.toString(count)).toHtmlEscaped();
        return count > 0 ? QStringLiteral("<span style='color:#d93025'>%1</span>").arg(escaped) : escaped;
    };
    const QString rawOutliers = attention(report.raw.outlierCount, tr("%1 outliers"));
    const QString processedOutliers = attention(report.processed.outlierCount, tr("%1 outliers"));
    const bool knownRows = report.raw.rows > 0 || report.processed.rows > 0;
    if (knownRows)
        text += tr(" · raw: %1 rows, %2 · processed: %3 rows, %4")
                    .arg(locale.toString(report.raw.rows), rawOutliers, locale.toString(report.processed.rows),
                         processedOutliers);
    else
        text += tr(" · raw: %1 · processed: %2").arg(rawOutliers, processedOutliers);
    if (previous) {
        qint64 added = 0, resolved = 0, persisting = 0;
        for (const OutlierDiff &d : diffs) {
            added += d.added.size();
            resolved += d.resolved.size();
            persisting += d.persisting.size();
        }
        QString newText = tr("%1 new").arg(locale.toString(added)).toHtmlEscaped();
        if (added > 0)
            newText = QStringLiteral("<span style='color:#d93025'><b>%1</b></span>").arg(newText);
        text += QStringLiteral("<br>")
            + tr("Compared with iteration #%1: %2, %3 resolved, %4 persisting")
                  .arg(previous->iteration)
                  .arg(newText, locale.toString(resolved), locale.toString(persisting));
        // Other thresholds find other outliers: say so, so that "12 new" is not read as a change in the data alone.
        QStringList changed;
        if (report.raw.k != previous->raw.k)
            changed << tr("raw k %1 → %2").arg(thresholdText(previous->raw.k), thresholdText(report.raw.k));
        if (report.processed.k != previous->processed.k)
            changed << tr("processed k %1 → %2")
                           .arg(thresholdText(previous->processed.k), thresholdText(report.processed.k));
        if (!changed.isEmpty())
            text += QStringLiteral("<br><span style='color:#9a6700'>⚠ %1</span>")
                        .arg(tr("The thresholds differ (%1): part of the change comes from them, not from the data.")
                                 .arg(changed.join(QStringLiteral(", ")))
                                 .toHtmlEscaped());
    }
    m_summary->setText(text);
}

} // namespace fo::ui
