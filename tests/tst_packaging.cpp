// What `cmake --install` lays out for a desktop, checked with the tools a distribution checks
// it with: desktop-file-validate, appstreamcli, shared-mime-info's update-mime-database (read back
// through QMimeDatabase on the fixtures), groff for the man pages, bash for the completion.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {
const QString kAppId = QStringLiteral("io.github.layerlens.LayerLens");

QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

tst::CliRun run(const QString &program, const QStringList &args)
{
    return tst::runProgram(program, args, QProcessEnvironment::systemEnvironment());
}

// Width and height from a PNG's IHDR chunk.
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray h = f.read(24);
    if (h.size() < 24 || !h.startsWith("\x89PNG\r\n\x1a\n") || h.mid(12, 4) != "IHDR")
        return {};
    const auto be32 = [&h](int at) { return (uchar(h[at]) << 24) | (uchar(h[at + 1]) << 16) | (uchar(h[at + 2]) << 8) | uchar(h[at + 3]); };
    return QSize(be32(16), be32(20));
}
}

class TestPackaging : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void installedTree();
    void manPagesFollowTheHelp();
    void desktopEntryValidates();
    void metainfoValidates();
    void mimeTypesNameImagesNotEveryTar();
    void bashCompletionReadsTheHelp();

private:
    QString usr(const QString &rel) const { return m_dir.filePath(QStringLiteral("usr/") + rel); }
    QStringList commands() const;

    QTemporaryDir m_dir;
};

void TestPackaging::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // QMimeDatabase reads the shared-mime-info database found first under XDG_DATA_DIRS: point it
    // at one made below from the installed XML, before anything in this process asks for a type.
    const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
    qputenv("XDG_DATA_DIRS", xdg.toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("xdg-home")).toUtf8());
    const tst::CliRun install = run(QStringLiteral(LAYERLENS_CMAKE_COMMAND),
                                    {QStringLiteral("--install"), QStringLiteral(LAYERLENS_BINARY_DIR), QStringLiteral("--prefix"), m_dir.filePath(QStringLiteral("usr"))});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
}

QStringList TestPackaging::commands() const
{
    const tst::CliRun help = tst::runCli({QStringLiteral("--help")});
    QStringList out;
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]*)  "), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(help.err + help.out); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

void TestPackaging::installedTree()
{
    for (const QString &bin : {QStringLiteral("bin/layerlens"), QStringLiteral("bin/layerlens-cli")})
        QVERIFY2(QFileInfo(usr(bin)).isExecutable(), qPrintable(bin));
    for (const QString &f : {QStringLiteral("share/applications/%1.desktop").arg(kAppId), QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId),
                             QStringLiteral("share/mime/packages/layerlens.xml"), QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId),
                             QStringLiteral("share/bash-completion/completions/layerlens-cli"), QStringLiteral("share/bash-completion/completions/layerlens"),
                             QStringLiteral("share/doc/layerlens/copyright")})
        QVERIFY2(QFileInfo(usr(f)).isFile(), qPrintable(f));
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString png = usr(QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId));
        QCOMPARE(pngSize(png), QSize(size, size));
    }
    // A page for each program and for each command the CLI's help lists.
    const QStringList cmds = commands();
    QVERIFY2(cmds.size() >= 8, qPrintable(cmds.join(QLatin1Char(' '))));
    QStringList pages{QStringLiteral("layerlens.1.gz"), QStringLiteral("layerlens-cli.1.gz")};
    for (const QString &c : cmds)
        pages << QStringLiteral("layerlens-cli-%1.1.gz").arg(c);
    QStringList installed = QDir(usr(QStringLiteral("share/man/man1"))).entryList(QDir::Files);
    pages.sort();
    installed.sort();
    QCOMPARE(installed, pages);
}

