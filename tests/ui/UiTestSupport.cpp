#include "tests/ui/UiTestSupport.h"

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/ChartMarkers.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <array>
#include <cmath>

namespace fo::test {

namespace {

HttpStub::Response status(int code, const QByteArray &detail)
{
    HttpStub::Response r;
    r.status = code;
    r.body = "{\"detail\":\"" + detail + "\"}";
    return r;
}

} // namespace

AuthApiStub::AuthApiStub()
{
    m_stub.setHandler([this](const HttpStub::Request &request) { return answer(request); });
}

void AuthApiStub::addAccount(const QString &login, const QString &email, const QString &name)
{
    m_accounts.insert(login, {email, name});
}

int AuthApiStub::count(const QByteArray &method, const QByteArray &pathPart) const
{
    int n = 0;
    for (const HttpStub::Request &r : m_stub.requests())
        n += (r.method == method && r.path.contains(pathPart)) ? 1 : 0;
    return n;
}

HttpStub::Response AuthApiStub::tokens(const QString &login)
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

HttpStub::Response AuthApiStub::answer(const HttpStub::Request &request)
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

void useTestEnvironment(const QString &dbName, const QString &authUrl, const QString &notificationsUrl, bool withRedis)
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
    qunsetenv("REDIS_HOST");
    if (!withRedis)
        return;
    const auto redis = redisServer();
    QVERIFY2(redis, "No test Redis: run the tests with scripts/test.sh, which starts one");
    qputenv("REDIS_HOST", redis->first.toUtf8());
    qputenv("REDIS_PORT", QByteArray::number(redis->second));
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: closed on any test machine
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

fo::SecretStore::ReadResult readSecret(fo::SecretStore &store, const QString &key, int timeoutMs)
{
    QObject context;
    fo::SecretStore::ReadResult result;
    bool answered = false;
    store.read(key, &context, [&](const fo::SecretStore::ReadResult &r) {
        result = r;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, timeoutMs))
        result.error = QStringLiteral("no answer from the store");
    return result;
}

QString writeSecret(fo::SecretStore &store, const QString &key, const QString &secret, int timeoutMs)
{
    QObject context;
    QString error;
    bool answered = false;
    store.write(key, secret, &context, [&](const QString &e) {
        error = e;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, timeoutMs))
        return QStringLiteral("no answer from the store");
    return error;
}

QString removeSecret(fo::SecretStore &store, const QString &key, int timeoutMs)
{
    QObject context;
    QString error;
    bool answered = false;
    store.remove(key, &context, [&](const QString &e) {
        error = e;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, timeoutMs))
        return QStringLiteral("no answer from the store");
    return error;
}

void waitForKeychainEntry(const QString &key, bool present, const QString &service, int timeoutMs)
{
    fo::SecretStore::ReadResult last;
    const bool reached = QTest::qWaitFor(
        [&] {
            fo::SecretStore fresh; // a store of its own each time: nothing in memory, the keychain's answer only
            if (!service.isEmpty())
                fresh.setService(service);
            last = readSecret(fresh, key, timeoutMs);
            return last.error.isEmpty() && last.found == present;
        },
        timeoutMs);
    QVERIFY2(reached,
             qPrintable(QStringLiteral("the keychain %1 %2 (last answer: %3)")
                            .arg(present ? QStringLiteral("never held") : QStringLiteral("still holds"), key,
                                 last.error.isEmpty() ? QStringLiteral("no error") : last.error)));
}

ui::SignInDialog *visibleSignInDialog(QWidget *window, int timeoutMs)
{
    ui::SignInDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ui::SignInDialog *>()) && dialog->isVisible(); }, timeoutMs);
    return shown ? dialog : nullptr;
}

void signInFromDialog(QWidget *window, fo::AuthSession *session, const QString &origin, const QString &login)
{
    ui::SignInDialog *dialog = visibleSignInDialog(window);
    QVERIFY2(dialog, "the sign-in dialog did not show");
    if (!origin.isEmpty())
        dialog->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(origin);
    dialog->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->setText(login);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 15000);
}

