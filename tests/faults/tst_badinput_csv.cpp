// Bad --csv targets. A path the tool cannot write (a missing folder, a folder, no permission, a descriptor that is
// not open) is found before anything is touched: exit 2, no connection used, no flag, no message, no iteration
// stored, however often a scheduler retries. A regular file is written through a temporary in its folder and renamed
// into place after the run, so a failed run leaves the old file as it was. Anything else (a FIFO, a character device,
// /dev/stdout into a pipe, the shell's >(...) as /dev/fd/N) is written as a stream and never replaced. In batch
// mode the JSON and the summary survive a CSV that fails. Device nodes and FIFOs are made under a temporary folder
// (mknod needs root, which CI is), never taken from /dev.
#include "tests/common/HttpStub.h"
#include "tests/e2e/E2eSupport.h"
#include "tests/faults/FaultSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace fo::test;

namespace {

const QByteArray CsvHeader = "email,iteration,source,data_type,record_id,time,value,z,mean,std,k";

struct NodeInfo
{
    bool exists = false;
    mode_t type = 0;
    dev_t rdev = 0;
    ino_t inode = 0;
};

NodeInfo lstatOf(const QString &path)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return NodeInfo {true, mode_t(info.st_mode & S_IFMT), info.st_rdev, info.st_ino};
}

} // namespace

class TestBadInputCsv : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<PgObserver> m_observer;
    int m_user = 0;

    QString newUser()
    {
        const QString email = QStringLiteral("csv.user%1@example.com").arg(++m_user);
        if (!insertSmallUser(*m_observer, email))
            qWarning() << "could not insert" << email << m_observer->lastError();
        return email;
    }

    QMap<QString, QString> env(const QString &ns, const QString &notifications) const
    {
        QMap<QString, QString> vars = toolEnv(m_db);
        vars.insert(QStringLiteral("REDIS_HOST"), redisServer()->first);
        vars.insert(QStringLiteral("REDIS_PORT"), QString::number(redisServer()->second));
        vars.insert(QStringLiteral("REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE"), ns);
        vars.insert(QStringLiteral("NOTIFICATIONS_API_BASE_URL"), notifications);
        return vars;
    }

    qint64 runsOf(const QString &email)
    {
        return m_observer->count(QStringLiteral("SELECT COUNT(*) FROM find_outliers_runs WHERE email = '%1' "
                                                "AND status = 'completed'")
                                     .arg(email));
    }

    qint64 outlierRowsOf(const QString &email)
    {
        return m_observer->count(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM outliers_records o JOIN raw_records x ON x.id = "
                           "o.raw_record_id WHERE x.email = '%1') + (SELECT COUNT(*) FROM "
                           "processed_records_outliers_records o JOIN processed_records x ON x.id = "
                           "o.processed_record_id WHERE x.email = '%1')")
                .arg(email));
    }

    // A temporary folder the user `nobody` may enter (the no-permission case runs the tool as nobody).
    static std::unique_ptr<QTemporaryDir> openDir()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        ::chmod(QFile::encodeName(dir->path()).constData(), 0755);
        return dir;
    }

