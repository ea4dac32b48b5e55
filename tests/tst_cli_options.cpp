// Documented options of layerlens-cli that no other test runs, end to end through the binary:
// `images import`, --image by digest and by #N, --platform, `ci` failing on a bad digest, and
// layers compressed with xz and bzip2, build options, a RUN here-document.
#include "testsupport.h"
#include "common/sha256.h"
#include <QJsonObject>
#include <QJsonDocument>
#include <QJsonArray>

#include <QStandardPaths>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

class TestCliOptions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void imagesImportAndList();
    void imageByDigestAndNumber();
    void platformPicksTheManifest();
    void ciFailsOnABadDigest();
    void xzAndBzip2Layers();
    void buildOptions();
    void runHereDocument();
    void treeSinceAndBaseOptions();
    void imagesRmByDigestPrefixMustNameOneImage();
    void layoutFileStandsForItsFolder();
    void helpNamesTheCommand();

private:
    QTemporaryDir m_dir;
    ll::BuiltImage m_small, m_tall;
    QString m_two;
};

void TestCliOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = tst::build(tst::specOf({ll::LayerBuilder().file("a.txt", "one\n").spec()}, QStringLiteral("demo/small:1")));
    m_tall = tst::build(tst::specOf({ll::LayerBuilder().file("a.txt", "one\n").spec(), ll::LayerBuilder().file("b.txt", "two\n").spec()},
                                    QStringLiteral("demo/tall:2")));
    m_two = tst::writeImage(m_dir, QStringLiteral("two.tar"), {m_small, m_tall}, ll::OutputFormat::OciArchive);
}

void TestCliOptions::imagesImportAndList()
{
    QTemporaryDir store;
    const QString one = tst::writeImage(m_dir, QStringLiteral("tall.tar"), {m_tall}, ll::OutputFormat::DockerArchive);
    tst::CliRun r = tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store.path()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 1); // the header only
    r = tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("import"), one, QStringLiteral("demo/imported:7")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("as demo/imported:7")), qPrintable(r.out));
    r = tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store.path()});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[1].startsWith(QStringLiteral("demo/imported:7 ")), qPrintable(r.out));
    QVERIFY2(lines[1].contains(m_tall.configDigest.shortString()), qPrintable(r.out)); // the same image
    // What cannot be imported is refused, naming it.
    r = tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("import"), m_dir.filePath(QStringLiteral("none.tar")),
                     QStringLiteral("x:1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("none.tar")), qPrintable(r.err));
}

void TestCliOptions::imageByDigestAndNumber()
{
    // Without a choice, a two-image archive is refused with the list to choose from.
    tst::CliRun r = tst::runCli({QStringLiteral("inspect"), m_two});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("demo/small:1")) && r.err.contains(QStringLiteral("demo/tall:2")), qPrintable(r.err));
    const QString digest = m_tall.manifestDigest.hex().left(12);
    for (const QString &ref : {digest, QStringLiteral("sha256:") + digest, QStringLiteral("#2"), QStringLiteral("demo/tall:2")}) {
        r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--image"), ref, m_two});
        QVERIFY2(r.exitCode == 0, qPrintable(ref + QStringLiteral(": ") + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("demo/tall:2")) && r.out.contains(QStringLiteral("Layers    2")), qPrintable(ref + QStringLiteral(": ") + r.out));
    }
    r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--image"), QStringLiteral("#3"), m_two});
    QCOMPARE(r.exitCode, 2);
}

void TestCliOptions::platformPicksTheManifest()
{
    ll::ImageSpec amd = tst::specOf({ll::LayerBuilder().file("arch", "amd64\n").spec()}, QStringLiteral("demo/multi:1"));
    ll::ImageSpec arm = amd;
    arm.architecture = QStringLiteral("arm64");
    arm.variant = QStringLiteral("v8");
    arm.layers = {ll::LayerBuilder().file("arch", "arm64!\n").spec()};
    const QString path = tst::writeImage(m_dir, QStringLiteral("multi"), {tst::build(amd), tst::build(arm)}, ll::OutputFormat::OciLayout, ll::WriteOptions{true});
    for (const auto &[platform, expected] : {std::pair{QStringLiteral("linux/arm64"), QStringLiteral("linux/arm64/v8")},
                                             std::pair{QStringLiteral("linux/amd64"), QStringLiteral("linux/amd64")}}) {
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--platform"), platform, path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\"%1\"").arg(expected)), qPrintable(platform));
    }
    const tst::CliRun none = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--platform"), QStringLiteral("linux/s390x"), path});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("linux/s390x")), qPrintable(none.err));
}

