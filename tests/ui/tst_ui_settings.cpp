// The settings dialog against real services: every value is saved to QSettings and used at once, the database
// password goes to the keychain and nowhere in the settings file, and each "Test connection" button answers: a
// success against the real PostgreSQL, the real Redis and local stand-ins for the HTTP APIs, and a failure that says
// what went wrong against a closed port.

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/settings/AppSettings.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/status/ServiceIndicator.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

namespace {
const QString Ok = QStringLiteral("✔ ");
const QString Failed = QStringLiteral("✘ ");
const QString Warned = QStringLiteral("⚠ ");
const QString Neutral = QStringLiteral("– ");
} // namespace

class TestUiSettings : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void savesSettingsAndKeepsThePasswordInTheKeychain();
    void testConnectionSucceedsAgainstTheRealServices();
    void testConnectionFailsAgainstAClosedPort();
    void cancelSavesNothing();
    void resultsKeepTheLayoutStillAndShowWhole();
    void errorsNameTheFieldsLabel();
    void engineSwitchKeepsEachEnginesName();
    void http404IsAWarningAndUnsetIsNeutral();

private:
    SettingsDialog *openDialog();
    template<typename T> T *field(const char *name) const;
    QString clickAndWait(const char *button, const char *result);
    static void clickButton(SettingsDialog *dialog, QDialogButtonBox::StandardButton which);

    std::optional<PgServer> m_pg;
    std::optional<std::pair<QString, int>> m_redis;
    QPointer<SettingsDialog> m_dialog;
    QTemporaryDir m_tmpDir;
};

void TestUiSettings::initTestCase()
{
    m_pg = pgServer();
    m_redis = redisServer();
    QVERIFY2(m_redis, "No test Redis (scripts/test-services.sh starts one)");
    m_desktop.createDatabase(QStringLiteral("ui_settings"), DesktopFixture::Seed::Nothing);
    FO_RETURN_IF_FAILED();
    QVERIFY2(m_pg->password.size() >= 16, "the test server's password is too short to look for in a file");

    m_desktop.startAuth();
    m_desktop.startNotifications();
    // As the real API (FastAPI) answers a GET on its POST-only endpoint; the Test button sends nothing.
    HttpStub::Response methodNotAllowed;
    methodNotAllowed.status = 405;
    methodNotAllowed.body = "{\"detail\":\"Method Not Allowed\"}";
    notifications()->clearRoutes();
    notifications()->setRoute("GET", "/notifications/send_email", methodNotAllowed);
    m_desktop.useEnvironment();
    FO_RETURN_IF_FAILED();
    // The password is typed in the settings, as an operator would: neither the environment nor the keychain has it.
    qunsetenv("DB_PASSWORD");
    m_desktop.openWindow();
    FO_RETURN_IF_FAILED();
    m_desktop.startWindow(DesktopFixture::Ready::PasswordLoaded);
    FO_RETURN_IF_FAILED();
    // Without the password the database refuses the window.
    QTRY_COMPARE_WITH_TIMEOUT(window()->databaseIndicator()->state(), ServiceIndicator::State::Unreachable, 15000);
}

void TestUiSettings::cleanupTestCase()
{
    if (m_dialog)
        m_dialog->reject();
    m_desktop.tearDown();
}

SettingsDialog *TestUiSettings::openDialog()
{
    window()->showSettings();
    SettingsDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window()->findChild<SettingsDialog *>()) && dialog->isVisible(); }))
        return nullptr;
    m_dialog = dialog;
    return dialog;
}

template<typename T> T *TestUiSettings::field(const char *name) const
{
    return m_dialog ? m_dialog->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

void TestUiSettings::clickButton(SettingsDialog *dialog, QDialogButtonBox::StandardButton which)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(which), Qt::LeftButton);
}

// Clicks a "Test connection" button and returns the result line once it has one.
QString TestUiSettings::clickAndWait(const char *button, const char *result)
{
    auto *label = field<QLabel>(result);
    auto *push = field<QPushButton>(button);
    if (!label || !push)
        return QStringLiteral("(no widget %1 or %2)").arg(QString::fromLatin1(button), QString::fromLatin1(result));
    label->clear();
    QTest::mouseClick(push, Qt::LeftButton);
    (void)QTest::qWaitFor(
        [&] {
            return label->text().startsWith(Ok) || label->text().startsWith(Failed) || label->text().startsWith(Warned)
                || label->text().startsWith(Neutral);
        },
        20000);
    return label->text();
}

