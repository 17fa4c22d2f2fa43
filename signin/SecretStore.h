#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace fo {

// Secrets (the database password, the sign-in tokens) in the system keychain through QtKeychain, service
// "find-outliers" (STYLE.md 10). Every job is asynchronous and has a timeout; the GUI thread never waits for one.
//
// When the keychain fails (unavailable, locked, or silent for longer than the timeout) the store switches to an
// in-memory fallback for the rest of the session and says so once through fallbackActivated(); the secrets are then
// lost when the application quits, and never written anywhere in plain text.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    struct ReadResult
    {
        bool found = false;
        QString secret;
        QString error; // set when the keychain failed (the value then comes from the in-memory fallback)
    };
    using ReadCallback = std::function<void(const ReadResult &)>;
    using DoneCallback = std::function<void(const QString &error)>; // empty error: stored in the keychain

    explicit SecretStore(QObject *parent = nullptr);

    static QString defaultService() { return QStringLiteral("find-outliers"); }
    void setService(const QString &service) { m_service = service; }
    QString service() const { return m_service; }

    static constexpr std::chrono::milliseconds DefaultTimeout {5000};
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Key helpers: secrets are scoped by where they belong (ownCloud's app:host:user).
    static QString tokensKey(const QString &authOrigin);
    static QString databasePasswordKey(const QString &databaseDescription);

    // The callbacks run on this object's thread, and only while `context` is alive.
    void read(const QString &key, QObject *context, ReadCallback done);
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done = {});
    void remove(const QString &key, QObject *context, DoneCallback done = {});

    bool isFallbackActive() const { return m_fallbackActive; }
    QString fallbackReason() const { return m_fallbackReason; }

Q_SIGNALS:
    void fallbackActivated(const QString &reason);

private:
    // Whether the Secret Service's default collection is locked (a read of a locked keychain looks like "not found").
    void checkDefaultCollectionLocked(std::function<void(bool locked)> done);
    void activateFallback(const QString &reason);

    QString m_service = defaultService();
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    bool m_fallbackActive = false;
    QString m_fallbackReason;
    QHash<QString, QString> m_memory;
};

} // namespace fo
