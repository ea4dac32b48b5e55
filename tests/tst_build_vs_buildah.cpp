// The builder judged by another builder: the same context and Dockerfile built by buildah (the
// version Debian ships, run here by the test) and by `layerlens-cli build` must give the same
// final filesystem, path by path: type, mode, owner, size, link target and content. The cases
// are the ones where builders have differed: .dockerignore edge cases (anchors, `**`, a folder
// excluded then partly re-included, the Dockerfile ignoring itself), ADD of archives in every
// compression and of a file that only looks like one, COPY of wildcards, folders, links and
// --chown. Only FROM scratch: no base image, no RUN, so nothing but the copy rules is compared.
#include "data/build/buildtestutil.h"

#include "image/layerbuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>

#include <unistd.h>

namespace {

// A tar archive of a few entries with owners, modes, a link and a hard link, compressed. The
// hard link's header carries its target's attributes, as tar writes it (Docker and buildah
// apply a link header's owner and mode to the shared file; our writer's link headers are root's).
QByteArray archive(ll::Compression c)
{
    ll::LayerBuilder b(c);
    b.dir("pkg", 0750, 1234, 5678)
        .file("pkg/secret", "owned\n", 0600, 1234, 5678)
        .file("pkg/data.bin", QByteArray(3000, 'd'), 0644)
        .file("pkg/run.sh", "#!/bin/sh\necho run\n", 0755)
        .symlink("pkg/latest", "data.bin")
        .hardlink("pkg/same.bin", "pkg/data.bin")
        .dir("pkg/empty", 0700);
    return tst::build(tst::specOf({b.spec()})).layers.front().blob;
}

} // namespace

class TestBuildVsBuildah : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameFilesAsBuildah_data();
    void sameFilesAsBuildah();

private:
    QString m_buildah;
    QVersionNumber m_version;
    QTemporaryDir m_dir;
    int m_n = 0;
};

void TestBuildVsBuildah::initTestCase()
{
    m_buildah = QStandardPaths::findExecutable(QStringLiteral("buildah"));
    LL_REQUIRE(!m_buildah.isEmpty(), "buildah, to compare builds with (apt-get install buildah)");
    QVERIFY(m_dir.isValid());
    const tst::CliRun v = tst::runProgram(m_buildah, {QStringLiteral("--version")}, QProcessEnvironment::systemEnvironment());
    m_version = QVersionNumber::fromString(v.out.section(QLatin1Char(' '), 2, 2)); // "buildah version 1.28.2 (...)"
    QVERIFY2(!m_version.isNull(), qPrintable(v.out + v.err));
}

void TestBuildVsBuildah::sameFilesAsBuildah_data()
{
    QTest::addColumn<QByteArray>("dockerfile");
    QTest::addColumn<QByteArray>("dockerignore");
    QTest::newRow("dockerignore edge cases") << QByteArray("FROM scratch\nCOPY . /all/\n")
                                             << QByteArray("# comments and blank lines are ignored\n\n*.md\n!docs/sub/keep.md\ndocs\n!docs/sub\n"
                                                           "*.log\n!keep/x.log\n**/*.tmp\n/root-only.txt\nDockerfile\n.dockerignore\n"
                                                           "secret-link\n");
    QTest::newRow("ADD of archives") << QByteArray("FROM scratch\nADD arc.tar.gz /gz/\nADD arc.tar.xz /xz/\nADD arc.tar.bz2 /bz2/\nADD arc.tar /plain/\n"
                                                   "ADD looks-like.tar.gz /raw/\nADD arc.tar.gz /named/renamed.tar.gz\n")
                                     << QByteArray();
    QTest::newRow("COPY wildcards, folders, links, chown")
        << QByteArray("FROM scratch\nCOPY *.txt /t/\nCOPY dir/ /d/\nCOPY dir /e\nCOPY a.txt b.txt /multi/\nCOPY --chown=10:20 a.txt /owned/a.txt\n"
                      "COPY link /l/\nCOPY dirlink /dl/\nCOPY dir/sub/../sub/deep.txt /norm/\n")
        << QByteArray();
    // BuildKit's newer forms, which Debian 12's buildah (1.28) does not know; Debian 13's (1.39)
    // does, and there they are compared too. Not COPY --parents: buildah 1.39 failed on it in the
    // Debian 13 leg.
    if (m_version >= QVersionNumber(1, 39)) {
        QTest::newRow("COPY here-documents") << QByteArray("FROM scratch\nCOPY <<EOF /etc/greeting\nhello\nEOF\nCOPY <<ONE <<TWO /multi/\n1\nONE\n2\nTWO\n")
                                             << QByteArray();
        QTest::newRow("COPY --exclude") << QByteArray("FROM scratch\nCOPY --exclude=*.md --exclude=keep --exclude=!keep/x.log . /ex/\n") << QByteArray();
    } else {
        qInfo("buildah %s: here-documents and --exclude are compared from buildah 1.39 on", qPrintable(m_version.toString()));
    }
}

