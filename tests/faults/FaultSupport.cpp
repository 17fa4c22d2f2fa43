#include "tests/faults/FaultSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUuid>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fo::test {
namespace {

QProcessEnvironment cleanEnvironment(const QString &home, const QMap<QString, QString> &env)
{
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"),
                       system.value(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin")));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    for (const char *name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        const QString variable = QString::fromLatin1(name);
        if (system.contains(variable))
            environment.insert(variable, system.value(variable));
    }
    environment.insert(QStringLiteral("HOME"), env.value(QStringLiteral("HOME"), home));
    environment.insert(QStringLiteral("XDG_DATA_HOME"),
                       env.value(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share")));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

} // namespace

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString uniqueNamespace(const QString &test)
{
    return QStringLiteral("FO_FAULTS_%1_%2-").arg(test, QUuid::createUuid().toString(QUuid::Id128).left(12));
}

// ---- ToolProcess -------------------------------------------------------------------------------------------------

ToolProcess::ToolProcess() = default;

ToolProcess::~ToolProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        signal(SIGCONT); // a stopped process would not die from SIGKILL's point of view until reaped; be sure
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ToolProcess::start(const QStringList &args, const QMap<QString, QString> &env)
{
    const QString program = binaryPath();
    if (program.isEmpty()) {
        m_err = "[ToolProcess] FO_BINARY is not set: run the tests through ctest (fo_add_test sets it)\n";
        return false;
    }
    m_home = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fo-fault-home-XXXXXX"));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(cleanEnvironment(m_home->path(), env));
    m_process->setProgram(program);
    m_process->setArguments(args);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] { drain(); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] { drain(); });
    m_timer.start();
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_err += "[ToolProcess] could not start " + program.toUtf8() + ": " + m_process->errorString().toUtf8() + '\n';
        return false;
    }
    m_process->closeWriteChannel();
    return true;
}

void ToolProcess::drain()
{
    if (!m_process)
        return;
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
}

qint64 ToolProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool ToolProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool ToolProcess::signal(int signalNumber) const
{
    const qint64 id = pid();
    return id > 0 && ::kill(pid_t(id), signalNumber) == 0;
}

bool ToolProcess::waitForStderr(const QByteArray &text, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_err.contains(text)) {
        if (!isRunning() || timer.hasExpired(timeoutMs)) {
            drain();
            return m_err.contains(text);
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        m_process->waitForReadyRead(20);
        drain();
    }
    return true;
}

bool ToolProcess::waitForFinished(int timeoutMs)
{
    if (!m_process)
        return false;
    if (m_process->state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    if (m_process->state() != QProcess::NotRunning) {
        signal(SIGCONT);
        m_process->kill();
        m_process->waitForFinished(5000);
        drain();
        m_err += "[ToolProcess] killed after " + QByteArray::number(timeoutMs) + " ms without finishing\n";
        return false;
    }
    drain();
    return true;
}

int ToolProcess::exitCode() const
{
    if (!m_process || m_process->state() != QProcess::NotRunning || m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}

bool ToolProcess::exitedNormally() const
{
    return m_process && m_process->state() == QProcess::NotRunning && m_process->exitStatus() == QProcess::NormalExit;
}

QByteArray ToolProcess::commandLine() const
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray ToolProcess::describe() const
{
    return "exit code " + QByteArray::number(exitCode()) + "\n--- stdout:\n" + m_out + "\n--- stderr:\n" + m_err;
}

ToolResult runToolTimed(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs, qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    ToolResult result = runTool(args, env, timeoutMs);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return result;
}

QMap<QString, QString> toolEnv(const QString &dbName, const QMap<QString, QString> &extra)
{
    QMap<QString, QString> env = pgEnv(dbName);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

bool createOwnTables(const QMap<QString, QString> &env, QString *error)
{
    const ToolResult result =
        runTool({QStringLiteral("--email"), QStringLiteral("schema.probe@example.com"), QStringLiteral("--no-notify")},
                env, 60000);
    if (result.exitCode == 0)
        return true;
    if (error)
        *error = QStringLiteral("the run that creates find-outliers' tables failed (exit %1): %2")
                     .arg(result.exitCode)
                     .arg(QString::fromUtf8(result.err));
    return false;
}

// ---- SilentServer ------------------------------------------------------------------------------------------------

SilentServer::SilentServer()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_fd, 64) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
}

SilentServer::~SilentServer()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace fo::test
