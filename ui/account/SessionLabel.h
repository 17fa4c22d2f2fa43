#pragma once

#include <QLabel>

namespace fo {
class AuthSession;
struct UserInfo;
} // namespace fo

namespace fo::ui {

// Who is signed in, at the right of the status bar: follows the session (signing in, signed in as, not signed in).
class SessionLabel : public QLabel
{
    Q_OBJECT

public:
    explicit SessionLabel(AuthSession *session, QWidget *parent = nullptr);

    void showSignedIn(const UserInfo &user);
    void showSignedOut();

private:
    AuthSession *m_session;
};

} // namespace fo::ui
