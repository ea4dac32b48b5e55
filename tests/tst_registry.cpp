// Pulling from and pushing to a real registry (Debian's docker-registry, on loopback): every
// fixture format that skopeo puts there comes back with the same digests and files; shared
// layers are downloaded once; multi-platform indexes; basic auth, bearer tokens and TLS.
#include "registryserver.h"
#include "testsupport.h"

#include "builder/imagestore.h"
#include "image/layerbuilder.h"
#include "source/imageresolver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>

using namespace ll::source;

class TestRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pullMatchesTheFile_data();
    void pullMatchesTheFile();
    void sharedLayersAreDownloadedOnce();
    void multiPlatformIndex();
    void pushedImageReadsBackWithSkopeo();
    void buildFromARegistryBaseAndPush();
    void remoteCacheMakesAnotherMachineCached();
    void basicAuth();
    void bearerToken();
    void tlsNeedsTheCa();

private:
    ll::Result<ResolvedImage> pull(const QString &ref, const QString &store, const QString &platform = {}, RegistryOptions registry = {});
    tst::RegistryServer m_registry;
    QTemporaryDir m_tmp;
};

namespace {

bool haveTools()
{
    for (const char *t : {"docker-registry", "skopeo", "python3", "openssl", "htpasswd"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(t)).isEmpty())
            return false;
    return true;
}

QList<ll::Digest> diffIds(const ll::ImageAnalysis &a)
{
    QList<ll::Digest> out;
    for (const ll::LayerReport &l : a.layers)
        out << l.diffId;
    return out;
}

QList<qint64> entryCounts(const ll::ImageAnalysis &a)
{
    QList<qint64> out;
    for (const ll::LayerReport &l : a.layers)
        out << l.tarEntries;
    return out;
}

} // namespace

ll::Result<ResolvedImage> TestRegistry::pull(const QString &ref, const QString &store, const QString &platform, RegistryOptions registry)
{
    ResolveOptions o;
    o.storeDir = store;
    o.platform = platform;
    o.registry = registry;
    o.askDaemons = false;
    return resolveImage(QStringLiteral("docker://") + ref, o, ll::nullTaskContext());
}

void TestRegistry::initTestCase()
{
    LL_REQUIRE(haveTools(), "docker-registry, skopeo, python3, openssl and htpasswd (scripts/install-deps.sh)");
    QVERIFY(m_registry.start());
}

void TestRegistry::pullMatchesTheFile_data()
{
    QTest::addColumn<QString>("skopeoSource");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("manifestType");
    QTest::newRow("oci archive, gzip") << QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")) << tst::fixture(QStringLiteral("layers.oci.tar")) << QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    QTest::newRow("oci layout, zstd") << QStringLiteral("oci:") + tst::fixture(QStringLiteral("layers.oci-zstd.ocidir")) << tst::fixture(QStringLiteral("layers.oci-zstd.ocidir")) << QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    QTest::newRow("docker archive, schema 2") << QStringLiteral("docker-archive:") + tst::fixture(QStringLiteral("features-docker.podman-docker.tar")) << tst::fixture(QStringLiteral("features-docker.podman-docker.tar"))
                                              << QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
    QTest::newRow("docker dir, gzip") << QStringLiteral("dir:") + tst::fixture(QStringLiteral("layers.podman-dockerdir-gzip")) << tst::fixture(QStringLiteral("layers.podman-dockerdir-gzip"))
                                      << QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
}

