// Replays every committed fuzz input (fuzz/corpus/<target>/ and fuzz/regressions/<target>/) through the same
// property checks as the libFuzzer targets (fuzz/FuzzChecks.cpp), in the ordinary build: a finding that was fixed
// and kept as a regression fails here if it comes back, without clang or a fuzzing run.
#include "fuzz/FuzzChecks.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QString root = qEnvironmentVariable("FO_SOURCE_DIR") + QStringLiteral("/fuzz");
        int rows = 0;
        for (const char *kind : {"corpus", "regressions"}) {
            for (const char *target : {"envfile", "value", "csv"}) {
                QDir dir(root + QLatin1Char('/') + QLatin1String(kind) + QLatin1Char('/') + QLatin1String(target));
                const QStringList files = dir.entryList(QDir::Files, QDir::Name);
                for (const QString &file : files) {
                    const QString name =
                        QStringLiteral("%1/%2/%3").arg(QLatin1String(kind), QLatin1String(target), file);
                    QTest::newRow(qPrintable(name)) << QString::fromLatin1(target) << dir.filePath(file);
                    ++rows;
                }
            }
        }
        QVERIFY2(rows >= 20, "the committed fuzz corpus is missing: is FO_SOURCE_DIR the repository?");
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        const std::size_t size = std::size_t(bytes.size());
        std::string problem;
        if (target == QLatin1String("envfile"))
            problem = fo::fuzz::checkEnvFile(data, size);
        else if (target == QLatin1String("value"))
            problem = fo::fuzz::checkValue(data, size);
        else
            problem = fo::fuzz::checkCsv(data, size);
        QVERIFY2(problem.empty(), problem.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
