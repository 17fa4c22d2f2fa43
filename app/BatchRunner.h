#pragma once

#include "Config.h"
#include "Pipeline.h"

#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>

namespace fo {

// Runs the pipeline for many emails with at most `jobs` at a time. Each worker is a QThread with its own database,
// Redis and network connections (STYLE.md 5). One email's failure does not stop the others.
class BatchRunner
{
public:
    struct Options
    {
        int jobs = 1;
        RunRequest request; // every field but email is used for each email
    };

    BatchRunner(Config config, Options options);

    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    // Called on the worker's thread, serialised: index (0-based), total, and the finished report.
    void setOnFinished(std::function<void(int index, int total, const RunReport &report, double seconds)> fn)
    {
        m_onFinished = std::move(fn);
    }
    void setWarningCallback(std::function<void(const QString &email, const QString &text)> fn)
    {
        m_onWarning = std::move(fn);
    }

    // Returns one report per email, in the order given.
    QVector<RunReport> run(const QStringList &emails);

private:
    Config m_config;
    Options m_options;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(int, int, const RunReport &, double)> m_onFinished;
    std::function<void(const QString &, const QString &)> m_onWarning;
};

// Reads one email per line from a file, or from standard input when path is "-". Blank lines and lines starting
// with # are skipped; surrounding whitespace (and a CR) is removed. Invalid emails are kept: the run reports them.
Result<QStringList> readEmailList(const QString &path);

} // namespace fo
