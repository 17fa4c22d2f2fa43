#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QFile;
class QSaveFile;

namespace fo {

// Where --csv writes, checked and opened before the run touches anything, so that a path the tool cannot write is a
// usage error (exit 2) before any connection, flag, notification or stored iteration.
//  - A regular file, or a path that does not exist yet: written to a temporary file in the same folder (QSaveFile,
//    created when the target is opened) and renamed into place by write(); until then the old file is untouched.
//  - Anything else (a FIFO, a character device, /dev/stdout into a pipe, /dev/fd/N from the shell's >(...)): written
//    as a stream to what is there, never replaced, renamed over or removed. /dev/stdout, /dev/stderr, /dev/fd/N and
//    /proc/self/fd/N name a descriptor of this process: its copy is written, keeping the shell's mode (>>).
class CsvTarget
{
public:
    ~CsvTarget(); // without write(), a regular file's temporary is removed and the target left as it was
    CsvTarget(const CsvTarget &) = delete;
    CsvTarget &operator=(const CsvTarget &) = delete;

    // A FIFO with no reader yet is waited for (said once on stderr through `waiting`) until `cancel` is set.
    static Result<std::unique_ptr<CsvTarget>> open(const QString &path, const std::atomic_bool *cancel,
                                                   const std::function<void(const QString &)> &waiting);

    // Writes the whole CSV: a regular file is then renamed into place; a stream is written and flushed.
    Status write(const QByteArray &bytes);

    const QString &path() const { return m_path; }
    bool isStream() const { return m_stream != nullptr; }

private:
    explicit CsvTarget(QString path);

    QString m_path;
    std::unique_ptr<QSaveFile> m_save;
    std::unique_ptr<QFile> m_stream;
};

} // namespace fo
