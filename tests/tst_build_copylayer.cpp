// COPY's fast paths, each checked against the slow one it replaces: the in-memory staging
// (CopyTree) against ADD, which still stages on disk; the skeleton root filesystem COPY and
// WORKDIR look paths up in against the image's real files; the parallel layer gzip against
// gunzip; and the cache's trust in an unchanged blob file against a blob changed in place.
#include "data/build/buildtestutil.h"

#include "builder/layergzip.h"
#include "archive/gzipinflate.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class TstBuildCopyLayer : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }

    bt::Run buildFile(const QByteArray &dockerfile, const QString &target = {})
    {
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), dockerfile);
        auto o = m_box.options(ctx());
        o.target = target;
        o.storeImage = false;
        return bt::build(o);
    }

    // The DiffID of the last layer of `target` in `dockerfile`.
    ll::Digest lastDiffId(const QByteArray &dockerfile, const QString &target)
    {
        const auto r = buildFile(dockerfile, target);
        if (!r.result) {
            qWarning("%s", qPrintable(r.error.toString()));
            return {};
        }
        return r.result->image.layers.back().diffId;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        const QString t = ctx() + QStringLiteral("/tree");
        bt::writeFile(t + QStringLiteral("/a.txt"), "alpha\n");
        bt::writeFile(t + QStringLiteral("/bin/tool"), "#!/bin/sh\n");
        bt::writeFile(t + QStringLiteral("/deep/er/still/f.txt"), "deep\n");
        bt::writeFile(t + QStringLiteral("/build/out.o"), "obj");
        bt::writeFile(t + QStringLiteral("/build/keep.txt"), "keep");
        bt::writeFile(t + QStringLiteral("/linked/one"), "same inode\n");
        QVERIFY(QDir().mkpath(t + QStringLiteral("/empty")));
        QCOMPARE(::chmod(QFile::encodeName(t + QStringLiteral("/bin/tool")).constData(), 04755), 0);
        QCOMPARE(::chmod(QFile::encodeName(t + QStringLiteral("/a.txt")).constData(), 0600), 0);
        QCOMPARE(::link(QFile::encodeName(t + QStringLiteral("/linked/one")).constData(), QFile::encodeName(t + QStringLiteral("/deep/two")).constData()), 0);
        QVERIFY(QFile::link(QStringLiteral("a.txt"), t + QStringLiteral("/rel-link")));
        QVERIFY(QFile::link(QStringLiteral("/nowhere"), t + QStringLiteral("/dangling")));
        QCOMPARE(::mkfifo(QFile::encodeName(t + QStringLiteral("/pipe")).constData(), 0640), 0);
        // A second source that replaces a folder of the first with a file, and a file with a folder.
        bt::writeFile(ctx() + QStringLiteral("/over/deep"), "a file where a folder was\n");
        bt::writeFile(ctx() + QStringLiteral("/over/a.txt/inner"), "a folder where a file was\n");
        bt::writeFile(ctx() + QStringLiteral("/x.txt"), "x\n");
        bt::writeFile(ctx() + QStringLiteral("/.dockerignore"), "tree/build\n!tree/build/keep.txt\n");
    }

    // ADD of files that are no archives stages them on disk and reads the folder back; COPY
    // stages in memory. Byte-identical layers (same DiffID) mean the same entries, order,
    // modes, owners, hard links, symlinks, FIFOs and mtimes (clamped by SOURCE_DATE_EPOCH).
    void copyStagedInMemoryEqualsTheStagedFolder_data()
    {
        QTest::addColumn<QByteArray>("args");
        QTest::newRow("one folder") << QByteArray("tree/ /opt/app/");
        QTest::newRow("owner and mode") << QByteArray("--chown=12:34 --chmod=0750 tree /opt/app");
        QTest::newRow("overlapping sources") << QByteArray("tree/ over/ /opt/app/");
        QTest::newRow("files and wildcard") << QByteArray("x.txt tree/a.txt tree/*/t* /srv/");
        QTest::newRow("into the root") << QByteArray("tree/ /");
    }
    void copyStagedInMemoryEqualsTheStagedFolder()
    {
        LL_REQUIRE(::geteuid() == 0, "root (ADD stages on disk with the files' owners)");
        QFETCH(QByteArray, args);
        const QByteArray df = "FROM localhost/busybox:test AS c\nCOPY " + args + "\nFROM localhost/busybox:test AS a\nADD " + args + "\n";
        const ll::Digest copied = lastDiffId(df, QStringLiteral("c"));
        const ll::Digest added = lastDiffId(df, QStringLiteral("a"));
        QVERIFY(copied.isValid() && added.isValid());
        QCOMPARE(copied.toString(), added.toString());
    }

    // COPY and WORKDIR look paths up in a skeleton of the image (folders and symlinks, deletions
    // applied): a folder the image deleted is gone, a symlinked folder is followed, a symlink
    // to a file is replaced through, and an existing folder makes WORKDIR a metadata step.
    void lookupsSeeTheImageAsItIs()
    {
        const QString layout = m_dir.filePath(QStringLiteral("skeleton-out"));
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM oci-archive:" + QFile::encodeName(tst::fixture(QStringLiteral("layers.oci.tar")))
                      + "\nCOPY x.txt /opt/legacy\nCOPY x.txt /data/symlink-dir/\nCOPY x.txt /data/symlink-abs\nWORKDIR /data/keep\n");
        auto o = m_box.options(ctx());
        o.storeImage = false;
        o.outputs = {{ll::OutputFormat::OciLayout, layout}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(r.outcomes(), (QStringList{QStringLiteral("DONE"), QStringLiteral("DONE"), QStringLiteral("DONE"), QStringLiteral("DONE")}));
        QCOMPARE(r.result->image.layers.size(), size_t(13 + 3)); // the fixture's 13, one per COPY, none for WORKDIR
        const auto files = bt::files(layout);
        QVERIFY2(files.value(QStringLiteral("opt/legacy")).startsWith(QLatin1Char('-')), qPrintable(files.value(QStringLiteral("opt/legacy"))));
        QVERIFY(files.contains(QStringLiteral("data/keep/x.txt")));
        QVERIFY(files.value(QStringLiteral("data/symlink-dir")).startsWith(QLatin1Char('l')));
        QVERIFY(files.value(QStringLiteral("data/symlink-abs")).startsWith(QLatin1Char('l')));
        QCOMPARE(files.value(QStringLiteral("data/keep/a")), files.value(QStringLiteral("data/keep/x.txt")));
    }

    // The same lookups on layers this build made itself (read from the headers the layer writer
    // left in the work folder, not from their gzip): a symlinked folder made two steps before is
    // followed, an earlier COPY's folder makes WORKDIR a metadata step. The first layer's first
    // member is named like a bzip2 stream's magic ("BZh"): its headers must not be taken for one.
    void lookupsSeeTheBuildsOwnLayers()
    {
        const QString layout = m_dir.filePath(QStringLiteral("own-skeleton-out"));
        bt::writeFile(ctx() + QStringLiteral("/BZh91AY"), "not bzip2\n");
        QVERIFY(QDir().mkpath(ctx() + QStringLiteral("/links")));
        QFile::remove(ctx() + QStringLiteral("/links/data"));
        QVERIFY(QFile::link(QStringLiteral("/opt/app/deep"), ctx() + QStringLiteral("/links/data")));
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY BZh91AY /\nCOPY tree/ /opt/app/\nCOPY links/ /\n"
                                                              "COPY x.txt /data/\nWORKDIR /opt/app/bin\n");
        auto o = m_box.options(ctx());
        o.storeImage = false;
        o.outputs = {{ll::OutputFormat::OciLayout, layout}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(r.result->image.layers.size(), size_t(4)); // one per COPY, none for WORKDIR
        const auto files = bt::files(layout);
        QVERIFY(files.contains(QStringLiteral("BZh91AY")));
        QVERIFY2(files.value(QStringLiteral("data")).startsWith(QLatin1Char('l')), qPrintable(files.value(QStringLiteral("data"))));
        QVERIFY2(files.contains(QStringLiteral("opt/app/deep/x.txt")), qPrintable(QStringList(files.keys()).join(QLatin1Char(' '))));
        QVERIFY(!files.contains(QStringLiteral("opt/app/bin/x.txt")));
    }

    // One gzip member that gunzip reads back whole, the same bytes every time, over chunks that
    // compress and chunks that do not (stored), and for an empty input.
    void layerGzipRoundTrips()
    {
        QByteArray data;
        QRandomGenerator rng(3);
        for (int i = 0; i < 3; ++i) {
            QByteArray noise(700 * 1024, Qt::Uninitialized);
            rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
            data += noise + QByteArray(900 * 1024, char('a' + i)) + QByteArray("words words more words\n").repeated(30000);
        }
        // Every level: 0 stores, 1-3 are ISA-L's when built with it, 4-9 zlib's.
        std::map<int, qsizetype> sizes;
        for (int level : {0, 1, 2, 3, 6, 9}) {
            for (const QByteArray &input : {data, QByteArray()}) {
                auto gz = ll::build::gzipLayer(input, level);
                QVERIFY2(gz.ok(), qPrintable(ll::build::gzipEngine(level)));
                QCOMPARE(ll::build::gzipLayer(input, level).value(), gz.value());
                QProcess gunzip;
                gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc")});
                gunzip.write(gz.value());
                gunzip.closeWriteChannel();
                QVERIFY(gunzip.waitForFinished(30000));
                QCOMPARE(gunzip.exitCode(), 0);
                QCOMPARE(gunzip.readAllStandardOutput(), input);
                if (!input.isEmpty())
                    sizes[level] = gz->size();
            }
        }
        QVERIFY(sizes[0] > data.size());              // stored: the input plus block headers
        QVERIFY(sizes[0] < data.size() + data.size() / 500);
        for (int level : {1, 2, 3, 6, 9})
            QVERIFY2(sizes[level] < data.size() * 3 / 4, qPrintable(QString::number(level)));
        QVERIFY(sizes[9] < sizes[1]); // the level is applied: zlib's 9 beats the fastest level
        QVERIFY(ll::build::gzipLayer(data, 1).value() != ll::build::gzipLayer(data, 6).value());
        QVERIFY(!ll::build::gzipLayer(data, 10).ok());
        QVERIFY(!ll::build::gzipLayer(data, -1).ok());
        // Built with ISA-L (the inflate test requires it where CI promises it), its levels deflate.
        QCOMPARE(ll::build::gzipEngine(1).startsWith(QLatin1String("ISA-L ")), ll::GzipInflate::available());
        QVERIFY(ll::build::gzipEngine(6).startsWith(QLatin1String("zlib ")));
    }

    // A cached blob is trusted without hashing only while its file is as the cache left it:
    // garbage of the same size written in place, with the old mtime put back, still changes
    // the ctime, so the next build hashes it, finds the damage and rebuilds the step.
    void blobChangedInPlaceIsNotTrusted()
    {
        const QByteArray df = "FROM scratch\nCOPY tree/a.txt /a.txt\n";
        const auto first = buildFile(df);
        QVERIFY(first.result);
        QVERIFY(buildFile(df).result); // trusted from the marker now
        const QString blob = m_box.cache() + QStringLiteral("/blobs/sha256/") + first.result->image.layers.back().digest.hex();
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(blob).constData(), &before), 0);
        QFile f(blob);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(int(before.st_size), 'z'));
        f.close();
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(blob).constData(), times, 0), 0);
        const auto again = buildFile(df);
        QVERIFY2(again.result, qPrintable(again.error.toString()));
        QCOMPARE(again.outcomes(), QStringList{QStringLiteral("DONE")});
        QVERIFY(again.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("damaged")));
        QCOMPARE(again.result->image.layers.back().digest, first.result->image.layers.back().digest);
    }
};

LL_BUILD_TEST_MAIN(TstBuildCopyLayer)
#include "tst_build_copylayer.moc"
