#include "core/LogContext.h"

namespace fo {

LogContext &LogContext::current()
{
    thread_local LogContext context;
    return context;
}

} // namespace fo
