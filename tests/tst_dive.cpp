// dive's figures, checked against dive's own test data and against images that exercise each of
// its rules (tests/data/dive/ALGORITHM.md says what they are and where they come from).
#include "testsupport.h"

#include "archive/tarwriter.h"
#include "common/divesize.h"
#include "common/sha256.h"
#include "fstree/diveci.h"
#include "image/estargz.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

Q_DECLARE_METATYPE(std::vector<ll::LayerSpec>)

namespace {

// dive's test image (.data/test-docker-image.tar in wagoodman/dive, MIT), rebuilt from its
// listing with LayerLens's writer: the same tar headers (names, types, header sizes, modes,
// owners, links) in the same order, with made-up file bytes, which dive's figures never read.
ll::ImageSpec diveTestImageSpec()
{
    QFile f(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/dive/test-docker-image.listing"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the dive listing");
    ll::ImageSpec spec;
    spec.name = QStringLiteral("dive-test:latest");
    static const QRegularExpression historyLine(QStringLiteral("^# (layer (\\d+)|  \\(empty_layer, no layer\\)): (.*)$"));
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('#'))) {
            if (const auto m = historyLine.match(line); m.hasMatch())
                spec.steps.push_back({m.captured(3), QString(), m.captured(2).isEmpty() ? -1 : m.captured(2).toInt()});
            continue;
        }
        if (line.isEmpty())
            continue;
        const QList<QByteArray> c = raw.split('\t');
        if (c.size() != 8)
            qFatal("bad listing line: %s", raw.constData());
        const size_t layer = size_t(c[0].toInt());
        while (spec.layers.size() <= layer)
            spec.layers.push_back(ll::LayerSpec{{}, ll::Compression::None});
        ll::TarHeader h;
        ll::normaliseArchivePath(c[1], h.path);
        h.size = c[3].toLongLong();
        const uint32_t mode = c[4].toUInt(nullptr, 8);
        h.mode = mode & 07777u;
        h.uid = c[5].toUInt();
        h.gid = c[6].toUInt();
        h.mtime = 1543000000;
        const char type = c[2].at(0);
        h.type = type == 'd' ? ll::EntryType::Directory : type == 'h' ? ll::EntryType::Hardlink : type == 'l' ? ll::EntryType::Symlink : ll::EntryType::Regular;
        if (h.type == ll::EntryType::Hardlink || h.type == ll::EntryType::Symlink)
            ll::normaliseArchivePath(c[7], h.linkTarget);
        if (h.type == ll::EntryType::Symlink)
            h.linkTarget = c[7];
        const QByteArray data = h.type == ll::EntryType::Regular ? QByteArray(h.size, char('a' + layer % 26)) : QByteArray();
        spec.layers[layer].entries.push_back({h, data});
    }
    return spec;
}

