// Each Dockerfile instruction, checked in the image config and files LayerLens's own inspector
// reads back, and the outputs checked with skopeo and umoci when they are installed.
#include "data/build/buildtestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

QJsonObject configOf(const ll::build::BuildResult &r) { return QJsonDocument::fromJson(r.image.config).object(); }

QString runTool(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

} // namespace

class TstBuildInstructions : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }
    QString out(const QString &n) const { return m_dir.filePath(n); }

    bt::Run buildFile(const QByteArray &dockerfile, std::vector<ll::build::OutputTarget> outputs = {})
    {
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), dockerfile);
        auto o = m_box.options(ctx());
        o.outputs = std::move(outputs);
        return bt::build(o);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        bt::writeFile(ctx() + QStringLiteral("/a.txt"), "alpha\n");
        bt::writeFile(ctx() + QStringLiteral("/src/x.c"), "int x;\n");
        bt::writeFile(ctx() + QStringLiteral("/src/y.c"), "int y;\n");
        bt::writeFile(ctx() + QStringLiteral("/src/y.h"), "#pragma once\n");
        bt::writeFile(ctx() + QStringLiteral("/src/build/out.o"), "obj");
        bt::writeFile(ctx() + QStringLiteral("/src/build/keep.txt"), "keep");
        bt::writeFile(ctx() + QStringLiteral("/.dockerignore"), "src/build\n!src/build/keep.txt\n");
        QVERIFY(QFile::link(QStringLiteral("a.txt"), ctx() + QStringLiteral("/link.txt")));
        // a gzip tar for ADD, made with LayerLens's own writer
        ll::LayerBuilder tar(ll::Compression::Gzip);
        tar.dir("pkg").file("pkg/lib.txt", "library\n", 0640, 7, 8);
        auto blob = ll::buildImage(tst::specOf({tar.spec()}));
        QVERIFY(blob.ok());
        bt::writeFile(ctx() + QStringLiteral("/vendor.tgz"), blob->layers.front().blob);
    }

    void metadataInstructionsGoIntoTheConfig()
    {
        const auto r = buildFile("FROM scratch\n"
                                 "MAINTAINER someone@example.com\n"
                                 "ARG V=1.0\n"
                                 "ENV A=1 B=\"two words\"\n"
                                 "ENV C=${A}-$V\n"
                                 "LABEL org.example.v=$V other=x\n"
                                 "USER 1000:1000\n"
                                 "EXPOSE 80 53/udp\n"
                                 "VOLUME /data\n"
                                 "SHELL [\"/bin/ash\", \"-c\"]\n"
                                 "STOPSIGNAL SIGINT\n"
                                 "HEALTHCHECK --interval=30s --timeout=1m30s --retries=2 CMD true\n"
                                 "ONBUILD RUN echo triggered\n"
                                 "ENTRYPOINT [\"/bin/app\"]\n"
                                 "CMD run --fast\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const QJsonObject c = configOf(*r.result);
        const QJsonObject rc = c.value(QStringLiteral("config")).toObject();
        QCOMPARE(c.value(QStringLiteral("author")).toString(), QStringLiteral("someone@example.com"));
        QVERIFY(rc.value(QStringLiteral("Env")).toArray().contains(QStringLiteral("B=two words")));
        QVERIFY(rc.value(QStringLiteral("Env")).toArray().contains(QStringLiteral("C=1-1.0")));
        QVERIFY(rc.value(QStringLiteral("Env")).toArray().first().toString().startsWith(QLatin1String("PATH=")));
        QCOMPARE(rc.value(QStringLiteral("Labels")).toObject().value(QStringLiteral("org.example.v")).toString(), QStringLiteral("1.0"));
        QCOMPARE(rc.value(QStringLiteral("User")).toString(), QStringLiteral("1000:1000"));
        QCOMPARE(rc.value(QStringLiteral("ExposedPorts")).toObject().keys(), (QStringList{QStringLiteral("53/udp"), QStringLiteral("80/tcp")}));
        QCOMPARE(rc.value(QStringLiteral("Volumes")).toObject().keys(), QStringList{QStringLiteral("/data")});
        QCOMPARE(rc.value(QStringLiteral("StopSignal")).toString(), QStringLiteral("SIGINT"));
        QCOMPARE(rc.value(QStringLiteral("Shell")).toArray(), (QJsonArray{QStringLiteral("/bin/ash"), QStringLiteral("-c")}));
        QCOMPARE(rc.value(QStringLiteral("Cmd")).toArray(), (QJsonArray{QStringLiteral("/bin/ash"), QStringLiteral("-c"), QStringLiteral("run --fast")}));
        QCOMPARE(rc.value(QStringLiteral("Entrypoint")).toArray(), QJsonArray{QStringLiteral("/bin/app")});
        QCOMPARE(rc.value(QStringLiteral("OnBuild")).toArray(), QJsonArray{QStringLiteral("RUN echo triggered")});
        const QJsonObject hc = rc.value(QStringLiteral("Healthcheck")).toObject();
        QCOMPARE(hc.value(QStringLiteral("Test")).toArray(), (QJsonArray{QStringLiteral("CMD-SHELL"), QStringLiteral("true")}));
        QCOMPARE(hc.value(QStringLiteral("Interval")).toInteger(), qint64(30e9));
        QCOMPARE(hc.value(QStringLiteral("Timeout")).toInteger(), qint64(90e9));
        QCOMPARE(hc.value(QStringLiteral("Retries")).toInt(), 2);
        const QJsonArray history = c.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 14); // every instruction after FROM scratch
        for (const QJsonValue &h : history) {
            QCOMPARE(h.toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("buildkit.dockerfile.v0"));
            QVERIFY(h.toObject().value(QStringLiteral("empty_layer")).toBool());
        }
        QCOMPARE(history.at(3).toObject().value(QStringLiteral("created_by")).toString(), QStringLiteral("ENV C=1-1.0"));
        QVERIFY(r.result->image.layers.empty());
    }

    void copyAddWorkdirMakeTheExpectedFiles()
    {
        const QString archive = out(QStringLiteral("files.tar"));
        const auto r = buildFile("FROM localhost/busybox:test\n"
                                 "WORKDIR /srv/app\n"
                                 "COPY a.txt link.txt ./\n"
                                 "COPY src/*.c /code/\n"
                                 "COPY src /tree\n"
                                 "COPY --chown=nobody:nogroup --chmod=0600 a.txt /owned/a.txt\n"
                                 "COPY --chown=4321 a.txt /owned/numeric.txt\n"
                                 "ADD vendor.tgz /vendor/\n"
                                 "ADD a.txt /added.txt\n",
                                 {{ll::OutputFormat::OciArchive, archive}});
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto f = bt::files(archive);
        QVERIFY(bt::fields(f.value(QStringLiteral("srv/app")), 2) == QLatin1String("drwxr-xr-x 0:0"));
        QVERIFY(bt::fields(f.value(QStringLiteral("srv/app/a.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 6"));
        // A source that is a link is followed (BuildKit's FollowSymlinks; tst_build_vs_buildah
        // checks it against buildah): link.txt holds a.txt's bytes.
        QVERIFY2(f.value(QStringLiteral("srv/app/link.txt")) == f.value(QStringLiteral("srv/app/a.txt")), qPrintable(f.value(QStringLiteral("srv/app/link.txt"))));
        QVERIFY(f.contains(QStringLiteral("code/x.c")) && f.contains(QStringLiteral("code/y.c")) && !f.contains(QStringLiteral("code/y.h")));
        QVERIFY(f.contains(QStringLiteral("tree/y.h")) && f.contains(QStringLiteral("tree/build/keep.txt")));
        QVERIFY(!f.contains(QStringLiteral("tree/build/out.o"))); // .dockerignore, with its exception
        QVERIFY2(bt::fields(f.value(QStringLiteral("owned/a.txt")), 3) == QLatin1String("-rw------- 65534:65534 6"), qPrintable(f.value(QStringLiteral("owned/a.txt"))));
        QVERIFY(bt::fields(f.value(QStringLiteral("owned/numeric.txt")), 2) == QLatin1String("-rw-r--r-- 4321:0"));
        QVERIFY2(bt::fields(f.value(QStringLiteral("vendor/pkg/lib.txt")), 3) == QLatin1String("-rw-r----- 7:8 8"), qPrintable(f.value(QStringLiteral("vendor/pkg/lib.txt"))));
        QVERIFY(bt::fields(f.value(QStringLiteral("added.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 6"));
        QCOMPARE(configOf(*r.result).value(QStringLiteral("config")).toObject().value(QStringLiteral("WorkingDir")).toString(), QStringLiteral("/srv/app"));
        QCOMPARE(r.result->image.layers.size(), size_t(9)); // base + WORKDIR + 7 copies
    }

    void errorsAreClear_data()
    {
        QTest::addColumn<QByteArray>("dockerfile");
        QTest::addColumn<QString>("message");
        QTest::newRow("add url, no such host") << QByteArray("FROM scratch\nADD https://no-such-host.invalid/x.tgz /x\n")
                                               << QStringLiteral("ADD https://no-such-host.invalid/x.tgz: Host no-such-host.invalid not found");
        QTest::newRow("add git over ssh") << QByteArray("FROM scratch\nADD git@example.com:repo.git /x\n") << QStringLiteral("git over ssh is not supported");
        QTest::newRow("missing source") << QByteArray("FROM scratch\nCOPY nope.txt /\n") << QStringLiteral("\"nope.txt\" not found");
        QTest::newRow("source above the context") << QByteArray("FROM scratch\nCOPY ../x /\n") << QStringLiteral("\"../x\" is outside the build context");
        QTest::newRow("source climbing out") << QByteArray("FROM scratch\nCOPY src/../../x /\n") << QStringLiteral("is outside the build context");
        QTest::newRow("unknown user") << QByteArray("FROM localhost/busybox:test\nCOPY --chown=ghost a.txt /\n") << QStringLiteral("unknown user \"ghost\"");
        QTest::newRow("unknown image") << QByteArray("FROM no/such:image\n") << QStringLiteral("not in the local image store");
        QTest::newRow("bad duration") << QByteArray("FROM scratch\nHEALTHCHECK --interval=soon CMD true\n") << QStringLiteral("not a duration");
        QTest::newRow("source is a link loop") << QByteArray("FROM scratch\nCOPY loop1 /\n") << QStringLiteral("leads nowhere in the context");
        QTest::newRow("source links to nothing") << QByteArray("FROM scratch\nCOPY dangling /\n") << QStringLiteral("\"dangling\" not found");
    }
    void errorsAreClear()
    {
        QFETCH(QByteArray, dockerfile);
        QFile::link(QStringLiteral("loop2"), ctx() + QStringLiteral("/loop1"));
        QFile::link(QStringLiteral("loop1"), ctx() + QStringLiteral("/loop2"));
        QFile::link(QStringLiteral("no-such-file"), ctx() + QStringLiteral("/dangling"));
        QFETCH(QString, message);
        const auto r = buildFile(dockerfile);
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(message), qPrintable(r.error.toString()));
    }

    // ADD of an archive behind a symlinked folder reads the file the cache key hashed (inside
    // the context), never the host path the symlink names.
    void addThroughSymlinkStaysInTheContext()
    {
        const QString outside = out(QStringLiteral("outside")), context = out(QStringLiteral("symctx"));
        auto tarWith = [](const char *name) {
            ll::LayerBuilder tar(ll::Compression::None);
            tar.file(name, "x\n", 0644, 0, 0);
            return ll::buildImage(tst::specOf({tar.spec()})).value().layers.front().blob;
        };
        bt::writeFile(outside + QStringLiteral("/x.tar"), tarWith("secret.txt"));
        bt::writeFile(context + outside + QStringLiteral("/x.tar"), tarWith("inside.txt")); // where the link leads in the context
        QVERIFY(QFile::link(outside, context + QStringLiteral("/data")));
        bt::writeFile(context + QStringLiteral("/Dockerfile"), "FROM scratch\nADD data/x.tar /out/\n");
        auto o = m_box.options(context);
        o.outputs = {{ll::OutputFormat::OciArchive, out(QStringLiteral("symlink.tar"))}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto f = bt::files(out(QStringLiteral("symlink.tar")));
        QVERIFY2(f.contains(QStringLiteral("out/inside.txt")) && !f.contains(QStringLiteral("out/secret.txt")), qPrintable(f.keys().join(QLatin1Char(' '))));
    }

    // A file .dockerignore excludes is never read, so one the builder cannot read is no error.
    void unreadableExcludedFileIsNotRead()
    {
        const QString base = out(QStringLiteral("unreadable")), context = base + QStringLiteral("/ctx");
        bt::writeFile(context + QStringLiteral("/keep.txt"), "keep\n");
        bt::writeFile(context + QStringLiteral("/secret.key"), "secret\n");
        bt::writeFile(context + QStringLiteral("/.dockerignore"), "secret.key\n");
        bt::writeFile(context + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY --chown=65534:65534 . /app/\n");
        QVERIFY(QFile::setPermissions(context + QStringLiteral("/secret.key"), {}));
        QDir().mkpath(base + QStringLiteral("/cache"));
        for (const QString &d : {m_dir.path(), base, base + QStringLiteral("/cache")}) // root cannot be denied a read: run as nobody
            QVERIFY(::chmod(QFile::encodeName(d).constData(), 0777) == 0);
        auto o = m_box.options(context);
        o.cacheDir = base + QStringLiteral("/cache");
        o.storeImage = false;
        const bool root = ::geteuid() == 0;
        QVERIFY(!root || (::setegid(65534) == 0 && ::seteuid(65534) == 0));
        const auto r = bt::build(o);
        QVERIFY(!root || (::seteuid(0) == 0 && ::setegid(0) == 0));
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0700);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
    }

    // Two stages of one wave COPY --from the same stage and the same image: the shared root
    // filesystem is unpacked once, so every build gives the same image.
    void parallelCopyFromOneStageIsDeterministic()
    {
        const QByteArray df = "FROM localhost/busybox:test AS base\n"
                              "FROM scratch AS one\nCOPY --from=base /bin /one\nCOPY --from=localhost/busybox:test /etc /etc1\n"
                              "FROM scratch AS two\nCOPY --from=base /bin /two\nCOPY --from=localhost/busybox:test /etc /etc2\n"
                              "FROM scratch\nCOPY --from=one / /\nCOPY --from=two / /\n";
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), df);
        auto o = m_box.options(ctx());
        o.noCache = true;
        o.storeImage = false;
        std::optional<ll::Digest> first;
        for (int i = 0; i < 4; ++i) {
            const auto r = bt::build(o);
            QVERIFY2(r.result, qPrintable(r.error.toString()));
            QVERIFY(r.result->image.layers.size() == 2);
            if (!first)
                first = r.result->image.manifestDigest;
            QCOMPARE(r.result->image.manifestDigest, *first);
        }
    }

    void fromArchivesAndCopyFromImage_data()
    {
        QTest::addColumn<QString>("from");
        QTest::newRow("oci-archive") << QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar"));
        QTest::newRow("docker-archive") << QStringLiteral("docker-archive:") + tst::fixture(QStringLiteral("busybox-base.docker.tar"));
        QTest::newRow("oci layout") << QStringLiteral("oci:") + tst::fixture(QStringLiteral("busybox-base.oci-zstd.ocidir"));
    }
    void fromArchivesAndCopyFromImage()
    {
        QFETCH(QString, from);
        const QString archive = out(QStringLiteral("from.tar"));
        const auto r = buildFile("FROM " + from.toUtf8() + "\nCOPY --from=localhost/busybox:test /etc/passwd /copied-passwd\n",
                                 {{ll::OutputFormat::OciArchive, archive}});
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto f = bt::files(archive);
        QVERIFY(bt::fields(f.value(QStringLiteral("bin/busybox")), 2) == QLatin1String("-rwxr-xr-x 0:0"));
        QCOMPARE(f.value(QStringLiteral("copied-passwd")).section(QLatin1Char(' '), 2), f.value(QStringLiteral("etc/passwd")).section(QLatin1Char(' '), 2));
    }

    void zstdLayersOnRequest()
    {
        auto o = m_box.options(ctx());
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:test\nCOPY a.txt /zstd.txt\n");
        o.compression = ll::Compression::Zstd;
        o.outputs = {{ll::OutputFormat::OciArchive, out(QStringLiteral("zstd.tar"))}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(r.result->image.layers.back().mediaType.endsWith(QLatin1String("+zstd")));
        auto a = tst::analyze(out(QStringLiteral("zstd.tar")));
        QVERIFY(a && a->allVerified());
        QCOMPARE(a->layers.back().compression, ll::Compression::Zstd);
    }

    void outputsAreReadByOtherTools()
    {
        const QString ociDir = out(QStringLiteral("layout")), ociTar = out(QStringLiteral("image.oci.tar")), dockerTar = out(QStringLiteral("image.docker.tar"));
        auto o = m_box.options(ctx());
        // big.txt spans several of the deflate's 1 MiB chunks: umoci (Go's gzip reader, CRC and
        // size checked) must read the whole member the chunks make.
        QByteArray big;
        for (int i = 0; big.size() < 3 * 1024 * 1024 + 4321; ++i)
            big += "line " + QByteArray::number(i) + " of a file that spans chunks\n";
        bt::writeFile(ctx() + QStringLiteral("/big.txt"), big);
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:test\nCOPY a.txt big.txt /\nCMD [\"cat\", \"/a.txt\"]\n");
        o.tags = {QStringLiteral("tools/test:1")};
        o.outputs = {{ll::OutputFormat::OciLayout, ociDir}, {ll::OutputFormat::OciArchive, ociTar}, {ll::OutputFormat::Docker25Archive, dockerTar}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(r.result->image.layers.back().mediaType.endsWith(QLatin1String("+gzip")));
        for (const QString &p : {ociDir, ociTar, dockerTar}) {
            auto a = tst::analyze(p);
            QVERIFY(a && a->allVerified());
            QCOMPARE(a->overview.config.digest, r.result->image.configDigest);
        }
        QVERIFY(QFile::exists(dockerTar)); // Docker 25 form: index.json and manifest.json
        LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty(), "skopeo (apt-get install skopeo)");
        int code = -1;
        const QString inspect = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--config"), QStringLiteral("oci-archive:") + ociTar}, &code);
        QCOMPARE(code, 0);
        QVERIFY(inspect.contains(QLatin1String("\"cat\"")));
        runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("docker-archive:") + dockerTar}, &code);
        QCOMPARE(code, 0);
        runTool(QStringLiteral("skopeo"), {QStringLiteral("copy"), QStringLiteral("oci:") + ociDir + QStringLiteral(":1"), QStringLiteral("oci:") + out(QStringLiteral("copied")) + QStringLiteral(":x")}, &code);
        QCOMPARE(code, 0);
        LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("umoci")).isEmpty(), "umoci (apt-get install umoci)");
        const QString bundle = out(QStringLiteral("bundle"));
        const QString log = runTool(QStringLiteral("umoci"), {QStringLiteral("unpack"), QStringLiteral("--image"), out(QStringLiteral("copied")) + QStringLiteral(":x"), bundle}, &code);
        QVERIFY2(code == 0, qPrintable(log));
        QFile a(bundle + QStringLiteral("/rootfs/a.txt"));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), QByteArray("alpha\n"));
        QFile unpacked(bundle + QStringLiteral("/rootfs/big.txt"));
        QVERIFY(unpacked.open(QIODevice::ReadOnly));
        QVERIFY(unpacked.readAll() == big);
        QVERIFY(QFileInfo(bundle + QStringLiteral("/rootfs/bin/busybox")).isExecutable());
    }
};

LL_BUILD_TEST_MAIN(TstBuildInstructions)
#include "tst_build_instructions.moc"
