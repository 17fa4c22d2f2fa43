#include "ui/run/RunControls.h"

#include "core/Email.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTimer>

namespace fo::ui {

RunControls::RunControls(QWidget *parent)
    : QFrame(parent), m_emailEdit(new QLineEdit(this)), m_emailHint(new QLabel(this)),
      m_emailModel(new QStringListModel(this)), m_completer(new QCompleter(m_emailModel, this)),
      m_rawK(new QDoubleSpinBox(this)), m_processedK(new QDoubleSpinBox(this)),
      m_notify(new QCheckBox(tr("Notify the user"), this)), m_dryRun(new QCheckBox(tr("Dry run"), this)),
      m_runButton(new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("Run"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_settleTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("targetFrame"));
    setFrameShape(QFrame::StyledPanel);

    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_emailEdit->setPlaceholderText(tr("user@example.com"));
    m_emailEdit->setClearButtonEnabled(true);
    m_emailEdit->setMinimumWidth(320);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_emailEdit->setCompleter(m_completer);
    m_emailHint->setObjectName(QStringLiteral("emailHint"));
    m_emailHint->setWordWrap(true);

    for (QDoubleSpinBox *k : {m_rawK, m_processedK}) {
        k->setRange(0.1, 100.0);
        k->setDecimals(2);
        k->setSingleStep(0.5);
    }
    m_rawK->setObjectName(QStringLiteral("rawThresholdSpin"));
    m_processedK->setObjectName(QStringLiteral("processedThresholdSpin"));
    m_rawK->setToolTip(tr("Raw records: a value is an outlier when |z| > k"));
    m_processedK->setToolTip(tr("Processed (daily) records: a value is an outlier when |z| > k"));

    m_notify->setObjectName(QStringLiteral("notifyCheck"));
    m_notify->setChecked(true);
    m_notify->setToolTip(tr("Send the start and completion messages to the user, as the platform's job does"));
    m_dryRun->setObjectName(QStringLiteral("dryRunCheck"));
    m_dryRun->setToolTip(tr("Compute and show the outliers; write nothing, set no flag, send no message"));

    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_runButton->setMinimumWidth(96);
    m_runButton->setStyleSheet(QStringLiteral(
        "QPushButton { background: #2f5d8a; color: white; border-radius: 4px; padding: 5px 16px; font-weight: bold; }"
        "QPushButton:disabled { background: #a9b7c6; }"
        "QPushButton:hover:!disabled { background: #3a70a5; }"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(10, 8, 10, 8);
    grid->setHorizontalSpacing(10);
    auto *emailLabel = new QLabel(tr("User &email:"), this);
    emailLabel->setBuddy(m_emailEdit);
    // Two rows: the email with Run and Cancel; under it, the hint on the left and the options on the right. In one row
    // the Russian labels made the window wider than its default size, and squeezed Run ("Запустить") and the rest.
    grid->addWidget(emailLabel, 0, 0);
    grid->addWidget(m_emailEdit, 0, 1);
    auto *options = new QHBoxLayout;
    options->setSpacing(8);
    options->addWidget(new QLabel(tr("Raw k:"), this));
    options->addWidget(m_rawK);
    options->addSpacing(6);
    options->addWidget(new QLabel(tr("Processed k:"), this));
    options->addWidget(m_processedK);
    options->addSpacing(10);
    options->addWidget(m_notify);
    options->addWidget(m_dryRun);
    auto *secondRow = new QHBoxLayout;
    secondRow->setSpacing(12);
    secondRow->addWidget(m_emailHint, 1);
    secondRow->addLayout(options);
    grid->addWidget(m_runButton, 0, 2);
    grid->addWidget(m_cancelButton, 0, 3);
    grid->addLayout(secondRow, 1, 1, 1, 3);
    grid->setColumnStretch(1, 1);

    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(400);

    connect(m_emailEdit, &QLineEdit::textChanged, this, &RunControls::onEmailEdited);
    connect(m_emailEdit, &QLineEdit::returnPressed, this, &RunControls::runRequested);
    connect(m_runButton, &QPushButton::clicked, this, &RunControls::runRequested);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunControls::cancelRequested);
    connect(m_settleTimer, &QTimer::timeout, this, [this] { Q_EMIT emailSettled(email()); });
    updateButtons();
}

QString RunControls::email() const
{
    return m_emailEdit->text().trimmed();
}

void RunControls::setEmail(const QString &email)
{
    m_emailEdit->setText(email);
}

bool RunControls::hasValidEmail() const
{
    return isValidEmail(email());
}

void RunControls::setKnownEmails(const QStringList &emails)
{
    m_emailModel->setStringList(emails);
    updateHint();
}

QStringList RunControls::knownEmails() const
{
    return m_emailModel->stringList();
}

void RunControls::setRecordPresence(const QString &email, bool hasRecords)
{
    m_presenceEmail = email;
    m_presence = hasRecords;
    if (hasRecords && !m_emailModel->stringList().contains(email) && !m_emailModel->stringList().isEmpty()) {
        QStringList emails = m_emailModel->stringList();
        emails.append(email);
        emails.sort();
        m_emailModel->setStringList(emails);
    }
    updateHint();
}

bool RunControls::lacksRecords() const
{
    const QString address = email();
    if (!isValidEmail(address))
        return false;
    if (address == m_presenceEmail)
        return !m_presence;
    return !m_emailModel->stringList().isEmpty() && !m_emailModel->stringList().contains(address);
}

void RunControls::setThresholds(double raw, double processed)
{
    m_rawK->setValue(raw);
    m_processedK->setValue(processed);
}

double RunControls::rawThreshold() const
{
    return m_rawK->value();
}

double RunControls::processedThreshold() const
{
    return m_processedK->value();
}

bool RunControls::isDryRun() const
{
    return m_dryRun->isChecked();
}

bool RunControls::notifiesUser() const
{
    return m_notify->isChecked();
}

void RunControls::setDryRun(bool dryRun)
{
    m_dryRun->setChecked(dryRun);
}

void RunControls::setNotifiesUser(bool notify)
{
    m_notify->setChecked(notify);
}

void RunControls::setState(State state)
{
    m_state = state;
    const bool idle = state == State::Idle;
    m_emailEdit->setReadOnly(!idle);
    for (QWidget *w : std::initializer_list<QWidget *> {m_rawK, m_processedK, m_dryRun, m_notify})
        w->setEnabled(idle);
    updateButtons();
}

void RunControls::onEmailEdited()
{
    updateHint();
    updateButtons();
    m_settleTimer->start();
}

void RunControls::updateHint()
{
    const QString address = email();
    QString style;
    if (address.isEmpty()) {
        m_emailHint->setText(tr("Enter the email of the user whose records you want to check."));
        style = QStringLiteral("color: palette(placeholder-text);");
    } else if (!isValidEmail(address)) {
        m_emailHint->setText(tr("“%1” is not a valid email address.").arg(address));
        style = QStringLiteral("color: #c5221f;");
    } else if (lacksRecords()) {
        m_emailHint->setText(tr("✔ Valid address, but the database has no records for it."));
        style = QStringLiteral("color: #9a6700;");
    } else {
        m_emailHint->setText(tr("✔ Valid address."));
        style = QStringLiteral("color: #1e8e3e;");
    }
    m_emailHint->setStyleSheet(style);
    m_emailEdit->setProperty("valid", address.isEmpty() || isValidEmail(address));
}

void RunControls::updateButtons()
{
    m_runButton->setEnabled(m_state == State::Idle && hasValidEmail());
    m_cancelButton->setEnabled(m_state == State::Running);
}

} // namespace fo::ui
