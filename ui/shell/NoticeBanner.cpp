#include "ui/shell/NoticeBanner.h"

namespace fo::ui {

NoticeBanner::NoticeBanner(Kind kind, QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setStyleSheet(kind == Kind::Warning
                      ? QStringLiteral("background: #fef7e0; color: #7a5300; border: 1px solid #f3d37a; "
                                       "border-radius: 4px; padding: 6px;")
                      : QStringLiteral("background: #fce8e6; color: #a50e0e; border: 1px solid #f4b4ae; "
                                       "border-radius: 4px; padding: 6px;"));
    hide();
}

void NoticeBanner::showMessage(const QString &message)
{
    setText(message);
    show();
}

void NoticeBanner::clearMessage()
{
    clear();
    hide();
}

QString NoticeBanner::message() const
{
    return isHidden() ? QString() : text();
}

} // namespace fo::ui
