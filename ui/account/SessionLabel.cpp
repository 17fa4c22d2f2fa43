#include "ui/account/SessionLabel.h"

#include "signin/AuthSession.h"
#include "signin/UserInfo.h"

namespace fo::ui {

SessionLabel::SessionLabel(AuthSession *session, QWidget *parent) : QLabel(parent), m_session(session)
{
    setObjectName(QStringLiteral("userLabel"));
    setContentsMargins(12, 0, 6, 0);
    connect(m_session, &AuthSession::signedIn, this, &SessionLabel::showSignedIn);
    connect(m_session, &AuthSession::signedOut, this, &SessionLabel::showSignedOut);
    connect(m_session, &AuthSession::sessionExpired, this, &SessionLabel::showSignedOut);
    connect(m_session, &AuthSession::restoreFinished, this, [this](bool signedIn) {
        if (!signedIn)
            showSignedOut();
    });
    connect(m_session, &AuthSession::busyChanged, this, [this](bool busy) {
        if (busy && !m_session->isSignedIn())
            setText(tr("Signing in…"));
    });
    showSignedOut();
}

void SessionLabel::showSignedIn(const UserInfo &user)
{
    const QString name = user.name.isEmpty() ? user.email : user.name;
    setText(tr("Signed in as <b>%1</b> &lt;%2&gt;").arg(name.toHtmlEscaped(), user.email.toHtmlEscaped()));
    setToolTip(tr("Runs you start are recorded under %1.").arg(user.email));
}

void SessionLabel::showSignedOut()
{
    setText(tr("Not signed in"));
    setToolTip(tr("Account → Sign in…"));
}

} // namespace fo::ui