void TestPackaging::manPagesFollowTheHelp()
{
    LL_REQUIRE(!tool(QStringLiteral("groff")).isEmpty(), "groff (groff-base) to check the man pages");
    const auto page = [this](const QString &name) {
        return run(QStringLiteral("gzip"), {QStringLiteral("-dc"), usr(QStringLiteral("share/man/man1/%1.1.gz").arg(name))}).out;
    };
    QStringList names{QStringLiteral("layerlens"), QStringLiteral("layerlens-cli")};
    for (const QString &c : commands())
        names << QStringLiteral("layerlens-cli-") + c;
    static const QRegularExpression option(QStringLiteral("(?:^|[ ,])--([a-z][a-z0-9-]*)"), QRegularExpression::MultilineOption);
    for (const QString &name : names) {
        const QString roff = page(name);
        QVERIFY2(roff.contains(QStringLiteral(".SH NAME\n%1 \\- ").arg(name)),
                 qPrintable(name + QStringLiteral(": ") + roff.left(300)));
        // Every option the program's help names is in its page.
        QStringList helpArgs{QStringLiteral("--help")};
        QString program = usr(QStringLiteral("bin/layerlens-cli"));
        if (name == QLatin1String("layerlens"))
            program = usr(QStringLiteral("bin/layerlens"));
        else if (name != QLatin1String("layerlens-cli"))
            helpArgs.prepend(name.mid(int(qstrlen("layerlens-cli-"))));
        const tst::CliRun help = run(program, helpArgs);
        int options = 0;
        for (auto it = option.globalMatch(help.out + help.err); it.hasNext(); ++options) {
            const QString o = it.next().captured(1);
            QVERIFY2(roff.contains(QStringLiteral("\\-\\-") + QString(o).replace(QLatin1Char('-'), QStringLiteral("\\-"))), qPrintable(name + QStringLiteral(": --") + o));
        }
        QVERIFY2(name == QLatin1String("layerlens-cli") || options >= 2, qPrintable(name));
        // groff reads it without a warning (lintian's check).
        QProcess groff;
        groff.start(QStringLiteral("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"), QStringLiteral("-z")});
        QVERIFY(groff.waitForStarted());
        groff.write(roff.toUtf8());
        groff.closeWriteChannel();
        QVERIFY(groff.waitForFinished());
        QCOMPARE(groff.exitCode(), 0);
        QVERIFY2(groff.readAllStandardError().isEmpty(), qPrintable(name));
    }
}

void TestPackaging::desktopEntryValidates()
{
    const QString entry = usr(QStringLiteral("share/applications/%1.desktop").arg(kAppId));
    LL_REQUIRE(!tool(QStringLiteral("desktop-file-validate")).isEmpty(), "desktop-file-validate (desktop-file-utils)");
    const tst::CliRun v = run(QStringLiteral("desktop-file-validate"), {entry});
    QVERIFY2(v.exitCode == 0 && (v.out + v.err).trimmed().isEmpty(), qPrintable(v.out + v.err));
    QFile f(entry);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // Files and folders from a file manager, several at once.
    QVERIFY(text.contains(QStringLiteral("\nExec=layerlens %F\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=%1\n").arg(kAppId)));
    // It offers itself for the types packaging/layerlens-mime.xml defines, not for every tar.
    QVERIFY(text.contains(QStringLiteral("\nMimeType=application/vnd.oci.image.layout.v1+json;application/x-container-image-archive;\n")));
}

void TestPackaging::metainfoValidates()
{
    LL_REQUIRE(!tool(QStringLiteral("appstreamcli")).isEmpty(), "appstreamcli (appstream)");
    // --no-net: the screenshot and homepage addresses are not fetched (no network in CI).
    const tst::CliRun v = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                               usr(QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId))});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
}

