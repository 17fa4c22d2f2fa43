#include "MainWindowHost.h"

#include "MainWindow.h"
#include "Translations.h"

#include <QGuiApplication>
#include <QLineEdit>
#include <QTimer>

namespace fo::ui {

MainWindowHost::MainWindowHost(SecretStore *secrets, AuthSession *session, Translations *translations, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_session(session), m_translations(translations)
{ }

MainWindowHost::~MainWindowHost()
{
    delete m_window;
}

MainWindow *MainWindowHost::window() const
{
    return m_window;
}

void MainWindowHost::open()
{
    m_window = new MainWindow(m_secrets, m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::languageChangeRequested, this, [this](const QString &code) {
        // Once the settings dialog has closed.
        QTimer::singleShot(0, this, [this, code] { rebuild(code); });
    });
    m_window->show();
    m_window->start();
}

void MainWindowHost::rebuild(const QString &language)
{
    QPointer<MainWindow> old = m_window;
    const QString email = old ? old->emailEdit()->text() : QString();
    const QByteArray geometry = old ? old->saveGeometry() : QByteArray();
    m_translations->install(language);
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("fo::ui::MainWindow", "Find outliers"));
    // The new window first, then the old one goes: the application never has no window.
    open();
    m_window->restoreGeometry(geometry);
    m_window->emailEdit()->setText(email);
    if (old) {
        old->close(); // what a closing window saves (its geometry, the last email) is saved
        delete old;
    }
    Q_EMIT windowRebuilt(m_window);
}

} // namespace fo::ui
