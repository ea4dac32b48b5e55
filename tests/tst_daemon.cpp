// Docker and Podman through their API: a real `podman system service` on a unix socket (it
// speaks the Docker Engine API too), with a storage of its own in a temporary folder.
#include "testsupport.h"

#include "builder/imagestore.h"
#include "common/sha256.h"
#include "source/imageresolver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QThread>

using namespace ll::source;

class TestDaemon : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readsAnImagePodmanHolds();
    void dockerTransportUsesDockerHost();
    void bareNameAsksTheDaemon();
    void loadPutsABuildThere();
    void missingImageAndMissingDaemon();

private:
    tst::CliRun podman(const QStringList &args);
    QTemporaryDir m_dir;
    QProcess m_service;
    QString m_socket;
};

tst::CliRun TestDaemon::podman(const QStringList &args)
{
    const QStringList common{QStringLiteral("--root"), m_dir.filePath(QStringLiteral("root")), QStringLiteral("--runroot"), m_dir.filePath(QStringLiteral("run")),
                             QStringLiteral("--storage-driver"), QStringLiteral("vfs"), QStringLiteral("--cgroup-manager"), QStringLiteral("cgroupfs"),
                             QStringLiteral("--events-backend"), QStringLiteral("file")};
    // With CONTAINER_HOST set podman turns into a remote client, which knows no --root.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CONTAINER_HOST"));
    return tst::runProgram(QStringLiteral("podman"), common + args, env);
}

void TestDaemon::initTestCase()
{
    LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty(), "podman (scripts/install-deps.sh)");
    auto loaded = podman({QStringLiteral("load"), QStringLiteral("-i"), tst::fixture(QStringLiteral("busybox-base.docker.tar"))});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err + loaded.out));
    m_socket = m_dir.filePath(QStringLiteral("podman.sock"));
    m_service.setProgram(QStringLiteral("podman"));
    m_service.setArguments({QStringLiteral("--root"), m_dir.filePath(QStringLiteral("root")), QStringLiteral("--runroot"), m_dir.filePath(QStringLiteral("run")),
                            QStringLiteral("--storage-driver"), QStringLiteral("vfs"), QStringLiteral("--cgroup-manager"), QStringLiteral("cgroupfs"),
                            QStringLiteral("--events-backend"), QStringLiteral("file"), QStringLiteral("system"), QStringLiteral("service"),
                            QStringLiteral("--time=0"), QStringLiteral("unix://") + m_socket});
    m_service.setProcessChannelMode(QProcess::MergedChannels);
    m_service.start();
    QVERIFY(m_service.waitForStarted(10000));
    qputenv("CONTAINER_HOST", "unix://" + m_socket.toUtf8());
    qputenv("DOCKER_HOST", "unix://" + m_dir.filePath(QStringLiteral("no-docker.sock")).toUtf8());
    QElapsedTimer t;
    t.start();
    while (!daemonAnswers(Daemon::Podman) && t.elapsed() < 30000)
        QThread::msleep(100);
    QVERIFY2(daemonAnswers(Daemon::Podman), m_service.readAll().constData());
    QVERIFY(!daemonAnswers(Daemon::Docker));
}

void TestDaemon::cleanupTestCase()
{
    m_service.terminate();
    if (!m_service.waitForFinished(5000))
        m_service.kill();
    m_service.waitForFinished(3000);
}

void TestDaemon::readsAnImagePodmanHolds()
{
    QTemporaryDir store;
    ResolveOptions o;
    o.storeDir = store.path();
    auto r = resolveImage(QStringLiteral("podman:localhost/busybox:test"), o, ll::nullTaskContext());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->origin, QStringLiteral("Podman"));
    QCOMPARE(r->image, QStringLiteral("localhost/busybox:test"));
    auto fromPodman = tst::analyze(r->path, {r->image, {}});
    auto fromFile = tst::analyze(tst::fixture(QStringLiteral("busybox-base.docker.tar")));
    QVERIFY(fromPodman && fromFile);
    QVERIFY(fromPodman->allVerified());
    QCOMPARE(fromPodman->layers.size(), fromFile->layers.size());
    QCOMPARE(fromPodman->layers[0].diffId, fromFile->layers[0].diffId);
    QCOMPARE(fromPodman->overview.config.raw, fromFile->overview.config.raw);
    // No temporary save archive is left in the store.
    QCOMPARE(QDir(store.path()).entryList({QStringLiteral(".daemon-*")}, QDir::Files | QDir::Hidden), QStringList());
}

