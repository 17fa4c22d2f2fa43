#pragma once

class QString;

namespace fo {

// The platform's rule (docs/platform.md 2.1): ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ on the whole string.
bool isValidEmail(const QString &email);

} // namespace fo
