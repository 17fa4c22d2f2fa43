#include "signin/AuthSession.h"

#include "core/HttpUrl.h"
#include "signin/SecretStore.h"
#include "signin/SigninLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

namespace fo {

namespace {

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

AuthSession::AuthSession(SecretStore *secrets, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_network(new QNetworkAccessManager(this))
{ }

void AuthSession::setOrigin(const QString &origin)
{
    const QString trimmed = serviceBaseText(origin);
    if (trimmed == m_origin)
        return;
    ++m_generation;
    m_origin = trimmed;
    m_accessToken.clear();
    m_refreshToken.clear();
    const bool wasSignedIn = isSignedIn();
    m_user = {};
    setBusy(false);
    if (wasSignedIn)
        Q_EMIT signedOut();
}

QString AuthSession::apiUrl(const QString &path) const
{
    return serviceUrl(m_origin, QStringLiteral("/auth-api/api/v1") + path).toString();
}

QNetworkRequest AuthSession::request(const QString &url) const
{
    QNetworkRequest req {QUrl(url)};
    req.setTransferTimeout(m_timeoutMs);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("find-outliers/" FO_VERSION));
    req.setRawHeader("Accept", "application/json");
    return req;
}

void AuthSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QString AuthSession::describeReplyError(QNetworkReply *reply, const QString &what) const
{
    const int status = httpStatus(reply);
    if (status != 0)
        return tr("%1 failed: the auth API at %2 answered HTTP %3.").arg(what, m_origin).arg(status);
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return tr("%1 failed: the auth API at %2 did not answer within %n second(s). Check the address in the "
                  "settings and that the service is running.",
                  nullptr, m_timeoutMs / 1000)
            .arg(what, m_origin);
    return tr("%1 failed: cannot reach the auth API at %2 (%3). Check the address in the settings and your "
              "network.")
        .arg(what, m_origin, reply->errorString());
}

void AuthSession::signInWithTestAccount(const QString &login)
{
    const QString trimmed = login.trimmed();
    if (trimmed.isEmpty()) {
        Q_EMIT signInFailed(tr("Enter a test-account login."));
        return;
    }
    if (!isHttpUrl(serviceBaseUrl(m_origin))) {
        Q_EMIT signInFailed(tr("The auth API address “%1” is not a valid http(s) URL.").arg(m_origin));
        return;
    }
    ++m_generation;
    setBusy(true);
    QUrl url(apiUrl(QStringLiteral("/auth/auth-test-account")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("test_account_login"), trimmed);
    url.setQuery(query);
    QNetworkReply *reply = m_network->get(request(url.toString()));
    const int generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, trimmed] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = httpStatus(reply);
        if (status == 404) {
            fail(Origin::SignIn,
                 tr("The auth API does not know the test-account login “%1”. Check the login and "
                    "try again.")
                     .arg(trimmed));
            return;
        }
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            fail(Origin::SignIn, describeReplyError(reply, tr("Signing in")));
            return;
        }
        acceptTokens(reply->readAll(), Origin::SignIn);
    });
}

void AuthSession::acceptTokens(const QByteArray &body, Origin origin)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString access = object.value(QStringLiteral("access_token")).toString();
    const QString refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    if (access.isEmpty()) {
        fail(origin, tr("The auth API at %1 answered without an access token.").arg(m_origin));
        return;
    }
    m_accessToken = access;
    if (!refreshToken.isEmpty())
        m_refreshToken = refreshToken;
    storeTokens();
    fetchMe(origin, true);
}

void AuthSession::storeTokens()
{
    QJsonObject object;
    object.insert(QStringLiteral("access_token"), m_accessToken);
    object.insert(QStringLiteral("refresh_token"), m_refreshToken);
    const QString text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    m_secrets->write(SecretStore::tokensKey(m_origin), text, this,
                     [this](const QString &error) { Q_EMIT tokensStored(error); });
}