void TestBuildVsBuildah::sameFilesAsBuildah()
{
    QFETCH(QByteArray, dockerfile);
    QFETCH(QByteArray, dockerignore);
    const QString work = m_dir.filePath(QString::number(++m_n));
    const QString ctx = work + QStringLiteral("/ctx");
    // One context serves every case.
    for (const char *f : {"a.txt", "b.txt", "README.md", "root-only.txt", "sub/root-only.txt", "docs/guide.md", "docs/sub/keep.md",
                          "docs/sub/notes.txt", "keep/x.log", "keep/y.log", "deep/a/b/c.tmp", "deep/a/keep.txt", "dir/one.txt",
                          "dir/sub/deep.txt"})
        bt::writeFile(ctx + QLatin1Char('/') + QLatin1String(f), QByteArray(f) + " content\n");
    QVERIFY(QFile::setPermissions(ctx + QStringLiteral("/dir/one.txt"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                                         QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    QVERIFY(QFile::link(QStringLiteral("a.txt"), ctx + QStringLiteral("/link")));
    QVERIFY(QFile::link(QStringLiteral("dir"), ctx + QStringLiteral("/dirlink")));
    QVERIFY(QFile::link(QStringLiteral("b.txt"), ctx + QStringLiteral("/secret-link"))); // ignored in the first case
    bt::writeFile(ctx + QStringLiteral("/arc.tar.gz"), archive(ll::Compression::Gzip));
    bt::writeFile(ctx + QStringLiteral("/arc.tar.xz"), archive(ll::Compression::Xz));
    bt::writeFile(ctx + QStringLiteral("/arc.tar.bz2"), archive(ll::Compression::Bzip2));
    bt::writeFile(ctx + QStringLiteral("/arc.tar"), archive(ll::Compression::None));
    bt::writeFile(ctx + QStringLiteral("/looks-like.tar.gz"), "not an archive at all\n");
    bt::writeFile(ctx + QStringLiteral("/Dockerfile"), dockerfile);
    if (!dockerignore.isEmpty())
        bt::writeFile(ctx + QStringLiteral("/.dockerignore"), dockerignore);

    // buildah, with storage of its own under the test's folder.
    const QString theirs = work + QStringLiteral("/buildah.tar"), mine = work + QStringLiteral("/layerlens.tar");
    const QStringList storage = {QStringLiteral("--root"), work + QStringLiteral("/buildah-root"), QStringLiteral("--runroot"),
                                 work + QStringLiteral("/buildah-run"), QStringLiteral("--storage-driver"), QStringLiteral("vfs")};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BUILDAH_ISOLATION"), QStringLiteral("chroot"));
    const QString tag = QStringLiteral("localhost/compare:%1").arg(m_n);
    tst::CliRun r = tst::runProgram(m_buildah, storage + QStringList{QStringLiteral("bud"), QStringLiteral("--layers=false"), QStringLiteral("-t"), tag, ctx}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("buildah bud: ") + r.out + r.err));
    r = tst::runProgram(m_buildah, storage + QStringList{QStringLiteral("push"), tag, QStringLiteral("oci-archive:") + theirs}, env);
    // buildah's storage holds files of the image's owners: as root they go like any file; as a
    // user they belong to subordinate ids, and only buildah's own user namespace removes them.
    if (::geteuid() == 0) {
        QDir(storage.at(1)).removeRecursively();
        QDir(storage.at(3)).removeRecursively();
    } else {
        tst::runProgram(m_buildah, {QStringLiteral("unshare"), QStringLiteral("rm"), QStringLiteral("-rf"), storage.at(1), storage.at(3)}, env);
    }
    QVERIFY2(!QFileInfo::exists(storage.at(1)), "buildah's storage was not removed");
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("buildah push: ") + r.out + r.err));

    // layerlens-cli, as a user runs it.
    r = tst::runCli({QStringLiteral("build"), QStringLiteral("--cache-dir"), work + QStringLiteral("/cache"), QStringLiteral("--store-dir"),
                     work + QStringLiteral("/store"), QStringLiteral("--output"), QStringLiteral("oci-archive:") + mine, ctx});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    const QMap<QString, QString> a = bt::files(mine), b = bt::files(theirs);
    QVERIFY(b.size() >= 4);
    QStringList differ;
    QSet<QString> paths(a.keyBegin(), a.keyEnd());
    paths.unite(QSet<QString>(b.keyBegin(), b.keyEnd()));
    for (const QString &path : std::as_const(paths))
        if (a.value(path) != b.value(path))
            differ << QStringLiteral("%1: LayerLens \"%2\", buildah \"%3\"").arg(path, a.value(path, QStringLiteral("(absent)")), b.value(path, QStringLiteral("(absent)")));
    differ.sort();
    for (const QString &d : std::as_const(differ))
        qInfo("%s", qPrintable(d)); // each one whole: a failure message is cut short
    QVERIFY2(differ.isEmpty(), qPrintable(QStringLiteral("%1 paths differ, the first: ").arg(differ.size()) + differ.value(0)));
}

QTEST_GUILESS_MAIN(TestBuildVsBuildah)
#include "tst_build_vs_buildah.moc"