void TestRegistry::pullMatchesTheFile()
{
    QFETCH(QString, skopeoSource);
    QFETCH(QString, file);
    QFETCH(QString, manifestType);
    const QString ref = m_registry.host() + QStringLiteral("/fixtures/") + QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-")) + QStringLiteral(":1");
    QVERIFY(tst::skopeoCopy(skopeoSource, QStringLiteral("docker://") + ref, {QStringLiteral("--preserve-digests")}) ||
            tst::skopeoCopy(skopeoSource, QStringLiteral("docker://") + ref));
    QTemporaryDir store;
    auto r = pull(ref, store.path());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->pull.has_value());
    QCOMPARE(r->pull->layersPresent, 0);
    // The stored manifest is the registry's, byte for byte: its type is what skopeo pushed.
    QFile m(ll::build::ImageStore(store.path()).blobPath(r->pull->manifest));
    QVERIFY(m.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(m.readAll()).object().value(QStringLiteral("mediaType")).toString(), manifestType);

    auto pulled = tst::analyze(r->path, {r->image, {}});
    auto local = tst::analyze(file);
    QVERIFY(pulled && local);
    QVERIFY(pulled->allVerified());
    QCOMPARE(diffIds(*pulled), diffIds(*local));
    QCOMPARE(entryCounts(*pulled), entryCounts(*local));
    QCOMPARE(pulled->overview.config.raw, local->overview.config.raw);
    QCOMPARE(pulled->fs->layerCount(), local->fs->layerCount());
    const int last = pulled->fs->layerCount() - 1;
    for (const char *path : {"bin/busybox", "etc/motd", "data/keep/a", "opt/legacy", "data/gone"}) {
        const ll::FileEntry *a = tst::entryAfter(*pulled, path, last);
        const ll::FileEntry *b = tst::entryAfter(*local, path, last);
        QCOMPARE(a != nullptr, b != nullptr);
        if (a)
            QCOMPARE(a->content, b->content);
    }
}

void TestRegistry::sharedLayersAreDownloadedOnce()
{
    const QString base = m_registry.host() + QStringLiteral("/shared/base:1");
    const QString layers = m_registry.host() + QStringLiteral("/shared/layers:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + base));
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")), QStringLiteral("docker://") + layers));
    m_registry.log(); // forget the pushes
    QTemporaryDir store;
    auto first = pull(base, store.path());
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first->pull->layers, 1);
    auto second = pull(layers, store.path());
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    const PullReport &p = *second->pull;
    QCOMPARE(p.layers, 13);
    QCOMPARE(p.layersPresent, 1);
    QCOMPARE(p.bytesPresent, first->pull->bytesFetched);
    // What came over the wire is exactly the other twelve layers, as the manifest sizes them.
    QFile mf(ll::build::ImageStore(store.path()).blobPath(p.manifest));
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QJsonArray ls = QJsonDocument::fromJson(mf.readAll()).object().value(QStringLiteral("layers")).toArray();
    qint64 others = 0;
    for (int i = 1; i < ls.size(); ++i)
        others += ls[i].toObject().value(QStringLiteral("size")).toInteger();
    QCOMPARE(p.bytesFetched, others);
    QVERIFY2(p.summary().startsWith(QLatin1String("1 of 13 layers already here")), qPrintable(p.summary()));
    // The registry saw one GET of the shared layer, from the first pull.
    const QString baseLayer = ls[0].toObject().value(QStringLiteral("digest")).toString();
    const QString log = m_registry.log();
    QCOMPARE(log.count(QRegularExpression(QStringLiteral("GET /v2/shared/[a-z]+/blobs/%1").arg(QRegularExpression::escape(baseLayer)))), 1);
    // A third pull downloads nothing.
    auto third = pull(layers, store.path());
    QVERIFY(third.ok());
    QCOMPARE(third->pull->bytesFetched, 0);
    QCOMPARE(third->pull->layersPresent, 13);
}

void TestRegistry::multiPlatformIndex()
{
    using ll::LayerBuilder;
    std::vector<ll::BuiltImage> images;
    for (const char *arch : {"amd64", "arm64"}) {
        ll::ImageSpec spec = tst::specOf({LayerBuilder().file("etc/arch", QByteArray(arch) + '\n').spec()}, QStringLiteral("multi:1"));
        spec.architecture = QString::fromLatin1(arch);
        images.push_back(tst::build(spec));
    }
    ll::WriteOptions w;
    w.nestedIndex = true;
    const QString layout = tst::writeImage(m_tmp, QStringLiteral("multi"), images, ll::OutputFormat::OciLayout, w);
    const QString ref = m_registry.host() + QStringLiteral("/multi/app:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci:") + layout, QStringLiteral("docker://") + ref, {QStringLiteral("--all")}));
    for (const char *arch : {"amd64", "arm64"}) {
        QTemporaryDir store;
        auto r = pull(ref, store.path(), QStringLiteral("linux/") + QString::fromLatin1(arch));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->pull->platform, QStringLiteral("linux/") + QString::fromLatin1(arch));
        QVERIFY(r->pull->index.isValid());
        QCOMPARE(r->pull->platforms, QStringList({QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64")}));
        auto a = tst::analyze(r->path, {r->image, {}});
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, 0, "etc/arch"), QByteArray(arch) + '\n');
    }
    QTemporaryDir store;
    auto none = pull(ref, store.path(), QStringLiteral("linux/s390x"));
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ll::ErrorCode::Ambiguous);
    QVERIFY2(none.error().message.contains(QLatin1String("no image for linux/s390x; it offers linux/amd64, linux/arm64")), qPrintable(none.error().message));
}

