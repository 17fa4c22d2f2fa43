#pragma once

#include <QObject>
#include <QPointer>

namespace fo {
class AuthSession;
class SecretStore;
} // namespace fo

namespace fo::ui {

class MainWindow;
class Translations;

// Keeps the application's main window: opens it, and when the settings switch the language, installs the new
// translation and rebuilds the window in it, with the email typed and the geometry carried over. The keychain and the
// operator's session belong to the application, not to a window: a rebuild keeps them (no new sign-in).
class MainWindowHost : public QObject
{
    Q_OBJECT

public:
    MainWindowHost(SecretStore *secrets, AuthSession *session, Translations *translations, QObject *parent = nullptr);
    ~MainWindowHost() override;

    // Opens the window (shown and started). It deletes itself when closed.
    void open();
    MainWindow *window() const;

Q_SIGNALS:
    void windowRebuilt(fo::ui::MainWindow *window);

private:
    void rebuild(const QString &language);

    SecretStore *m_secrets;
    AuthSession *m_session;
    Translations *m_translations;
    QPointer<MainWindow> m_window;
};

} // namespace fo::ui
