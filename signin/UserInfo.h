#pragma once

#include <QString>

namespace fo {

// The operator, as the auth API's users/me describes them (docs/platform.md 6).
struct UserInfo
{
    QString googleSub;
    QString email;
    QString name;
    QString picture;
    bool testUser = false;
};

} // namespace fo
