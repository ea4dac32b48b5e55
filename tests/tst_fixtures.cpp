// Interop: every image that skopeo, podman and buildah wrote in ../shared/fixtures opens, every
// digest verifies, and the files the Dockerfiles produce are where they must be.
#include "testsupport.h"

#include <QFileInfo>

#include <algorithm>

using ll::Change;
Q_DECLARE_METATYPE(ll::Compression)

class TestFixtures : public QObject {
    Q_OBJECT

    static int expectedLayers(const QString &path)
    {
        const QString n = QFileInfo(path).fileName();
        if (n.startsWith(QLatin1String("busybox-base")))
            return 1;
        if (n.startsWith(QLatin1String("layers")))
            return 13;
        if (n.startsWith(QLatin1String("features")))
            return 7;
        return 3; // multistage
    }

private slots:
    void everyFixtureVerifies_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList all = tst::fixtureImages();
        QVERIFY2(all.size() >= 11, "the shared fixtures are missing");
        for (const QString &p : all)
            QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
    }

    void everyFixtureVerifies()
    {
        QFETCH(QString, path);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QCOMPARE(int(a->layers.size()), expectedLayers(path));
        for (const ll::LayerReport &r : a->layers) {
            QVERIFY2(r.ok(), qPrintable(r.problem()));
            QCOMPARE(r.diffIdCheck, ll::DigestCheck::Verified);
        }
        QVERIFY(a->overview.configCheck != ll::DigestCheck::Mismatch);
        QVERIFY(tst::entryAfter(*a, "bin/busybox", int(a->layers.size()) - 1));
        // i-th non-empty history entry belongs to the i-th layer
        int layer = 0;
        for (const ll::BuildStep &s : a->overview.steps)
            if (s.layerIndex >= 0)
                QCOMPARE(s.layerIndex, layer++);
    }

    void compressionIsReadFromTheBytes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ll::Compression>("compression");
        QTest::newRow("docker archive") << QStringLiteral("layers.docker.tar") << ll::Compression::None;
        QTest::newRow("oci gzip") << QStringLiteral("layers.ocidir") << ll::Compression::Gzip;
        QTest::newRow("oci zstd") << QStringLiteral("layers.oci-zstd.ocidir") << ll::Compression::Zstd;
        QTest::newRow("docker-dir gzip") << QStringLiteral("layers.podman-dockerdir-gzip") << ll::Compression::Gzip;
        QTest::newRow("docker-dir plain") << QStringLiteral("busybox-base.podman-dockerdir") << ll::Compression::None;
    }

    void compressionIsReadFromTheBytes()
    {
        QFETCH(QString, name);
        QFETCH(ll::Compression, compression);
        auto a = tst::analyze(tst::fixture(name));
        QVERIFY(a);
        QCOMPARE(a->layers.back().compression, compression);
    }

    void layersEdgeCases_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"layers.docker.tar", "layers.oci.tar", "layers.ocidir", "layers.oci-zstd.ocidir", "layers.podman-dockerdir-gzip"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    // Layer numbers (0-based) follow dockerfiles/busybox-layers/Dockerfile: 0 base, 1 COPY, 2.. RUNs.
    void layersEdgeCases()
    {
        QFETCH(QString, name);
        auto opt = tst::analyze(tst::fixture(name));
        QVERIFY(opt);
        const ll::ImageAnalysis &a = *opt;
        QCOMPARE(tst::changeIn(a, "data/touchme.txt", 1), Change::Added);
        QVERIFY(tst::entryAfter(a, "data/gone/sub/c", 2));
        QCOMPARE(tst::changeIn(a, "data/tmpfile", 3), Change::Removed);
        QCOMPARE(tst::changeIn(a, "data/gone/sub/c", 3), Change::Removed);
        QVERIFY(!tst::entryAfter(a, "data/gone", 3));
        QVERIFY(tst::entryAfter(a, "opt/legacy", 3));
        QVERIFY(!tst::entryAfter(a, "opt/legacy", 4));
        QCOMPARE(tst::changeIn(a, "var/cache/demo/fresh.txt", 5), Change::Added);
        QVERIFY(!tst::entryAfter(a, "var/cache/demo/old1", 5));
        QCOMPARE(a.fs->linkTarget(*tst::entryAfter(a, "data/symlink-abs", 6)), QByteArray("/data/keep/a"));
        QCOMPARE(a.fs->linkTarget(*tst::entryAfter(a, "data/symlink-dangling", 6)), QByteArray("/nonexistent/target"));
        const ll::FileEntry *copyUp = tst::entryAfter(a, "data/hardlink-to-lower", 6);
        QVERIFY(copyUp && copyUp->hasContent());
        QCOMPARE(copyUp->content, tst::entryAfter(a, "data/keep/a", 2)->content);
        QCOMPARE(tst::changeIn(a, "data/script.sh", 7), Change::Added);
        QCOMPARE(tst::changeIn(a, "data/script.sh", 8), Change::AttrsOnly);
        QCOMPARE(tst::entryAfter(a, "data/script.sh", 8)->h.mode, 0755u);
        QCOMPARE(tst::changeIn(a, "etc/motd", 9), Change::AttrsOnly);
        QCOMPARE(tst::entryAfter(a, "etc/motd", 9)->h.uid, 1234u);
        QCOMPARE(tst::entryAfter(a, "etc/motd", 9)->h.gid, 5678u);
        QVERIFY(tst::entryAfter(a, "data/with space/file name.txt", 11));
        QVERIFY(tst::entryAfter(a, QStringLiteral("data/unicodé-ü.txt").toUtf8(), 11));
        QCOMPARE(tst::entryAfter(a, "data/fifo", 11)->h.type, ll::EntryType::Fifo);
        QVERIFY(tst::entryAfter(a, "data/" + QByteArray(120, 'n'), 12));
        QCOMPARE(tst::entryAfter(a, "data/bigids", 12)->h.uid, 3000000u);
        QCOMPARE(tst::entryAfter(a, "data/suid", 12)->h.mode, 04755u);
        QCOMPARE(tst::entryAfter(a, "data/sticky", 12)->h.mode, 01777u);
        QCOMPARE(tst::entryAfter(a, "data/mode000", 12)->h.mode, 0u);
        // The RUN that changed nothing changes nothing we show (buildah's run/ aside).
        for (int32_t id = 1; id < a.fs->nodeCount(); ++id) {
            const ll::PathEvent *e = a.fs->eventIn(id, 10);
            if (e && !a.fs->pathOf(id).startsWith("run"))
                QCOMPARE(e->change, Change::Unchanged);
        }
        QVERIFY(a.efficiency.dive.score > 0.99 && a.efficiency.dive.score < 1.0);
    }

    void featuresConfigAndDockerignore()
    {
        auto a = tst::analyze(tst::fixture(QStringLiteral("features-docker.podman-docker.tar")));
        QVERIFY(a);
        const ll::ConfigSummary &c = a->overview.config.summary;
        QCOMPARE(c.user, QStringLiteral("app:app"));
        QCOMPARE(c.workingDir, QStringLiteral("/srv/app"));
        QCOMPARE(c.entrypoint, QStringList{QStringLiteral("/srv/app/bin/run.sh")});
        QCOMPARE(c.cmd, QStringList{QStringLiteral("--verbose")});
        QCOMPARE(c.stopSignal, QStringLiteral("SIGTERM"));
        QVERIFY(c.exposedPorts.contains(QStringLiteral("9090/udp")));
        QVERIFY(c.volumes.contains(QStringLiteral("/cache")));
        QVERIFY(c.healthcheck.isSet());
        QVERIFY(c.env.contains(QStringLiteral("APP_VERSION=2.0.0")));
        QVERIFY(std::count_if(a->overview.steps.begin(), a->overview.steps.end(), [](const ll::BuildStep &s) { return s.layerIndex < 0; }) == 13);
        const int last = int(a->layers.size()) - 1;
        QVERIFY(tst::entryAfter(*a, "srv/app/README.md", last));
        QVERIFY(tst::entryAfter(*a, "srv/app/build/keep.txt", last));
        QVERIFY(!tst::entryAfter(*a, "srv/app/NOTES.md", last));
        QVERIFY(!tst::entryAfter(*a, "srv/app/secret", last));
        QVERIFY(!tst::entryAfter(*a, "srv/app/debug.log", last));
        QCOMPARE(tst::entryAfter(*a, "home/app/app.ini", last)->h.uid, 1000u);
        QCOMPARE(tst::changeIn(*a, "etc/passwd", 4), Change::Modified);
    }

    void multistageHasOnlyTheFinalStage()
    {
        auto a = tst::analyze(tst::fixture(QStringLiteral("multistage.oci.tar")));
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "app/stamp", 2));
        QVERIFY(tst::entryAfter(*a, "opt/busybox-copy", 2));
        QVERIFY(!tst::entryAfter(*a, "unused", 2));
        QCOMPARE(tst::entryAfter(*a, "opt/busybox-copy", 2)->content, tst::entryAfter(*a, "bin/busybox", 0)->content);
    }
};

QTEST_GUILESS_MAIN(TestFixtures)
#include "tst_fixtures.moc"