private slots:
    void initTestCase()
    {
        FO_REQUIRE_PG();
        FO_REQUIRE_REDIS();
        QString error;
        m_db = createDatabase(QStringLiteral("badinput_csv"), &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_observer = std::make_unique<PgObserver>(m_db);
        QVERIFY2(m_observer->isOpen(), qPrintable(m_observer->lastError()));
        QVERIFY2(createOwnTables(toolEnv(m_db), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_observer.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    // Each bad target: exit 2 with the reason, three times in a row (a scheduler's retries), and nothing happened:
    // no iteration stored, no outlier row, no Redis flag, no notification.
    void unwritableTargetTouchesNothing_data()
    {
        QTest::addColumn<QString>("target"); // relative to a temporary folder, unless absolute
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder") << QStringLiteral("no/such/folder/out.csv") << QStringLiteral("does not exist");
        QTest::newRow("a folder") << QStringLiteral(".") << QStringLiteral("is a folder");
        QTest::newRow("a file as folder") << QStringLiteral("plain.txt/out.csv") << QStringLiteral("Not a directory");
        QTest::newRow("descriptor not open") << QStringLiteral("/dev/fd/97") << QStringLiteral("is not open");
        QTest::newRow("a socket") << QStringLiteral("socket") << QStringLiteral("No such device or address");
    }

    void unwritableTargetTouchesNothing()
    {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        QFile plain(dir->filePath(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        if (target == QLatin1String("socket")) {
            // A listening Unix socket: open() refuses it (ENXIO); it must not be replaced either.
            QProcess python;
            python.start(QStringLiteral("python3"),
                         {QStringLiteral("-c"),
                          QStringLiteral("import socket,sys; s=socket.socket(socket.AF_UNIX); "
                                         "s.bind(sys.argv[1])"),
                          dir->filePath(target)});
            QVERIFY(python.waitForFinished(10000));
            QCOMPARE(lstatOf(dir->filePath(target)).type, mode_t(S_IFSOCK));
        }
        const QString path = target.startsWith(QLatin1Char('/')) ? target : dir->filePath(target);
        const QString email = newUser();
        const QString ns = uniqueNamespace(QStringLiteral("csv_bad"));
        HttpStub stub;
        QVERIFY(stub.isListening());
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const ToolResult result =
                runTool({QStringLiteral("--email"), email, QStringLiteral("--csv"), path}, env(ns, stub.baseUrl()));
            QVERIFY2(result.exitCode == 2, result.err.constData());
            const QByteArray expected = "find-outliers: error: Cannot write the CSV file " + path.toUtf8() + ": ";
            QVERIFY2(result.err.startsWith(expected), result.err.constData());
            QVERIFY2(result.err.contains(reason.toUtf8()), result.err.constData());
            QVERIFY2(result.err.contains("Nothing was done."), result.err.constData());
            QVERIFY(result.out.isEmpty());
        }
        QCOMPARE(runsOf(email), 0);
        QCOMPARE(outlierRowsOf(email), 0);
        QVERIFY(redisGet(ns + email).isNull()); // never set, not even to "false"
        QCOMPARE(stub.requests().size(), 0);
        if (target == QLatin1String("socket"))
            QCOMPARE(lstatOf(path).type, mode_t(S_IFSOCK));
    }

    // A folder the tool may not write into, an existing file it may not write: as root the tool runs as `nobody`
    // (root may write anywhere).
    void noPermission_data()
    {
        QTest::addColumn<bool>("existingFile");
        QTest::newRow("read-only folder, new file") << false;
        QTest::newRow("read-only existing file") << true;
    }

    void noPermission()
    {
        QFETCH(bool, existingFile);
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString folder = dir->filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath(QStringLiteral("out.csv"));
        if (existingFile) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old content\n");
            file.close();
            ::chmod(QFile::encodeName(path).constData(), 0444);
            ::chmod(QFile::encodeName(folder).constData(), 0777); // the folder is writable: only the file is not
        } else {
            ::chmod(QFile::encodeName(folder).constData(), 0555);
        }
        const QString email = newUser();
        QMap<QString, QString> vars = toolEnv(m_db);
        QProcess tool;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("HOME"), dir->path());
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            environment.insert(it.key(), it.value());
        tool.setProcessEnvironment(environment);
        const QStringList args = {QStringLiteral("--email"), email, QStringLiteral("--no-notify"),
                                  QStringLiteral("--csv"), path};
        if (::geteuid() == 0)
            tool.start(QStringLiteral("setpriv"),
                       QStringList {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                    QStringLiteral("--clear-groups"), binaryPath()}
                           + args);
        else
            tool.start(binaryPath(), args);
        QVERIFY(tool.waitForFinished(60000));
        const QByteArray err = tool.readAllStandardError();
        QVERIFY2(tool.exitCode() == 2, err.constData());
        QVERIFY2(err.contains(QByteArray("Cannot write the CSV file " + path.toUtf8())), err.constData());
        QVERIFY2(err.contains(existingFile ? "is not writable" : "is not writable (Permission denied)"),
                 err.constData());
        QCOMPARE(runsOf(email), 0);
        if (existingFile) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("old content\n"));
        }
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), existingFile ? 1 : 0);
    }

    // A regular file is replaced whole, after the run, through a temporary in its folder: a run that fails leaves the
    // old file and no temporary behind; a run that completes replaces it (a new inode: never half-written in place).
    void regularFileReplacedAfterTheRun()
    {
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString path = dir->filePath(QStringLiteral("out.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export\n");
        old.close();
        const ino_t oldInode = lstatOf(path).inode;
        const QString email = newUser();

        // The run fails (no database there): the old file stays, and no temporary is left.
        QMap<QString, QString> broken = toolEnv(m_db);
        broken.insert(QStringLiteral("DB_PORT"), QString::number(freePort()));
        ToolResult result = runTool({QStringLiteral("--email"), email, QStringLiteral("--csv"), path}, broken);
        QVERIFY2(result.exitCode == 1, result.err.constData());
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("the previous export\n"));
        kept.close();
        QCOMPARE(QDir(dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 1);

        result =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--csv"), path},
                    toolEnv(m_db));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = written.readAll().split('\n');
        QCOMPARE(lines.size(), 4); // header, two outliers, and the empty rest after the last CRLF
        QCOMPARE(lines.at(0), CsvHeader + '\r');
        QVERIFY(lstatOf(path).inode != oldInode);
        QCOMPARE(QDir(dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 1);
    }

    // A FIFO: written as a stream to its reader, and still a FIFO afterwards.
    void fifoIsStreamed()
    {
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString fifo = dir->filePath(QStringLiteral("outliers.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
        // The reader: cat, started first, copies what arrives into a file.
        QProcess reader;
        reader.setStandardOutputFile(dir->filePath(QStringLiteral("received.csv")));
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        const QString email = newUser();
        const ToolResult result =
            runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--csv"), fifo},
                    toolEnv(m_db));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // The tool closed its end: cat saw the end of the stream and ended.
        QVERIFY(reader.state() == QProcess::NotRunning || reader.waitForFinished(30000));
        QCOMPARE(lstatOf(fifo).type, mode_t(S_IFIFO));
        QFile received(dir->filePath(QStringLiteral("received.csv")));
        QVERIFY(received.open(QIODevice::ReadOnly));
        const QByteArray csv = received.readAll();
        QVERIFY2(csv.startsWith(QByteArray(CsvHeader + "\r\n")), csv.constData());
        QCOMPARE(csv.count('\n'), 3);
        QCOMPARE(runsOf(email), 1);
    }

    // A FIFO nobody reads yet: the tool says it waits, before touching anything; SIGTERM then ends it with nothing
    // done and the FIFO left as it was.
    void fifoWithoutReaderWaitsUntilCancelled()
    {
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString fifo = dir->filePath(QStringLiteral("nobody-reads.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
        const QString email = newUser();
        const QString ns = uniqueNamespace(QStringLiteral("csv_fifo"));
        ToolProcess tool;
        QVERIFY(
            tool.start({QStringLiteral("--email"), email, QStringLiteral("--no-notify"), QStringLiteral("--csv"), fifo},
                       env(ns, QString())));
        QVERIFY2(
            tool.waitForStderr(QByteArray("find-outliers: waiting for a reader of the FIFO " + fifo.toUtf8()), 30000),
            tool.describe().constData());
        QVERIFY(tool.signal(SIGTERM));
        QVERIFY2(tool.waitForFinished(30000), tool.describe().constData());
        QVERIFY2(tool.exitCode() == 1, tool.describe().constData());
        QVERIFY2(tool.err().contains("Cancelled while waiting for a reader of the FIFO"), tool.describe().constData());
        QCOMPARE(lstatOf(fifo).type, mode_t(S_IFIFO));
        QCOMPARE(runsOf(email), 0);
        QVERIFY(redisGet(ns + email).isNull());
    }

    // Character devices made here: a null device takes the CSV and stays a device; a full device (ENOSPC) stays a
    // device, and since the run was already stored the failure is a warning with exit 0: a retry would store another
    // iteration.
    void characterDeviceIsNeverReplaced_data()
    {
        QTest::addColumn<int>("minorNumber");
        QTest::addColumn<bool>("fails");
        QTest::newRow("null (1,3)") << 3 << false;
        QTest::newRow("full (1,7)") << 7 << true;
    }

    void characterDeviceIsNeverReplaced()
    {
        QFETCH(int, minorNumber);
        QFETCH(bool, fails);
        if (::geteuid() != 0)
            QFAIL("mknod needs root (CI runs the tests as root)");
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString node = dir->filePath(QStringLiteral("device"));
        QVERIFY(::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, minorNumber)) == 0);
        const QString email = newUser();
        const ToolResult result = runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify"),
                                           QStringLiteral("--json"), QStringLiteral("--csv"), node},
                                          toolEnv(m_db));
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const NodeInfo after = lstatOf(node);
        QCOMPARE(after.type, mode_t(S_IFCHR));
        QCOMPARE(after.rdev, makedev(1, minorNumber));
        const QDir::Filters everything = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
        QCOMPARE(QDir(dir->path()).entryList(everything).size(), 1);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(runsOf(email), 1);
        if (fails) {
            const QByteArray expected = "find-outliers: warning: Cannot write the CSV file " + node.toUtf8()
                + ": No space left on device. The run itself completed and is stored";
            QVERIFY2(result.err.contains(expected), result.err.constData());
        } else {
            QVERIFY2(!result.err.contains("CSV"), result.err.constData());
        }
    }

    // /dev/stdout into a pipe (runTool reads stdout through one): the CSV arrives on standard output.
    void devStdoutIntoAPipe()
    {
        const QString email = newUser();
        const ToolResult result = runTool({QStringLiteral("--email"), email, QStringLiteral("--no-notify"),
                                           QStringLiteral("--csv"), QStringLiteral("/dev/stdout")},
                                          toolEnv(m_db));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.startsWith(QByteArray(CsvHeader + "\r\n")), result.out.constData());
        QVERIFY2(result.out.contains("Raw records (k = 3)"), result.out.constData()); // the summary follows
    }

    // The shell's process substitution, --csv >(gzip > out.csv.gz): a /dev/fd/N path of a pipe.
    void processSubstitution()
    {
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString email = newUser();
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QMap<QString, QString> vars = toolEnv(m_db);
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            environment.insert(it.key(), it.value());
        environment.insert(QStringLiteral("FO_EMAIL"), email);
        environment.insert(QStringLiteral("FO_OUT"), dir->filePath(QStringLiteral("out.csv.gz")));
        shell.setProcessEnvironment(environment);
        shell.start(QStringLiteral("bash"),
                    {QStringLiteral("-c"),
                     QStringLiteral("\"$FO_BINARY\" --email \"$FO_EMAIL\" --no-notify --json --csv "
                                    ">(gzip > \"$FO_OUT\") > /dev/null; status=$?; wait $!; exit $status")});
        QVERIFY(shell.waitForFinished(60000));
        const QByteArray err = shell.readAllStandardError();
        QVERIFY2(shell.exitCode() == 0, err.constData());
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), dir->filePath(QStringLiteral("out.csv.gz"))});
        QVERIFY(gunzip.waitForFinished(10000));
        const QByteArray csv = gunzip.readAllStandardOutput();
        QVERIFY2(csv.startsWith(QByteArray(CsvHeader + "\r\n")), csv.constData());
        QCOMPARE(csv.count('\n'), 3);
    }

    // Batch mode: the CSV fails after the runs (a full device); every report is still in the JSON, the summary is
    // printed, and the device is untouched.
    void batchSurvivesCsvFailure()
    {
        if (::geteuid() != 0)
            QFAIL("mknod needs root (CI runs the tests as root)");
        const std::unique_ptr<QTemporaryDir> dir = openDir();
        const QString node = dir->filePath(QStringLiteral("full"));
        QVERIFY(::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 7)) == 0);
        const QString first = newUser();
        const QString second = newUser();
        const QStringList args = {
            QStringLiteral("--emails-from"), QStringLiteral("-"),      QStringLiteral("--jobs"), QStringLiteral("2"),
            QStringLiteral("--no-notify"),   QStringLiteral("--json"), QStringLiteral("--csv"),  node};
        const ToolResult result = runTool(args, toolEnv(m_db), 120000, (first + QLatin1Char('\n') + second).toUtf8());
        qInfo().noquote() << "what the user sees:" << result.err;
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray reports = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(reports.size(), 2);
        for (const QJsonValue &report : reports)
            QCOMPARE(report.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QByteArray reason = "Cannot write the CSV file " + node.toUtf8() + ": No space left on device";
        QVERIFY2(result.err.contains(reason), result.err.constData());
        QVERIFY2(result.err.contains("find-outliers: 2 emails in "), result.err.constData());
        QVERIFY2(result.err.contains(": 2 completed, 0 failed"), result.err.constData());
        const NodeInfo after = lstatOf(node);
        QCOMPARE(after.type, mode_t(S_IFCHR));
        QCOMPARE(after.rdev, makedev(1, 7));
        QCOMPARE(runsOf(first), 1);
        QCOMPARE(runsOf(second), 1);
    }
};

QTEST_GUILESS_MAIN(TestBadInputCsv)
#include "tst_badinput_csv.moc"