namespace {

using Matrix3 = std::array<std::array<double, 3>, 3>;
using Vector3 = std::array<double, 3>;

Vector3 times(const Matrix3 &m, const Vector3 &v)
{
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

double linearFromSrgb(double v)
{
    return v < 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double srgbFromLinear(double v)
{
    v = std::clamp(v, 0.0, 1.0);
    return v < 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

Vector3 linearRgb(const QColor &c)
{
    return {linearFromSrgb(c.redF()), linearFromSrgb(c.greenF()), linearFromSrgb(c.blueF())};
}

} // namespace

QColor simulatedColour(const QColor &colour, ColourVision vision)
{
    // Viénot 1999: one projection plane, a single matrix in linear RGB.
    static const Matrix3 protan = {{{0.10889, 0.89111, 0.0}, {0.10889, 0.89111, 0.0}, {0.00447, -0.00447, 1.0}}};
    static const Matrix3 deutan = {{{0.29031, 0.70969, 0.0}, {0.29031, 0.70969, 0.0}, {-0.02197, 0.02197, 1.0}}};
    // Brettel 1997 for tritanopia (Viénot's single plane is not accurate there): to LMS, project S on one of two
    // half-planes, back to RGB.
    static const Matrix3 lmsFromRgb = {
        {{0.17886, 0.43997, 0.03597}, {0.03380, 0.27515, 0.03621}, {0.00031, 0.00192, 0.01528}}};
    static const Matrix3 rgbFromLms = {
        {{8.00533, -12.88195, 11.68065}, {-0.97821, 5.26945, -10.18300}, {-0.04017, -0.39885, 66.48079}}};
    Vector3 rgb = linearRgb(colour);
    switch (vision) {
    case ColourVision::Typical:
        return colour;
    case ColourVision::Protanopia:
        rgb = times(protan, rgb);
        break;
    case ColourVision::Deuteranopia:
        rgb = times(deutan, rgb);
        break;
    case ColourVision::Tritanopia: {
        Vector3 lms = times(lmsFromRgb, rgb);
        const bool first = lms[0] * 0.34516 - lms[1] * 0.65480 >= 0;
        lms[2] = first ? -0.00213 * lms[0] + 0.05477 * lms[1] : -0.06195 * lms[0] + 0.16826 * lms[1];
        rgb = times(rgbFromLms, lms);
        break;
    }
    }
    return QColor::fromRgbF(float(srgbFromLinear(rgb[0])), float(srgbFromLinear(rgb[1])),
                            float(srgbFromLinear(rgb[2])));
}

double colourDifference(const QColor &a, const QColor &b)
{
    auto lab = [](const QColor &c) {
        static const Matrix3 xyzFromRgb = {
            {{0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}}};
        const Vector3 xyz = times(xyzFromRgb, linearRgb(c));
        auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
        const double fx = f(xyz[0] / 0.95047), fy = f(xyz[1]), fz = f(xyz[2] / 1.08883);
        return Vector3 {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
    };
    const Vector3 p = lab(a), q = lab(b);
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

void verifyOutlierMarkers(const QImage &image, const ui::OutlierChartView *view, QPointF viewportOrigin, int *checked)
{
    if (checked)
        *checked = 0;
    const QColor red = ui::markers::outlier().color;
    const qreal radius = ui::markers::outlier().diameter / 2;
    const qreal ratio = image.devicePixelRatio();
    QChart *chart = view->chart();
    auto toImage = [&](const QPointF &value) {
        const QPointF inChart = chart->mapToPosition(value, view->lineSeries());
        const QPointF inViewport = view->mapFromScene(chart->mapToScene(inChart));
        return (inViewport + viewportOrigin) * ratio;
    };
    // Markers of the other kinds (persisting, resolved, the selected row's ring) may be drawn over a red one.
    QList<QPointF> others;
    for (QAbstractSeries *series : chart->series()) {
        auto *markers = qobject_cast<QLineSeries *>(series);
        if (!markers || markers == view->outlierSeries() || markers == view->lineSeries()
            || markers == view->envelopeSeries() || markers->pen().style() != Qt::NoPen)
            continue;
        for (const QPointF &p : markers->points())
            others.append(toImage(p));
    }
    const QRectF plot = chart->plotArea().adjusted(radius, radius, -radius, -radius);
    int inPlot = 0;
    int looked = 0;
    for (const QPointF &point : view->outlierSeries()->points()) {
        const QPointF inChart = chart->mapToPosition(point, view->lineSeries());
        if (!plot.contains(inChart))
            continue;
        ++inPlot;
        const QPointF at = toImage(point);
        const bool covered = std::any_of(others.cbegin(), others.cend(), [&](const QPointF &o) {
            return QLineF(o, at).length() < 2 * ui::markers::selected().diameter * ratio;
        });
        if (covered)
            continue;
        const QPoint pixel = at.toPoint();
        QVERIFY2(image.rect().contains(pixel),
                 qPrintable(QStringLiteral("marker at (%1, %2) lies outside the image").arg(pixel.x()).arg(pixel.y())));
        const QColor c = image.pixelColor(pixel);
        const bool isRed = std::abs(c.red() - red.red()) <= 16 && std::abs(c.green() - red.green()) <= 16
            && std::abs(c.blue() - red.blue()) <= 16;
        QVERIFY2(isRed,
                 qPrintable(QStringLiteral("no outlier marker at pixel (%1, %2) for the point (%3, %4): %5")
                                .arg(pixel.x())
                                .arg(pixel.y())
                                .arg(QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC).toString(Qt::ISODate))
                                .arg(point.y())
                                .arg(c.name())));
        ++looked;
    }
    QVERIFY2(inPlot > 0, "no outlier marker inside the plot area");
    QVERIFY2(looked * 2 >= inPlot,
             qPrintable(QStringLiteral("only %1 of %2 markers are clear of other markers").arg(looked).arg(inPlot)));
    if (checked)
        *checked = looked;
}

DesktopFixture::DesktopFixture() = default;

DesktopFixture::~DesktopFixture()
{
    tearDown();
}

void DesktopFixture::createDatabase(const QString &prefix, Seed seed)
{
    if (!pgServer())
        QFAIL("No test PostgreSQL: run the tests with scripts/test.sh, which starts one");
    QString error;
    m_dbName = fo::test::createDatabase(prefix, &error);
    QVERIFY2(!m_dbName.isEmpty(), qPrintable(error));
    if (seed == Seed::Nothing)
        return;
    Result<Database> db = Database::open(pgConfig(m_dbName));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const Result<qint64> seeded = demo::seed(db.value());
    QVERIFY2(seeded.ok(), qPrintable(seeded.error()));
    QVERIFY(seeded.value() > 0);
}

void DesktopFixture::startAuth()
{
    m_auth = std::make_unique<AuthApiStub>();
    m_auth->addAccount(SupportLogin, SupportEmail, SupportName);
}

void DesktopFixture::startNotifications()
{
    m_notifications = std::make_unique<HttpStub>();
    m_notifications->setRoute("POST", "/notifications/send_email", {});
    // As the real API (FastAPI) answers a GET on its POST-only endpoint: the status bar's check sends nothing.
    HttpStub::Response methodNotAllowed;
    methodNotAllowed.status = 405;
    methodNotAllowed.body = "{\"detail\":\"Method Not Allowed\"}";
    m_notifications->setRoute("GET", "/notifications/send_email", methodNotAllowed);
}

QString DesktopFixture::notificationsUrl() const
{
    return m_notifications ? m_notifications->baseUrl() + QStringLiteral("/notifications") : QString();
}

void DesktopFixture::useEnvironment(bool withRedis)
{
    const QString authUrl = m_auth ? m_auth->baseUrl() : QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    useTestEnvironment(m_dbName, authUrl, notificationsUrl(), withRedis);
}

void DesktopFixture::makeSession()
{
    if (!m_secrets)
        m_secrets = std::make_unique<fo::SecretStore>();
    if (!m_session)
        m_session = std::make_unique<fo::AuthSession>(m_secrets.get());
}

void DesktopFixture::signInFirst()
{
    QVERIFY2(m_auth, "startAuth() first");
    makeSession();
    m_session->setOrigin(m_auth->baseUrl());
    QSignalSpy signedIn(m_session.get(), &fo::AuthSession::signedIn);
    m_session->signInWithTestAccount(SupportLogin);
    QVERIFY(signedIn.wait(15000));
}

void DesktopFixture::openWindow(QSize size)
{
    makeSession();
    m_window = new ui::MainWindow(m_secrets.get(), m_session.get());
    if (size.isValid())
        m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void DesktopFixture::startWindow(Ready ready)
{
    QVERIFY(m_window);
    QSignalSpy password(m_window.data(), &ui::MainWindow::passwordLoaded);
    QSignalSpy emails(m_window.data(), &ui::MainWindow::emailsLoaded);
    m_window->start();
    if (ready == Ready::PasswordLoaded)
        QVERIFY(password.count() > 0 || password.wait(10000));
    else if (ready == Ready::EmailsLoaded)
        QVERIFY(emails.count() > 0 || emails.wait(30000));
}

void DesktopFixture::openHost(QSize size, const QString &language)
{
    makeSession();
    ui::AppSettings().setLanguage(language);
    m_translations = std::make_unique<ui::Translations>();
    QCOMPARE(m_translations->install(language), language);
    m_host = std::make_unique<ui::MainWindowHost>(m_secrets.get(), m_session.get(), m_translations.get());
    m_host->open();
    QVERIFY(m_host->window());
    if (size.isValid())
        m_host->window()->resize(size);
    QVERIFY(QTest::qWaitForWindowExposed(m_host->window()));
    // The settings dialog starts from the password the window read from the keychain (or the environment): the
    // tests open it only once that read has answered.
    QTRY_VERIFY_WITH_TIMEOUT(!m_host->window()->runConfig().dbPassword.isEmpty(), 10000);
}

ui::MainWindow *DesktopFixture::window() const
{
    return m_host ? m_host->window() : m_window.data();
}

void DesktopFixture::tearDown()
{
    delete m_window.data();
    m_host.reset();
    m_translations.reset();
    m_session.reset();
    m_secrets.reset();
    if (!m_dbName.isEmpty())
        dropDatabase(m_dbName);
    m_dbName.clear();
}

} // namespace fo::test
