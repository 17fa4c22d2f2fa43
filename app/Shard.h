#pragma once

#include "core/Result.h"

#include <QStringList>

namespace fo {

// Which part of the users one process runs, so that N processes (Kubernetes pods of an Indexed Job, Airflow tasks)
// split a batch with no overlap and no gap: an email belongs to shard fnv1a64(its UTF-8 bytes) mod N. FNV-1a 64
// (offset basis 14695981039346656037, prime 1099511628211) depends on nothing but the email's bytes: the same on
// every machine, in every version, whatever order or subset the list comes in.
struct Shard
{
    int index = 0; // 0 .. count-1
    int count = 1;

    bool contains(const QString &email) const;
    QStringList filter(const QStringList &emails) const;
    QString text() const { return QStringLiteral("%1/%2").arg(index).arg(count); }
};

quint64 fnv1a64(const QByteArray &bytes);

// Parses "I/N" (0 <= I < N <= 100000), or "auto/N", which takes I from the environment variable
// JOB_COMPLETION_INDEX that Kubernetes sets in each pod of an Indexed Job. `jobIndex` is that variable's value (null
// when unset). The error says what is wrong and what to give instead.
Result<Shard> parseShard(const QString &text, const QString &jobIndex);

} // namespace fo
