#include "ui/shell/MainWindowHost.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLineEdit>
#include <QStatusBar>
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
    connect(m_window, &MainWindow::closedAfterRun, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_window->show();
    m_window->start();
}

void MainWindowHost::rebuild(const QString &language)
{
    QPointer<MainWindow> old = m_window;
    if (old && old->isRunning()) {
        // The run belongs to this window's worker: switch once it has ended (the setting is already saved).
        old->statusBar()->showMessage(tr("The language changes when the run has finished."));
        connect(
            old, &MainWindow::runFinished, this,
            [this, old, language] {
                QTimer::singleShot(0, this, [this, old, language] {
                    if (old && old == m_window)
                        rebuild(language);
                });
            },
            Qt::SingleShotConnection);
        return;
    }
    // Everything the operator has in front of them, carried over: the form, the report, the type, the zoom.
    const MainWindow::ViewState state = old ? old->viewState() : MainWindow::ViewState();
    const QByteArray geometry = old ? old->saveGeometry() : QByteArray();
    // The keychain answers the new window later: a stored iteration's chart, read again as the view is restored,
    // needed the password before that (it failed, and the chart stayed empty).
    const QString password = old ? old->runConfig().dbPassword : QString();
    m_translations->install(language);
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("fo::ui::MainWindow", "Find outliers"));
    // The new window first, then the old one goes: the application never has no window.
    open();
    m_window->takeOverDatabasePassword(password);
    m_window->restoreGeometry(geometry);
    if (old)
        m_window->restoreViewState(state);
    if (old) {
        old->close(); // what a closing window saves (its geometry, the last email) is saved
        delete old;
    }
    Q_EMIT windowRebuilt(m_window);
}

} // namespace fo::ui
