// What LayerLens writes, read by a tool that is not LayerLens: skopeo copies every format the
// writer makes (copying verifies each blob against its digest and size), the Docker 25 archive
// both as OCI and as docker-archive, and a multi-platform index with every platform (--all),
// then LayerLens reads skopeo's copy back and finds the same layers.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

Q_DECLARE_METATYPE(ll::OutputFormat)

namespace {

struct ToolRun {
    int exitCode = -1;
    QString out;
};

ToolRun skopeo(const QStringList &args)
{
    QProcess p;
    // skopeo unpacks an oci-archive and gives each file the archive's owner (root, as `docker
    // save` writes it too), which only root may do: a user runs it as root of a user namespace.
    const QStringList command = QStringList{QStringLiteral("skopeo"), QStringLiteral("--insecure-policy")} + args;
    if (::geteuid() == 0)
        p.start(command.first(), command.mid(1));
    else
        p.start(QStringLiteral("unshare"), QStringList{QStringLiteral("--map-root-user"), QStringLiteral("--")} + command);
    if (!p.waitForFinished(120000))
        return {};
    // stdout alone (JSON for inspect); stderr joins it only when skopeo failed, to say why.
    const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()) + (ok ? QString() : QString::fromUtf8(p.readAllStandardError()))};
}

std::vector<ll::Digest> diffIdsOf(const QString &path, const ll::ImageSelector &sel = {})
{
    std::vector<ll::Digest> out;
    auto a = tst::analyze(path, sel);
    if (a && a->allVerified()) // an image that does not verify gives no DiffIDs: the compare fails
        for (const ll::LayerReport &r : a->layers)
            out.push_back(r.diffId);
    return out;
}

} // namespace

class TestWriterInterop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void skopeoCopiesEveryFormat_data();
    void skopeoCopiesEveryFormat();
    void multiPlatformIndex_data();
    void multiPlatformIndex();

private:
    QTemporaryDir m_dir;
    ll::BuiltImage m_image;
};

void TestWriterInterop::initTestCase()
{
    LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty(), "skopeo (apt-get install skopeo)");
    QVERIFY(m_dir.isValid());
    m_image = tst::build(tst::specOf({ll::LayerBuilder().dir("etc").file("etc/motd", "hello\n").spec(),
                                      ll::LayerBuilder(ll::Compression::Zstd).file("app/data.bin", QByteArray(70000, 'd')).symlink("app/link", "data.bin").spec(),
                                      ll::LayerBuilder().whiteout("etc/motd").spec()},
                                     QStringLiteral("interop/app:3")));
}

void TestWriterInterop::skopeoCopiesEveryFormat_data()
{
    QTest::addColumn<ll::OutputFormat>("format");
    QTest::addColumn<QString>("transport");
    QTest::newRow("oci layout") << ll::OutputFormat::OciLayout << QStringLiteral("oci:%1");
    QTest::newRow("oci archive") << ll::OutputFormat::OciArchive << QStringLiteral("oci-archive:%1");
    QTest::newRow("docker archive") << ll::OutputFormat::DockerArchive << QStringLiteral("docker-archive:%1");
    QTest::newRow("docker 25 as docker-archive") << ll::OutputFormat::Docker25Archive << QStringLiteral("docker-archive:%1");
    QTest::newRow("docker 25 as oci-archive") << ll::OutputFormat::Docker25Archive << QStringLiteral("oci-archive:%1");
}

void TestWriterInterop::skopeoCopiesEveryFormat()
{
    QFETCH(ll::OutputFormat, format);
    QFETCH(QString, transport);
    static int n = 0;
    const QString written = tst::writeImage(m_dir, QStringLiteral("written-%1").arg(++n), {m_image}, format);
    const QString copy = m_dir.filePath(QStringLiteral("copy-%1").arg(n));
    // The Docker 25 archive is OCI inside; skopeo's oci-archive needs the image named by its ref.
    const QString source = transport.arg(written);
    const ToolRun r = skopeo({QStringLiteral("copy"), source, QStringLiteral("oci:") + copy + QStringLiteral(":copied")});
    QVERIFY2(r.exitCode == 0, qPrintable(source + QStringLiteral(": ") + r.out));
    const std::vector<ll::Digest> ours = diffIdsOf(written), theirs = diffIdsOf(copy);
    QCOMPARE(ours.size(), size_t(3));
    QCOMPARE(theirs, ours);
    const ToolRun config = skopeo({QStringLiteral("inspect"), QStringLiteral("--config"), QStringLiteral("oci:") + copy + QStringLiteral(":copied")});
    QCOMPARE(config.exitCode, 0);
    const QJsonArray diffIds = QJsonDocument::fromJson(config.out.toUtf8()).object().value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")).toArray();
    QCOMPARE(diffIds.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(diffIds[i].toString(), ours[size_t(i)].toString());
}

void TestWriterInterop::multiPlatformIndex_data()
{
    QTest::addColumn<ll::OutputFormat>("format");
    QTest::addColumn<QString>("transport");
    QTest::newRow("oci layout") << ll::OutputFormat::OciLayout << QStringLiteral("oci:%1");
    QTest::newRow("oci archive") << ll::OutputFormat::OciArchive << QStringLiteral("oci-archive:%1");
    QTest::newRow("docker 25 archive") << ll::OutputFormat::Docker25Archive << QStringLiteral("oci-archive:%1");
}

// A nested index with two platforms, in each format that holds one: skopeo copies both (--all)
// and each one LayerLens picks from the copy by --platform is the one it wrote.
void TestWriterInterop::multiPlatformIndex()
{
    QFETCH(ll::OutputFormat, format);
    QFETCH(QString, transport);
    static int n = 0;
    ll::ImageSpec amd = tst::specOf({ll::LayerBuilder().file("arch", "amd64\n").spec()}, QStringLiteral("interop/multi:1"));
    ll::ImageSpec arm = amd;
    arm.architecture = QStringLiteral("arm64");
    arm.variant = QStringLiteral("v8");
    arm.layers = {ll::LayerBuilder().file("arch", "arm64, a longer file\n").spec()};
    const ll::BuiltImage a = tst::build(amd), b = tst::build(arm);
    const QString written = tst::writeImage(m_dir, QStringLiteral("multi-%1").arg(++n), {a, b}, format, ll::WriteOptions{true});
    const QString copy = m_dir.filePath(QStringLiteral("multi-copy-%1").arg(n));
    ToolRun r = skopeo({QStringLiteral("copy"), QStringLiteral("--all"), transport.arg(written), QStringLiteral("oci:") + copy + QStringLiteral(":all")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    r = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("oci:") + copy + QStringLiteral(":all")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("manifests")).toArray().size(), 2);
    QCOMPARE(diffIdsOf(copy, {{}, QStringLiteral("linux/amd64")}), std::vector<ll::Digest>{a.layers[0].diffId});
    QCOMPARE(diffIdsOf(copy, {{}, QStringLiteral("linux/arm64")}), std::vector<ll::Digest>{b.layers[0].diffId});
}

QTEST_GUILESS_MAIN(TestWriterInterop)
#include "tst_writer_interop.moc"
