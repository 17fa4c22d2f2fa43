#pragma once

#include <QFrame>

class QCheckBox;
class QCompleter;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTimer;

namespace fo::ui {

// The target row: whose records (an email, checked live with the headless tool's rule and completed from the emails
// the database knows), with which options (the thresholds, notify the user, dry run), and Run / Cancel. Enter in the
// email field runs.
class RunControls : public QFrame
{
    Q_OBJECT

public:
    // Idle: the options can be edited, and Run is enabled for a valid email. Running: only Cancel. Cancelling: neither.
    enum class State { Idle, Running, Cancelling };

    explicit RunControls(QWidget *parent = nullptr);

    QString email() const; // trimmed
    void setEmail(const QString &email);
    bool hasValidEmail() const;

    // The emails the database has records for: the completer offers them, and the hint says when one is unknown.
    void setKnownEmails(const QStringList &emails);
    QStringList knownEmails() const;
    // What the database said, just now, about the records of `email`: it overrides the list above for that email (the
    // list is read once, at the start; records can arrive later).
    void setRecordPresence(const QString &email, bool hasRecords);
    // The email typed is valid and, as far as the window knows, the database has no record of it.
    bool lacksRecords() const;

    void setThresholds(double raw, double processed);
    double rawThreshold() const;
    double processedThreshold() const;
    bool isDryRun() const;
    bool notifiesUser() const;
    void setDryRun(bool dryRun);
    void setNotifiesUser(bool notify);

    void setState(State state);
    State state() const { return m_state; }

    QLineEdit *emailEdit() const { return m_emailEdit; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QCheckBox *dryRunCheck() const { return m_dryRun; }
    QCheckBox *notifyCheck() const { return m_notify; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    // The email was edited and then left alone for a moment (the history follows it).
    void emailSettled(const QString &email);

private:
    void onEmailEdited();
    void updateHint();
    void updateButtons();

    State m_state = State::Idle;
    QLineEdit *m_emailEdit;
    QLabel *m_emailHint;
    QStringListModel *m_emailModel;
    QCompleter *m_completer;
    QDoubleSpinBox *m_rawK;
    QDoubleSpinBox *m_processedK;
    QCheckBox *m_notify;
    QCheckBox *m_dryRun;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QTimer *m_settleTimer;
    QString m_presenceEmail; // the email the database was last asked about
    bool m_presence = false;
};

} // namespace fo::ui
