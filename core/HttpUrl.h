#pragma once

#include <QString>
#include <QUrl>

namespace fo {

// The platform's HTTP services (notifications, auth: docs/platform.md 5 and 6) are given as base addresses, in the
// environment or the desktop's settings, with or without a trailing slash.

// What this tool sends requests to: a valid http or https URL with a host.
bool isHttpUrl(const QUrl &url);

// A base address as a URL: trimmed, without the trailing slashes of its path (QUrl::StripTrailingSlash, which keeps a
// lone "/": that goes too). Empty when the text is blank; invalid when it is no URL.
QUrl serviceBaseUrl(const QString &base);

// The base address's text for messages and keys: serviceBaseUrl() written out, or the trimmed text when it is no URL.
QString serviceBaseText(const QString &base);

// An endpoint below a base address: `path` ("/send_email") appended to serviceBaseUrl()'s path.
QUrl serviceUrl(const QString &base, const QString &path);

} // namespace fo
