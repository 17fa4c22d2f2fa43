#pragma once

#include "core/Config.h"

#include <QString>

class QSettings;

namespace fo::ui {

// The desktop's non-secret settings, typed and in one place (STYLE.md 10). Kept in QSettings; the database password
// and the tokens live in the keychain (SecretStore), never here.
//
// A setting that was never saved falls back to the configuration the environment gives (docs/platform.md 3), so that
// the desktop and the headless tool agree out of the box.
class AppSettings
{
public:
    AppSettings();

    // The configuration from the environment (and its defaults), before the saved settings are applied.
    static Config environmentConfig();

    // The environment's configuration with every saved setting applied. The password is left empty: it comes from
    // the keychain.
    Config config() const;
    // Saves every non-secret field of `config` (not the password).
    void saveConfig(const Config &config);

    // "" follows the system locale; otherwise a language code such as "en" or "ru".
    QString language() const;
    void setLanguage(const QString &code);

    QString lastTestLogin() const;
    void setLastTestLogin(const QString &login);
    QString lastEmail() const;
    void setLastEmail(const QString &email);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

private:
    QString stringValue(const char *key, const QString &fallback) const;
    void setValue(const char *key, const QVariant &value);
};

} // namespace fo::ui