void TestDaemon::dockerTransportUsesDockerHost()
{
    // Podman's socket answers the Docker Engine API: docker-daemon: follows $DOCKER_HOST.
    const QByteArray saved = qgetenv("DOCKER_HOST");
    qputenv("DOCKER_HOST", "unix://" + m_socket.toUtf8());
    QTemporaryDir store;
    ResolveOptions o;
    o.storeDir = store.path();
    auto r = resolveImage(QStringLiteral("docker-daemon:localhost/busybox:test"), o, ll::nullTaskContext());
    qputenv("DOCKER_HOST", saved);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->origin, QStringLiteral("Docker"));
    // DOCKER_HOST over TCP is refused with a reason, not tried.
    qputenv("DOCKER_HOST", "tcp://127.0.0.1:2375");
    auto tcp = resolveImage(QStringLiteral("docker-daemon:localhost/busybox:test"), o, ll::nullTaskContext());
    qputenv("DOCKER_HOST", saved);
    QVERIFY(!tcp.ok());
    QVERIFY2(tcp.error().message.contains(QLatin1String("is not a unix:// socket")), qPrintable(tcp.error().message));
}

void TestDaemon::bareNameAsksTheDaemon()
{
    QTemporaryDir store;
    auto run = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("localhost/busybox:test")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("localhost/busybox:test from Podman")), qPrintable(run.err));
    // Now it is in the store: the next look needs no daemon.
    auto again = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("localhost/busybox:test")});
    QVERIFY2(again.err.contains(QLatin1String("from the local image store")), qPrintable(again.err));
}

void TestDaemon::loadPutsABuildThere()
{
    QTemporaryDir store;
    auto run = tst::runCli({QStringLiteral("copy"), QStringLiteral("--store-dir"), store.path(), QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")),
                            QStringLiteral("podman:lltest/layers:1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Loaded image")), qPrintable(run.out));
    // Podman holds it under that name, with the fixture's image ID, and gives back its layers.
    auto inspect = podman({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("localhost/lltest/layers:1")});
    QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.err));
    auto fixture = tst::analyze(tst::fixture(QStringLiteral("layers.oci.tar")));
    QVERIFY(fixture);
    const QJsonObject info = QJsonDocument::fromJson(inspect.out.toUtf8()).array().first().toObject();
    QCOMPARE(info.value(QStringLiteral("Id")).toString(), ll::Sha256::digestOf(fixture->overview.config.raw).hex());
    QTemporaryDir back;
    auto saved = podman({QStringLiteral("save"), QStringLiteral("--format"), QStringLiteral("oci-archive"), QStringLiteral("-o"),
                         back.filePath(QStringLiteral("back.tar")), QStringLiteral("localhost/lltest/layers:1")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
    auto a = tst::analyze(back.filePath(QStringLiteral("back.tar")));
    QVERIFY(a);
    QCOMPARE(a->layers.size(), fixture->layers.size());
    for (size_t i = 0; i < a->layers.size(); ++i)
        QCOMPARE(a->layers[i].diffId, fixture->layers[i].diffId);
}

void TestDaemon::missingImageAndMissingDaemon()
{
    QTemporaryDir store;
    ResolveOptions o;
    o.storeDir = store.path();
    auto missing = resolveImage(QStringLiteral("podman:localhost/not-here:1"), o, ll::nullTaskContext());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ll::ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains(QLatin1String("Podman has no image")), qPrintable(missing.error().message));
    const QByteArray saved = qgetenv("CONTAINER_HOST");
    qputenv("CONTAINER_HOST", "unix://" + m_dir.filePath(QStringLiteral("nobody.sock")).toUtf8());
    auto absent = resolveImage(QStringLiteral("podman:localhost/busybox:test"), o, ll::nullTaskContext());
    qputenv("CONTAINER_HOST", saved);
    QVERIFY(!absent.ok());
    QVERIFY2(absent.error().message.contains(QLatin1String("Podman is not running here")), qPrintable(absent.error().message));
    // A path trick in the name never reaches the daemon's URL.
    auto trick = resolveImage(QStringLiteral("podman:../../containers/json"), o, ll::nullTaskContext());
    QVERIFY(!trick.ok());
    QCOMPARE(trick.error().code, ll::ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
