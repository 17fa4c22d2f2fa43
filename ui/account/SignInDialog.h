#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace fo {
class AuthSession;
struct UserInfo;
} // namespace fo

namespace fo::ui {

// Sign-in with a platform test account (docs/platform.md 6): the auth API origin and the login. Opens with open(),
// never exec(); accepts itself when the session signs in.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(AuthSession *session, QWidget *parent = nullptr);

    void setOrigin(const QString &origin);
    void setLogin(const QString &login);
    QString origin() const;
    QString login() const;
    QString errorText() const;

Q_SIGNALS:
    // The operator asked to sign in against `origin` (the window saves it and points the session there).
    void originChosen(const QString &origin, const QString &login);

public Q_SLOTS:
    void showError(const QString &message);

private:
    void submit();
    void setBusy(bool busy);
    void onSignedIn(const UserInfo &user);

    AuthSession *m_session;
    QLineEdit *m_origin;
    QLineEdit *m_login;
    QLabel *m_error;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
};

} // namespace fo::ui
