#include "app/Shard.h"

#include <QRegularExpression>

namespace fo {

quint64 fnv1a64(const QByteArray &bytes)
{
    quint64 hash = 14695981039346656037ULL;
    for (const char c : bytes) {
        hash ^= quint64(static_cast<unsigned char>(c));
        hash *= 1099511628211ULL;
    }
    return hash;
}

bool Shard::contains(const QString &email) const
{
    return count <= 1 || fnv1a64(email.toUtf8()) % quint64(count) == quint64(index);
}

QStringList Shard::filter(const QStringList &emails) const
{
    QStringList mine;
    for (const QString &email : emails) {
        if (contains(email))
            mine << email;
    }
    return mine;
}

Result<Shard> parseShard(const QString &text, const QString &jobIndex)
{
    constexpr int MaxShards = 100000;
    static const QRegularExpression pattern(QStringLiteral("^(auto|[0-9]{1,6})/([0-9]{1,6})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const auto usage = [&](const QString &why) {
        return Error {QStringLiteral("--shard \"%1\" %2. Give I/N, the shard I (0 to N-1) of N, such as 0/4, or auto/N "
                                     "in a Kubernetes Indexed Job (I from JOB_COMPLETION_INDEX).")
                          .arg(text, why)};
    };
    if (!match.hasMatch())
        return usage(QStringLiteral("is not of the form I/N"));
    Shard shard;
    shard.count = match.captured(2).toInt();
    if (shard.count < 1 || shard.count > MaxShards)
        return usage(QStringLiteral("has N outside 1 to %1").arg(MaxShards));
    QString index = match.captured(1);
    if (index == QLatin1String("auto")) {
        if (jobIndex.isNull())
            return Error {
                QStringLiteral("--shard %1 takes the shard from JOB_COMPLETION_INDEX, which is not set (it is "
                               "set in the pods of a Kubernetes Job with completionMode: Indexed). Give the "
                               "shard as I/N instead, such as 0/%2.")
                    .arg(text)
                    .arg(shard.count)};
        bool ok = false;
        shard.index = jobIndex.trimmed().toInt(&ok);
        if (!ok || shard.index < 0 || shard.index >= shard.count)
            return Error {
                QStringLiteral("--shard %1: JOB_COMPLETION_INDEX is \"%2\", not a shard from 0 to %3. Set the "
                               "Job's completions (and parallelism) to %4, as N in --shard auto/%4.")
                    .arg(text, jobIndex)
                    .arg(shard.count - 1)
                    .arg(shard.count)};
        return shard;
    }
    shard.index = index.toInt();
    if (shard.index >= shard.count)
        return usage(QStringLiteral("has I outside 0 to N-1"));
    return shard;
}

} // namespace fo
