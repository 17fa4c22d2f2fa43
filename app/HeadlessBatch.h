#pragma once

#include "app/BatchRunner.h"
#include "core/Config.h"
#include "core/Pipeline.h"

#include <QString>
#include <QStringList>

#include <atomic>

namespace fo {

class CsvTarget;

struct BatchOptions
{
    int jobs = 1;
    int retryFor = BatchRunner::DefaultRetryForSeconds; // --retry-for, in seconds
    bool json = false;
    bool stageTimes = false;
    QString shard; // "I/N", or empty
    std::atomic_bool *cancel = nullptr; // set by SIGINT and SIGTERM
};

// --emails-from and --all-users: runs every email (BatchRunner), prints a progress line per email and the summary,
// then the CSV and the JSON array of every report. Returns the exit code (HeadlessApp.h).
int runBatch(const Config &config, const RunRequest &request, const QStringList &emails, const BatchOptions &batch,
             CsvTarget *csv);

} // namespace fo
