// `layerlens-cli lint`: output formats, exit codes, .dockerignore discovery. Runs the binary.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run lint(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LAYERLENS_CLI_PATH), QStringList{QStringLiteral("lint")} + args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestCliLint : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("Dockerfile"));
    }

    void warningsOnlyExitZero()
    {
        QVERIFY(write(m_file, "FROM alpine:3.19\nCMD echo hi\nMAINTAINER me\n"));
        const Run r = lint({m_file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral(
            "%1:2:5: warning: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals [JSONArgsRecommended]\n"
            "%1:3:1: warning: Maintainer instruction is deprecated in favor of using label [MaintainerDeprecated]\n").arg(m_file));
    }

    void errorsExitOne()
    {
        QVERIFY(write(m_file, "FROM alpine:3.19\nBOGUS x\nWORKDIR /proc/self/fd/3\n"));
        const Run r = lint({m_file});
        QCOMPARE(r.code, 1);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(m_file + QStringLiteral(":2:1: error: unknown instruction: BOGUS")));
        QVERIFY(lines[0].endsWith(QLatin1String("[SyntaxError]")));
        QVERIFY(lines[1].startsWith(m_file + QStringLiteral(":3:9: error: WORKDIR /proc/self/fd/3")));
    }

    void cleanFileIsSilent()
    {
        QVERIFY(write(m_file, "FROM alpine:3.19\nCMD [\"sh\"]\n"));
        const Run r = lint({m_file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString());
    }

    void json()
    {
        QVERIFY(write(m_file, "# check=error=true\nFROM alpine:3.19\nEXPOSE 80/TCP\n"));
        const Run r = lint({QStringLiteral("--json"), m_file});
        QCOMPARE(r.code, 1);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        const QJsonArray a = doc.array();
        QCOMPARE(a.size(), 1);
        const QJsonObject o = a[0].toObject();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("column"), QStringLiteral("endColumn"), QStringLiteral("endLine"), QStringLiteral("file"),
                                        QStringLiteral("line"), QStringLiteral("message"), QStringLiteral("rule"), QStringLiteral("severity")}));
        QCOMPARE(o.value(QStringLiteral("rule")).toString(), QStringLiteral("ExposeProtoCasing"));
        QCOMPARE(o.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(o.value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("column")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("endColumn")).toInt(), 14);
        QCOMPARE(o.value(QStringLiteral("file")).toString(), m_file);
        // Stable: the same input gives the same bytes.
        QCOMPARE(lint({QStringLiteral("--json"), m_file}).out, r.out);
        QVERIFY(write(m_file, "FROM alpine:3.19\n"));
        QCOMPARE(lint({QStringLiteral("--json"), m_file}).out.trimmed(), QStringLiteral("[\n]"));
    }

    void dockerignoreBeside()
    {
        QVERIFY(write(m_file, "FROM alpine:3.19\nCOPY secret.txt other.txt /x/\n"));
        QCOMPARE(lint({m_file}).out, QString());
        QVERIFY(write(m_dir.filePath(QStringLiteral(".dockerignore")), "secret.txt\n"));
        Run r = lint({m_file});
        QCOMPARE(r.out, QStringLiteral("%1:2:6: warning: Attempting to Copy file \"secret.txt\" that is excluded by .dockerignore [CopyIgnoredFile]\n").arg(m_file));
        // <Dockerfile>.dockerignore wins over .dockerignore.
        QVERIFY(write(m_file + QStringLiteral(".dockerignore"), "other.txt\n"));
        r = lint({m_file});
        QVERIFY(r.out.contains(QLatin1String("\"other.txt\"")));
        QVERIFY(!r.out.contains(QLatin1String("\"secret.txt\"")));
        // An explicit file wins over both.
        const QString explicitIgnore = m_dir.filePath(QStringLiteral("custom.ignore"));
        QVERIFY(write(explicitIgnore, "nothing\n"));
        QCOMPARE(lint({QStringLiteral("--ignore-file"), explicitIgnore, m_file}).out, QString());
        QCOMPARE(lint({QStringLiteral("--ignore-file=") + explicitIgnore, m_file}).out, QString());
    }

    // BuildKit's BUILDKIT_DOCKERFILE_CHECK build argument replaces the file's directive; an
    // instruction's own `# check=` comment still adds its skips.
    void checkBuildArgAndInstructionComments()
    {
        QVERIFY(write(m_file, "# check=skip=MaintainerDeprecated\nFROM alpine:3.19\nMAINTAINER me\n# check=skip=JSONArgsRecommended\nCMD echo hi\nENTRYPOINT run it\n"));
        Run r = lint({m_file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("%1:6:12: warning: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals [JSONArgsRecommended]\n").arg(m_file));
        r = lint({QStringLiteral("--build-arg"), QStringLiteral("BUILDKIT_DOCKERFILE_CHECK=error=true"), m_file});
        QCOMPARE(r.code, 1); // the override drops the file's skip and makes findings errors
        QVERIFY2(r.out.contains(QLatin1String(":3:1: error: Maintainer instruction is deprecated")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String(":5:5:"))); // the CMD's own comment still skips it
        QCOMPARE(lint({QStringLiteral("--build-arg=oops"), m_file}).code, 2);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no-file") << QStringList() << QStringLiteral("no Dockerfile given");
        QTest::newRow("missing-file") << QStringList{QStringLiteral("/nonexistent/Dockerfile")}
                                      << QStringLiteral("cannot read \"/nonexistent/Dockerfile\"");
        QTest::newRow("directory") << QStringList{QStringLiteral("/tmp")} << QStringLiteral("\"/tmp\" is a directory");
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("--fast"), QStringLiteral("Dockerfile")}
                                        << QStringLiteral("unknown option \"--fast\"");
        QTest::newRow("two-files") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringLiteral("only one Dockerfile");
        QTest::newRow("ignore-file-missing-arg") << QStringList{QStringLiteral("--ignore-file")} << QStringLiteral("--ignore-file needs a file name");
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = lint(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }

    void unreadableIgnoreFile()
    {
        QVERIFY(write(m_file, "FROM alpine:3.19\n"));
        const Run r = lint({QStringLiteral("--ignore-file"), QStringLiteral("/nonexistent/.dockerignore"), m_file});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("/nonexistent/.dockerignore")));
    }

    void help()
    {
        const Run r = lint({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: layerlens-cli lint")));
    }

    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("multistage") << QStringLiteral("busybox-multistage") << QString();
        QTest::newRow("features") << QStringLiteral("busybox-features")
                                  << QStringLiteral(":19:1: warning: ADD of local files that are not archives: use COPY, which only copies [AddInsteadOfCopy]\n");
    }

    void fixtures()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString file = QStringLiteral(LAYERLENS_FIXTURES_DIR "/dockerfiles/%1/Dockerfile").arg(name);
        const Run r = lint({file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, expected.isEmpty() ? QString() : file + expected);
    }

private:
    QTemporaryDir m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestCliLint)
#include "tst_cli_lint.moc"
