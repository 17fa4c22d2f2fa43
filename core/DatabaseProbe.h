#pragma once

#include "core/ProbeAnswer.h"

#include <QCoreApplication>

namespace fo {

struct Config;

// "Can the database be reached?": opens a connection as a run does (Database::open, with its timeouts) and runs
// SELECT 1. It blocks, and the connection belongs to the calling thread: call it on a worker thread (the desktop's
// QueryWorker does).
class DatabaseProbe
{
    Q_DECLARE_TR_FUNCTIONS(fo::DatabaseProbe)

public:
    static ProbeAnswer check(const Config &config);
};

} // namespace fo
