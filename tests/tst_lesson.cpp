// The lesson's numbers on real images: what the base is (os-release as a shell reads it, the
// package manager, the shell through merged-/usr links), one layer's blob hashed live against the
// inspector's digest, and the union-filesystem examples against `layerlens-cli inspect --json`.
#include "testsupport.h"

#include "fstree/pathresolve.h"
#include "image/layerbuilder.h"
#include "lesson/lessonfacts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using tst::inspectJson;
using tst::treeEntry;

// What a POSIX shell makes of a KEY=value file's variable: the reference for os-release(5).
QString shellValue(const QString &file, const QString &key)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral(". \"$1\"; printf %s \"$%1\"").arg(key), QStringLiteral("sh"), file});
    sh.waitForFinished();
    return QString::fromUtf8(sh.readAllStandardOutput());
}

} // namespace

class TestLesson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resolvesLinksAsTheKernelDoes();
    void osReleaseAsAShellReadsIt();
    void aDebianLikeBase();
    void theBusyboxFixtureHasAShellAndNoPackageManager();
    void liveHashIsTheInspectorsDigest_data();
    void liveHashIsTheInspectorsDigest();
    void unionExamplesAgreeWithTheInspector();
    void unionExamplesPickTheBiggest();
    void stepCountsAgreeWithTheInspector_data();
    void stepCountsAgreeWithTheInspector();

private:
    QTemporaryDir m_dir;
    QString m_debianLike;
    QByteArray m_osRelease;
};

