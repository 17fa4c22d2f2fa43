#pragma once

#include <QString>

namespace fo {

// What a "can it be reached?" check of a service says (the desktop's status bar and its settings' Test buttons): the
// service answered as it should; it answered, but not as that service would at that address (an HTTP 404: the
// address is wrong); it could not be reached; nothing is configured. The message says which, in words for a person.
struct ProbeAnswer
{
    enum class Outcome { Ok, Warning, Failed, NotConfigured };

    Outcome outcome = Outcome::Failed;
    QString message;

    bool ok() const { return outcome == Outcome::Ok; }
};

} // namespace fo
