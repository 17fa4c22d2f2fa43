#include "core/Email.h"

#include <QRegularExpression>
#include <QString>

namespace fo {

bool isValidEmail(const QString &email)
{
    // Anchored explicitly so that a trailing newline does not match (unlike Python's `$`, \z is the very end).
    static const QRegularExpression pattern(QStringLiteral("\\A[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\z"));
    return pattern.match(email).hasMatch();
}

} // namespace fo
