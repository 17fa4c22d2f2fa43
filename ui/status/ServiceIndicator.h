#pragma once

#include <QLabel>

namespace fo::ui {

// A status-bar item: a coloured dot and a name; the tooltip says what was found.
class ServiceIndicator : public QLabel
{
    Q_OBJECT

public:
    enum class State { Unknown, Checking, Reachable, Unreachable, Disabled };

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
