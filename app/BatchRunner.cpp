#include "app/BatchRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace fo {
namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

constexpr Millis FirstDelay {250};
constexpr Millis MaxDelay {2000};
constexpr int SuccessesPerStep = 5;
constexpr Millis CancelCheck {100}; // a signal handler cannot wake a condition variable: look at the flag this often

// The workers' shared back-off (see BatchRunner). A worker enters before each attempt and leaves after it, saying
// whether it met a connection failure.
class BackoffGate
{
public:
    BackoffGate(int jobs, const std::atomic_bool *cancel) : m_max(jobs), m_limit(jobs), m_cancel(cancel) { }

    enum class Entry { Go, Cancelled, PastDeadline };

    // Waits until the gate is open and fewer runs than the current limit are under way. PastDeadline when the gate
    // opens only after `deadline`.
    Entry enter(std::optional<Clock::time_point> deadline, quint64 *epoch)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            if (m_cancel && m_cancel->load())
                return Entry::Cancelled;
            const Clock::time_point now = Clock::now();
            if (deadline && std::max(now, m_openAt) > *deadline)
                return Entry::PastDeadline;
            if (now >= m_openAt && m_active < m_limit) {
                ++m_active;
                *epoch = m_epoch;
                return Entry::Go;
            }
            Clock::time_point until = now + CancelCheck;
            if (m_openAt > now)
                until = std::min(until, m_openAt);
            m_changed.wait_until(lock, until);
        }
    }

    // Returns how long the gate is now closed because of this attempt's connection failure; zero when the attempt
    // went through, or when another worker's failure of the same moment (an attempt that began before the gate
    // last closed) has already closed it.
    Millis leave(bool connectionFailure, quint64 epoch)
    {
        std::lock_guard lock(m_mutex);
        --m_active;
        Millis delay {0};
        if (!connectionFailure) {
            m_failuresInARow = 0;
            // Grow back slowly: one more run at a time after SuccessesPerStep runs per run at a time went through,
            // so that a connection limit is probed now and then, not after every run.
            if (m_limit < m_max && ++m_successes >= SuccessesPerStep * m_limit) {
                ++m_limit;
                m_successes = 0;
            }
        } else {
            // The runs still under way hold the connections the server gave us: no more than that at a time
            // (exactly the room a connection limit leaves; after a restart it drops to one and grows back).
            m_limit = std::max(1, std::min(m_limit, m_active));
            m_successes = 0;
            if (epoch == m_epoch) {
                ++m_epoch;
                delay = std::min(MaxDelay, FirstDelay * (1 << std::min(m_failuresInARow, 5)));
                ++m_failuresInARow;
                // 80-120%, so that batches started together against one server do not come back in step.
                delay = delay * (80 + int(QRandomGenerator::global()->bounded(41))) / 100;
                m_openAt = Clock::now() + delay;
            }
        }
        m_changed.notify_all();
        return delay;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    const int m_max;
    int m_limit;
    int m_active = 0;
    int m_failuresInARow = 0;
    int m_successes = 0; // since the limit last changed
    quint64 m_epoch = 0;
    Clock::time_point m_openAt = Clock::now();
    const std::atomic_bool *m_cancel;
};

} // namespace

BatchRunner::BatchRunner(Config config, Options options)
    : m_config(std::move(config)), m_options(std::move(options)) { }

