#include "signin/SecretStore.h"

#include "signin/SigninLog.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <qt6keychain/keychain.h>

#include <memory>

namespace fo {

// Jobs have no parent: the libsecret backend calls back into a job after its D-Bus reply arrives, so a job must
// live until it finishes (autoDelete removes it then), even when this store is gone or has stopped waiting.

namespace {

// State shared by a job's finished handler and its timeout: whichever comes first answers.
struct JobState
{
    bool answered = false;
};

QString normalisedOrigin(const QString &origin)
{
    QUrl url(origin.trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return origin.trimmed();
    QString text = url.scheme() + QStringLiteral("://") + url.host().toLower();
    if (url.port() != -1)
        text += QLatin1Char(':') + QString::number(url.port());
    return text;
}

} // namespace

SecretStore::SecretStore(QObject *parent) : QObject(parent) { }

QString SecretStore::tokensKey(const QString &authOrigin)
{
    return QStringLiteral("tokens:") + normalisedOrigin(authOrigin);
}

QString SecretStore::databasePasswordKey(const QString &databaseDescription)
{
    return QStringLiteral("database-password:") + databaseDescription;
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const ReadResult &result) {
        if (guard && done)
            done(result);
    };
    if (m_fallbackActive) {
        ReadResult r;
        r.found = m_memory.contains(key);
        r.secret = m_memory.value(key);
        r.error = m_fallbackReason;
        QTimer::singleShot(0, this, [answer, r] { answer(r); });
        return;
    }

    auto state = std::make_shared<JobState>();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, state, answer] {
        if (state->answered)
            return;
        if (job->error() == QKeychain::EntryNotFound) {
            // A locked keychain answers "not found" too: libsecret hides the items that it could not unlock (the
            // unlock prompt was dismissed, or could not be shown). Tell the two apart before answering; the
            // timeout still applies.
            checkDefaultCollectionLocked([this, key, state, answer](bool locked) {
                if (state->answered)
                    return;
                state->answered = true;
                if (locked)
                    activateFallback(tr("the system keychain is locked"));
                ReadResult r;
                r.found = m_memory.contains(key);
                r.secret = m_memory.value(key);
                if (locked)
                    r.error = m_fallbackReason;
                answer(r);
            });
            return;
        }
        state->answered = true;
        ReadResult r;
        if (job->error() == QKeychain::NoError) {
            r.found = true;
            r.secret = job->textData();
        } else {
            activateFallback(job->errorString());
            r.found = m_memory.contains(key);
            r.secret = m_memory.value(key);
            r.error = m_fallbackReason;
        }
        answer(r);
    });
    QTimer::singleShot(m_timeout, this, [this, key, state, answer] {
        if (state->answered)
            return;
        state->answered = true;
        activateFallback(
            tr("the system keychain did not answer within %n second(s)", nullptr, int(m_timeout.count() / 1000)));
        ReadResult r;
        r.found = m_memory.contains(key);
        r.secret = m_memory.value(key);
        r.error = m_fallbackReason;
        answer(r);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const QString &error) {
        if (guard && done)
            done(error);
    };
    // The in-memory copy is the fallback's value if the keychain fails now or later in this session.
    m_memory.insert(key, secret);
    if (m_fallbackActive) {
        const QString reason = m_fallbackReason;
        QTimer::singleShot(0, this, [answer, reason] { answer(reason); });
        return;
    }
    auto state = std::make_shared<JobState>();
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, state, answer] {
        if (state->answered)
            return;
        state->answered = true;
        if (job->error() != QKeychain::NoError) {
            activateFallback(job->errorString());
            answer(m_fallbackReason);
            return;
        }
        answer(QString());
    });
    QTimer::singleShot(m_timeout, this, [this, state, answer] {
        if (state->answered)
            return;
        state->answered = true;
        activateFallback(
            tr("the system keychain did not answer within %n second(s)", nullptr, int(m_timeout.count() / 1000)));
        answer(m_fallbackReason);
    });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const QString &error) {
        if (guard && done)
            done(error);
    };
    m_memory.remove(key);
    if (m_fallbackActive) {
        QTimer::singleShot(0, this, [answer] { answer(QString()); });
        return;
    }
    auto state = std::make_shared<JobState>();
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, state, answer] {
        if (state->answered)
            return;
        state->answered = true;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            activateFallback(job->errorString());
            answer(m_fallbackReason);
            return;
        }
        answer(QString());
    });
    QTimer::singleShot(m_timeout, this, [this, state, answer] {
        if (state->answered)
            return;
        state->answered = true;
        activateFallback(
            tr("the system keychain did not answer within %n second(s)", nullptr, int(m_timeout.count() / 1000)));
        answer(m_fallbackReason);
    });
    job->start();
}

void SecretStore::checkDefaultCollectionLocked(std::function<void(bool locked)> done)
{
    // The Secret Service API (freedesktop.org), which libsecret and so QtKeychain use on Linux: the collection behind
    // the "default" alias, and its Locked property. Reading a property never prompts. Any failure (no such service,
    // as with KWallet, or no default collection yet) counts as "not locked": the keychain's own answer stands.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    const QString service = QStringLiteral("org.freedesktop.secrets");
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    readAlias << QStringLiteral("default");
    auto *aliasWatcher = new QDBusPendingCallWatcher(bus.asyncCall(readAlias), this);
    connect(aliasWatcher, &QDBusPendingCallWatcher::finished, this,
            [this, bus, service, done](QDBusPendingCallWatcher *watcher) {
                watcher->deleteLater();
                const QDBusPendingReply<QDBusObjectPath> alias = *watcher;
                if (alias.isError() || alias.value().path().isEmpty() || alias.value().path() == QLatin1String("/")) {
                    done(false);
                    return;
                }
                QDBusMessage get = QDBusMessage::createMethodCall(service, alias.value().path(),
                                                                  QStringLiteral("org.freedesktop.DBus.Properties"),
                                                                  QStringLiteral("Get"));
                get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
                auto *lockedWatcher = new QDBusPendingCallWatcher(bus.asyncCall(get), this);
                connect(lockedWatcher, &QDBusPendingCallWatcher::finished, this,
                        [done](QDBusPendingCallWatcher *second) {
                            second->deleteLater();
                            const QDBusPendingReply<QDBusVariant> locked = *second;
                            done(!locked.isError() && locked.value().variant().toBool());
                        });
            });
}

void SecretStore::activateFallback(const QString &reason)
{
    if (m_fallbackActive)
        return;
    m_fallbackActive = true;
    m_fallbackReason = reason;
    qCWarning(lcKeychain) << "keychain unavailable, keeping secrets in memory for this session:" << reason;
    Q_EMIT fallbackActivated(reason);
}

} // namespace fo