// `ci` with every efficiency rule off still fails an image whose layer is not what its digest
// says: LayerLens's own layerDigests rule.
void TestCliOptions::ciFailsOnABadDigest()
{
    ll::BuiltImage bad = m_tall;
    bad.layers[1].blob = tst::build(tst::specOf({ll::LayerBuilder().file("b.txt", "TWO\n").spec()})).layers[0].blob;
    const QString path = tst::writeImage(m_dir, QStringLiteral("bad.tar"), {bad}, ll::OutputFormat::DockerArchive);
    const QStringList off = {QStringLiteral("--lowest-efficiency=off"), QStringLiteral("--highest-wasted-bytes=off"), QStringLiteral("--highest-user-wasted-percent=off")};
    tst::CliRun r = tst::runCli(QStringList{QStringLiteral("ci")} + off + QStringList{path}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("\n  FAIL  layerDigests (1 layer(s) failed verification)\n")), qPrintable(r.out));
    QVERIFY2(r.out.endsWith(QStringLiteral("FAIL [fail:1 skip:3]\n")), qPrintable(r.out));
    const QString good = tst::writeImage(m_dir, QStringLiteral("good.tar"), {m_tall}, ll::OutputFormat::DockerArchive);
    r = tst::runCli(QStringList{QStringLiteral("ci")} + off + QStringList{good}, m_dir.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral("PASS [skip:3]\n")), qPrintable(r.out));
}

void TestCliOptions::xzAndBzip2Layers()
{
    const ll::ImageSpec spec = tst::specOf({ll::LayerBuilder(ll::Compression::Xz).file("x.txt", QByteArray(5000, 'x')).spec(),
                                            ll::LayerBuilder(ll::Compression::Bzip2).file("b.txt", QByteArray(7000, 'b')).spec()});
    const QString path = tst::writeImage(m_dir, QStringLiteral("xzbz"), {tst::build(spec)}, ll::OutputFormat::OciLayout);
    const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("\"compression\": \"xz\"")) && r.out.contains(QStringLiteral("\"compression\": \"bzip2\"")), qPrintable(r.out));
    auto a = tst::analyze(path);
    QVERIFY(a && a->allVerified());
    QCOMPARE(tst::entryAfter(*a, "x.txt", 1)->h.size, qint64(5000));
    QCOMPARE(tst::entryAfter(*a, "b.txt", 1)->h.size, qint64(7000));
}

