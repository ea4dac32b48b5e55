// Every output format and compression opens to the same image; multi-image archives and
// multi-platform indexes list their images and let the caller choose.
#include "testsupport.h"

#include "common/sha256.h"

#include <set>

using ll::Compression;
using ll::LayerBuilder;
using ll::OutputFormat;

Q_DECLARE_METATYPE(ll::OutputFormat)
Q_DECLARE_METATYPE(ll::Compression)

class TestFormats : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    static ll::ImageSpec twoLayers(Compression c, const QString &name = QStringLiteral("demo/app:2"), const QString &arch = QStringLiteral("amd64"))
    {
        ll::ImageSpec s = tst::specOf({LayerBuilder(c).dir("etc").file("etc/hello", "hello\n").spec(),
                                       LayerBuilder(c).whiteout("etc/hello").file("etc/bye", "bye " + arch.toUtf8()).spec()}, name);
        s.architecture = arch;
        s.steps = {{QStringLiteral("ADD base"), QString(), 0}, {QStringLiteral("ENV A=1"), QString(), -1}, {QStringLiteral("RUN swap"), QString(), 1}};
        return s;
    }

private slots:
    void everyFormatAndCompression_data()
    {
        QTest::addColumn<OutputFormat>("format");
        QTest::addColumn<Compression>("compression");
        QTest::addColumn<int>("expectedFormat");
        const std::pair<const char *, OutputFormat> formats[] = {{"oci-dir", OutputFormat::OciLayout}, {"oci-archive", OutputFormat::OciArchive},
                                                                 {"docker25", OutputFormat::Docker25Archive}, {"docker-legacy", OutputFormat::DockerArchive}};
        const std::pair<const char *, Compression> comps[] = {{"plain", Compression::None}, {"gzip", Compression::Gzip}, {"zstd", Compression::Zstd}};
        const int expected[] = {int(ll::SourceFormat::OciLayout), int(ll::SourceFormat::OciArchive), int(ll::SourceFormat::Docker25Archive), int(ll::SourceFormat::DockerArchive)};
        for (int f = 0; f < 4; ++f)
            for (const auto &c : comps)
                QTest::addRow("%s/%s", formats[f].first, c.first) << formats[f].second << c.second << expected[f];
    }

    void everyFormatAndCompression()
    {
        QFETCH(OutputFormat, format);
        QFETCH(Compression, compression);
        QFETCH(int, expectedFormat);
        const QString path = tst::writeImage(m_dir, QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('/'), QLatin1Char('-')),
                                             {tst::build(twoLayers(compression))}, format);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QCOMPARE(int(a->overview.catalog.format), expectedFormat);
        QCOMPARE(a->layers.size(), size_t(2));
        QVERIFY2(a->allVerified(), qPrintable(a->layers[0].problem()));
        for (const ll::LayerReport &r : a->layers) {
            QCOMPARE(r.compression, compression);
            QCOMPARE(r.diffIdCheck, ll::DigestCheck::Verified);
            // Formats that name blobs by digest get the blob digest checked too.
            if (format != OutputFormat::DockerArchive)
                QCOMPARE(r.blobCheck, ll::DigestCheck::Verified);
        }
        QCOMPARE(a->overview.steps.size(), size_t(3));
        QCOMPARE(a->overview.steps[1].layerIndex, -1);
        QCOMPARE(a->overview.steps[2].layerIndex, 1);
        QCOMPARE(a->overview.choice().name, QStringLiteral("demo/app:2"));
        QVERIFY(!tst::entryAfter(*a, "etc/hello", 1));
        QVERIFY(tst::entryAfter(*a, "etc/bye", 1));
        // ChainID(L1) = sha256(ChainID(L0) + " " + DiffID(L1)), ChainID(L0) = DiffID(L0)
        QCOMPARE(a->layers[0].chainId, a->layers[0].diffId);
        QCOMPARE(a->layers[1].chainId, ll::Sha256::digestOf((a->layers[0].diffId.toString() + QStringLiteral(" ") + a->layers[1].diffId.toString()).toUtf8()));
    }

    void multiImageArchiveListsAllAndChooses()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("multi.tar"),
                                             {tst::build(twoLayers(Compression::None, QStringLiteral("one/a:1"))), tst::build(twoLayers(Compression::None, QStringLiteral("two/b:2"), QStringLiteral("arm64")))},
                                             OutputFormat::DockerArchive);
        const ll::Error e = tst::analyzeError(path);
        QCOMPARE(e.code, ll::ErrorCode::Ambiguous);
        QVERIFY(e.message.contains(QLatin1String("one/a:1")) && e.message.contains(QLatin1String("two/b:2")));
        auto second = tst::analyze(path, {QStringLiteral("two/b:2"), QString()});
        QVERIFY(second);
        QCOMPARE(second->overview.config.summary.architecture, QStringLiteral("arm64"));
        auto byNumber = tst::analyze(path, {QStringLiteral("#1"), QString()});
        QVERIFY(byNumber);
        QCOMPARE(byNumber->overview.choice().name, QStringLiteral("one/a:1"));
        QCOMPARE(tst::analyzeError(path, {QStringLiteral("nope"), QString()}).code, ll::ErrorCode::NotFound);
    }

    void nestedMultiPlatformIndex()
    {
        std::vector<ll::BuiltImage> images;
        for (const char *arch : {"amd64", "arm64", "riscv64"})
            images.push_back(tst::build(twoLayers(Compression::Gzip, QStringLiteral("multi/plat:1"), QLatin1String(arch))));
        ll::WriteOptions opt;
        opt.nestedIndex = true;
        const QString path = tst::writeImage(m_dir, QStringLiteral("plat"), images, OutputFormat::OciLayout, opt);
        auto arm = tst::analyze(path, {QString(), QStringLiteral("linux/arm64")});
        QVERIFY(arm);
        QCOMPARE(arm->overview.catalog.images.size(), size_t(3));
        QCOMPARE(arm->overview.choice().platform, QStringLiteral("linux/arm64"));
        QCOMPARE(tst::entryAfter(*arm, "etc/bye", 1)->h.size, qint64(QByteArray("bye arm64").size()));
        QCOMPARE(arm->overview.config.summary.architecture, QStringLiteral("arm64"));
        // Same name, several platforms, no --platform: this machine's platform, as docker picks.
        if (ll::hostPlatform() == QLatin1String("linux/amd64")) {
            auto host = tst::analyze(path);
            QVERIFY(host);
            QCOMPARE(host->overview.choice().platform, QStringLiteral("linux/amd64"));
        }
        QCOMPARE(tst::analyzeError(path, {QString(), QStringLiteral("linux/s390x")}).code, ll::ErrorCode::NotFound);
    }

    void sampleImageShowsEveryKindOfChange()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("sample.tar"), {tst::build(ll::sampleImageSpec())}, OutputFormat::Docker25Archive);
        auto a = tst::analyze(path);
        QVERIFY(a);
        QVERIFY(a->allVerified());
        std::set<ll::Change> seen;
        for (int32_t id = 1; id < a->fs->nodeCount(); ++id)
            for (const ll::PathEvent &e : a->fs->eventsOf(id))
                if (e.layer > 0)
                    seen.insert(e.change);
        QVERIFY(seen.count(ll::Change::Added) && seen.count(ll::Change::Modified) && seen.count(ll::Change::AttrsOnly) && seen.count(ll::Change::Removed));
        QVERIFY(!a->fs->layer(3).opaqueDirs.empty());
        QVERIFY(!tst::entryAfter(*a, "opt/legacy", 4));
        QCOMPARE(tst::entryAfter(*a, "usr/local/bin/tool", 4)->h.type, ll::EntryType::Symlink);
        QCOMPARE(tst::entryAfter(*a, "app/start.sh", 4)->h.type, ll::EntryType::Hardlink);
        QVERIFY(a->efficiency.hiddenBytes > 128 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