void AuthSession::fetchMe(Origin origin, bool mayRefresh)
{
    setBusy(true);
    QNetworkRequest req = request(apiUrl(QStringLiteral("/auth/users/me")));
    req.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    QNetworkReply *reply = m_network->get(req);
    const int generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, origin, mayRefresh] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = httpStatus(reply);
        if (status == 401 && mayRefresh) {
            refresh([this, origin](bool ok, const QString &error) {
                if (ok)
                    fetchMe(origin, false);
                else
                    fail(origin, error);
            });
            return;
        }
        if (status == 401) {
            fail(origin, tr("The auth API at %1 no longer accepts this session. Sign in again.").arg(m_origin));
            return;
        }
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            fail(origin, describeReplyError(reply, tr("Reading the signed-in user")));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
        UserInfo user;
        user.googleSub = object.value(QStringLiteral("google_sub")).toString();
        user.email = object.value(QStringLiteral("email")).toString();
        user.name = object.value(QStringLiteral("name")).toString();
        user.picture = object.value(QStringLiteral("picture")).toString();
        user.testUser = object.value(QStringLiteral("test_user")).toBool();
        if (user.email.isEmpty()) {
            fail(origin, tr("The auth API at %1 answered users/me without an email.").arg(m_origin));
            return;
        }
        m_user = user;
        setBusy(false);
        qCInfo(lcAuth) << "signed in as" << user.email;
        Q_EMIT signedIn(m_user);
        if (origin == Origin::Restore)
            Q_EMIT restoreFinished(true);
    });
}

void AuthSession::refresh(std::function<void(bool ok, const QString &error)> done)
{
    if (m_refreshToken.isEmpty()) {
        done(false, tr("The session has expired and there is no refresh token. Sign in again."));
        return;
    }
    QNetworkRequest req = request(apiUrl(QStringLiteral("/auth/refresh")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QJsonObject body;
    body.insert(QStringLiteral("refresh_token"), m_refreshToken);
    QNetworkReply *reply = m_network->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const int generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, done] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = httpStatus(reply);
        if (status == 401) {
            // The refresh token is no longer valid: forget it.
            m_secrets->remove(SecretStore::tokensKey(m_origin), this);
            m_refreshToken.clear();
            m_accessToken.clear();
            done(false, tr("The session has expired. Sign in again."));
            return;
        }
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            done(false, describeReplyError(reply, tr("Renewing the session")));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
        const QString access = object.value(QStringLiteral("access_token")).toString();
        if (access.isEmpty()) {
            done(false, tr("The auth API at %1 answered the refresh without an access token.").arg(m_origin));
            return;
        }
        m_accessToken = access;
        const QString refreshToken = object.value(QStringLiteral("refresh_token")).toString();
        if (!refreshToken.isEmpty())
            m_refreshToken = refreshToken;
        storeTokens();
        done(true, QString());
    });
}

void AuthSession::restore()
{
    if (m_origin.isEmpty()) {
        Q_EMIT restoreFinished(false);
        return;
    }
    ++m_generation;
    const int generation = m_generation;
    setBusy(true);
    m_secrets->read(SecretStore::tokensKey(m_origin), this, [this, generation](const SecretStore::ReadResult &result) {
        if (generation != m_generation)
            return;
        const QJsonObject object = QJsonDocument::fromJson(result.secret.toUtf8()).object();
        m_accessToken = object.value(QStringLiteral("access_token")).toString();
        m_refreshToken = object.value(QStringLiteral("refresh_token")).toString();
        if (!result.found || m_refreshToken.isEmpty()) {
            setBusy(false);
            Q_EMIT restoreFinished(false);
            return;
        }
        refresh([this](bool ok, const QString &error) {
            if (ok)
                fetchMe(Origin::Restore, false);
            else
                fail(Origin::Restore, error);
        });
    });
}

void AuthSession::refreshUser()
{
    if (m_accessToken.isEmpty())
        return;
    fetchMe(Origin::Call, true);
}

void AuthSession::signOut()
{
    ++m_generation;
    const bool wasSignedIn = isSignedIn();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_user = {};
    setBusy(false);
    if (!m_origin.isEmpty())
        m_secrets->remove(SecretStore::tokensKey(m_origin), this);
    if (wasSignedIn)
        qCInfo(lcAuth) << "signed out";
    Q_EMIT signedOut();
}

void AuthSession::fail(Origin origin, const QString &message)
{
    setBusy(false);
    qCWarning(lcAuth) << message;
    switch (origin) {
    case Origin::SignIn:
        Q_EMIT signInFailed(message);
        break;
    case Origin::Restore:
        Q_EMIT restoreFinished(false);
        break;
    case Origin::Call:
        m_user = {};
        Q_EMIT sessionExpired(message);
        break;
    }
}

} // namespace fo
