#pragma once

// Shared by the desktop tests: a stand-in for the platform's auth API (docs/platform.md 6) on a local HttpStub, and the
// environment that points the window at the test services.

#include "tests/common/HttpStub.h"
#include "tests/common/TestEnv.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>
#include <QUrlQuery>

#include <memory>

namespace fo::test {

// Speaks the auth API's protocol: test-account logins, users/me with a bearer token, refresh. Tokens are opaque
// strings here; the stub remembers which ones are valid, so a test can expire them.
class AuthApiStub
{
public:
    AuthApiStub()
    {
        m_stub.setHandler([this](const HttpStub::Request &request) { return answer(request); });
    }

    QString baseUrl() const { return m_stub.baseUrl(); }
    HttpStub &http() { return m_stub; }

    void addAccount(const QString &login, const QString &email, const QString &name)
    {
        m_accounts.insert(login, {email, name});
    }
    // Every access token stops working (the next call gets a 401).
    void expireAccessTokens() { m_access.clear(); }
    // Every refresh token stops working too.
    void expireRefreshTokens() { m_refresh.clear(); }

    int count(const QByteArray &method, const QByteArray &pathPart) const
    {
        int n = 0;
        for (const HttpStub::Request &r : m_stub.requests())
            n += (r.method == method && r.path.contains(pathPart)) ? 1 : 0;
        return n;
    }

private:
    struct Account
    {
        QString email;
        QString name;
    };

    HttpStub::Response tokens(const QString &login)
    {
        const QString access = QStringLiteral("access-%1-%2").arg(login).arg(++m_counter);
        const QString refresh = QStringLiteral("refresh-%1-%2").arg(login).arg(m_counter);
        m_access.insert(access, login);
        m_refresh.insert(refresh, login);
        QJsonObject o;
        o.insert(QStringLiteral("access_token"), access);
        o.insert(QStringLiteral("refresh_token"), refresh);
        o.insert(QStringLiteral("token_type"), QStringLiteral("bearer"));
        HttpStub::Response r;
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return r;
    }

    static HttpStub::Response status(int code, const QByteArray &detail)
    {
        HttpStub::Response r;
        r.status = code;
        r.body = "{\"detail\":\"" + detail + "\"}";
        return r;
    }

    HttpStub::Response answer(const HttpStub::Request &request)
    {
        const QByteArray base = QByteArrayLiteral("/auth-api/api/v1");
        if (request.method == "GET" && request.path.startsWith(QByteArray(base + "/auth/auth-test-account"))) {
            const QUrlQuery query(QString::fromUtf8(request.path.mid(request.path.indexOf('?') + 1)));
            const QString login = query.queryItemValue(QStringLiteral("test_account_login"));
            if (!m_accounts.contains(login))
                return status(404, "Test account not found");
            return tokens(login);
        }
        if (request.method == "POST" && request.path.startsWith(QByteArray(base + "/auth/refresh"))) {
            const QString refresh =
                QJsonDocument::fromJson(request.body).object().value(QStringLiteral("refresh_token")).toString();
            if (!m_refresh.contains(refresh))
                return status(401, "Invalid refresh token");
            return tokens(m_refresh.value(refresh));
        }
        if (request.method == "GET" && request.path.startsWith(QByteArray(base + "/auth/users/me"))) {
            const QByteArray header = request.headers.value("authorization");
            const QString token = QString::fromUtf8(header.mid(7));
            if (!header.startsWith("Bearer ") || !m_access.contains(token))
                return status(401, "Could not validate credentials");
            const Account account = m_accounts.value(m_access.value(token));
            QJsonObject o;
            o.insert(QStringLiteral("google_sub"), QString(QStringLiteral("sub-") + m_access.value(token)));
            o.insert(QStringLiteral("email"), account.email);
            o.insert(QStringLiteral("name"), account.name);
            o.insert(QStringLiteral("picture"), QString());
            o.insert(QStringLiteral("test_user"), true);
            HttpStub::Response r;
            r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
            return r;
        }
        return status(404, "Not Found");
    }

    HttpStub m_stub;
    QHash<QString, Account> m_accounts;
    QHash<QString, QString> m_access;  // token -> login
    QHash<QString, QString> m_refresh; // token -> login
    int m_counter = 0;
};

// Points the desktop at the test services through the platform's variables (the window reads the environment for
// every setting that was never saved), and starts from empty settings.
inline void useTestEnvironment(const QString &dbName, const QString &authUrl, const QString &notificationsUrl,
                               bool withRedis = true)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QMap<QString, QString> env = pgEnv(dbName);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        qputenv(it.key().toUtf8().constData(), it.value().toUtf8());
    qputenv("AUTH_API_BASE_URL", authUrl.toUtf8());
    if (notificationsUrl.isEmpty())
        qunsetenv("NOTIFICATIONS_API_BASE_URL");
    else
        qputenv("NOTIFICATIONS_API_BASE_URL", notificationsUrl.toUtf8());
    const auto redis = redisServer();
    if (withRedis && redis) {
        qputenv("REDIS_HOST", redis->first.toUtf8());
        qputenv("REDIS_PORT", QByteArray::number(redis->second));
    } else {
        qunsetenv("REDIS_HOST");
    }
}

// A loopback port that nobody listens on (it was free a moment ago): a connection to it is refused.
inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: closed on any test machine
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace fo::test
