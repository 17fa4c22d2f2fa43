#pragma once

#include "signin/UserInfo.h"

#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace fo {

class SecretStore;

// The operator's session with the platform's auth API (docs/platform.md 6): test-account sign-in, users/me, refresh,
// and the tokens kept in the keychain under a key scoped by the auth API origin. Asynchronous throughout.
//
// A 401 on an authorised call triggers one refresh and one retry; when the refresh fails too, sessionExpired() asks
// the window to bring the sign-in dialog back.
class AuthSession : public QObject
{
    Q_OBJECT

public:
    AuthSession(SecretStore *secrets, QObject *parent = nullptr);

    void setOrigin(const QString &origin);
    QString origin() const { return m_origin; }

    bool isSignedIn() const { return !m_user.email.isEmpty(); }
    bool isBusy() const { return m_busy; }
    const UserInfo &user() const { return m_user; }
    QString accessToken() const { return m_accessToken; }

    // Network timeout of every request.
    void setTransferTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

public Q_SLOTS:
    // GET auth-test-account, then users/me; stores the tokens.
    void signInWithTestAccount(const QString &login);
    // Reads the stored tokens for the origin and, when there is a refresh token, refreshes and fetches users/me.
    // Emits signedIn() or restoreFinished(false) (nothing stored, or it did not work).
    void restore();
    // Forgets the tokens here and in the keychain.
    void signOut();
    // Re-reads users/me with the access token (refreshing once on a 401).
    void refreshUser();

Q_SIGNALS:
    void busyChanged(bool busy);
    void signedIn(const fo::UserInfo &user);
    void signInFailed(const QString &message);
    void signedOut();
    void restoreFinished(bool signedIn);
    void sessionExpired(const QString &message);
    void tokensStored(const QString &keychainError);

private:
    enum class Origin { SignIn, Restore, Call };

    QString apiUrl(const QString &path) const;
    QNetworkRequest request(const QString &url) const;
    void setBusy(bool busy);
    void acceptTokens(const QByteArray &body, Origin origin);
    void fetchMe(Origin origin, bool mayRefresh);
    void refresh(std::function<void(bool ok, const QString &error)> done);
    void fail(Origin origin, const QString &message);
    void storeTokens();
    QString describeReplyError(QNetworkReply *reply, const QString &what) const;

    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    QString m_origin;
    QString m_accessToken;
    QString m_refreshToken;
    UserInfo m_user;
    bool m_busy = false;
    int m_timeoutMs = 10000;
    int m_generation = 0; // bumps on sign-out and origin change, so late replies are ignored
};

} // namespace fo
