#pragma once

// Shared by the desktop tests: a stand-in for the platform's auth API (docs/platform.md 6) on a local HttpStub, the
// environment that points the window at the test services, the window's set-up (DesktopFixture), and waits on the
// keychain and the sign-in dialog.
//
// Helpers that check something use Qt Test's macros and return nothing: after calling one, a test function returns
// when it failed (FO_RETURN_IF_FAILED, TestEnv.h).

#include "signin/SecretStore.h"
#include "tests/common/HttpStub.h"
#include "tests/common/TestEnv.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSize>
#include <QString>

#include <memory>

namespace fo {
class AuthSession;
}
namespace fo::ui {
class MainWindow;
class MainWindowHost;
class OutlierChartView;
class SignInDialog;
class Translations;
} // namespace fo::ui

namespace fo::test {

// The account every desktop test signs in with.
inline const QString SupportLogin = QStringLiteral("support");
inline const QString SupportEmail = QStringLiteral("support@example.com");
inline const QString SupportName = QStringLiteral("Sam Support");

// Speaks the auth API's protocol: test-account logins, users/me with a bearer token, refresh. Tokens are opaque
// strings here; the stub remembers which ones are valid, so a test can expire them.
class AuthApiStub
{
public:
    AuthApiStub();

    QString baseUrl() const { return m_stub.baseUrl(); }
    HttpStub &http() { return m_stub; }

    void addAccount(const QString &login, const QString &email, const QString &name);
    // Every access token stops working (the next call gets a 401).
    void expireAccessTokens() { m_access.clear(); }
    // Every refresh token stops working too.
    void expireRefreshTokens() { m_refresh.clear(); }

    // Requests so far with this method whose path contains pathPart.
    int count(const QByteArray &method, const QByteArray &pathPart) const;

private:
    struct Account
    {
        QString email;
        QString name;
    };

    HttpStub::Response tokens(const QString &login);
    HttpStub::Response answer(const HttpStub::Request &request);

    HttpStub m_stub;
    QHash<QString, Account> m_accounts;
    QHash<QString, QString> m_access; // token -> login
    QHash<QString, QString> m_refresh; // token -> login
    int m_counter = 0;
};

// Points the desktop at the test services through the platform's variables (the window reads the environment for
// every setting that was never saved), and starts from empty settings. With withRedis, a test Redis must be
// configured (the test fails otherwise); without, REDIS_HOST is unset on purpose.
void useTestEnvironment(const QString &dbName, const QString &authUrl, const QString &notificationsUrl,
                        bool withRedis = true);

// A loopback port that nobody listens on (it was free a moment ago): a connection to it is refused.
quint16 closedPort();

// The keychain, waited on: what the store answers within timeoutMs ("no answer from the store" otherwise).
fo::SecretStore::ReadResult readSecret(fo::SecretStore &store, const QString &key, int timeoutMs = 15000);
QString writeSecret(fo::SecretStore &store, const QString &key, const QString &secret, int timeoutMs = 15000);
QString removeSecret(fo::SecretStore &store, const QString &key, int timeoutMs = 15000);
// Waits until a new store (as at the next start; of `service` when given) finds `key` in the system keychain, or
// finds it gone. Fails the test after timeoutMs.
void waitForKeychainEntry(const QString &key, bool present, const QString &service = QString(), int timeoutMs = 15000);

// The window's sign-in dialog once it is visible (null after timeoutMs).
ui::SignInDialog *visibleSignInDialog(QWidget *window, int timeoutMs = 15000);
// Signs in from the dialog that is showing (or that `window` shows next): types the login (and the auth origin, when
// given), clicks Sign in, waits until the session is signed in.
void signInFromDialog(QWidget *window, fo::AuthSession *session, const QString &origin = QString(),
                      const QString &login = SupportLogin);

// The outlier markers in an image of the chart: at the point where the chart's data puts each red marker (inside the
// plot area, and not under a marker of another kind), the image has the marker's red. viewportOrigin is where the
// chart view's viewport lies in the image, in device-independent pixels. Fails the test naming the first marker that
// is not there; *checked (when given) says how many were looked at.
void verifyOutlierMarkers(const QImage &image, const ui::OutlierChartView *view, QPointF viewportOrigin,
                          int *checked = nullptr);

// Colour vision, simulated for a colour on the screen (sRGB): protanopia and deuteranopia as Viénot, Brettel and Mollon
// (1999), tritanopia as Brettel, Viénot and Mollon (1997), with the precomputed parameters of DaltonLens
// (libDaltonLens, public domain: Smith & Pokorny cones, sRGB primaries and white).
enum class ColourVision { Typical, Protanopia, Deuteranopia, Tritanopia };
QColor simulatedColour(const QColor &colour, ColourVision vision);
// How far apart two screen colours look: CIE76 ΔE*ab in CIELAB (D65). About 2 is just noticeable; red (#d93025) and a
// green (#1e8e3e) are about 21 apart for a protanope, 25 for a deuteranope.
double colourDifference(const QColor &a, const QColor &b);

// The desktop as most UI tests open it: a database of its own, the auth and notifications APIs on local stubs,
// empty settings, the keychain and the operator's session, and the main window (or the MainWindowHost that
// rebuilds it on a language switch). Each step checks with Qt Test's macros (FO_RETURN_IF_FAILED after it). The
// window, host, session and store are closed in reverse order, and the database dropped, by tearDown() or the
// destructor.
class DesktopFixture
{
public:
    enum class Seed { Nothing, Demo };
    enum class Ready { Started, PasswordLoaded, EmailsLoaded };

