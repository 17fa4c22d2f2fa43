// find-outliers: one executable, two front ends. Headless when a headless verb is given (no display needed),
// otherwise the entry point that CMake linked: the desktop window, or in the headless build (-DFO_DESKTOP=OFF) a
// line saying that this build has no desktop (DesktopEntry.h, docs/architecture.md).
#include "app/DesktopEntry.h"
#include "app/HeadlessApp.h"

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
    return fo::runDesktopEntry(argc, argv);
}
