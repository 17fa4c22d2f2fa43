#include "BatchRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QThread>

#include <memory>
#include <vector>

namespace fo {

BatchRunner::BatchRunner(Config config, Options options) : m_config(std::move(config)), m_options(std::move(options))
{
}

QVector<RunReport> BatchRunner::run(const QStringList &emails)
{
    std::vector<RunReport> reports(std::size_t(emails.size()));
    std::atomic_int next{0};
    QMutex outputMutex;
    const int total = int(emails.size());
    const int workers = std::max(1, std::min(m_options.jobs, total));

    auto work = [&] {
        Pipeline pipeline(m_config);
        pipeline.setCancelFlag(m_cancel);
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
            if (m_cancel && m_cancel->load()) {
                report.email = current;
                report.status = RunStatus::Cancelled;
            } else {
                report = pipeline.run(request);
            }
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            {
                QMutexLocker lock(&outputMutex);
                if (m_onFinished)
                    m_onFinished(index, total, report, seconds);
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

Result<QStringList> readEmailList(const QString &path)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error{QStringLiteral("Cannot read the email list %1: %2.").arg(isStdin ? QStringLiteral("(stdin)") : path,
                                                                            file.errorString())};
    QStringList emails;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QString email = QString::fromUtf8(line).trimmed();
        if (email.isEmpty() || email.startsWith(QLatin1Char('#')))
            continue;
        emails << email;
    }
    return emails;
}

} // namespace fo
