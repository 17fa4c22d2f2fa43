#include "ui/settings/AppSettings.h"

#include <QSettings>

namespace fo::ui {

namespace {

// Every key, in one table.
constexpr const char *KeyDbEngine = "database/engine";
constexpr const char *KeyDbHost = "database/host";
constexpr const char *KeyDbPort = "database/port";
constexpr const char *KeyDbName = "database/name";
constexpr const char *KeyDbUser = "database/user";
constexpr const char *KeyRedisHost = "redis/host";
constexpr const char *KeyRedisPort = "redis/port";
constexpr const char *KeyNotificationsUrl = "services/notificationsApiBaseUrl";
constexpr const char *KeyAuthUrl = "services/authApiBaseUrl";
constexpr const char *KeyDataCollectionUrl = "services/dataCollectionApiBaseUrl";
constexpr const char *KeyRawThreshold = "analysis/rawThreshold";
constexpr const char *KeyProcessedThreshold = "analysis/processedThreshold";
constexpr const char *KeyLanguage = "interface/language";
constexpr const char *KeyLastLogin = "session/lastTestLogin";
constexpr const char *KeyLastEmail = "session/lastEmail";
constexpr const char *KeyGeometry = "window/geometry";
constexpr const char *KeyState = "window/state";

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

AppSettings::AppSettings() = default;

Config AppSettings::environmentConfig()
{
    Result<Config> resolved = resolveConfig({}, processEnvironment(), {}, {});
    if (resolved.ok())
        return resolved.value();
    return Config {};
}

Config AppSettings::config() const
{
    QSettings s;
    Config c = environmentConfig();
    if (s.contains(key(KeyDbEngine))) {
        const QString engine = s.value(key(KeyDbEngine)).toString();
        c.dbEngine = engine == QLatin1String("sqlite") ? Config::DbEngine::Sqlite : Config::DbEngine::PostgreSql;
        c.embeddedDefault = false;
    }
    c.dbHost = stringValue(KeyDbHost, c.dbHost);
    c.dbPort = s.value(key(KeyDbPort), c.dbPort).toInt();
    c.dbName = stringValue(KeyDbName, c.dbName);
    c.dbUser = stringValue(KeyDbUser, c.dbUser);
    if (c.dbEngine == Config::DbEngine::Sqlite && c.dbName.isEmpty()) {
        c.dbName = embeddedDatabasePath();
        c.embeddedDefault = true;
    }
    c.redisHost = stringValue(KeyRedisHost, c.redisHost);
    c.redisPort = s.value(key(KeyRedisPort), c.redisPort).toInt();
    c.notificationsApiBaseUrl = stringValue(KeyNotificationsUrl, c.notificationsApiBaseUrl);
    c.authApiBaseUrl = stringValue(KeyAuthUrl, c.authApiBaseUrl);
    c.dataCollectionApiBaseUrl = stringValue(KeyDataCollectionUrl, c.dataCollectionApiBaseUrl);
    c.rawThreshold = s.value(key(KeyRawThreshold), c.rawThreshold).toDouble();
    c.processedThreshold = s.value(key(KeyProcessedThreshold), c.processedThreshold).toDouble();
    c.dbPassword.clear();
    return c;
}

void AppSettings::saveConfig(const Config &c)
{
    setValue(KeyDbEngine,
             c.dbEngine == Config::DbEngine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
    setValue(KeyDbHost, c.dbHost);
    setValue(KeyDbPort, c.dbPort);
    setValue(KeyDbName, c.dbName);
    setValue(KeyDbUser, c.dbUser);
    setValue(KeyRedisHost, c.redisHost);
    setValue(KeyRedisPort, c.redisPort);
    setValue(KeyNotificationsUrl, c.notificationsApiBaseUrl);
    setValue(KeyAuthUrl, c.authApiBaseUrl);
    setValue(KeyDataCollectionUrl, c.dataCollectionApiBaseUrl);
    setValue(KeyRawThreshold, c.rawThreshold);
    setValue(KeyProcessedThreshold, c.processedThreshold);
}

QString AppSettings::language() const
{
    return stringValue(KeyLanguage, QString());
}

void AppSettings::setLanguage(const QString &code)
{
    setValue(KeyLanguage, code);
}

QString AppSettings::lastTestLogin() const
{
    return stringValue(KeyLastLogin, QString());
}

void AppSettings::setLastTestLogin(const QString &login)
{
    setValue(KeyLastLogin, login);
}

QString AppSettings::lastEmail() const
{
    return stringValue(KeyLastEmail, QString());
}

void AppSettings::setLastEmail(const QString &email)
{
    setValue(KeyLastEmail, email);
}

QByteArray AppSettings::windowGeometry() const
{
    return QSettings().value(key(KeyGeometry)).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(KeyGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return QSettings().value(key(KeyState)).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    setValue(KeyState, state);
}

QString AppSettings::stringValue(const char *name, const QString &fallback) const
{
    QSettings s;
    return s.contains(key(name)) ? s.value(key(name)).toString() : fallback;
}

void AppSettings::setValue(const char *name, const QVariant &value)
{
    QSettings().setValue(key(name), value);
}

} // namespace fo::ui