void TestRegistry::pushedImageReadsBackWithSkopeo()
{
    QTemporaryDir store;
    const QString ref = m_registry.host() + QStringLiteral("/pushed/layers:2");
    auto run = tst::runCli({QStringLiteral("copy"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")),
                            QStringLiteral("docker://") + ref});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("0 of 14 blobs already there")), qPrintable(run.out));
    auto again = tst::runCli({QStringLiteral("copy"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")),
                              QStringLiteral("docker://") + ref});
    QVERIFY2(again.out.contains(QLatin1String("14 of 14 blobs already there, 0 B sent")), qPrintable(again.out + again.err));
    // skopeo reads it and copies it back; the layers are the fixture's.
    QTemporaryDir back;
    QVERIFY(tst::skopeoCopy(QStringLiteral("docker://") + ref, QStringLiteral("oci-archive:") + back.filePath(QStringLiteral("back.tar")), {QStringLiteral("--src-tls-verify=false")}));
    auto a = tst::analyze(back.filePath(QStringLiteral("back.tar")));
    auto b = tst::analyze(tst::fixture(QStringLiteral("layers.oci.tar")));
    QVERIFY(a && b);
    QCOMPARE(diffIds(*a), diffIds(*b));
    QCOMPARE(a->overview.config.raw, b->overview.config.raw);
}

void TestRegistry::buildFromARegistryBaseAndPush()
{
    const QString base = m_registry.host() + QStringLiteral("/build/base:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + base));
    QTemporaryDir ctx;
    QFile df(ctx.filePath(QStringLiteral("Dockerfile")));
    QVERIFY(df.open(QIODevice::WriteOnly));
    df.write("FROM " + base.toUtf8() + "\nCOPY hello.txt /hello.txt\n");
    df.close();
    QFile h(ctx.filePath(QStringLiteral("hello.txt")));
    QVERIFY(h.open(QIODevice::WriteOnly));
    h.write("hello\n");
    h.close();
    QTemporaryDir store, cache;
    const QStringList common{QStringLiteral("--store-dir"), store.path(), QStringLiteral("--cache-dir"), cache.path()};
    // Nothing local and --pull never: a clear refusal.
    auto never = tst::runCli(QStringList{QStringLiteral("build"), QStringLiteral("--pull"), QStringLiteral("never")} + common + QStringList{ctx.path()});
    QVERIFY(never.exitCode != 0);
    QVERIFY2(never.err.contains(QLatin1String("pulling is turned off")), qPrintable(never.err));
    const QString pushed = m_registry.host() + QStringLiteral("/build/app:1");
    auto built = tst::runCli(QStringList{QStringLiteral("build"), QStringLiteral("-t"), pushed, QStringLiteral("--push")} + common + QStringList{ctx.path()});
    QVERIFY2(built.exitCode == 0, qPrintable(built.err));
    QVERIFY2(built.err.contains(QStringLiteral("FROM %1: %1 from registry %2").arg(base, m_registry.host())), qPrintable(built.err));
    QVERIFY2(built.err.contains(QLatin1String("the one layer downloaded")), qPrintable(built.err));
    QVERIFY2(built.err.contains(QLatin1String("pushed ")), qPrintable(built.err));
    // skopeo sees the pushed image: two layers, the first the base's.
    auto inspect = tst::runProgram(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"), QStringLiteral("docker://") + pushed},
                                   QProcessEnvironment::systemEnvironment());
    QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.err));
    const QJsonArray layers = QJsonDocument::fromJson(inspect.out.toUtf8()).object().value(QStringLiteral("Layers")).toArray();
    QCOMPARE(layers.size(), 2);
    auto baseAnalysis = tst::analyze(tst::fixture(QStringLiteral("busybox-base.oci.tar")));
    QVERIFY(baseAnalysis);
    QCOMPARE(layers[0].toString(), baseAnalysis->layers[0].blobDigest.toString());
    // A second build uses the store's copy: the registry is not asked (--pull missing).
    auto rebuilt = tst::runCli(QStringList{QStringLiteral("build")} + common + QStringList{ctx.path()});
    QVERIFY2(rebuilt.exitCode == 0, qPrintable(rebuilt.err));
    QVERIFY2(rebuilt.err.contains(QLatin1String("from the local image store")), qPrintable(rebuilt.err));
}