// An exact comparison of doubles, printing all 17 digits when it fails (QCOMPARE is fuzzy).
#define COMPARE_EXACT(actual, expected)                                                                         \
    QVERIFY2((actual) == (expected) || (std::isnan(actual) && std::isnan(expected)),                            \
             qPrintable(QStringLiteral("%1 is %2, expected %3").arg(QLatin1String(#actual)).arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)))

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'));
}

ll::Digest sha256Digest(const QByteArray &bytes)
{
    return ll::Digest::fromSha256(ll::Sha256::hash(bytes));
}

QByteArray tarOf(const std::vector<std::pair<ll::TarHeader, QByteArray>> &entries, ll::Compression c)
{
    ll::TarWriter w(c);
    for (const auto &[h, data] : entries)
        if (!w.add(h, data).ok())
            qFatal("tar write failed");
    auto out = w.finish();
    if (!out.ok())
        qFatal("tar finish failed");
    return out.value();
}

// dive's test image as kaniko --tarPath writes it (go-containerregistry's tarball): every member
// at the top, the config named "sha256:<hex>" without .json, gzip layers named "<hex>.tar.gz".
QByteArray kanikoTarball(const ll::BuiltImage &img)
{
    std::vector<std::pair<ll::TarHeader, QByteArray>> members;
    auto member = [&](const QString &name, const QByteArray &data) {
        ll::TarHeader h;
        h.path = name.toUtf8();
        h.size = data.size();
        h.mode = 0644;
        h.mtime = 0;
        members.push_back({h, data});
    };
    QJsonArray layers;
    member(img.configDigest.toString(), img.config);
    for (const ll::BuiltLayer &l : img.layers) {
        member(l.digest.hex() + QStringLiteral(".tar.gz"), l.blob);
        layers.append(l.digest.hex() + QStringLiteral(".tar.gz"));
    }
    const QJsonArray manifest{QJsonObject{{QStringLiteral("Config"), img.configDigest.toString()},
                                          {QStringLiteral("RepoTags"), QJsonArray{QStringLiteral("dive-test:kaniko-latest")}},
                                          {QStringLiteral("Layers"), layers}}};
    member(QStringLiteral("manifest.json"), QJsonDocument(manifest).toJson(QJsonDocument::Compact));
    return tarOf(members, ll::Compression::None);
}

ll::TarHeader fileHeader(const QByteArray &path, qint64 size)
{
    ll::TarHeader h;
    h.path = path;
    h.size = size;
    h.mode = 0644;
    h.mtime = 1737058020;
    return h;
}

// An eStargz layer as the snapshotter's writer makes it: the files (and a landmark) in one gzip
// member, then the TOC as a tar entry of its own after the first tar's end, in another member.
ll::BuiltLayer estargzLayer(const QByteArray &readme, QString &tocDigest)
{
    const std::vector<std::pair<ll::TarHeader, QByteArray>> files = {{fileHeader(".no.prefetch.landmark", 1), QByteArray("v")},
                                                                     {fileHeader("README.md", readme.size()), readme}};
    const QByteArray toc = R"({"version":1,"entries":[{"name":"README.md","type":"reg"}]})";
    const std::vector<std::pair<ll::TarHeader, QByteArray>> index = {{fileHeader("stargz.index.json", toc.size()), toc}};
    tocDigest = sha256Digest(toc).toString();
    ll::BuiltLayer l;
    l.blob = tarOf(files, ll::Compression::Gzip) + tarOf(index, ll::Compression::Gzip);
    l.digest = sha256Digest(l.blob);
    l.diffId = sha256Digest(tarOf(files, ll::Compression::None) + tarOf(index, ll::Compression::None));
    l.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
    return l;
}

// The manifest again, with the eStargz annotation on each layer's descriptor.
void annotateEstargz(ll::BuiltImage &img, const QString &tocDigest)
{
    QJsonObject m = QJsonDocument::fromJson(img.manifest).object();
    QJsonArray layers = m.value(QStringLiteral("layers")).toArray();
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QJsonObject d = layers[i].toObject();
        d[QStringLiteral("annotations")] = QJsonObject{{QLatin1String(ll::kEstargzTocAnnotation), tocDigest},
                                                       {QStringLiteral("io.containers.estargz.uncompressed-size"), QStringLiteral("0")}};
        layers[i] = d;
    }
    m[QStringLiteral("layers")] = layers;
    img.manifest = QJsonDocument(m).toJson(QJsonDocument::Compact);
    img.manifestDigest = sha256Digest(img.manifest);
}

} // namespace

class TestDive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void testImageFigures();
    void testImageCiReport();
    void testImageCiThresholds_data();
    void testImageCiThresholds();
    void diveCiFileAndFlags();
    void diveCiMisconfigured();
    void rules_data();
    void rules();
    void sizesAsGoHumanize();
    void kanikoTarballLayout();
    void ociLayouts_data();
    void ociLayouts();
    void estargzLayers();

private:
    std::optional<ll::ImageAnalysis> analyzeSpec(const ll::ImageSpec &spec, ll::OutputFormat format = ll::OutputFormat::DockerArchive);
    QTemporaryDir m_dir;
    QString m_diveImage;
};

void TestDive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_diveImage = tst::writeImage(m_dir, QStringLiteral("test-docker-image.tar"), {tst::build(diveTestImageSpec())}, ll::OutputFormat::DockerArchive);
}

std::optional<ll::ImageAnalysis> TestDive::analyzeSpec(const ll::ImageSpec &spec, ll::OutputFormat format)
{
    static int n = 0;
    const QString path = tst::writeImage(m_dir, QStringLiteral("case%1.tar").arg(++n), {tst::build(spec)}, format);
    return tst::analyze(path);
}

