#include "ui/account/SignInDialog.h"

#include "signin/AuthSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fo::ui {

SignInDialog::SignInDialog(AuthSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_origin(new QLineEdit(this)), m_login(new QLineEdit(this)),
      m_error(new QLabel(this)), m_busy(new QProgressBar(this)), m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the platform"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/find-outliers.svg")));
    setMinimumWidth(460);

    auto *header = new QLabel(this);
    header->setText(tr("<h3>Sign in</h3><p>Runs started from this window are recorded under your name. "
                       "Use your platform test-account login.</p>"));
    header->setWordWrap(true);

    m_origin->setObjectName(QStringLiteral("originEdit"));
    m_origin->setPlaceholderText(QStringLiteral("http://auth-api:8081"));
    m_origin->setToolTip(tr("The origin of the platform's auth API (AUTH_API_BASE_URL)"));
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setPlaceholderText(tr("test-account login"));
    m_login->setClearButtonEnabled(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Auth API:"), m_origin);
    form->addRow(tr("&Login:"), m_login);

    auto *note = new QLabel(tr("Real accounts sign in with Google in the mobile app and the web front end; that flow "
                               "is not available to desktop clients."),
                            this);
    note->setWordWrap(true);
    QPalette notePalette = note->palette();
    notePalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    note->setPalette(notePalette);

    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_error->hide();

    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();

    QPushButton *signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    signIn->setObjectName(QStringLiteral("signInButton"));
    signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_session, &AuthSession::signedIn, this, &SignInDialog::onSignedIn);
    connect(m_session, &AuthSession::signInFailed, this, &SignInDialog::showError);
}

void SignInDialog::setOrigin(const QString &origin)
{
    m_origin->setText(origin);
    // The address is there: what is left to type is the login.
    (origin.trimmed().isEmpty() ? m_origin : m_login)->setFocus();
}

void SignInDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    if (!login.isEmpty())
        m_login->selectAll();
}

QString SignInDialog::origin() const
{
    return m_origin->text().trimmed();
}

QString SignInDialog::login() const
{
    return m_login->text().trimmed();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::submit()
{
    if (login().isEmpty()) {
        showError(tr("Enter a test-account login."));
        m_login->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    Q_EMIT originChosen(origin(), login());
    m_session->signInWithTestAccount(login());
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_origin->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void SignInDialog::onSignedIn(const UserInfo &)
{
    setBusy(false);
    if (isVisible())
        accept();
}

} // namespace fo::ui
