#include "ui/status/ServiceIndicator.h"

namespace fo::ui {

ServiceIndicator::ServiceIndicator(const QString &name, QWidget *parent) : QLabel(parent), m_name(name)
{
    setTextFormat(Qt::RichText);
    setContentsMargins(6, 0, 6, 0);
    setState(State::Unknown);
}

void ServiceIndicator::setState(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    QString colour;
    QString word;
    QString mark = QStringLiteral("●");
    switch (state) {
    case State::Unknown:
        colour = QStringLiteral("#9aa0a6");
        word = tr("not checked yet");
        break;
    case State::Checking:
        colour = QStringLiteral("#f29d0b");
        word = tr("checking…");
        break;
    case State::Reachable:
        colour = QStringLiteral("#1e8e3e");
        word = tr("reachable");
        break;
    case State::Warning:
        colour = QStringLiteral("#9a6700");
        word = tr("answers, but not as expected");
        mark = QStringLiteral("▲");
        break;
    case State::Unreachable:
        colour = QStringLiteral("#d93025");
        word = tr("unreachable");
        break;
    case State::Disabled:
        colour = QStringLiteral("#9aa0a6");
        word = tr("not configured");
        break;
    }
    setText(QStringLiteral("<span style='color:%1'>%2</span> %3").arg(colour, mark, m_name.toHtmlEscaped()));
    setToolTip(detail.isEmpty() ? QStringLiteral("%1: %2").arg(m_name, word)
                                : QStringLiteral("%1: %2\n%3").arg(m_name, word, detail));
}

} // namespace fo::ui