// What dive's Test_Analysis and export snapshot assert for .data/test-docker-image.tar.
void TestDive::testImageFigures()
{
    auto a = tst::analyze(m_diveImage);
    QVERIFY(a);
    QCOMPARE(a->layers.size(), size_t(14));
    const ll::DiveFigures &d = a->efficiency.dive;
    COMPARE_EXACT(d.score, 0.9844212134184309);
    QCOMPARE(d.sizeBytes, qint64(1220598));
    QCOMPARE(d.userSizeBytes, qint64(66237));
    QCOMPARE(d.wastedBytes, qint64(32025));
    COMPARE_EXACT(d.userWastedPercent, 0.4834911001404049);
    const std::vector<qint64> layerSizes = {1154361, 6405, 0, 6405, 6405, 6405, 6405, 6405, 6405, 0, 2187, 6405, 6405, 6405};
    QCOMPARE(d.layerSizes, layerSizes);
    QCOMPARE(d.inefficientFiles.size(), size_t(3));
    const std::pair<const char *, qint64> files[] = {{"root/saved.txt", 12810}, {"root/example/somefile1.txt", 12810}, {"root/example/somefile3.txt", 6405}};
    for (size_t i = 0; i < 3; ++i) {
        QCOMPARE(d.inefficientFiles[i].path, QByteArray(files[i].first));
        QCOMPARE(d.inefficientFiles[i].count, 2);
        QCOMPARE(d.inefficientFiles[i].cumulativeSize, files[i].second);
    }
    // LayerLens's own figure: every file byte the final filesystem does not show. somefile1 was
    // stored twice (cp, chmod) and removed with its folder; somefile2 and somefile3 once each and
    // removed; saved.txt stored twice (mv, chmod +x), one copy shown.
    const ll::EfficiencyReport &e = a->efficiency;
    QCOMPARE(e.hiddenBytes, qint64(12810 + 6405 + 6405 + 6405));
    QCOMPARE(e.paths.size(), size_t(4));
    QCOMPARE(e.paths[0].path, QByteArray("root/example/somefile1.txt"));
    QCOMPARE(e.paths[0].hiddenBytes, qint64(12810));
    QCOMPARE(e.imageBytes, qint64(1220598)); // here every byte is a regular file's
}

// dive's CI report for the same image, as dive's Test_LoadImage snapshot prints it (rules from
// its dive-enable-ci.yaml: efficiency at its default, 20MB, 0.90).
void TestDive::testImageCiReport()
{
    const tst::CliRun r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--highestWastedBytes"), QStringLiteral("20MB"),
                                        QStringLiteral("--highestUserWastedPercent"), QStringLiteral("0.90"), m_diveImage},
                                       m_dir.path());
    QCOMPARE(r.exitCode, 0);
    const QString expected = QStringLiteral(
        "Analysis:\n"
        "  efficiency:        98.44 %\n"
        "  wastedBytes:       32025 bytes (32 kB)\n"
        "  userWastedPercent: 48.35 %\n"
        "\n"
        "Inefficient Files:\n"
        "  Count  Wasted Space  File Path\n"
        "  2      13 kB         /root/saved.txt\n"
        "  2      13 kB         /root/example/somefile1.txt\n"
        "  2      6.4 kB        /root/example/somefile3.txt\n");
    QVERIFY2(r.out.startsWith(expected), qPrintable(r.out));
    QVERIFY2(r.out.endsWith(QStringLiteral(
                 "Evaluation:\n"
                 "  PASS  highestUserWastedPercent (0.90)\n"
                 "  PASS  highestWastedBytes (20MB)\n"
                 "  PASS  lowestEfficiency (0.9)\n"
                 "\n"
                 "PASS [pass:3]\n")),
             qPrintable(r.out));
    // Our own figure is there, under our own name, between dive's sections.
    QVERIFY(r.out.contains(QStringLiteral("LayerLens (its own figure, not dive's):\n  hidden by later layers: 32025 bytes")));
}

