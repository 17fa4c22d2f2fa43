#pragma once

#include <QLabel>

namespace fo::ui {

// A coloured box above the results for what the operator must read: a warning (the keychain is not available) or an
// error (a run failed). Hidden while it has nothing to say; its text can be selected and copied.
class NoticeBanner : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Warning, Error };

    explicit NoticeBanner(Kind kind, QWidget *parent = nullptr);

    void showMessage(const QString &message);
    void clearMessage();
    // The message shown; empty while hidden.
    QString message() const;
};

} // namespace fo::ui
