#include "ui/shell/DesktopMain.h"

#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "ui/settings/AppSettings.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QIcon>

namespace fo::ui {

int runDesktop(int &argc, char **argv)
{
    QApplication app(argc, argv);
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/find-outliers.svg")));
    // Ties the window to packaging/desktop/com.example.find_outliers.desktop: Wayland compositors and docks take the
    // app's name and icon from it (tests/packaging/test_desktop_metadata.py checks the two names agree).
    QGuiApplication::setDesktopFileName(QStringLiteral("com.example.find_outliers"));

    Translations translations;
    translations.install(AppSettings().language());
    QApplication::setApplicationDisplayName(QApplication::translate("fo::ui::MainWindow", "Find outliers"));

    // The keychain and the session outlive a window: a language change rebuilds the window, not the session.
    SecretStore secrets;
    AuthSession session(&secrets);
    MainWindowHost host(&secrets, &session, &translations);
    host.open();
    return QApplication::exec();
}

} // namespace fo::ui