// dive's Test_Evaluator threshold sets, and the messages of its legacy run_test "ci-go-case".
void TestDive::testImageCiThresholds_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::newRow("allFail") << QStringList{QStringLiteral("--lowest-efficiency=0.99"), QStringLiteral("--highest-wasted-bytes=1B"), QStringLiteral("--highest-user-wasted-percent=0.01")} << 1
                             << QStringList{QStringLiteral("  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.48 > threshold=0.01))"),
                                            QStringLiteral("  FAIL  highestWastedBytes (too many bytes wasted (wasted-bytes=32025 > threshold=1))"),
                                            QStringLiteral("  FAIL  lowestEfficiency (image efficiency is too low (efficiency=0.98 < threshold=0.99))"),
                                            QStringLiteral("FAIL [fail:3]")};
    QTest::newRow("allPass") << QStringList{QStringLiteral("--lowest-efficiency=0.9"), QStringLiteral("--highest-wasted-bytes=50kB"), QStringLiteral("--highest-user-wasted-percent=0.5")} << 0
                             << QStringList{QStringLiteral("  PASS  highestWastedBytes (50kB)"), QStringLiteral("PASS [pass:3]")};
    QTest::newRow("allDisabled") << QStringList{QStringLiteral("--lowest-efficiency=disabled"), QStringLiteral("--highest-wasted-bytes=off"), QStringLiteral("--highest-user-wasted-percent=false")} << 0
                                 << QStringList{QStringLiteral("  SKIP  lowestEfficiency (disabled)"), QStringLiteral("PASS [skip:3]")};
    QTest::newRow("mixedResults") << QStringList{QStringLiteral("--lowest-efficiency=0.9"), QStringLiteral("--highest-wasted-bytes=1B"), QStringLiteral("--highest-user-wasted-percent=0.5")} << 1
                                  << QStringList{QStringLiteral("  PASS  highestUserWastedPercent (0.5)"), QStringLiteral("FAIL [pass:2 fail:1]")};
    QTest::newRow("ci-go-case") << QStringList{QStringLiteral("--lowestEfficiency=0.9"), QStringLiteral("--highestWastedBytes=1000"), QStringLiteral("--highestUserWastedPercent=0.1")} << 1
                                << QStringList{QStringLiteral("  FAIL  highestWastedBytes (too many bytes wasted (wasted-bytes=32025 > threshold=1000))"),
                                               QStringLiteral("  PASS  lowestEfficiency (0.9)"), QStringLiteral("FAIL [pass:1 fail:2]")};
    // Equality passes: dive fails only past the threshold.
    QTest::newRow("equal") << QStringList{QStringLiteral("--highest-wasted-bytes=32025"), QStringLiteral("--highest-user-wasted-percent=disabled")} << 0
                           << QStringList{QStringLiteral("  PASS  highestWastedBytes (32025)")};
}

void TestDive::testImageCiThresholds()
{
    QFETCH(QStringList, flags);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expectedLines);
    const tst::CliRun r = tst::runCli(QStringList{QStringLiteral("ci")} + flags + QStringList{m_diveImage}, m_dir.path());
    QCOMPARE(r.exitCode, exitCode);
    const QStringList got = lines(r.out);
    for (const QString &l : expectedLines)
        QVERIFY2(got.contains(l), qPrintable(QStringLiteral("missing line \"%1\" in:\n%2").arg(l, r.out)));
}

// A .dive-ci in the current folder is read as dive reads it; --ci-config names another; a flag
// given on the command line wins over the file.
void TestDive::diveCiFileAndFlags()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    // dive's own .data/.dive-ci: the plugin keys are ignored, 20Mb is 20,000,000 bytes.
    QFile f(work.filePath(QStringLiteral(".dive-ci")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("plugins:\n  - plugin1\n\nrules:\n  # a comment\n  lowestEfficiency: 0.95\n\n  highestWastedBytes: 20Mb\n\n"
            "  highestUserWastedPercent: 0.5\n\n  plugin1/rule1: error\n");
    f.close();
    auto rules = ll::readDiveCiFile(f.fileName());
    QVERIFY2(rules.ok(), qPrintable(rules.ok() ? QString() : rules.error().toString()));
    QCOMPARE(rules->lowestEfficiency, QStringLiteral("0.95"));
    QCOMPARE(rules->highestWastedBytes, QStringLiteral("20Mb"));
    QCOMPARE(rules->highestUserWastedPercent, QStringLiteral("0.5"));

    tst::CliRun r = tst::runCli({QStringLiteral("ci"), m_diveImage}, work.path());
    QCOMPARE(r.exitCode, 0); // dive's CI smoke run on this image with this file must pass
    QVERIFY2(lines(r.out).contains(QStringLiteral("  PASS  highestWastedBytes (20Mb)")), qPrintable(r.out));
    QVERIFY2(lines(r.out).contains(QStringLiteral("  PASS  lowestEfficiency (0.95)")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("\\(\\d+ layers\\), rules from \\.dive-ci\n"))), qPrintable(r.err));

    // The flag beats the file for its rule; the file's other rules stay.
    r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--highest-user-wasted-percent"), QStringLiteral("0.3"), m_diveImage}, work.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(lines(r.out).contains(QStringLiteral("  PASS  lowestEfficiency (0.95)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.48 > threshold=0.3))")), qPrintable(r.out));

    // --ci-config from elsewhere; a missing key, or one with no value (yaml.v3 leaves dive's
    // default in place), keeps dive's default; "off" disables.
    QFile g(work.filePath(QStringLiteral("other.yaml")));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("rules:\n  highestWastedBytes: 30kB\n  highestUserWastedPercent:\n  lowestEfficiency: off\n");
    g.close();
    r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--ci-config"), g.fileName(), m_diveImage}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(lines(r.out).contains(QStringLiteral("  FAIL  highestWastedBytes (too many bytes wasted (wasted-bytes=32025 > threshold=30000))")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.48 > threshold=0.1))")),
             qPrintable(r.out));
    QVERIFY2(lines(r.out).contains(QStringLiteral("  SKIP  lowestEfficiency (disabled)")), qPrintable(r.out));
}