void TestRegistry::remoteCacheMakesAnotherMachineCached()
{
    const QString base = m_registry.host() + QStringLiteral("/rc/base:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + base));
    QTemporaryDir ctx;
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(ctx.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    };
    write(QStringLiteral("Dockerfile"), "FROM " + base.toUtf8() + "\nCOPY a.txt /a.txt\nENV X=1\nCOPY b.txt /b.txt\n");
    write(QStringLiteral("a.txt"), QByteArray(300000, 'a'));
    write(QStringLiteral("b.txt"), "b\n");
    const QString cacheRef = QStringLiteral("registry:") + m_registry.host() + QStringLiteral("/rc/cache:main");
    qputenv("SOURCE_DATE_EPOCH", "1700000000"); // the two builds' image IDs are compared
    auto unset = qScopeGuard([] { qunsetenv("SOURCE_DATE_EPOCH"); });
    QTemporaryDir storeA, cacheA;
    auto first = tst::runCli({QStringLiteral("build"), QStringLiteral("--store-dir"), storeA.path(), QStringLiteral("--cache-dir"), cacheA.path(),
                              QStringLiteral("--cache-from"), cacheRef, QStringLiteral("--cache-to"), cacheRef, ctx.path()});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(first.err.count(QLatin1String(" CACHED")), 0);
    QVERIFY2(first.err.contains(QLatin1String("exported 2 cache records to ") + m_registry.host() + QLatin1String("/rc/cache:main: 2 layers sent")), qPrintable(first.err));
    // Another machine: empty cache, empty store. Every step that made a layer comes from the registry.
    QTemporaryDir storeB, cacheB;
    auto second = tst::runCli({QStringLiteral("build"), QStringLiteral("--store-dir"), storeB.path(), QStringLiteral("--cache-dir"), cacheB.path(),
                               QStringLiteral("--cache-from"), QStringLiteral("type=registry,ref=") + m_registry.host() + QStringLiteral("/rc/cache:main"), ctx.path()});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(second.err.count(QLatin1String(" CACHED")), 2);
    QVERIFY2(second.err.contains(QLatin1String("cache ") + m_registry.host() + QLatin1String("/rc/cache:main: 2 step records")), qPrintable(second.err));
    QCOMPARE(second.out, first.out); // the same image ID
    // Change b.txt: the first COPY still comes from the registry, the second runs.
    write(QStringLiteral("b.txt"), "changed\n");
    QTemporaryDir cacheC;
    auto third = tst::runCli({QStringLiteral("build"), QStringLiteral("--store-dir"), storeB.path(), QStringLiteral("--cache-dir"), cacheC.path(),
                              QStringLiteral("--cache-from"), cacheRef, ctx.path()});
    QVERIFY2(third.exitCode == 0, qPrintable(third.err));
    QCOMPARE(third.err.count(QLatin1String(" CACHED")), 1);
    // A cache reference that holds an image, not a cache: a warning, and the build still runs.
    QTemporaryDir cacheD;
    auto wrong = tst::runCli({QStringLiteral("build"), QStringLiteral("--store-dir"), storeB.path(), QStringLiteral("--cache-dir"), cacheD.path(),
                              QStringLiteral("--cache-from"), QStringLiteral("registry:") + base, ctx.path()});
    QVERIFY2(wrong.exitCode == 0, qPrintable(wrong.err));
    QVERIFY2(wrong.err.contains(QLatin1String("is not a LayerLens build cache")), qPrintable(wrong.err));
}

void TestRegistry::basicAuth()
{
    tst::RegistryServer secured;
    tst::RegistryServer::Options o;
    o.htpasswdUser = QStringLiteral("alice");
    o.htpasswdPassword = QStringLiteral("wonder land");
    QVERIFY(secured.start(o));
    const QString ref = secured.host() + QStringLiteral("/private/base:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + ref,
                            {QStringLiteral("--dest-creds"), QStringLiteral("alice:wonder land")}));
    QTemporaryDir dir;
    const QByteArray authFile = dir.filePath(QStringLiteral("auth.json")).toUtf8();
    qputenv("REGISTRY_AUTH_FILE", authFile);
    auto unset = qScopeGuard([] { qunsetenv("REGISTRY_AUTH_FILE"); });
    auto writeAuth = [&](const QByteArray &userPass) {
        QFile f(QString::fromUtf8(authFile));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"auths":{")" + secured.host().toUtf8() + R"(":{"auth":")" + userPass.toBase64() + R"("}}})");
    };
    QTemporaryDir store;
    auto anonymous = pull(ref, store.path());
    QVERIFY(!anonymous.ok());
    QCOMPARE(anonymous.error().code, ll::ErrorCode::Auth);
    QVERIFY2(anonymous.error().message.contains(QLatin1String("asks for a user name and password")), qPrintable(anonymous.error().message));
    writeAuth("alice:wrong");
    auto wrong = pull(ref, store.path());
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, ll::ErrorCode::Auth);
    QVERIFY2(wrong.error().message.contains(QLatin1String("refused the credentials from ") + QString::fromUtf8(authFile)), qPrintable(wrong.error().message));
    writeAuth("alice:wonder land");
    auto ok = pull(ref, store.path());
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
    QCOMPARE(ok->pull->layers, 1);
    qunsetenv("REGISTRY_AUTH_FILE");
}

