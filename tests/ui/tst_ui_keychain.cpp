// The keychain against a real gnome-keyring (scripts/test.sh runs the tests inside dbus-run-session with an
// unlocked keyring): store, load, overwrite, remove; keys scoped by origin; and the 5 s timeout path.

#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeLoadRemove();
    void keysAreScopedByOrigin();
    void silentKeychainTimesOut();

private:
    QString m_service;
};

void TestUiKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session (run scripts/test.sh, which starts one with an unlocked gnome-keyring)");
    // A service of its own, so that the test never touches the application's real entries.
    m_service = QStringLiteral("find-outliers-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestUiKeychain::storeLoadRemove()
{
    const QString key = SecretStore::tokensKey(QStringLiteral("http://auth.example:8081/"));
    {
        SecretStore store;
        store.setService(m_service);
        QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
        QCOMPARE(writeSecret(store, key, QStringLiteral("{\"refresh_token\":\"r1\"}")), QString());
        QCOMPARE(fallback.count(), 0);
    }
    // A new store (as after a restart) reads it from the keychain, not from memory.
    SecretStore store;
    store.setService(m_service);
    SecretStore::ReadResult r = readSecret(store, key);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.found);
    QCOMPARE(r.secret, QStringLiteral("{\"refresh_token\":\"r1\"}"));
    QVERIFY(!store.isFallbackActive());

    QCOMPARE(writeSecret(store, key, QStringLiteral("second")), QString());
    SecretStore again;
    again.setService(m_service);
    QCOMPARE(readSecret(again, key).secret, QStringLiteral("second"));

    QCOMPARE(removeSecret(again, key), QString());
    SecretStore third;
    third.setService(m_service);
    r = readSecret(third, key);
    QVERIFY(r.error.isEmpty());
    QVERIFY(!r.found);
}

void TestUiKeychain::keysAreScopedByOrigin()
{
    QCOMPARE(SecretStore::tokensKey(QStringLiteral("http://Auth.Example:8081/")),
             QStringLiteral("tokens:http://auth.example:8081"));
    QVERIFY(SecretStore::tokensKey(QStringLiteral("http://a:1"))
            != SecretStore::tokensKey(QStringLiteral("http://b:1")));
    SecretStore store;
    store.setService(m_service);
    const QString a = SecretStore::tokensKey(QStringLiteral("http://a.example:1"));
    const QString b = SecretStore::tokensKey(QStringLiteral("http://b.example:1"));
    QCOMPARE(writeSecret(store, a, QStringLiteral("A")), QString());
    QCOMPARE(writeSecret(store, b, QStringLiteral("B")), QString());
    SecretStore fresh;
    fresh.setService(m_service);
    QCOMPARE(readSecret(fresh, a).secret, QStringLiteral("A"));
    QCOMPARE(readSecret(fresh, b).secret, QStringLiteral("B"));
    for (const QString &key : {a, b})
        QCOMPARE(removeSecret(fresh, key), QString());
}

void TestUiKeychain::silentKeychainTimesOut()
{
    // A keychain that does not answer in time: with a timeout shorter than a D-Bus round trip, the store stops
    // waiting, says so once, and keeps the secret in memory for the session.
    SecretStore store;
    store.setService(m_service);
    store.setTimeout(std::chrono::milliseconds(0));
    QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
    const QString key = SecretStore::tokensKey(QStringLiteral("http://timeout.example"));
    const QString error = writeSecret(store, key, QStringLiteral("in memory"));
    QVERIFY(!error.isEmpty());
    QCOMPARE(fallback.count(), 1);
    QVERIFY(store.isFallbackActive());
    const SecretStore::ReadResult r = readSecret(store, key);
    QVERIFY(r.found);
    QCOMPARE(r.secret, QStringLiteral("in memory"));
    QCOMPARE(fallback.count(), 1); // said once
    // The abandoned job lives on and finishes: the keychain has the secret (a job deleted early would crash in the
    // backend's callback, SecretStore.cpp). Then the test's service is cleaned up.
    waitForKeychainEntry(key, true, m_service);
    FO_RETURN_IF_FAILED();
    SecretStore cleanup;
    cleanup.setService(m_service);
    QCOMPARE(removeSecret(cleanup, key), QString());
    waitForKeychainEntry(key, false, m_service);
}

QTEST_MAIN(TestUiKeychain)
#include "tst_ui_keychain.moc"