static void put(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// `build` with -f, --target, --no-cache, --cache-dir, --compression(-level) and <Dockerfile>.dockerignore,
// on COPY steps (no runtime needed), judged by reading the written images back.
void TestCliOptions::buildOptions()
{
    QTemporaryDir work;
    const QString ctx = work.filePath(QStringLiteral("ctx"));
    put(ctx + QStringLiteral("/app.txt"), "app\n");
    put(ctx + QStringLiteral("/secret.txt"), "secret\n");
    put(ctx + QStringLiteral("/docs/readme.md"), "docs\n");
    const QString df = work.filePath(QStringLiteral("elsewhere/Build.dockerfile"));
    put(df, "FROM scratch AS base\nCOPY app.txt /app.txt\nFROM base AS final\nCOPY . /all/\nFROM scratch AS unused\nCOPY missing.txt /\n");
    // The Dockerfile's own ignore file wins over the context's .dockerignore.
    put(df + QStringLiteral(".dockerignore"), "secret.txt\n");
    put(ctx + QStringLiteral("/.dockerignore"), "docs\n");
    const QString cache = work.filePath(QStringLiteral("cache")), store = work.filePath(QStringLiteral("store"));
    const QString out = work.filePath(QStringLiteral("out.tar"));
    const QStringList common = {QStringLiteral("build"), QStringLiteral("-f"), df, QStringLiteral("--cache-dir"), cache, QStringLiteral("--store-dir"), store};
    tst::CliRun r = tst::runCli(common + QStringList{QStringLiteral("--target"), QStringLiteral("final"), QStringLiteral("--compression"), QStringLiteral("zstd"),
                                                     QStringLiteral("--output"), QStringLiteral("oci-archive:") + out, ctx});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QDir(cache).exists() && !QDir(cache).isEmpty()); // the cache went where it was told
    auto a = tst::analyze(out);
    QVERIFY(a && a->allVerified());
    QCOMPARE(a->layers.size(), size_t(2)); // the stage "unused" (which would fail) was not built
    for (const ll::LayerReport &l : a->layers)
        QCOMPARE(l.compression, ll::Compression::Zstd);
    QVERIFY(tst::entryAfter(*a, "all/app.txt", 1));
    QVERIFY(tst::entryAfter(*a, "all/docs/readme.md", 1)); // the context's .dockerignore was not used
    QVERIFY(!tst::entryAfter(*a, "all/secret.txt", 1));
    // Again: every step from the cache; with --no-cache, none.
    r = tst::runCli(common + QStringList{QStringLiteral("--target"), QStringLiteral("final"), QStringLiteral("--compression"), QStringLiteral("zstd"), ctx});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err.count(QStringLiteral(" CACHED")), 2);
    r = tst::runCli(common + QStringList{QStringLiteral("--target"), QStringLiteral("final"), QStringLiteral("--compression"), QStringLiteral("zstd"),
                                         QStringLiteral("--no-cache"), ctx});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err.count(QStringLiteral(" CACHED")), 0);
    // The stage that copies a missing file fails, naming it.
    r = tst::runCli(common + QStringList{QStringLiteral("--target"), QStringLiteral("unused"), ctx});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("missing.txt")), qPrintable(r.err));
    r = tst::runCli(common + QStringList{QStringLiteral("--compression"), QStringLiteral("lzma"), ctx});
    QCOMPARE(r.exitCode, 2);
    // --compression-level: gzip 9 (zlib) makes a smaller blob than the default (ISA-L's fast
    // level when built with it), both read back and verified; out of range is a usage error.
    const QString words = work.filePath(QStringLiteral("words"));
    QByteArray text;
    for (int i = 0; i < 40000; ++i)
        text += "line " + QByteArray::number(i * 7919 % 10007) + " of words that repeat, mostly\n";
    put(words + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY words.txt /\n");
    put(words + QStringLiteral("/words.txt"), text);
    qint64 blobSize[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QString archive = work.filePath(QStringLiteral("words%1.tar").arg(i));
        QStringList args = {QStringLiteral("build"), QStringLiteral("--cache-dir"), cache, QStringLiteral("--store-dir"), store,
                            QStringLiteral("--output"), QStringLiteral("oci-archive:") + archive, words};
        if (i == 1)
            args.insert(1, QStringLiteral("--compression-level=9"));
        r = tst::runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral(" CACHED")), 0); // another level is another layer
        auto w = tst::analyze(archive);
        QVERIFY(w && w->allVerified() && w->layers.size() == 1);
        QCOMPARE(w->layers[0].compression, ll::Compression::Gzip);
        blobSize[i] = w->layers[0].storedSize;
    }
    QVERIFY2(blobSize[1] < blobSize[0], qPrintable(QStringLiteral("%1 %2").arg(blobSize[0]).arg(blobSize[1])));
    for (const QStringList &bad : {QStringList{QStringLiteral("--compression-level"), QStringLiteral("10")},
                                   QStringList{QStringLiteral("--compression-level"), QStringLiteral("fast")},
                                   QStringList{QStringLiteral("--compression"), QStringLiteral("zstd"), QStringLiteral("--compression-level"), QStringLiteral("0")},
                                   QStringList{QStringLiteral("--compression"), QStringLiteral("none"), QStringLiteral("--compression-level"), QStringLiteral("1")}}) {
        r = tst::runCli(QStringList{QStringLiteral("build"), QStringLiteral("--cache-dir"), cache} + bad + QStringList{words});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--compression-level")), qPrintable(r.err));
    }
    // The store takes a built layer from the cache by the kernel's copy, or by reading where the
    // kernel will not copy across filesystems (a cache on /dev/shm's tmpfs): either way every
    // blob in the store is the bytes its name says.
    QTemporaryDir shm(QStringLiteral("/dev/shm/layerlens-cache-XXXXXX"));
    const QString otherCache = shm.isValid() ? shm.path() : work.filePath(QStringLiteral("cache2"));
    const QString store2 = work.filePath(QStringLiteral("store2"));
    r = tst::runCli({QStringLiteral("build"), QStringLiteral("--cache-dir"), otherCache, QStringLiteral("--store-dir"), store2, words});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QDir blobs(store2 + QStringLiteral("/blobs/sha256"));
    QVERIFY(blobs.entryList(QDir::Files).size() >= 3); // the layer, the config, the manifest
    for (const QString &name : blobs.entryList(QDir::Files)) {
        QFile b(blobs.filePath(name));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(ll::Sha256::digestOf(b.readAll()).hex(), name);
    }
}