void TestLesson::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // This machine's own os-release (Debian's, quoted values and all), in a merged-/usr layout
    // as Debian 12 images have it: /bin → usr/bin, /etc/os-release → ../usr/lib/os-release.
    QFile os(QStringLiteral("/usr/lib/os-release"));
    QVERIFY(os.open(QIODevice::ReadOnly));
    m_osRelease = os.readAll();
    using ll::LayerBuilder;
    ll::ImageSpec spec = tst::specOf(
        {LayerBuilder()
             .dir("usr/bin")
             .file("usr/bin/dash", QByteArray(5000, 'd'), 0755)
             .symlink("usr/bin/sh", "dash")
             .symlink("bin", "usr/bin")
             .file("usr/lib/os-release", m_osRelease)
             .symlink("etc/os-release", "../usr/lib/os-release")
             .file("usr/bin/apt-get", "apt\n", 0755)
             .file("var/lib/dpkg/status", "Package: base-files\n")
             .symlink("loop/a", "b")
             .symlink("loop/b", "a")
             .symlink("dangling", "/nowhere")
             .symlink("up", "../../../../usr")
             .symlink("abs", "/usr/lib")
             .hardlink("usr/bin/dash2", "usr/bin/dash")
             .symlink("chain/l0", "/usr/bin/dash")
             .spec(),
         LayerBuilder().file("app/main.py", "print('hi')\n").whiteout("usr/lib/os-release").spec()});
    m_debianLike = tst::writeImage(m_dir, QStringLiteral("debianlike.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive);
}

void TestLesson::resolvesLinksAsTheKernelDoes()
{
    const auto a = tst::analyze(m_debianLike);
    QVERIFY(a);
    const ll::ImageFs &fs = *a->fs;
    const auto at = [&](const char *path, int layer, bool followLast = true) {
        const int32_t id = ll::resolveInImage(fs, layer, path, followLast);
        return id < 0 ? QByteArray("<none>") : fs.pathOf(id);
    };
    QCOMPARE(at("bin/sh", 0), QByteArray("usr/bin/dash"));                // a link in the middle, then one at the end
    QCOMPARE(at("/bin/sh", 0, false), QByteArray("usr/bin/sh"));         // lstat: the last link itself
    QCOMPARE(at("etc/os-release", 0), QByteArray("usr/lib/os-release")); // a relative target with ..
    QCOMPARE(at("up/bin/dash", 0), QByteArray("usr/bin/dash"));          // .. stops at the image's root
    QCOMPARE(at("bin/../bin/sh", 0), QByteArray("usr/bin/dash")); // .. of the folder the link led to, as the kernel does
    QCOMPARE(at("bin/./../usr/bin/dash", 0), QByteArray("<none>")); // (/usr/usr/bin/dash)
    QCOMPARE(at("loop/a", 0), QByteArray("<none>"));   // a loop ends at 40 links
    QCOMPARE(at("dangling", 0), QByteArray("<none>")); // a target no layer has
    QCOMPARE(at("dangling", 0, false), QByteArray("dangling"));
    QCOMPARE(at("usr/bin/dash/x", 0), QByteArray("<none>")); // a file is not a folder
    QCOMPARE(at("", 0), QByteArray(""));                     // the root
    QCOMPARE(at("abs/os-release", 0), QByteArray("usr/lib/os-release")); // an absolute link in the middle
    QCOMPARE(at("bin/dash2", 0), QByteArray("usr/bin/dash2"));          // a hard link is a file of its own
    QCOMPARE(at("usr/bin/sh/", 0), QByteArray("<none>"));              // a file is not a folder, even with a slash
    // Exactly 40 links are followed, the 41st is not (Linux's MAXSYMLINKS).
    const auto chainImage = [&](int links) {
        ll::LayerBuilder b;
        b.file("target", "t\n");
        for (int i = 0; i < links; ++i)
            b.symlink("l" + QByteArray::number(i), i + 1 < links ? "l" + QByteArray::number(i + 1) : QByteArray("target"));
        return tst::writeImage(m_dir, QStringLiteral("chain%1.tar").arg(links), {tst::build(tst::specOf({b.spec()}))}, ll::OutputFormat::OciArchive);
    };
    for (const int links : {40, 41}) {
        const auto chain = tst::analyze(chainImage(links));
        QVERIFY(chain);
        const int32_t id = ll::resolveInImage(*chain->fs, 0, "l0");
        QCOMPARE(id < 0 ? QByteArray("<none>") : chain->fs->pathOf(id), links == 40 ? QByteArray("target") : QByteArray("<none>"));
    }
    // A hostile link target of many components: walked once (linear), refused past the budget.
    {
        ll::LayerBuilder b;
        b.file("usr/bin/dash", "d");
        QByteArray longPath;
        for (int i = 0; i < 30000; ++i)
            longPath += "usr/../";
        b.symlink("long", longPath + "usr/bin/dash/./.");
        b.symlink("huge", longPath + longPath + longPath + "usr/bin/dash");
        const auto hostile = tst::analyze(tst::writeImage(m_dir, QStringLiteral("longlink.tar"), {tst::build(tst::specOf({b.spec()}))}, ll::OutputFormat::OciArchive));
        QVERIFY(hostile);
        QCOMPARE(hostile->fs->pathOf(ll::resolveInImage(*hostile->fs, 0, "long")), QByteArray("usr/bin/dash"));
        QCOMPARE(ll::resolveInImage(*hostile->fs, 0, "huge"), -1);
    }
    // After the layer that removed the target, the link dangles.
    QCOMPARE(at("etc/os-release", 1), QByteArray("<none>"));
    QCOMPARE(ll::storingLayer(fs, fs.find("usr/lib/os-release"), 0), 0);
    QCOMPARE(ll::storingLayer(fs, fs.find("usr/lib/os-release"), 1), -1);
    QCOMPARE(ll::storingLayer(fs, fs.find("app/main.py"), 1), 1);
}

void TestLesson::osReleaseAsAShellReadsIt()
{
    // Quotes of both kinds, escapes inside double quotes, comments and blank lines.
    const QByteArray text = "# a comment\n\nPRETTY_NAME=\"Tricky \\\"Linux\\\" \\$HOME 1\"\nID=tricky\nVERSION_ID='3.1'\nID_LIKE=\"debian ubuntu\"\n";
    const QString file = m_dir.filePath(QStringLiteral("os-release"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const ll::lesson::OsRelease os = ll::lesson::parseOsRelease(text);
    QCOMPARE(os.prettyName, shellValue(file, QStringLiteral("PRETTY_NAME")));
    QCOMPARE(os.prettyName, QStringLiteral("Tricky \"Linux\" $HOME 1"));
    QCOMPARE(os.id, shellValue(file, QStringLiteral("ID")));
    QCOMPARE(os.versionId, shellValue(file, QStringLiteral("VERSION_ID")));
    QCOMPARE(os.idLike, shellValue(file, QStringLiteral("ID_LIKE")));
}

void TestLesson::aDebianLikeBase()
{
    const auto a = tst::analyze(m_debianLike);
    QVERIFY(a);
    const ll::lesson::BaseFacts f = ll::lesson::baseFacts(*a);
    QCOMPARE(f.base.layers, 1); // dive's rule: no pause in this history
    QCOMPARE(f.baseBytes, a->layers[0].uncompressedSize);
    QCOMPARE(f.baseStored, a->layers[0].storedSize);
    QCOMPARE(f.imageBytes, a->layers[0].uncompressedSize + a->layers[1].uncompressedSize);
    QCOMPARE(f.osReleasePath, QByteArray("usr/lib/os-release"));
    QCOMPARE(f.osReleaseLayer, 0);
    QCOMPARE(f.packageManager, QStringLiteral("apt"));
    QCOMPARE(f.shellPath, QByteArray("bin/sh"));
    QCOMPARE(f.shellTarget, QByteArray("usr/bin/dash"));
    ll::CancelFlagContext ctx;
    const auto os = ll::lesson::readOsRelease(*a, f, ctx);
    QVERIFY2(os.ok(), qPrintable(os.ok() ? QString() : os.error().toString()));
    QCOMPARE(os.value().prettyName, shellValue(QStringLiteral("/usr/lib/os-release"), QStringLiteral("PRETTY_NAME")));
    QCOMPARE(os.value().id, shellValue(QStringLiteral("/usr/lib/os-release"), QStringLiteral("ID")));
    QVERIFY(!os.value().prettyName.isEmpty());
}

void TestLesson::theBusyboxFixtureHasAShellAndNoPackageManager()
{
    const QString image = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const auto a = tst::analyze(image);
    QVERIFY(a);
    const ll::lesson::BaseFacts f = ll::lesson::baseFacts(*a);
    // busybox answers to dpkg and rpm as applets; they are links to it, not package managers.
    const QJsonObject tree = inspectJson({QStringLiteral("--tree"), image});
    const QJsonObject dpkg = treeEntry(tree, QStringLiteral("/usr/bin/dpkg"));
    QCOMPARE(dpkg.value(QStringLiteral("linkTarget")).toString(), QStringLiteral("/bin/busybox")); // the applet the rule must not count
    QVERIFY(f.packageManager.isEmpty());
    QVERIFY(f.osReleasePath.isEmpty());
    QCOMPARE(f.shellPath, QByteArray("bin/sh"));
    // Where /bin/sh leads, as the inspector lists the link.
    const QJsonObject sh = treeEntry(tree, QStringLiteral("/bin/sh"));
    QCOMPARE(sh.value(QStringLiteral("type")).toString(), QStringLiteral("symlink"));
    QCOMPARE(QByteArray("/") + f.shellTarget, sh.value(QStringLiteral("linkTarget")).toString().toUtf8());
}

void TestLesson::liveHashIsTheInspectorsDigest_data()
{
    QTest::addColumn<QString>("image");
    for (const char *name : {"layers.oci.tar", "layers.docker.tar", "layers.oci-zstd.ocidir", "layers.podman-dockerdir-gzip"})
        QTest::newRow(name) << tst::fixture(QString::fromLatin1(name));
}

void TestLesson::liveHashIsTheInspectorsDigest()
{
    QFETCH(QString, image);
    const auto a = tst::analyze(image);
    QVERIFY(a);
    const QJsonArray layers = inspectJson({image}).value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), qsizetype(a->layers.size()));
    // The biggest stored layer (all are far below 256 MiB here), by the inspector's sizes.
    int biggest = 0;
    for (int i = 1; i < layers.size(); ++i)
        if (layers[i].toObject().value(QStringLiteral("storedSize")).toInteger() > layers[biggest].toObject().value(QStringLiteral("storedSize")).toInteger())
            biggest = i;
    QCOMPARE(ll::lesson::hashedLayer(*a), biggest);
    ll::CancelFlagContext ctx;
    const auto hash = ll::lesson::hashLayerBlob(*a, biggest, ctx);
    QVERIFY(hash.ok());
    QCOMPARE(hash.value().digest.toString(), layers[biggest].toObject().value(QStringLiteral("blobDigest")).toString());
    QCOMPARE(hash.value().bytes, layers[biggest].toObject().value(QStringLiteral("storedSize")).toInteger());
    QVERIFY(!ll::lesson::hashLayerBlob(*a, int(a->layers.size()), ctx).ok()); // no such layer: an error, not a crash
    ctx.cancel();
    const auto canceled = ll::lesson::hashLayerBlob(*a, biggest, ctx);
    QVERIFY(!canceled.ok());
    QCOMPARE(canceled.error().code, ll::ErrorCode::Canceled);
}

void TestLesson::unionExamplesAgreeWithTheInspector()
{
    const QString image = tst::fixture(QStringLiteral("layers.oci.tar"));
    const auto a = tst::analyze(image);
    QVERIFY(a);
    const ll::ImageFs &fs = *a->fs;
    const ll::lesson::UnionExamples x = ll::lesson::unionExamples(fs);
    QVERIFY(x.copiedUp >= 0 && x.whiteout >= 0 && x.opaque >= 0);
    // The fixture's README: the opaque directory is var/cache/demo.
    QCOMPARE(fs.pathOf(x.opaque), QByteArray("var/cache/demo"));
    // Each row of each stack is what the inspector says that layer did to the path.
    for (const int32_t node : {x.copiedUp, x.whiteout}) {
        const QString path = QLatin1Char('/') + QString::fromUtf8(fs.pathOf(node));
        const auto rows = ll::lesson::stackOf(fs, node);
        QVERIFY(rows.size() >= 2);
        int visible = 0;
        for (const ll::lesson::StackRow &r : rows) {
            const QJsonObject e = treeEntry(inspectJson({QStringLiteral("--tree"), QStringLiteral("--changes-only"), QStringLiteral("--layer"),
                                                         QString::number(r.layer + 1), image}),
                                            path);
            QVERIFY2(!e.isEmpty(), qPrintable(path));
            QCOMPARE(e.value(QStringLiteral("change")).toString(), ll::changeName(r.change));
            if (r.change != ll::Change::Removed && e.value(QStringLiteral("type")).toString() == QLatin1String("file"))
                QCOMPARE(e.value(QStringLiteral("size")).toInteger(), r.size);
            if (r.change != ll::Change::Removed)
                QCOMPARE(r.directory, e.value(QStringLiteral("type")).toString() == QLatin1String("directory"));
            visible += r.visible ? 1 : 0;
        }
        const bool presentAtEnd = !treeEntry(inspectJson({QStringLiteral("--tree"), image}), path).isEmpty();
        QCOMPARE(visible, presentAtEnd ? 1 : 0);
        QCOMPARE(rows.back().visible, presentAtEnd);
    }
    // The copy-up stores the file again: the top row is a change, with the whole size.
    const auto copied = ll::lesson::stackOf(fs, x.copiedUp);
    QVERIFY(copied.back().change == ll::Change::Modified || copied.back().change == ll::Change::AttrsOnly);
    QVERIFY(copied.back().size > 0);
    // The whiteout example was removed by a marker.
    const auto removed = ll::lesson::stackOf(fs, x.whiteout);
    QVERIFY(std::any_of(removed.begin(), removed.end(), [](const ll::lesson::StackRow &r) { return r.byMarker; }));
}

void TestLesson::unionExamplesPickTheBiggest()
{
    using ll::LayerBuilder;
    const ll::ImageSpec spec = tst::specOf({LayerBuilder()
                                                .file("a/small", QByteArray(10, 's'))
                                                .file("a/big", QByteArray(5000, 'b'))
                                                .file("d/x", QByteArray(3000, 'x'))
                                                .file("d/y", QByteArray(3000, 'y'))
                                                .hardlink("d/z", "d/x")
                                                .file("f", QByteArray(4000, 'f'))
                                                .spec(),
                                            LayerBuilder().file("a/small", QByteArray(20, 'S')).file("a/big", QByteArray(5000, 'B')).spec(),
                                            LayerBuilder().whiteout("a/big").whiteout("f").whiteout("d").spec()});
    const auto a = tst::analyze(tst::writeImage(m_dir, QStringLiteral("biggest.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive));
    QVERIFY(a);
    const ll::lesson::UnionExamples x = ll::lesson::unionExamples(*a->fs);
    // The biggest file stored again, in the layer that stored it (a later layer removed it).
    QCOMPARE(a->fs->pathOf(x.copiedUp), QByteArray("a/big"));
    QCOMPARE(x.copiedLayer, 1);
    // The folder's 9,000 bytes (the hard link counts the size it carries) over the 5,000-byte file.
    QCOMPARE(a->fs->pathOf(x.whiteout), QByteArray("d"));
    QCOMPARE(x.whiteoutLayer, 2);
    QCOMPARE(x.whiteoutBytes, qint64(9000));
    QCOMPARE(x.opaque, -1);
}

void TestLesson::stepCountsAgreeWithTheInspector_data()
{
    QTest::addColumn<QString>("image");
    for (const char *name : {"layers.oci.tar", "features-docker.podman-docker.tar", "multistage.oci.tar"})
        QTest::newRow(name) << tst::fixture(QString::fromLatin1(name));
}

void TestLesson::stepCountsAgreeWithTheInspector()
{
    QFETCH(QString, image);
    const auto a = tst::analyze(image);
    QVERIFY(a);
    const QJsonObject inspect = inspectJson({image});
    const QJsonArray steps = inspect.value(QStringLiteral("steps")).toArray();
    const QJsonArray layers = inspect.value(QStringLiteral("layers")).toArray();
    const ll::lesson::StepCounts c = ll::lesson::stepCounts(*a);
    QCOMPARE(c.steps, steps.size());
    QCOMPARE(c.layers, layers.size());
    int empty = 0, first = -1;
    for (int i = 0; i < steps.size(); ++i)
        if (steps[i].toObject().value(QStringLiteral("emptyLayer")).toBool() && (++empty, first < 0))
            first = i;
    QCOMPARE(c.metadataOnly, empty);
    QCOMPARE(c.firstMetadataStep, first);
    for (const QJsonValue &l : layers)
        QVERIFY(l.toObject().value(QStringLiteral("uncompressedSize")).toInteger()
                <= layers[c.largestLayer].toObject().value(QStringLiteral("uncompressedSize")).toInteger());
}

QTEST_GUILESS_MAIN(TestLesson)
#include "tst_lesson.moc"
