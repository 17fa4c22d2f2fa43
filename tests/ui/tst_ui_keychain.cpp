// The keychain against a real gnome-keyring (scripts/test.sh runs the tests inside dbus-run-session with an
// unlocked keyring): store, load, overwrite, remove; keys scoped by origin; and the 5 s timeout path.

#include "signin/SecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace fo;

class TestUiKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeLoadRemove();
    void keysAreScopedByOrigin();
    void silentKeychainTimesOut();

private:
    SecretStore::ReadResult read(SecretStore &store, const QString &key);
    QString write(SecretStore &store, const QString &key, const QString &secret);
    QString m_service;
};

void TestUiKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session (run scripts/test.sh, which starts one with an unlocked gnome-keyring)");
    // A service of its own, so that the test never touches the application's real entries.
    m_service = QStringLiteral("find-outliers-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SecretStore::ReadResult TestUiKeychain::read(SecretStore &store, const QString &key)
{
    SecretStore::ReadResult result;
    bool answered = false;
    store.read(key, this, [&](const SecretStore::ReadResult &r) {
        result = r;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        result.error = QStringLiteral("no answer");
    return result;
}

QString TestUiKeychain::write(SecretStore &store, const QString &key, const QString &secret)
{
    QString error = QStringLiteral("no answer");
    bool answered = false;
    store.write(key, secret, this, [&](const QString &e) {
        error = e;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return QStringLiteral("no answer");
    return error;
}

void TestUiKeychain::storeLoadRemove()
{
    const QString key = SecretStore::tokensKey(QStringLiteral("http://auth.example:8081/"));
    {
        SecretStore store;
        store.setService(m_service);
        QSignalSpy fallback(&store, &SecretStore::fallbackActivated);
        QCOMPARE(write(store, key, QStringLiteral("{\"refresh_token\":\"r1\"}")), QString());
        QCOMPARE(fallback.count(), 0);
    }
    // A new store (as after a restart) reads it from the keychain, not from memory.
    SecretStore store;
    store.setService(m_service);
    SecretStore::ReadResult r = read(store, key);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.found);
    QCOMPARE(r.secret, QStringLiteral("{\"refresh_token\":\"r1\"}"));
    QVERIFY(!store.isFallbackActive());

    QCOMPARE(write(store, key, QStringLiteral("second")), QString());
    SecretStore again;
    again.setService(m_service);
    QCOMPARE(read(again, key).secret, QStringLiteral("second"));

    bool removed = false;
    again.remove(key, this, [&](const QString &error) {
        QVERIFY(error.isEmpty());
        removed = true;
    });
    QTRY_VERIFY(removed);
    SecretStore third;
    third.setService(m_service);
    r = read(third, key);
    QVERIFY(r.error.isEmpty());
    QVERIFY(!r.found);
}

void TestUiKeychain::keysAreScopedByOrigin()
{
    QCOMPARE(SecretStore::tokensKey(QStringLiteral("http://Auth.Example:8081/")),
             QStringLiteral("tokens:http://auth.example:8081"));
    QVERIFY(SecretStore::tokensKey(QStringLiteral("http://a:1")) != SecretStore::tokensKey(QStringLiteral("http://b:1")));
    SecretStore store;
    store.setService(m_service);
    const QString a = SecretStore::tokensKey(QStringLiteral("http://a.example:1"));
    const QString b = SecretStore::tokensKey(QStringLiteral("http://b.example:1"));
    QCOMPARE(write(store, a, QStringLiteral("A")), QString());
    QCOMPARE(write(store, b, QStringLiteral("B")), QString());
    SecretStore fresh;
    fresh.setService(m_service);
    QCOMPARE(read(fresh, a).secret, QStringLiteral("A"));
    QCOMPARE(read(fresh, b).secret, QStringLiteral("B"));
    for (const QString &key : {a, b}) {
        bool done = false;
        fresh.remove(key, this, [&](const QString &) { done = true; });
        QTRY_VERIFY(done);
    }
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
    const QString error = write(store, key, QStringLiteral("in memory"));
    QVERIFY(!error.isEmpty());
    QCOMPARE(fallback.count(), 1);
    QVERIFY(store.isFallbackActive());
    const SecretStore::ReadResult r = read(store, key);
    QVERIFY(r.found);
    QCOMPARE(r.secret, QStringLiteral("in memory"));
    QCOMPARE(fallback.count(), 1); // said once
    QTest::qWait(500); // let the abandoned job finish before the service is cleaned up
    SecretStore cleanup;
    cleanup.setService(m_service);
    bool done = false;
    cleanup.remove(key, this, [&](const QString &) { done = true; });
    QTRY_VERIFY(done);
}

QTEST_MAIN(TestUiKeychain)
#include "tst_ui_keychain.moc"
