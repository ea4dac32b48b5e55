// A registry that lies, stalls, loops or floods (tests/data/registry/hostileserver.py): each
// gives a clear error within bounded time, and nothing half-written stays in the store.
#include "registryserver.h"
#include "testsupport.h"

#include "builder/imagestore.h"
#include "common/sha256.h"
#include "image/layerbuilder.h"
#include "source/imageresolver.h"
#include "source/imagetransfer.h"

#include <QDirIterator>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace ll::source;

class TestRegistryHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void cutDownloadIsResumed();
    void serverThatCannotResumeIsReadAgain();
    void unavailableIsRetried();
    void credentialsStayWithTheRegistry();
    void twoPullsOfOneImageAtOnce();

private:
    ll::Result<PullReport> pull(const QString &repo, const QString &store);
    tst::ScriptServer m_server;
};

namespace {

// Files in the store's blob folder, names only.
QStringList blobFiles(const QString &store)
{
    QStringList out;
    for (QDirIterator it(store + QStringLiteral("/blobs"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
        out << QFileInfo(it.next()).fileName();
    return out;
}

} // namespace

ll::Result<PullReport> TestRegistryHostile::pull(const QString &repo, const QString &store)
{
    auto ref = parseImageReference(QStringLiteral("127.0.0.1:%1/%2:1").arg(m_server.port()).arg(repo));
    if (!ref.ok())
        return ref.error();
    return pullImage(ref.value(), store, {}, {}, ll::nullTaskContext());
}

void TestRegistryHostile::initTestCase()
{
    LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(), "python3");
    qputenv("LAYERLENS_HTTP_STALL_SECONDS", "2");
    QVERIFY(m_server.start(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/registry/hostileserver.py")));
}

void TestRegistryHostile::refused_data()
{
    QTest::addColumn<QString>("repo");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("blob with the wrong digest") << QStringLiteral("wrongdigest") << int(ll::ErrorCode::Digest) << QStringLiteral("the bytes are not what the manifest names; nothing kept");
    QTest::newRow("blob cut short every time") << QStringLiteral("truncated") << int(ll::ErrorCode::Network) << QStringLiteral("bytes received)");
    QTest::newRow("endless error page") << QStringLiteral("endless404") << int(ll::ErrorCode::NotFound) << QStringLiteral("is not in the registry");
    QTest::newRow("endless manifest") << QStringLiteral("endless") << int(ll::ErrorCode::Limit) << QStringLiteral("larger than 4 MiB");
    QTest::newRow("redirect loop") << QStringLiteral("redirect") << int(ll::ErrorCode::Network) << QStringLiteral("too many redirects");
    QTest::newRow("server stops answering") << QStringLiteral("stall") << int(ll::ErrorCode::Network) << QStringLiteral("stopped answering");
    QTest::newRow("401 whatever the token") << QStringLiteral("unauthorized") << int(ll::ErrorCode::Auth) << QStringLiteral("refused anonymous access");
    QTest::newRow("digest that climbs out") << QStringLiteral("baddigest") << int(ll::ErrorCode::Format) << QStringLiteral("no valid digest");
    QTest::newRow("blob larger than stated") << QStringLiteral("oversize") << int(ll::ErrorCode::Digest) << QStringLiteral("sent more than the 100 bytes");
    QTest::newRow("repository that does not exist") << QStringLiteral("nothing-here") << int(ll::ErrorCode::NotFound) << QStringLiteral("is not in the registry");
}

void TestRegistryHostile::refused()
{
    QFETCH(QString, repo);
    QFETCH(int, code);
    QFETCH(QString, says);
    QTemporaryDir store;
    QElapsedTimer t;
    t.start();
    auto r = pull(repo, store.path());
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QVERIFY2(r.error().message.contains(says), qPrintable(r.error().toString()));
    QVERIFY2(t.elapsed() < 30000, "a hang guard: the stall timeout is 2 s here");
    // Only verified blobs stay (the config, checked before the layer); no partial file, no name.
    for (const QString &f : blobFiles(store.path()))
        QVERIFY2(!f.contains(QLatin1String(".part")) && f.size() == 64, qPrintable(f));
    QVERIFY(ll::build::ImageStore(store.path()).list()->empty());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/layerlens-escape")));
    if (repo == QLatin1String("unauthorized")) // one new token, not a loop
        QCOMPARE(m_server.output().count(QStringLiteral("REQ GET /v2/unauthorized/manifests/1 ")), 2);
    if (repo == QLatin1String("truncated")) // the first try and three resumes, each from where the last stopped
        QCOMPARE(m_server.output().count(QRegularExpression(QStringLiteral("REQ GET /v2/truncated/blobs/sha256:[0-9a-f]{64} bytes=[1-9]"))), 3);
}

void TestRegistryHostile::cutDownloadIsResumed()
{
    QTemporaryDir store;
    auto r = pull(QStringLiteral("cut"), store.path());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY2(m_server.output().contains(QRegularExpression(QStringLiteral("REQ GET /v2/cut/blobs/sha256:[0-9a-f]{64} bytes=[1-9][0-9]*-"))), qPrintable(m_server.output()));
    auto a = tst::analyze(store.path(), {r->name, {}});
    QVERIFY(a);
    QVERIFY(a->allVerified());
    const ll::FileEntry *hello = tst::entryAfter(*a, "hello.txt", 0);
    QVERIFY(hello);
    QCOMPARE(hello->content, ll::Sha256::hash(QByteArray("hello from a hostile registry\n").repeated(1000)));
}

void TestRegistryHostile::serverThatCannotResumeIsReadAgain()
{
    QTemporaryDir store;
    auto r = pull(QStringLiteral("norange"), store.path());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    // Cut, asked to resume (answered with the whole blob, refused), read again from the start.
    const QString out = m_server.output();
    QCOMPARE(out.count(QRegularExpression(QStringLiteral("REQ GET /v2/norange/blobs/sha256:[0-9a-f]{64} bytes="))), 1);
    QCOMPARE(out.count(QRegularExpression(QStringLiteral("REQ GET /v2/norange/blobs/sha256:[0-9a-f]{64} -"))), 3); // config, the cut, the rereading
    auto a = tst::analyze(store.path(), {r->name, {}});
    QVERIFY(a && a->allVerified());
}

void TestRegistryHostile::credentialsStayWithTheRegistry()
{
    // A registry that sends the upload to another host gets the blob there without the token.
    QTemporaryDir store;
    ll::build::ImageStore st(store.path());
    ll::BuiltImage img = tst::build(tst::specOf({ll::LayerBuilder().file("a", "a\n").spec()}, QStringLiteral("local/leak:1")));
    QVERIFY(st.add(img).ok());
    auto ref = parseImageReference(QStringLiteral("127.0.0.1:%1/leaky/x:1").arg(m_server.port()));
    QVERIFY(ref.ok());
    auto pushed = pushImage(store.path(), QStringLiteral("local/leak:1"), ref.value(), {}, ll::nullTaskContext());
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
    const QString out = m_server.output();
    QVERIFY2(out.contains(QLatin1String("STEAL auth=none")), qPrintable(out));
    QVERIFY2(!out.contains(QLatin1String("STEAL auth=Bearer")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("REQ PUT /v2/leaky/x/manifests/1")), qPrintable(out)); // the manifest did get the token
}

void TestRegistryHostile::twoPullsOfOneImageAtOnce()
{
    QTemporaryDir store;
    // Threads of this test's own, ended with it: a pool thread that outlives OpenSSL's exit
    // cleanup keeps its per-thread random generators, which LeakSanitizer reports (the global
    // pool's threads did, when an earlier test had loaded OpenSSL on the main thread).
    QThreadPool pool;
    auto a = QtConcurrent::run(&pool, [&] { return pull(QStringLiteral("plain"), store.path()); });
    auto b = QtConcurrent::run(&pool, [&] { return pull(QStringLiteral("plain"), store.path()); });
    const auto ra = a.result(), rb = b.result();
    QVERIFY2(ra.ok(), qPrintable(ra.ok() ? QString() : ra.error().toString()));
    QVERIFY2(rb.ok(), qPrintable(rb.ok() ? QString() : rb.error().toString()));
    for (const QString &f : blobFiles(store.path()))
        QVERIFY2(f.size() == 64, qPrintable(f)); // no temporary file left
    auto analysis = tst::analyze(store.path(), {ra->name, {}});
    QVERIFY(analysis && analysis->allVerified());
}

void TestRegistryHostile::unavailableIsRetried()
{
    QTemporaryDir store;
    auto r = pull(QStringLiteral("flaky"), store.path());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(m_server.output().count(QStringLiteral("REQ GET /v2/flaky/manifests/1")), 3);
}

QTEST_GUILESS_MAIN(TestRegistryHostile)
#include "tst_registry_hostile.moc"