void TestDive::diveCiMisconfigured()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    // Out of range, not a number, not a size: each named, before any image is read.
    tst::CliRun r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--lowest-efficiency=1.1"), QStringLiteral("--highest-wasted-bytes=not_a_size"),
                                 QStringLiteral("--highest-user-wasted-percent=lots"), QStringLiteral("/nonexistent/image.tar")},
                                work.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("lowestEfficiency config value is outside allowed range (0-1)")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("highestWastedBytes config value, given \"not_a_size\"")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("highestUserWastedPercent config value, given \"lots\"")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("image.tar")));

    // Broken YAML: the file and the line.
    QFile f(work.filePath(QStringLiteral(".dive-ci")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("rules:\n  lowestEfficiency: [0.9\n");
    f.close();
    r = tst::runCli({QStringLiteral("ci"), m_diveImage}, work.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral(".dive-ci:")) && r.err.contains(QStringLiteral("not valid YAML")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// Each of dive's rules on an image made for it. Layer 0 is the "base"; every expected figure is
// worked out by hand from dive's rules (tests/data/dive/ALGORITHM.md §2-4).
void TestDive::rules_data()
{
    using LB = ll::LayerBuilder;
    QTest::addColumn<std::vector<ll::LayerSpec>>("layers");
    QTest::addColumn<qint64>("sumMinimum");
    QTest::addColumn<qint64>("sumCumulative");
    QTest::addColumn<qint64>("userSize");
    QTest::addColumn<QStringList>("inefficient"); // "path count size", dive's display order
    QTest::addColumn<qint64>("hidden");           // LayerLens's own figure

    const QByteArray k1(1000, 'a'), k1b(1000, 'b'), h5(500, 'c'), t10(10, 'd');
    const auto base = [&] { return LB().file("bin/sh", k1).spec(); };

    QTest::newRow("file re-added") << std::vector{base(), LB().file("etc/app", h5).spec(), LB().file("etc/app", h5).spec()}
                                   << qint64(1000 + 500) << qint64(1000 + 1000) << qint64(1000) << QStringList{QStringLiteral("etc/app 2 1000")} << qint64(500);
    QTest::newRow("chmod only") << std::vector{base(), LB().file("etc/app", h5, 0644).spec(), LB().file("etc/app", h5, 0755).spec()}
                                << qint64(1000 + 500) << qint64(1000 + 1000) << qint64(1000) << QStringList{QStringLiteral("etc/app 2 1000")} << qint64(500);
    // A file's whiteout counts 0 bytes: the moved file's record is 500 + 0.
    QTest::newRow("moved") << std::vector{base(), LB().file("a", h5).spec(), LB().whiteout("a").file("b", h5).spec()}
                           << qint64(1000 + 0 + 500) << qint64(1000 + 500 + 500) << qint64(1000) << QStringList{QStringLiteral("a 2 500")} << qint64(500);
    QTest::newRow("removed by whiteout") << std::vector{base(), LB().file("a", k1b).spec(), LB().whiteout("a").spec()}
                                         << qint64(1000 + 0) << qint64(1000 + 1000) << qint64(1000) << QStringList{QStringLiteral("a 2 1000")} << qint64(1000);
    // A folder's whiteout counts what the layers below hold under it, once, on the folder: its
    // files are seen once each, so none is "inefficient".
    QTest::newRow("removed with its folder") << std::vector{base(), LB().dir("d").file("d/x", k1b).file("d/y", h5).spec(), LB().whiteout("d").spec()}
                                             << qint64(1000 + 1000 + 500 + 1500) << qint64(1000 + 1000 + 500 + 1500) << qint64(1500) << QStringList{} << qint64(1500);
    // The same folder only implied by its files: the stacked node is not a directory, 0 bytes.
    QTest::newRow("removed folder never listed") << std::vector{base(), LB().file("d/x", k1b).file("d/y", h5).spec(), LB().whiteout("d").spec()}
                                                 << qint64(1000 + 1000 + 500 + 0) << qint64(1000 + 1000 + 500 + 0) << qint64(1500) << QStringList{} << qint64(1500);
    // dive ignores opaque markers: what they hide is not counted, and the folder's file stays.
    QTest::newRow("opaque folder") << std::vector{base(), LB().dir("d").file("d/x", k1b).spec(), LB().dir("d").opaque("d").file("d/z", t10).spec()}
                                   << qint64(1000 + 1000 + 10) << qint64(1000 + 1000 + 10) << qint64(1010) << QStringList{} << qint64(1000);
    // Hard links count their header's size (0), even when written again.
    QTest::newRow("hard links") << std::vector{base(), LB().file("a", h5).hardlink("b", "a").spec(), LB().hardlink("c", "bin/sh").hardlink("b", "a").spec()}
                                << qint64(1000 + 500 + 0 + 0) << qint64(1000 + 500 + 0 + 0) << qint64(500) << QStringList{QStringLiteral("b 2 0")} << qint64(0);
    // A whiteout of a path the layers below do not have stops dive's walk of that layer: ".wh.zzz"
    // sorts before "b", so "b" is never counted, and the record dive made counts -1.
    QTest::newRow("whiteout of nothing, first") << std::vector{base(), LB().whiteout("zzz").file("b", t10).spec()}
                                                << qint64(1000 - 1) << qint64(1000) << qint64(10) << QStringList{} << qint64(0);
    // "-b" sorts before ".wh.zzz": counted before the walk stops.
    QTest::newRow("whiteout of nothing, after") << std::vector{base(), LB().whiteout("zzz").file("-b", t10).spec()}
                                                << qint64(1000 - 1 + 10) << qint64(1000 + 10) << qint64(10) << QStringList{} << qint64(0);
    // Two whiteouts in one folder: dive walks them by name; the first removes a file, the second
    // names nothing and stops the walk before "y".
    QTest::newRow("whiteouts in one folder") << std::vector{base(), LB().dir("d").file("d/a", QByteArray(100, 'a')).file("d/z", QByteArray(200, 'z')).spec(),
                                                            LB().whiteout("d/a").whiteout("d/nothing").file("d/y", QByteArray(5, 'y')).spec()}
                                             << qint64(1000 + 0 + 200 - 1) << qint64(1000 + 100 + 200) << qint64(305) << QStringList{QStringLiteral("d/a 2 100")} << qint64(100);
    // Equal sizes met the second time through whiteouts of one folder: in walk order (p, q), shown backwards.
    QTest::newRow("whiteout ties") << std::vector{base(), LB().file("p", h5).file("q", h5).spec(), LB().whiteout("q").whiteout("p").spec()}
                                   << qint64(1000) << qint64(2000) << qint64(1000) << QStringList{QStringLiteral("q 2 500"), QStringLiteral("p 2 500")} << qint64(1000);
    // Ties keep the order dive met the paths a second time, shown backwards.
    QTest::newRow("ties") << std::vector{base(), LB().file("p", h5).file("q", h5).spec(), LB().file("q", h5).spec(), LB().file("p", h5).spec()}
                          << qint64(1000 + 500 + 500) << qint64(1000 + 1000 + 1000) << qint64(2000)
                          << QStringList{QStringLiteral("p 2 1000"), QStringLiteral("q 2 1000")} << qint64(1000);
}

void TestDive::rules()
{
    QFETCH(std::vector<ll::LayerSpec>, layers);
    QFETCH(qint64, sumMinimum);
    QFETCH(qint64, sumCumulative);
    QFETCH(qint64, userSize);
    QFETCH(QStringList, inefficient);
    QFETCH(qint64, hidden);
    for (ll::LayerSpec &l : layers)
        l.compression = ll::Compression::None;
    auto a = analyzeSpec(tst::specOf(layers));
    QVERIFY(a);
    const ll::DiveFigures &d = a->efficiency.dive;
    COMPARE_EXACT(d.score, double(sumMinimum) / double(sumCumulative));
    QCOMPARE(d.userSizeBytes, userSize);
    qint64 wasted = 0;
    QStringList got;
    for (const ll::DiveFile &f : d.inefficientFiles) {
        got << QStringLiteral("%1 %2 %3").arg(QString::fromUtf8(f.path)).arg(f.count).arg(f.cumulativeSize);
        wasted += f.cumulativeSize;
    }
    QCOMPARE(got, inefficient);
    QCOMPARE(d.wastedBytes, wasted);
    COMPARE_EXACT(d.userWastedPercent, double(wasted) / double(userSize));
    QCOMPARE(a->efficiency.hiddenBytes, hidden);
}

// go-humanize v1.0.1, which dive prints and reads sizes with.
void TestDive::sizesAsGoHumanize()
{
    QCOMPARE(ll::diveBytes(0), QStringLiteral("0 B"));
    QCOMPARE(ll::diveBytes(9), QStringLiteral("9 B"));
    QCOMPARE(ll::diveBytes(131), QStringLiteral("131 B"));
    QCOMPARE(ll::diveBytes(1000), QStringLiteral("1.0 kB"));
    QCOMPARE(ll::diveBytes(6405), QStringLiteral("6.4 kB"));
    QCOMPARE(ll::diveBytes(12810), QStringLiteral("13 kB"));
    QCOMPARE(ll::diveBytes(32025), QStringLiteral("32 kB"));
    QCOMPARE(ll::diveBytes(1220598), QStringLiteral("1.2 MB"));
    QCOMPARE(ll::diveBytes(999999), QStringLiteral("1000 kB"));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20MB")), std::optional<quint64>(20000000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20Mb")), std::optional<quint64>(20000000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20 m")), std::optional<quint64>(20000000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20MiB")), std::optional<quint64>(20971520));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("1.5kB")), std::optional<quint64>(1500));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("1,000")), std::optional<quint64>(1000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("1000")), std::optional<quint64>(1000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20 MB ")), std::optional<quint64>(20000000));
    QCOMPARE(ll::parseDiveBytes(QStringLiteral(" 20MB")), std::nullopt);
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("20XB")), std::nullopt);
    QCOMPARE(ll::parseDiveBytes(QStringLiteral("MB")), std::nullopt);
}

