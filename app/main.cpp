// find-outliers: one executable, two front ends. Headless when a headless verb is given (no display needed),
// otherwise the desktop window (STYLE.md 2).
#include "DesktopMain.h"
#include "HeadlessApp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationName(QStringLiteral("find-outliers"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FO_VERSION));
    if (fo::isHeadlessInvocation(argc, argv)) {
        QCoreApplication app(argc, argv);
        return fo::runHeadless(QCoreApplication::arguments());
    }
    return fo::ui::runDesktop(argc, argv);
}