// `RUN <<EOF` through the binary as a user runs it (the CLI enters its own user namespace when
// not root): the body runs with the step's environment, a quoted delimiter keeps `$` literal.
void TestCliOptions::runHereDocument()
{
    // What the CLI will need: a runtime it can pick, and root or the tools for a user namespace.
    bool runtime = false;
    for (const char *name : {"runc", "crun", "bwrap"})
        runtime = runtime || !QStandardPaths::findExecutable(QLatin1String(name)).isEmpty();
    LL_REQUIRE(runtime, "RUN needs an OCI runtime (apt-get install runc)");
    LL_REQUIRE(::geteuid() == 0 || !QStandardPaths::findExecutable(QStringLiteral("newuidmap")).isEmpty(),
               "RUN as a user who is not root needs a user namespace (apt-get install uidmap)");
    QTemporaryDir work;
    const QString store = work.filePath(QStringLiteral("store")), cache = work.filePath(QStringLiteral("cache"));
    tst::CliRun r = tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store, QStringLiteral("import"),
                                 tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("localhost/busybox:heredoc")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString ctx = work.filePath(QStringLiteral("ctx"));
    put(ctx + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:heredoc\nENV WHO=heredoc\n"
                                             "RUN <<EOF\necho \"first $WHO\" > /one.txt\necho second >> /one.txt\nEOF\n"
                                             "RUN cat > /two.txt <<'END'\nliteral $WHO\nEND\n");
    const QString out = work.filePath(QStringLiteral("out.tar"));
    r = tst::runCli({QStringLiteral("build"), QStringLiteral("--store-dir"), store, QStringLiteral("--cache-dir"), cache, QStringLiteral("--pull"),
                     QStringLiteral("never"), QStringLiteral("--output"), QStringLiteral("oci-archive:") + out, ctx});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto a = tst::analyze(out);
    QVERIFY(a && a->allVerified());
    const int n = a->fs->layerCount();
    QCOMPARE(tst::layerFileData(*a, n - 2, "one.txt"), QByteArray("first heredoc\nsecond\n"));
    QCOMPARE(tst::layerFileData(*a, n - 1, "two.txt"), QByteArray("literal $WHO\n"));
}

// dive's aggregated view and the base split from the command line, with their wrong uses refused.
void TestCliOptions::treeSinceAndBaseOptions()
{
    const QString image = tst::fixture(QStringLiteral("layers.docker.tar"));
    const QString inspect = QStringLiteral("inspect");
    tst::CliRun r = tst::runCli({inspect, QStringLiteral("--tree"), QStringLiteral("--since"), QStringLiteral("1"), image});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("# filesystem after layer 13 of 13, marked against the filesystem after layer 1")), qPrintable(r.out.left(200)));
    QVERIFY2(r.out.contains(QStringLiteral("D drwxr-xr-x")) && r.out.contains(QStringLiteral("/opt/legacy/")), qPrintable(r.out));
    for (const QStringList &bad : {QStringList{QStringLiteral("--tree"), QStringLiteral("--since"), QStringLiteral("13")},
                                   QStringList{QStringLiteral("--tree"), QStringLiteral("--layer"), QStringLiteral("3"), QStringLiteral("--since"), QStringLiteral("3")},
                                   QStringList{QStringLiteral("--since"), QStringLiteral("1")},
                                   QStringList{QStringLiteral("--tree"), QStringLiteral("--changes-only"), QStringLiteral("--since"), QStringLiteral("1")},
                                   QStringList{QStringLiteral("--base"), QStringLiteral("14")}}) {
        r = tst::runCli(QStringList{inspect} + bad + QStringList{image});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("--")), qPrintable(bad.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        QVERIFY(r.out.isEmpty());
    }
    r = tst::runCli({inspect, QStringLiteral("--base"), QStringLiteral("13"), image});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("every layer is the base image's (as given by --base)")), qPrintable(r.out));
    r = tst::runCli({inspect, image});
    QVERIFY2(r.out.contains(QStringLiteral("in the base image's (layer 1)")) && r.out.contains(QStringLiteral("guessed from a pause of")), qPrintable(r.out));
}