// dive's CI smoke runs open .data/test-kaniko-image.tar as it is: the same layout here, from the
// same listing, gives the same figures as the docker-save form.
void TestDive::kanikoTarballLayout()
{
    ll::ImageSpec spec = diveTestImageSpec();
    // kaniko's layer tars as dive's .data/test-kaniko-image.tar has them: a "/" entry in every
    // layer but the first, whiteouts before their folders.
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        ll::LayerSpec &l = spec.layers[i];
        l.compression = ll::Compression::Gzip;
        if (i == 0)
            continue;
        std::stable_partition(l.entries.begin(), l.entries.end(), [](const auto &e) { return e.first.path.contains("/.wh.") || e.first.path.startsWith(".wh."); });
        ll::TarHeader root;
        root.path = "/";
        root.type = ll::EntryType::Directory;
        root.mode = 0755;
        l.entries.insert(l.entries.begin(), {root, QByteArray()});
    }
    const ll::BuiltImage img = tst::build(spec);
    QFile f(m_dir.filePath(QStringLiteral("kaniko.tar")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kanikoTarball(img));
    f.close();
    auto a = tst::analyze(f.fileName());
    QVERIFY(a);
    QVERIFY(a->allVerified());
    QCOMPARE(a->layers.size(), size_t(14));
    COMPARE_EXACT(a->efficiency.dive.score, 0.9844212134184309);
    QCOMPARE(a->efficiency.dive.wastedBytes, qint64(32025));
    COMPARE_EXACT(a->efficiency.dive.userWastedPercent, 0.4834911001404049);
}