QVector<RunReport> BatchRunner::run(const QStringList &emails)
{
    std::vector<RunReport> reports(std::size_t(emails.size()));
    std::atomic_int next {0};
    QMutex outputMutex;
    const int total = int(emails.size());
    const int workers = std::max(1, std::min(m_options.jobs, total));
    const bool retry = m_options.retryForSeconds > 0;
    const auto retryFor = std::chrono::seconds(m_options.retryForSeconds);
    BackoffGate gate(workers, m_cancel);

    auto work = [&] {
        Pipeline pipeline(m_config);
        pipeline.setCancelFlag(m_cancel);
        pipeline.setKeepConnection(true); // one connection per worker, not one per email (issue 14)
        StageTimer stages;
        if (m_options.stageTimes)
            pipeline.setStageTimer(&stages);
        QString current;
        pipeline.setWarningCallback([&](const QString &text) {
            if (m_onWarning) {
                QMutexLocker lock(&outputMutex);
                m_onWarning(current, text);
            }
        });
        while (true) {
            const int index = next.fetch_add(1);
            if (index >= total)
                return;
            current = emails.at(index);
            RunRequest request = m_options.request;
            request.email = current;
            QElapsedTimer timer;
            timer.start();
            RunReport report;
            report.email = current;
            report.status = RunStatus::Cancelled;
            int attempts = 0;
            std::optional<Clock::time_point> deadline; // set at the first connection failure
            while (true) {
                quint64 epoch = 0;
                const BackoffGate::Entry entry = gate.enter(deadline, &epoch);
                if (entry == BackoffGate::Entry::Cancelled) {
                    // Cancelled before this email's first attempt, or while waiting to try it again: either way
                    // nothing of it was written.
                    report.status = RunStatus::Cancelled;
                    report.error.clear();
                    report.transient = false;
                    break;
                }
                if (entry == BackoffGate::Entry::PastDeadline) {
                    report.error += QStringLiteral(" (%1 attempts over %2 s; connection failures are retried for "
                                                   "%3 s, see --retry-for)")
                                        .arg(attempts)
                                        .arg(QString::number(double(timer.elapsed()) / 1000.0, 'f', 1))
                                        .arg(m_options.retryForSeconds);
                    break;
                }
                ++attempts;
                report = pipeline.run(request);
                const bool again = retry && report.status == RunStatus::Failed && report.transient;
                const Millis delay = gate.leave(again, epoch);
                if (!again) {
                    if (report.status == RunStatus::Failed && attempts > 1)
                        report.error +=
                            QStringLiteral(" (attempt %1; the ones before met connection failures)").arg(attempts);
                    break;
                }
                if (!deadline)
                    deadline = Clock::now() + retryFor;
                if (delay.count() > 0 && m_onBackoff) {
                    QMutexLocker lock(&outputMutex);
                    m_onBackoff(current, report.error, double(delay.count()) / 1000.0);
                }
            }
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            {
                QMutexLocker lock(&outputMutex);
                if (m_onFinished)
                    m_onFinished(
                        Finished {index, total, &report, seconds, attempts, m_options.stageTimes ? &stages : nullptr});
            }
            reports[std::size_t(index)] = std::move(report);
        }
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < workers; ++i) {
        threads.emplace_back(QThread::create(work));
        threads.back()->setObjectName(QStringLiteral("batch-worker-%1").arg(i));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    return QVector<RunReport>(std::make_move_iterator(reports.begin()), std::make_move_iterator(reports.end()));
}

Result<EmailList> readEmailList(const QString &path)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened =
        isStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error {QStringLiteral("Cannot read the email list %1: %2.")
                          .arg(isStdin ? QStringLiteral("(stdin)") : path, file.errorString())};
    EmailList list;
    QHash<QString, int> seen; // email -> its index in list.duplicates, or -1 while listed once
    QHash<QString, int> firstLine;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString email = QString::fromUtf8(lines.at(i)).trimmed();
        if (email.isEmpty() || email.startsWith(QLatin1Char('#')))
            continue;
        const auto found = seen.constFind(email);
        if (found == seen.constEnd()) {
            seen.insert(email, -1);
            firstLine.insert(email, i + 1);
            list.emails << email;
        } else if (found.value() < 0) {
            seen[email] = int(list.duplicates.size());
            list.duplicates.append(EmailList::Duplicate {email, {firstLine.value(email), i + 1}});
        } else {
            list.duplicates[found.value()].lines.append(i + 1);
        }
    }
    return list;
}

} // namespace fo