void TestRegistry::bearerToken()
{
    QTemporaryDir keys;
    QString cert, key;
    QVERIFY(tst::makeCertificate(keys.path(), cert, key));
    tst::ScriptServer tokens;
    QVERIFY(tokens.start(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/registry/tokenserver.py"), {key, cert, QStringLiteral("layerlens-test-issuer")}));
    tst::RegistryServer secured;
    tst::RegistryServer::Options o;
    o.tokenRealm = QStringLiteral("http://127.0.0.1:%1/token").arg(tokens.port());
    o.tokenCert = cert;
    QVERIFY(secured.start(o));
    const QString ref = secured.host() + QStringLiteral("/tokens/base:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + ref));
    QTemporaryDir store;
    auto r = pull(ref, store.path());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY2(tokens.output().contains(QLatin1String("TOKEN repository:tokens/base:pull ")), qPrintable(tokens.output()));
    // Without the token, the same registry refuses: the challenge was real.
    ll::source::HttpRequest plain;
    plain.url = QStringLiteral("http://%1/v2/tokens/base/manifests/1").arg(secured.host());
    auto refused = ll::source::httpRequest(plain, ll::nullTaskContext());
    QVERIFY(refused.ok());
    QCOMPARE(refused->status, 401);
}

void TestRegistry::tlsNeedsTheCa()
{
    QTemporaryDir keys;
    QString cert, key;
    QVERIFY(tst::makeCertificate(keys.path(), cert, key));
    tst::RegistryServer tls;
    tst::RegistryServer::Options o;
    o.tlsCert = cert;
    o.tlsKey = key;
    QVERIFY(tls.start(o));
    const QString ref = tls.host() + QStringLiteral("/tls/base:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("docker://") + ref));
    RegistryOptions verify;
    verify.tlsVerify = true;
    verify.certDir = keys.filePath(QStringLiteral("empty-certs.d"));
    QTemporaryDir store;
    auto untrusted = pull(ref, store.path(), {}, verify);
    QVERIFY(!untrusted.ok());
    QCOMPARE(untrusted.error().code, ll::ErrorCode::Network);
    QVERIFY2(untrusted.error().message.contains(QLatin1String("not trusted")), qPrintable(untrusted.error().message));
    QVERIFY(QDir().mkpath(keys.filePath(QStringLiteral("certs.d/") + tls.host())));
    QVERIFY(QFile::copy(cert, keys.filePath(QStringLiteral("certs.d/") + tls.host() + QStringLiteral("/ca.crt"))));
    verify.certDir = keys.filePath(QStringLiteral("certs.d"));
    auto trusted = pull(ref, store.path(), {}, verify);
    QVERIFY2(trusted.ok(), qPrintable(trusted.ok() ? QString() : trusted.error().toString()));
    // Loopback without a setting: HTTPS unverified, as docker treats 127.0.0.0/8.
    QTemporaryDir store2;
    auto loopback = pull(ref, store2.path());
    QVERIFY2(loopback.ok(), qPrintable(loopback.ok() ? QString() : loopback.error().toString()));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