void TestUiSettings::savesSettingsAndKeepsThePasswordInTheKeychain()
{
    SettingsDialog *dialog = openDialog();
    QVERIFY(dialog);
    // The dialog shows the configuration in use.
    QCOMPARE(field<QLineEdit>("dbHostEdit")->text(), m_pg->host);
    QCOMPARE(field<QSpinBox>("dbPortSpin")->value(), m_pg->port);
    QCOMPARE(field<QLineEdit>("dbNameEdit")->text(), m_desktop.dbName());
    QCOMPARE(field<QLineEdit>("authUrlEdit")->text(), auth()->baseUrl());
    QCOMPARE(field<QLineEdit>("dbPasswordEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(field<QLineEdit>("dbPasswordEdit")->text() != m_pg->password);

    field<QLineEdit>("dbPasswordEdit")->setText(m_pg->password);
    // Nothing in the tool uses the data collection API: the dialog does not ask for it.
    QVERIFY(!field<QLineEdit>("dataCollectionUrlEdit"));
    field<QLineEdit>("redisHostEdit")->setText(m_redis->first);
    field<QSpinBox>("redisPortSpin")->setValue(m_redis->second);
    field<QDoubleSpinBox>("defaultRawThresholdSpin")->setValue(2.75);
    field<QDoubleSpinBox>("defaultProcessedThresholdSpin")->setValue(1.5);
    QSignalSpy accepted(dialog, &SettingsDialog::settingsAccepted);
    clickButton(dialog, QDialogButtonBox::Ok);
    QCOMPARE(accepted.count(), 1);
    QTRY_VERIFY(!m_dialog);

    // In QSettings, every key.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("database/engine")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(settings.value(QStringLiteral("database/host")).toString(), m_pg->host);
    QCOMPARE(settings.value(QStringLiteral("database/port")).toInt(), m_pg->port);
    QCOMPARE(settings.value(QStringLiteral("database/name")).toString(), m_desktop.dbName());
    QCOMPARE(settings.value(QStringLiteral("database/user")).toString(), m_pg->user);
    QCOMPARE(settings.value(QStringLiteral("redis/host")).toString(), m_redis->first);
    QCOMPARE(settings.value(QStringLiteral("redis/port")).toInt(), m_redis->second);
    QCOMPARE(settings.value(QStringLiteral("services/authApiBaseUrl")).toString(), auth()->baseUrl());
    QCOMPARE(settings.value(QStringLiteral("services/notificationsApiBaseUrl")).toString(),
             notifications()->baseUrl() + QStringLiteral("/notifications"));
    QCOMPARE(settings.value(QStringLiteral("analysis/rawThreshold")).toDouble(), 2.75);
    QCOMPARE(settings.value(QStringLiteral("analysis/processedThreshold")).toDouble(), 1.5);
    for (const QString &key : settings.allKeys())
        QVERIFY2(!key.contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(key));

    // Read back as at the next start, and used by the window now: the thresholds beside Run, and the password
    // (the database answers).
    const Config saved = AppSettings().config();
    QCOMPARE(saved.rawThreshold, 2.75);
    QCOMPARE(saved.processedThreshold, 1.5);
    QVERIFY(saved.dbPassword.isEmpty());
    QCOMPARE(window()->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->value(), 2.75);
    QCOMPARE(window()->findChild<QDoubleSpinBox *>(QStringLiteral("processedThresholdSpin"))->value(), 1.5);
    QTRY_COMPARE_WITH_TIMEOUT(window()->databaseIndicator()->state(), ServiceIndicator::State::Reachable, 15000);

    // The password is in the keychain: a new store (as after a restart) reads it from there.
    SecretStore fresh;
    SecretStore::ReadResult stored;
    bool answered = false;
    fresh.read(SecretStore::databasePasswordKey(saved.describeDatabase()), this, [&](const SecretStore::ReadResult &r) {
        stored = r;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
    QVERIFY(stored.found);
    QVERIFY(stored.secret == m_pg->password);
    QVERIFY(!fresh.isFallbackActive());

    // And not in the settings file: its bytes hold the settings, and not the password.
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("rawThreshold=2.75"));
    QVERIFY(bytes.contains(m_desktop.dbName().toUtf8()));
    QVERIFY2(!bytes.contains(m_pg->password.toUtf8()), "the database password is in the settings file");
    QVERIFY(!bytes.toLower().contains("password"));
}

void TestUiSettings::testConnectionSucceedsAgainstTheRealServices()
{
    QVERIFY(openDialog());
    QString result = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(result.startsWith(Ok) && result.contains(m_desktop.dbName()), qPrintable(result));

    result = clickAndWait("testRedisButton", "redisTestResult");
    QVERIFY2(result.startsWith(Ok) && result.contains(QString::number(m_redis->second)), qPrintable(result));

    const qsizetype before = notifications()->requests().size();
    result = clickAndWait("testNotificationsButton", "notificationsTestResult");
    QVERIFY2(result.startsWith(Ok) && result.contains(notifications()->baseUrl()), qPrintable(result));
    QCOMPARE(notifications()->requests().size(), before + 1);

    result = clickAndWait("testAuthButton", "authTestResult");
    QVERIFY2(result.startsWith(Ok) && result.contains(auth()->baseUrl()), qPrintable(result));
    QVERIFY(auth()->count("GET", "/auth-api/api/v1/auth/users/me") >= 1);
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
}

void TestUiSettings::testConnectionFailsAgainstAClosedPort()
{
    QVERIFY(openDialog());
    // The password typed is the one tested.
    field<QLineEdit>("dbPasswordEdit")->setText(QStringLiteral("not-the-password"));
    QString result = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Cannot connect")), qPrintable(result));

    const quint16 closed = closedPort();
    const QString port = QString::number(closed);
    field<QLineEdit>("dbPasswordEdit")->setText(m_pg->password);
    field<QSpinBox>("dbPortSpin")->setValue(closed);
    result = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Cannot connect")) && result.contains(port),
             qPrintable(result));

    field<QSpinBox>("redisPortSpin")->setValue(closed);
    result = clickAndWait("testRedisButton", "redisTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Cannot reach Redis"))
                 && result.contains(port),
             qPrintable(result));

    const QString closedUrl = QStringLiteral("http://127.0.0.1:%1").arg(closed);
    field<QLineEdit>("notificationsUrlEdit")->setText(closedUrl + QStringLiteral("/notifications"));
    result = clickAndWait("testNotificationsButton", "notificationsTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Cannot reach")) && result.contains(closedUrl),
             qPrintable(result));

    field<QLineEdit>("authUrlEdit")->setText(closedUrl);
    result = clickAndWait("testAuthButton", "authTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(closedUrl), qPrintable(result));

    // Testing saves nothing.
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
    QCOMPARE(QSettings().value(QStringLiteral("database/port")).toInt(), m_pg->port);
    QCOMPARE(QSettings().value(QStringLiteral("redis/port")).toInt(), m_redis->second);
}

