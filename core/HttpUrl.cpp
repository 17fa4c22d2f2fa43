#include "core/HttpUrl.h"

namespace fo {

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QUrl serviceBaseUrl(const QString &base)
{
    QUrl url = QUrl(base.trimmed()).adjusted(QUrl::StripTrailingSlash);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

QString serviceBaseText(const QString &base)
{
    const QUrl url = serviceBaseUrl(base);
    return url.isValid() ? url.toString() : base.trimmed();
}

QUrl serviceUrl(const QString &base, const QString &path)
{
    QUrl url = serviceBaseUrl(base);
    if (url.isValid() && !url.isEmpty())
        url.setPath(url.path() + path);
    return url;
}

} // namespace fo
