#include "app/CsvTarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace fo {
namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error cannotWrite(const QString &path, const QString &reason)
{
    return Error {QStringLiteral("Cannot write the CSV file %1: %2").arg(path, reason)};
}

// The descriptor a path names when it is one of this process's own (/dev/stdout, /dev/fd/3, ...); -1 otherwise.
int ownDescriptor(const QString &path)
{
    if (path == QLatin1String("/dev/stdout"))
        return STDOUT_FILENO;
    if (path == QLatin1String("/dev/stderr"))
        return STDERR_FILENO;
    static const QRegularExpression fdPath(
        QStringLiteral("^(?:/dev/fd|/proc/self/fd|/proc/%1/fd)/([0-9]{1,9})$").arg(::getpid()));
    const QRegularExpressionMatch match = fdPath.match(path);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

CsvTarget::CsvTarget(QString path) : m_path(std::move(path)) { }

CsvTarget::~CsvTarget() = default;

Result<std::unique_ptr<CsvTarget>> CsvTarget::open(const QString &path, const std::atomic_bool *cancel,
                                                   const std::function<void(const QString &)> &waiting)
{
    std::unique_ptr<CsvTarget> target(new CsvTarget(path));
    if (path.isEmpty())
        return Error {QStringLiteral("--csv needs a file name.")};
    const QByteArray native = QFile::encodeName(path);

    if (const int fd = ownDescriptor(path); fd >= 0) {
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags < 0)
            return cannotWrite(path,
                               QStringLiteral("it names descriptor %1, which is not open in this process. Use "
                                              "it in the shell that opens it, e.g. --csv >(gzip > out.csv.gz).")
                                   .arg(fd));
        if ((flags & O_ACCMODE) == O_RDONLY)
            return cannotWrite(path, QStringLiteral("descriptor %1 is open for reading only.").arg(fd));
        const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
        target->m_stream = std::make_unique<QFile>();
        if (copy < 0 || !target->m_stream->open(copy, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            if (copy >= 0)
                ::close(copy);
            return cannotWrite(path, errnoText(errno) + QLatin1Char('.'));
        }
        return target;
    }

    struct stat info = {};
    if (::stat(native.constData(), &info) != 0) {
        const int error = errno;
        if (error != ENOENT)
            return cannotWrite(path, errnoText(error) + QStringLiteral(". Choose another path."));
        // A new file: its folder must exist and take a new file (QSaveFile below creates its temporary there).
        const QString folder = QFileInfo(path).absolutePath();
        struct stat folderInfo = {};
        if (::stat(QFile::encodeName(folder).constData(), &folderInfo) != 0 || !S_ISDIR(folderInfo.st_mode))
            return cannotWrite(
                path, QStringLiteral("the folder %1 does not exist. Create it, or choose another path.").arg(folder));
    } else if (S_ISDIR(info.st_mode)) {
        return cannotWrite(path,
                           QStringLiteral("it is a folder. Give a file name, such as %1.")
                               .arg(QDir(path).filePath(QStringLiteral("outliers.csv"))));
    } else if (!S_ISREG(info.st_mode)) {
        // A FIFO or a device: opened as it is, never replaced. O_NONBLOCK first, so that a FIFO nobody reads yet
        // does not hang the tool beyond the reach of SIGTERM.
        bool saidWaiting = false;
        int fd = -1;
        while (true) {
            fd = ::open(native.constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
            if (fd >= 0 || errno != ENXIO || !S_ISFIFO(info.st_mode))
                break;
            if (!saidWaiting && waiting) {
                waiting(QStringLiteral("waiting for a reader of the FIFO %1").arg(path));
                saidWaiting = true;
            }
            if (cancel && cancel->load())
                return Error {
                    QStringLiteral("Cancelled while waiting for a reader of the FIFO %1; nothing was done.").arg(path)};
            QThread::msleep(50);
        }
        if (fd < 0)
            return cannotWrite(path, errnoText(errno) + QStringLiteral(". Choose another path."));
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0)
            ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        target->m_stream = std::make_unique<QFile>();
        if (!target->m_stream->open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return cannotWrite(path, target->m_stream->errorString() + QLatin1Char('.'));
        }
        return target;
    }

    // A regular file, or a new one. QSaveFile refuses an existing file we may not write, and creating its temporary
    // proves that the folder takes a new file.
    target->m_save = std::make_unique<QSaveFile>(path);
    if (!target->m_save->open(QIODevice::WriteOnly)) {
        QString reason = target->m_save->errorString();
        if (::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) != 0)
            reason = QStringLiteral("the folder %1 is not writable (%2)")
                         .arg(QFileInfo(path).absolutePath(), errnoText(errno));
        return cannotWrite(path, reason + QStringLiteral(". Choose a path you may write to."));
    }
    return target;
}

Status CsvTarget::write(const QByteArray &bytes)
{
    if (m_save) {
        if (m_save->write(bytes) != bytes.size() || !m_save->commit())
            return cannotWrite(m_path, m_save->errorString() + QLatin1Char('.'));
        return {};
    }
    if (!m_stream)
        return cannotWrite(m_path, QStringLiteral("it was not opened."));
    // A reader that went away (a closed pipe) is an error to report, not a signal that ends the tool.
    std::signal(SIGPIPE, SIG_IGN);
    const bool written = m_stream->write(bytes) == bytes.size() && m_stream->flush();
    const QString reason = m_stream->errorString();
    m_stream->close();
    if (!written)
        return cannotWrite(m_path, reason + QLatin1Char('.'));
    return {};
}

} // namespace fo