void TestUiSettings::cancelSavesNothing()
{
    SettingsDialog *dialog = openDialog();
    QVERIFY(dialog);
    field<QDoubleSpinBox>("defaultRawThresholdSpin")->setValue(9.0);
    field<QLineEdit>("dbHostEdit")->setText(QStringLiteral("elsewhere.invalid"));
    clickButton(dialog, QDialogButtonBox::Cancel);
    QTRY_VERIFY(!m_dialog);
    QCOMPARE(QSettings().value(QStringLiteral("analysis/rawThreshold")).toDouble(), 2.75);
    QCOMPARE(QSettings().value(QStringLiteral("database/host")).toString(), m_pg->host);
    QCOMPARE(window()->runConfig().dbHost, m_pg->host);
}

// A Test result never moves the rows below it (the next click lands where it was aimed), and its whole text shows
// without resizing the dialog (issue 12 item 9).
void TestUiSettings::resultsKeepTheLayoutStillAndShowWhole()
{
    QVERIFY(openDialog());
    auto *tabs = m_dialog->findChild<QTabWidget *>();
    tabs->setCurrentIndex(1); // Services
    auto *notifyButton = field<QPushButton>("testNotificationsButton");
    auto *redisButton = field<QPushButton>("testRedisButton");
    QTRY_VERIFY(notifyButton->isVisible());
    const QPoint notifyBefore = notifyButton->mapTo(m_dialog, QPoint());
    const QPoint redisBefore = redisButton->mapTo(m_dialog, QPoint());
    const QSize dialogBefore = m_dialog->size();

    // A long answer: a refused connection, with the address and the reason.
    field<QLineEdit>("authUrlEdit")
        ->setText(QStringLiteral("http://127.0.0.1:%1/a/rather/long/path/to/show/wrapping").arg(closedPort()));
    const QString result = clickAndWait("testAuthButton", "authTestResult");
    QVERIFY2(result.startsWith(Failed), qPrintable(result));
    QApplication::processEvents();
    QCOMPARE(notifyButton->mapTo(m_dialog, QPoint()), notifyBefore);
    QCOMPARE(redisButton->mapTo(m_dialog, QPoint()), redisBefore);
    QCOMPARE(m_dialog->size(), dialogBefore);
    auto *label = field<QLabel>("authTestResult");
    QVERIFY2(
        label->heightForWidth(label->width()) <= label->height(),
        qPrintable(
            QStringLiteral("needs %1 px, has %2").arg(label->heightForWidth(label->width())).arg(label->height())));

    // The database's refusal is the longest text the dialog shows: whole, too.
    tabs->setCurrentIndex(0);
    field<QLineEdit>("dbPasswordEdit")->setText(QStringLiteral("not-the-password"));
    const QString db = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(db.startsWith(Failed), qPrintable(db));
    auto *dbLabel = field<QLabel>("dbTestResult");
    QApplication::processEvents();
    QVERIFY2(dbLabel->heightForWidth(dbLabel->width()) <= dbLabel->height(),
             qPrintable(QStringLiteral("needs %1 px, has %2: %3")
                            .arg(dbLabel->heightForWidth(dbLabel->width()))
                            .arg(dbLabel->height())
                            .arg(db)));
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
}

