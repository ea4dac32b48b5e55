// Broken and hostile images: each gets a clear error naming what is wrong, or a marked layer;
// never a crash or a hang.
#include "streamedlayer.h"
#include "testsupport.h"

#include <QScopeGuard>

#include "archive/tarwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <csignal>
#include <sys/types.h>

#include "common/sha256.h"

using ll::Compression;
using ll::LayerBuilder;
using ll::OutputFormat;

class TestBadInput : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    static ll::BuiltImage simple(Compression c = Compression::Gzip)
    {
        return tst::build(tst::specOf({LayerBuilder(c).file("a", QByteArray(5000, 'a')).spec(), LayerBuilder(c).file("b", "b").spec()}));
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    }

    // A tar with the given members, each written as-is.
    QString writeTar(const QString &name, const std::vector<std::pair<QByteArray, QByteArray>> &members)
    {
        ll::TarWriter w;
        for (const auto &[path, data] : members) {
            ll::TarHeader h;
            h.path = path;
            h.mode = 0644;
            w.add(h, data);
        }
        return writeFile(name, w.finish().value());
    }

private slots:
    void blobDigestMismatchNamesBothDigests()
    {
        ll::BuiltImage img = simple();
        img.layers[1].blob = ll::TarWriter(Compression::Gzip).finish().value(); // different bytes, same descriptor
        const QString path = tst::writeImage(m_dir, QStringLiteral("blobbad"), {img}, OutputFormat::OciLayout);
        auto a = tst::analyze(path);
        QVERIFY(a); // a broken layer is still shown
        QVERIFY(!a->allVerified());
        QVERIFY(a->layers[0].ok());
        QCOMPARE(a->layers[1].blobCheck, ll::DigestCheck::Mismatch);
        const QString p = a->layers[1].problem();
        QVERIFY2(p.contains(QLatin1String("blob")) && p.contains(img.layers[1].digest.toString()), qPrintable(p));
    }

    void diffIdMismatch()
    {
        ll::BuiltImage img = simple(Compression::None);
        const QString path = tst::writeImage(m_dir, QStringLiteral("diffbad.tar"), {img}, OutputFormat::DockerArchive);
        // Swap the two layers' files in manifest.json: each tar now disagrees with its DiffID.
        QTemporaryDir work;
        const QString manifestPath = tst::writeImage(work, QStringLiteral("x"), {img}, OutputFormat::OciLayout);
        Q_UNUSED(manifestPath)
        ll::BuiltImage swapped = img;
        std::swap(swapped.layers[0].blob, swapped.layers[1].blob);
        const QString path2 = tst::writeImage(m_dir, QStringLiteral("diffbad2.tar"), {swapped}, OutputFormat::DockerArchive);
        auto a = tst::analyze(path2);
        QVERIFY(a);
        QCOMPARE(a->layers[0].diffIdCheck, ll::DigestCheck::Mismatch);
        QVERIFY(a->layers[0].problem().contains(QLatin1String("DiffID mismatch")));
        QVERIFY(tst::analyze(path)->allVerified());
    }

    // A plain layer whose first member is named like a compressed stream's magic ("BZh" is
    // bzip2's, 28 b5 2f fd zstd's) is still a tar: its header says "ustar".
    void plainLayerNamedLikeACompressedStream()
    {
        for (const QByteArray &name : {QByteArray("BZh91AY&SY"), QByteArray("\x28\xb5\x2f\xfd" "zstd-named")}) {
            const ll::BuiltImage img = tst::build(tst::specOf({LayerBuilder(Compression::None).file(name, "x").spec()}));
            const QString path = tst::writeImage(m_dir, QStringLiteral("magic-%1.tar").arg(QString::fromLatin1(name.toHex())), {img}, OutputFormat::DockerArchive);
            auto a = tst::analyze(path);
            QVERIFY(a);
            QVERIFY2(a->allVerified(), qPrintable(a->layers[0].problem()));
            QVERIFY(a->fs->find(name) > ll::ImageFs::kRoot);
        }
    }

    void truncatedCompressedLayer_data()
    {
        QTest::addColumn<Compression>("compression");
        QTest::newRow("gzip") << Compression::Gzip;
        QTest::newRow("zstd") << Compression::Zstd;
        QTest::newRow("plain") << Compression::None;
    }

    void truncatedCompressedLayer()
    {
        QFETCH(Compression, compression);
        ll::BuiltImage img = tst::build(tst::specOf({LayerBuilder(compression).file("big", QByteArray(200000, 'x') + QByteArray::number(qint64(compression))).spec()}));
        img.layers[0].blob.chop(img.layers[0].blob.size() / 2);
        const QString path = tst::writeImage(m_dir, QStringLiteral("trunc-%1").arg(int(compression)), {img}, OutputFormat::OciLayout);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(a->layers[0].error.has_value());
        QVERIFY2(a->layers[0].error->message.contains(QLatin1String("layer 1")), qPrintable(a->layers[0].error->message));
    }

    void missingBlob()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("missing"), {simple()}, OutputFormat::OciLayout);
        QDir blobs(path + QStringLiteral("/blobs/sha256"));
        QVERIFY(blobs.remove(simple().layers[1].digest.hex()));
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(a->layers[1].error);
        QCOMPARE(a->layers[1].error->code, ll::ErrorCode::NotFound);
        QVERIFY(a->layers[1].error->message.contains(simple().layers[1].digest.hex()));
    }

    void notAnImage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("needle");
        QTest::newRow("text file") << QStringLiteral("notes.txt") << QByteArray("just some text, not a tar") << QStringLiteral("not a tar");
        QTest::newRow("empty file") << QStringLiteral("empty.tar") << QByteArray() << QStringLiteral("not a");
        QTest::newRow("gzipped outer") << QStringLiteral("outer.tar.gz") << ll::TarWriter(Compression::Gzip).finish().value() << QStringLiteral("decompress it first");
    }

    void notAnImage()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, needle);
        const ll::Error e = tst::analyzeError(writeFile(name, bytes));
        QVERIFY2(e.toString().contains(needle), qPrintable(e.toString()));
        QVERIFY(e.toString().contains(name));
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("manifest");
        QTest::addColumn<QString>("needle");
        QTest::newRow("invalid") << QByteArray("[{\"Config\": ") << QStringLiteral("invalid JSON");
        QTest::newRow("wrong type") << QByteArray("[{\"Config\": 42, \"Layers\": []}]") << QStringLiteral("Config: expected a string");
        QTest::newRow("dotdot") << QByteArray("[{\"Config\": \"../../etc/passwd\", \"Layers\": []}]") << QStringLiteral("points outside");
        QTest::newRow("absolute") << QByteArray("[{\"Config\": \"/etc/passwd\", \"Layers\": []}]") << QStringLiteral("absolute path");
        QTest::newRow("layer outside") << QByteArray("[{\"Config\": \"c.json\", \"Layers\": [\"a/../../x.tar\"]}]") << QStringLiteral("points outside");
        QTest::newRow("deep nesting") << QByteArray(100000, '[') << QStringLiteral("invalid JSON");
        QTest::newRow("empty list") << QByteArray("[]") << QStringLiteral("lists no images");
    }

    void badJson()
    {
        QFETCH(QByteArray, manifest);
        QFETCH(QString, needle);
        const QString path = writeTar(QStringLiteral("json-%1.tar").arg(QLatin1String(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('_')),
                                      {{"manifest.json", manifest}, {"c.json", "{\"rootfs\":{\"diff_ids\":[]}}"}});
        const ll::Error e = tst::analyzeError(path);
        QVERIFY2(e.toString().contains(needle), qPrintable(e.toString()));
    }

    void hugeMetadataIsRefused()
    {
        const QString path = writeTar(QStringLiteral("huge.tar"), {{"manifest.json", QByteArray(65 * 1024 * 1024, ' ')}});
        const ll::Error e = tst::analyzeError(path);
        QCOMPARE(e.code, ll::ErrorCode::Limit);
    }

    void blobThatIsNotATar()
    {
        ll::BuiltImage img = simple();
        img.layers[0].blob = "this is not a tar archive at all, just text that is long enough to be read";
        const QString path = tst::writeImage(m_dir, QStringLiteral("nottar"), {img}, OutputFormat::OciLayout);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(a->layers[0].error);
        QVERIFY2(a->layers[0].error->message.contains(QLatin1String("not a tar")), qPrintable(a->layers[0].error->message));
        QVERIFY(a->layers[1].ok());
    }

    void truncatedOuterArchive()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("whole.tar"), {simple(Compression::None)}, OutputFormat::DockerArchive);
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        const QByteArray bytes = f.readAll();
        const QString cut = writeFile(QStringLiteral("cut.tar"), bytes.left(bytes.size() / 2 + 100));
        const ll::Error e = tst::analyzeError(cut);
        QVERIFY2(e.toString().contains(QLatin1String("cut.tar")), qPrintable(e.toString()));
        QVERIFY(e.code == ll::ErrorCode::Format || e.code == ll::ErrorCode::NotFound);
    }

    void symlinkOutOfOciFolderIsRefused()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("linkout"), {simple()}, OutputFormat::OciLayout);
        const QString blob = path + QStringLiteral("/blobs/sha256/") + simple().layers[0].digest.hex();
        QFile::remove(blob);
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), blob));
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(a->layers[0].error);
        QVERIFY(a->layers[0].error->message.contains(QLatin1String("outside")));
    }

    void deepPathsAreSkippedNotRecursedInto()
    {
        QByteArray deep;
        for (int i = 0; i < 40000; ++i)
            deep += "a/";
        ll::TarHeader h;
        h.path = deep + "f";
        h.mode = 0644;
        ll::TarHeader link;
        link.path = "shallow-link";
        link.type = ll::EntryType::Hardlink;
        link.linkTarget = deep + "f";
        ll::BuiltImage img = tst::build(tst::specOf({LayerBuilder().raw(h, "x").raw(link).file("ok", "fine").spec()}));
        const QString path = tst::writeImage(m_dir, QStringLiteral("deep"), {img}, OutputFormat::OciLayout);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "ok", 0));
        QCOMPARE(a->layers[0].warnings.size(), 2);
        QVERIFY(a->layers[0].warnings.first().contains(QLatin1String("levels deep")));
        QVERIFY(a->fs->nodeCount() < 10);
    }

    void absurdLayerCountIsRefused()
    {
        // 70,000 descriptors that all name one tiny blob: refused before anything is read.
        ll::BuiltImage img = simple();
        QJsonObject manifest = QJsonDocument::fromJson(img.manifest).object();
        QJsonArray layers;
        for (int i = 0; i < 70000; ++i)
            layers.append(manifest.value(QStringLiteral("layers")).toArray().first());
        manifest[QStringLiteral("layers")] = layers;
        img.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        img.manifestDigest = ll::Sha256::digestOf(img.manifest);
        const QString path = tst::writeImage(m_dir, QStringLiteral("many"), {img}, OutputFormat::OciLayout);
        const ll::Error e = tst::analyzeError(path);
        QCOMPARE(e.code, ll::ErrorCode::Limit);
        QVERIFY(e.message.contains(QLatin1String("70000 layers")));
    }

    void malformedRepoTagsInDocker25ArchiveStillOpens()
    {
        ll::BuiltImage img = simple();
        const QString path = tst::writeImage(m_dir, QStringLiteral("tags.tar"), {img}, OutputFormat::Docker25Archive);
        // Rewrite manifest.json with RepoTags of the wrong type, keeping every other member.
        QTemporaryDir unpacked;
        QVERIFY(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xf"), path, QStringLiteral("-C"), unpacked.path()}) == 0);
        QFile m(unpacked.filePath(QStringLiteral("manifest.json")));
        QVERIFY(m.open(QIODevice::ReadOnly));
        QByteArray bytes = m.readAll();
        m.close();
        bytes.replace("\"RepoTags\":[\"test/image:1\"]", "\"RepoTags\":[\"a\",2]");
        QVERIFY(bytes.contains("[\"a\",2]"));
        QVERIFY(m.open(QIODevice::WriteOnly | QIODevice::Truncate));
        m.write(bytes);
        m.close();
        const QString repacked = m_dir.filePath(QStringLiteral("tags2.tar"));
        QVERIFY(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-cf"), repacked, QStringLiteral("-C"), unpacked.path(), QStringLiteral(".")}) == 0);
        auto a = tst::analyze(repacked);
        QVERIFY(a);
        QVERIFY(a->allVerified());
    }

    // A tar holding one file of `size` zeros: about 1030:1 with gzip, far more with zstd.
    QString writeBomb(const QString &name, Compression c, qint64 size)
    {
        tst::StreamedLayer bomb(c);
        ll::TarHeader h;
        h.path = "zeros";
        h.mode = 0644;
        h.size = size;
        bomb.addZeros(h);
        return tst::writeLayersImage(m_dir, name, {bomb.finish()});
    }

    void decompressionBombIsStopped_data()
    {
        QTest::addColumn<Compression>("compression");
        QTest::newRow("gzip") << Compression::Gzip;
        QTest::newRow("zstd") << Compression::Zstd;
    }

    void decompressionBombIsStopped()
    {
        QFETCH(Compression, compression);
        const QString path = writeBomb(QStringLiteral("bomb-%1").arg(QLatin1String(QTest::currentDataTag())), compression, qint64(64) << 20);
        ll::LayerStreamLimits limits;
        limits.maxRatio = 1000;
        limits.ratioFloor = qint64(16) << 20; // the default floor is 1 GiB; the mechanism is the same
        const qint64 rssBefore = tst::peakRss();
        QElapsedTimer t;
        t.start();
        auto a = ll::analyzeImage(path, {}, ll::nullTaskContext(), nullptr, limits);
        QVERIFY(a.ok());
        const auto &err = a->layers[0].error;
        QVERIFY(err);
        qInfo("%lld stored bytes, %lld ms: %s", a->layers[0].blob.size, qint64(t.elapsed()), qPrintable(err->message));
        QCOMPARE(err->code, ll::ErrorCode::Limit);
        QVERIFY2(err->message.startsWith(QLatin1String("layer 1: stopped after")) && err->message.contains(QLatin1String("1000 times"))
                     && err->message.contains(QLatin1String("decompression bomb")), qPrintable(err->message));
        QVERIFY(err->path.contains(a->layers[0].blob.digest.hex()));
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(tst::peakRss() - rssBefore < (qint64(32) << 20), qPrintable(QString::number(tst::peakRss() - rssBefore)));
        // A legitimate extreme layer can still be read by lifting the limit.
        limits.maxRatio = 0;
        auto lifted = ll::analyzeImage(path, {}, ll::nullTaskContext(), nullptr, limits);
        QVERIFY(lifted.ok() && lifted->allVerified());
        QCOMPARE(tst::entryAfter(*lifted, "zeros", 0)->h.size, qint64(64) << 20);
    }

    void bombPastTheDefaultFloorIsStoppedByTheCli()
    {
        // 1.1 GiB of zeros in 40 KB of zstd: stopped by the default limits (1000:1 past 1 GiB).
        const QString path = writeBomb(QStringLiteral("bomb-default"), Compression::Zstd, qint64(1100) << 20);
        QElapsedTimer t;
        t.start();
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("stopped after 1.0 GiB")) && r.err.contains(QLatin1String("--max-ratio")), qPrintable(r.err));
        QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
        const tst::CliRun bad = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--max-ratio"), QStringLiteral("lots"), path});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--max-ratio expects a whole number")), qPrintable(bad.err));
        // A valid limit: lifted (0), above the layer's ratio (about 28,000:1), below it; and the
        // same through LAYERLENS_MAX_RATIO.
        tst::CliRun ok = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--max-ratio"), QStringLiteral("0"), path});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.contains(QLatin1String("all digests verified")), qPrintable(ok.out));
        ok = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--max-ratio"), QStringLiteral("100000"), path});
        QCOMPARE(ok.exitCode, 0);
        const tst::CliRun low = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--max-ratio"), QStringLiteral("2000"), path});
        QCOMPARE(low.exitCode, 2);
        QVERIFY2(low.err.contains(QLatin1String("2000 times")), qPrintable(low.err));
        const auto unset = qScopeGuard([] { qunsetenv("LAYERLENS_MAX_RATIO"); }); // also when a check fails
        qputenv("LAYERLENS_MAX_RATIO", "0");
        ok = tst::runCli({QStringLiteral("inspect"), path});
        QCOMPARE(ok.exitCode, 0);
        qputenv("LAYERLENS_MAX_RATIO", "100000"); // above the layer's ratio: read
        ok = tst::runCli({QStringLiteral("inspect"), path});
        QCOMPARE(ok.exitCode, 0);
        qputenv("LAYERLENS_MAX_RATIO", "2000"); // below it: stopped, naming the limit
        const tst::CliRun envLow = tst::runCli({QStringLiteral("inspect"), path});
        qunsetenv("LAYERLENS_MAX_RATIO");
        QCOMPARE(envLow.exitCode, 2);
        QVERIFY2(envLow.err.contains(QLatin1String("2000 times")), qPrintable(envLow.err));
    }

    // Ctrl-C during a long read: exit 130, saying so, without a partial report.
    void interruptExits130()
    {
        const QString path = writeBomb(QStringLiteral("bomb-interrupt"), Compression::Zstd, qint64(2000) << 20);
        QProcess p;
        p.start(QStringLiteral(LAYERLENS_CLI_PATH), {QStringLiteral("inspect"), QStringLiteral("--max-ratio"), QStringLiteral("0"), path});
        QVERIFY(p.waitForStarted());
        // Signal only once the CLI catches SIGINT (SigCgt in /proc/PID/status has bit 1), however
        // slowly it starts (ASan): before that, the signal would just kill it.
        const auto catchesSigint = [&p] {
            QFile status(QStringLiteral("/proc/%1/status").arg(p.processId()));
            if (!status.open(QIODevice::ReadOnly))
                return false;
            for (const QByteArray &line : status.readAll().split('\n'))
                if (line.startsWith("SigCgt:"))
                    return (line.mid(7).trimmed().toULongLong(nullptr, 16) & 0x2) != 0;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(catchesSigint() || p.state() != QProcess::Running, 60000);
        QCOMPARE(p.state(), QProcess::Running); // 2 GiB to decompress and hash: far from done
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("canceled")));
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    void cancelComesBackAsCanceled()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("cancel"), {simple()}, OutputFormat::OciLayout);
        ll::CancelFlagContext ctx;
        ctx.cancel();
        auto r = ll::analyzeImage(path, {}, ctx);
        QVERIFY(!r.ok());
        QVERIFY(r.error().isCanceled());
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