    DesktopFixture();
    ~DesktopFixture();
    DesktopFixture(const DesktopFixture &) = delete;
    DesktopFixture &operator=(const DesktopFixture &) = delete;

    // A database named after `prefix`, with the demo user's records when seed is Demo. Fails without a test
    // PostgreSQL.
    void createDatabase(const QString &prefix, Seed seed = Seed::Demo);
    // The auth API's stand-in, with the support account; the notifications API's, with POST send_email answered (and
    // a GET of it answered 405, as the real API does).
    void startAuth();
    void startNotifications();
    // useTestEnvironment with the stubs started (a closed port for the auth API when none was).
    void useEnvironment(bool withRedis = true);
    // The operator signs in with the test account before the window opens (as a restored session would).
    void signInFirst();

    // The window, shown (and resized when size is valid), not yet started.
    void openWindow(QSize size = QSize());
    // start(), then waits until the window has read its password from the keychain or has listed the known emails.
    void startWindow(Ready ready);
    // The MainWindowHost in `language` (English by default), opened and started, its window resized; waits until the
    // window has the database password.
    void openHost(QSize size = QSize(), const QString &language = QStringLiteral("en"));

    void tearDown();

    const QString &dbName() const { return m_dbName; }
    AuthApiStub *auth() const { return m_auth.get(); }
    HttpStub *notifications() const { return m_notifications.get(); }
    QString notificationsUrl() const;
    fo::SecretStore *secrets() const { return m_secrets.get(); }
    fo::AuthSession *session() const { return m_session.get(); }
    ui::Translations *translations() const { return m_translations.get(); }
    ui::MainWindowHost *host() const { return m_host.get(); }
    // The window: the host's current one when a host was opened. Null once a window that deletes itself on close
    // was closed.
    ui::MainWindow *window() const;

private:
    void makeSession();

    QString m_dbName;
    std::unique_ptr<AuthApiStub> m_auth;
    std::unique_ptr<HttpStub> m_notifications;
    std::unique_ptr<fo::SecretStore> m_secrets;
    std::unique_ptr<fo::AuthSession> m_session;
    std::unique_ptr<ui::Translations> m_translations;
    std::unique_ptr<ui::MainWindowHost> m_host;
    QPointer<ui::MainWindow> m_window; // owned (deleted by tearDown unless it deleted itself on close)
};

// The base of a desktop test class: its fixture, and short names for what the fixture holds. Opening is the
// test's initTestCase (the steps differ); cleanupTestCase calls m_desktop.tearDown().
class DesktopTest : public QObject
{
protected:
    ui::MainWindow *window() const { return m_desktop.window(); }
    AuthApiStub *auth() const { return m_desktop.auth(); }
    HttpStub *notifications() const { return m_desktop.notifications(); }
    fo::SecretStore *secrets() const { return m_desktop.secrets(); }
    fo::AuthSession *session() const { return m_desktop.session(); }

    DesktopFixture m_desktop;
};

} // namespace fo::test