void TestUiSettings::errorsNameTheFieldsLabel()
{
    QVERIFY(openDialog());
    field<QLineEdit>("dbPasswordEdit")->setText(QStringLiteral("not-the-password"));
    QString result = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Host (DB_HOST)"))
                 && result.contains(QStringLiteral("Password (DB_PASSWORD)")),
             qPrintable(result));
    field<QLineEdit>("notificationsUrlEdit")->setText(QStringLiteral("notifications-api:8083"));
    result = clickAndWait("testNotificationsButton", "notificationsTestResult");
    QVERIFY2(result.startsWith(Failed) && result.contains(QStringLiteral("Notifications API:")), qPrintable(result));
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
}

// Each engine keeps its own database name, and a test of the other engine is not shown any more.
void TestUiSettings::engineSwitchKeepsEachEnginesName()
{
    QVERIFY(openDialog());
    auto *engine = field<QComboBox>("dbEngineCombo");
    auto *name = field<QLineEdit>("dbNameEdit");
    QCOMPARE(name->text(), m_desktop.dbName());
    engine->setCurrentIndex(engine->findData(QStringLiteral("sqlite")));
    const QString sqlitePath = m_tmpDir.filePath(QStringLiteral("local.sqlite"));
    name->setText(sqlitePath);
    QString result = clickAndWait("testDatabaseButton", "dbTestResult");
    QVERIFY2(result.startsWith(Ok) && result.contains(QStringLiteral("sqlite"), Qt::CaseInsensitive),
             qPrintable(result));

    engine->setCurrentIndex(engine->findData(QStringLiteral("postgresql")));
    QCOMPARE(name->text(), m_desktop.dbName());
    QVERIFY2(field<QLabel>("dbTestResult")->text().isEmpty(), qPrintable(field<QLabel>("dbTestResult")->text()));
    engine->setCurrentIndex(engine->findData(QStringLiteral("sqlite")));
    QCOMPARE(name->text(), sqlitePath);
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
}

void TestUiSettings::http404IsAWarningAndUnsetIsNeutral()
{
    QVERIFY(openDialog());
    // A server answers, but not the service: a 404 is no green check.
    field<QLineEdit>("notificationsUrlEdit")->setText(notifications()->baseUrl() + QStringLiteral("/wrong/path"));
    QString result = clickAndWait("testNotificationsButton", "notificationsTestResult");
    QVERIFY2(result.startsWith(Warned) && result.contains(QStringLiteral("answered HTTP 404: check the address")),
             qPrintable(result));
    field<QLineEdit>("authUrlEdit")->setText(notifications()->baseUrl());
    result = clickAndWait("testAuthButton", "authTestResult");
    QVERIFY2(result.startsWith(Warned) && result.contains(QStringLiteral("404")), qPrintable(result));

    // Nothing configured: neutral, as in the status bar.
    field<QLineEdit>("notificationsUrlEdit")->clear();
    result = clickAndWait("testNotificationsButton", "notificationsTestResult");
    QVERIFY2(result.startsWith(Neutral) && !result.contains(QStringLiteral("✘")), qPrintable(result));
    field<QLineEdit>("redisHostEdit")->clear();
    result = clickAndWait("testRedisButton", "redisTestResult");
    QVERIFY2(result.startsWith(Neutral), qPrintable(result));
    m_dialog->reject();
    QTRY_VERIFY(!m_dialog);
}

QTEST_MAIN(TestUiSettings)
#include "tst_ui_settings.moc"
