#pragma once

#include "core/RunReport.h"

#include <QString>

class QNetworkAccessManager;

namespace fo {

// The platform's notifications API (docs/platform.md 5): POST <base>/send_email with {to_email, subject, message}.
// 10 s timeout per attempt. A user must never get the same message twice, so a message is sent again (once, after a
// one-second pause) only when it certainly did not reach the API: the connection was refused, the host is unknown,
// no connection was made within the timeout, or the API answered 503. Never after the request went out without an
// answer (connection closed, no answer in time, garbage back) nor after any other status; Qt's own resend of a
// request whose connection closed is stopped too. Failures come back as a warning text, never as a failed run.
// Waits for the reply with a local event loop on the calling thread, so call it on a worker thread or in the
// headless tool, never on a GUI thread.
class Notifier
{
public:
    static constexpr int TimeoutMs = 10000;
    static constexpr int MaxAttempts = 2;
    static constexpr int RetryPauseMs = 1000;

    Notifier(QString baseUrl, QString bearerToken = {});
    ~Notifier();
    Notifier(const Notifier &) = delete;
    Notifier &operator=(const Notifier &) = delete;

    // Empty on success, otherwise a warning that names the cause.
    QString sendStart(const RunReport &report);
    QString sendCompletion(const RunReport &report);
    // The end message of an attempt that sent its start message but stored nothing (failed or cancelled): every
    // start message is followed by exactly one end message for the same iteration number.
    QString sendNotCompleted(const RunReport &report);

    // Exposed for tests: the subject and HTML the platform's users see.
    static QString startSubject(int iteration);
    static QString completionSubject(int iteration);
    static QString startHtml(const RunReport &report);
    static QString completionHtml(const RunReport &report);
    static QString notCompletedSubject(int iteration);
    static QString notCompletedHtml(const RunReport &report);

private:
    QString send(const QString &toEmail, const QString &subject, const QString &html, const QString &what);

    QString m_baseUrl;
    QString m_bearerToken;
    QNetworkAccessManager *m_network;
};

} // namespace fo