void TestPackaging::mimeTypesNameImagesNotEveryTar()
{
    LL_REQUIRE(!tool(QStringLiteral("update-mime-database")).isEmpty(), "update-mime-database (shared-mime-info)");
    const QString packages = m_dir.filePath(QStringLiteral("xdg/mime/packages"));
    QVERIFY(QDir().mkpath(packages));
    QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"), packages + QStringLiteral("/freedesktop.org.xml")));
    QVERIFY(QFile::copy(usr(QStringLiteral("share/mime/packages/layerlens.xml")), packages + QStringLiteral("/layerlens.xml")));
    const tst::CliRun update = run(QStringLiteral("update-mime-database"), {m_dir.filePath(QStringLiteral("xdg/mime"))});
    QVERIFY2(update.exitCode == 0 && !update.err.contains(QStringLiteral("layerlens")), qPrintable(update.err));

    const QString archive = QStringLiteral("application/x-container-image-archive");
    // Every writer's archive: Docker 25 and older, podman, skopeo, LayerLens's own formats.
    QStringList images{tst::fixture(QStringLiteral("layers.docker.tar")), tst::fixture(QStringLiteral("busybox-base.oci.tar")),
                       tst::fixture(QStringLiteral("features-docker.podman-docker.tar")), tst::fixture(QStringLiteral("multistage.oci.tar"))};
    for (const char *format : {"docker25", "docker", "oci-archive"}) {
        const QString out = m_dir.filePath(QStringLiteral("sample-%1.tar").arg(QLatin1String(format)));
        QCOMPARE(tst::runCli({QStringLiteral("sample"), QStringLiteral("--format"), QLatin1String(format), out}).exitCode, 0);
        images << out;
    }
    QMimeDatabase db;
    QVERIFY2(db.mimeTypeForName(archive).isValid(), "the database made here does not know the type");
    for (const QString &image : images) {
        const QMimeType t = db.mimeTypeForFile(image);
        QVERIFY2(t.name() == archive, qPrintable(image + QStringLiteral(": ") + t.name()));
        QVERIFY(t.inherits(QStringLiteral("application/x-tar"))); // archive tools are still offered
    }
    // A tar of anything else stays a plain tar.
    const QString src = m_dir.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(src));
    QFile note(src + QStringLiteral("/notes.txt"));
    QVERIFY(note.open(QIODevice::WriteOnly) && note.write("not an image\n") > 0);
    note.close();
    const QString plain = m_dir.filePath(QStringLiteral("plain.tar"));
    QCOMPARE(run(QStringLiteral("tar"), {QStringLiteral("-C"), src, QStringLiteral("-cf"), plain, QStringLiteral("notes.txt")}).exitCode, 0);
    QCOMPARE(db.mimeTypeForFile(plain).name(), QStringLiteral("application/x-tar"));
    // A layout folder's marker file.
    QCOMPARE(db.mimeTypeForFile(tst::fixture(QStringLiteral("layers.ocidir/oci-layout"))).name(), QStringLiteral("application/vnd.oci.image.layout.v1+json"));
}

void TestPackaging::bashCompletionReadsTheHelp()
{
    const QString script = usr(QStringLiteral("share/bash-completion/completions/layerlens-cli"));
    const auto complete = [&](const QString &words, int cword) {
        const QString cmd = QStringLiteral("source '%1'; PATH='%2':$PATH; COMP_WORDS=(%3); COMP_CWORD=%4; _layerlens_cli; echo \"${COMPREPLY[*]}\"")
                                .arg(script, usr(QStringLiteral("bin")), words)
                                .arg(cword);
        return run(QStringLiteral("bash"), {QStringLiteral("-c"), cmd}).out.trimmed().split(QLatin1Char(' '));
    };
    QStringList expected = commands();
    expected << QStringLiteral("--help") << QStringLiteral("--version");
    QCOMPARE(complete(QStringLiteral("layerlens-cli ''"), 1), expected);
    QCOMPARE(complete(QStringLiteral("layerlens-cli inspect --tr"), 2), QStringList{QStringLiteral("--tree")});
    QCOMPARE(complete(QStringLiteral("layerlens-cli images p"), 2), (QStringList{QStringLiteral("pull"), QStringLiteral("push"), QStringLiteral("prune")}));
    QCOMPARE(complete(QStringLiteral("layerlens-cli cache ''"), 2), (QStringList{QStringLiteral("ls"), QStringLiteral("du"), QStringLiteral("prune")}));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