// dive's test-oci-{uncompressed,gzip,zstd}-image.tar: an OCI layout in a tar, one layer holding
// README.md, no manifest.json. One layer: dive's user wasted ratio is 0/0 (NaN), which passes.
void TestDive::ociLayouts_data()
{
    QTest::addColumn<int>("compression");
    QTest::newRow("uncompressed") << int(ll::Compression::None);
    QTest::newRow("gzip") << int(ll::Compression::Gzip);
    QTest::newRow("zstd") << int(ll::Compression::Zstd);
}

void TestDive::ociLayouts()
{
    QFETCH(int, compression);
    ll::ImageSpec spec = tst::specOf({ll::LayerBuilder(ll::Compression(compression)).file("README.md", QByteArray(11189, 'r')).spec()});
    spec.architecture = QStringLiteral("arm64");
    const QString path = tst::writeImage(m_dir, QStringLiteral("oci-%1.tar").arg(compression), {tst::build(spec)}, ll::OutputFormat::OciArchive);
    auto a = tst::analyze(path);
    QVERIFY(a && a->allVerified());
    const ll::DiveFigures &d = a->efficiency.dive;
    QCOMPARE(d.score, 1.0);
    QCOMPARE(d.sizeBytes, qint64(11189));
    QCOMPARE(d.userSizeBytes, qint64(0));
    QVERIFY(std::isnan(d.userWastedPercent));
    const tst::CliRun r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--highest-user-wasted-percent=0.1"), path}, m_dir.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("  userWastedPercent: 0 %\n")), qPrintable(r.out));
    QVERIFY2(lines(r.out).contains(QStringLiteral("  PASS  highestUserWastedPercent (0.1)")), qPrintable(r.out));
}

