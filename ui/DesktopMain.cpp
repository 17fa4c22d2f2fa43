#include "DesktopMain.h"

#include <QApplication>
#include <QMainWindow>

namespace fo::ui {

int runDesktop(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QApplication::translate("fo::ui::MainWindow", "Find outliers"));
    window.show();
    return QApplication::exec();
}

} // namespace fo::ui
