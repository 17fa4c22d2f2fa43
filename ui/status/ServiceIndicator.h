#pragma once

#include <QLabel>

namespace fo::ui {

// A status-bar item: a coloured dot and a name; the tooltip says what was found. Warning: the service answered, but
// not as it would at that address (an HTTP 404: the address is wrong), as the settings' Test button says it; a
// triangle rather than a dot, so that it does not read as green or red by colour alone.
class ServiceIndicator : public QLabel
{
    Q_OBJECT

public:
    enum class State { Unknown, Checking, Reachable, Warning, Unreachable, Disabled };

    ServiceIndicator(const QString &name, QWidget *parent = nullptr);

    void setState(State state, const QString &detail = QString());
    State state() const { return m_state; }
    QString detail() const { return m_detail; }

private:
    QString m_name;
    State m_state = State::Unknown;
    QString m_detail;
};

} // namespace fo::ui