// `images rm` with a digest prefix that begins two images' digests removes neither and says
// which; a longer prefix removes the one; a name is taken as a name even when it looks like hex.
void TestCliOptions::imagesRmByDigestPrefixMustNameOneImage()
{
    QTemporaryDir store;
    const auto entry = [](const QString &digest, const QString &name) {
        QJsonObject m{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                      {QStringLiteral("digest"), digest}, {QStringLiteral("size"), 100}};
        if (!name.isEmpty())
            m[QStringLiteral("annotations")] = QJsonObject{{QStringLiteral("io.containerd.image.name"), name}};
        return m;
    };
    const QString a = QStringLiteral("sha256:abcdef1") + QString(57, QLatin1Char('1'));
    const QString b = QStringLiteral("sha256:abcdef2") + QString(57, QLatin1Char('2'));
    const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("manifests"), QJsonArray{entry(a, {}), entry(b, {}), entry(b, QStringLiteral("abcdef:latest"))}}};
    put(store.filePath(QStringLiteral("index.json")), QJsonDocument(index).toJson());
    const auto rm = [&](const QString &what) {
        return tst::runCli({QStringLiteral("images"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("rm"), what});
    };
    const auto left = [&] {
        QFile f(store.filePath(QStringLiteral("index.json")));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("manifests")).toArray().size() : -1;
    };
    tst::CliRun r = rm(QStringLiteral("sha256:abcdef"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("begins 2 images' digests")) && r.err.contains(a) && r.err.contains(b), qPrintable(r.err));
    QCOMPARE(left(), 3);
    r = rm(QStringLiteral("abcdef")); // a name (library/abcdef): that one goes, the digests stay
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(left(), 2);
    r = rm(QStringLiteral("abcdef1"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(left(), 1);
}

// What a file manager gives for a double-clicked layout (the MIME entry matches `oci-layout`): its
// `oci-layout` or `index.json` file opens the folder; an index.json outside a layout does not.
void TestCliOptions::layoutFileStandsForItsFolder()
{
    const QString folder = tst::fixture(QStringLiteral("layers.ocidir"));
    const auto digests = [](const QString &path) {
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), path});
        QStringList out;
        for (const QJsonValue &l : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("layers")).toArray())
            out << l.toObject().value(QStringLiteral("diffId")).toString();
        return out;
    };
    const QStringList expected = digests(folder);
    QVERIFY(expected.size() > 3);
    QCOMPARE(digests(folder + QStringLiteral("/oci-layout")), expected);
    QCOMPARE(digests(folder + QStringLiteral("/index.json")), expected);
    const tst::CliRun text = tst::runCli({QStringLiteral("inspect"), folder + QStringLiteral("/oci-layout")});
    QVERIFY2(text.out.startsWith(QStringLiteral("Source    %1 (OCI layout folder)").arg(folder)), qPrintable(text.out.left(300)));
    const QString lone = m_dir.filePath(QStringLiteral("lone"));
    QVERIFY(QDir().mkpath(lone));
    QVERIFY(QFile::copy(folder + QStringLiteral("/index.json"), lone + QStringLiteral("/index.json")));
    const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), lone + QStringLiteral("/index.json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(lone + QStringLiteral("/index.json")), qPrintable(r.err));
}

// Each command's help (and the man page made from it) names the command as a user types it,
// not the path the program was started by.
void TestCliOptions::helpNamesTheCommand()
{
    for (const char *command : {"inspect", "ci", "sample", "build", "images", "copy", "cache"}) {
        const tst::CliRun r = tst::runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: layerlens-cli %1 [options]").arg(QLatin1String(command))), qPrintable(r.out.left(120)));
    }
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