// eStargz: the TOC after the tar's end is no file, the layer's digests still cover it, the
// landmark each layer writes is no waste of LayerLens's (dive, which knows nothing of eStargz,
// counts it as a file written twice).
void TestDive::estargzLayers()
{
    QString toc;
    std::vector<ll::BuiltLayer> layers = {estargzLayer(QByteArray(11189, 'r'), toc), estargzLayer(QByteArray(500, 's'), toc)};
    ll::ImageSpec spec = tst::specOf({});
    spec.steps = {{QStringLiteral("COPY README.md /README.md # buildkit"), QString(), 0}, {QStringLiteral("COPY README.md /README.md"), QString(), 1}};
    ll::BuiltImage img = ll::buildImage(spec, std::move(layers));
    annotateEstargz(img, toc);
    const QString path = tst::writeImage(m_dir, QStringLiteral("estargz.tar"), {img}, ll::OutputFormat::OciArchive);
    auto a = tst::analyze(path);
    QVERIFY(a);
    QVERIFY2(a->allVerified(), qPrintable(a->layers[0].problem()));
    QCOMPARE(a->layers[0].blob.estargzToc, toc);
    QCOMPARE(a->fs->find("stargz.index.json"), -1); // after the tar's end: not a file
    QVERIFY(a->fs->find(".no.prefetch.landmark") > 0);
    // README.md rewritten: 11189 hidden; the landmark, rewritten too, is not waste.
    QCOMPARE(a->efficiency.hiddenBytes, qint64(11189));
    QCOMPARE(a->efficiency.paths.size(), size_t(1));
    QCOMPARE(a->efficiency.paths[0].path, QByteArray("README.md"));
    // dive's figures stay dive's: the landmark is a file seen twice (1 + 1 bytes).
    QCOMPARE(a->efficiency.dive.inefficientFiles.size(), size_t(2));
    QCOMPARE(a->efficiency.dive.inefficientFiles[1].path, QByteArray(".no.prefetch.landmark"));
    QCOMPARE(a->efficiency.dive.inefficientFiles[1].cumulativeSize, qint64(2));
    // The CLI says what the layer is.
    const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("layer 1: eStargz layer: its lazy-pull index (TOC %1)").arg(toc)), qPrintable(r.out));
    const tst::CliRun j = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), path});
    QCOMPARE(QJsonDocument::fromJson(j.out.toUtf8()).object().value(QStringLiteral("layers")).toArray()[1].toObject().value(QStringLiteral("estargzToc")).toString(), toc);
}

QTEST_GUILESS_MAIN(TestDive)
#include "tst_dive.moc"
