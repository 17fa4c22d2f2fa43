#include "DesktopMain.h"

#include "AppSettings.h"
#include "AuthSession.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "Translations.h"

#include <QApplication>
#include <QIcon>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>

namespace fo::ui {

int runDesktop(int &argc, char **argv)
{
    QApplication app(argc, argv);
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/find-outliers.svg")));

    Translations translations;
    translations.install(AppSettings().language());
    QApplication::setApplicationDisplayName(QApplication::translate("fo::ui::MainWindow", "Find outliers"));

    // The keychain and the session outlive a window: a language change rebuilds the window, not the session.
    SecretStore secrets;
    AuthSession session(&secrets);

    QPointer<MainWindow> window;
    std::function<void()> openWindow;
    openWindow = [&] {
        window = new MainWindow(&secrets, &session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(window, &MainWindow::languageChangeRequested, &app, [&](const QString &code) {
            // Rebuild the window in the new language once the settings dialog has closed.
            QTimer::singleShot(0, &app, [&, code] {
                QPointer<MainWindow> old = window;
                const QString email = old ? old->emailEdit()->text() : QString();
                const QByteArray geometry = old ? old->saveGeometry() : QByteArray();
                translations.install(code);
                // The new window first, then the old one goes: the application never has no window.
                openWindow();
                window->restoreGeometry(geometry);
                window->emailEdit()->setText(email);
                delete old;
            });
        });
        window->show();
        window->start();
    };
    openWindow();
    return QApplication::exec();
}

} // namespace fo::ui
