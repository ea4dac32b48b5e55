// Image references as docker normalises them, registry auth challenges and where credentials
// are found (auth files and credential helpers, run as docker runs them).
#include "testsupport.h"

#include "source/imageresolver.h"
#include "source/registryauth.h"

#include <QFile>

using namespace ll::source;

class TestImageReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalises_data();
    void normalises();
    void refuses_data();
    void refuses();
    void loopbackSpeaksHttp();
    void challenges();
    void credentialsFromAuthFiles();
    void credentialHelperIsRun();
    void brokenAuthFileIsNamed();
    void pullPolicies();
    void referencesAreToldFromPaths();
};

void TestImageReference::normalises_data()
{
    // Expectations from github.com/distribution/reference normalize_test.go and docker's CLI.
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("familiar");
    QTest::addColumn<QString>("apiHost");
    QTest::newRow("official") << QStringLiteral("nginx") << QStringLiteral("docker.io/library/nginx:latest") << QStringLiteral("nginx:latest") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("official tag") << QStringLiteral("python:3.12-slim") << QStringLiteral("docker.io/library/python:3.12-slim") << QStringLiteral("python:3.12-slim") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("user repo") << QStringLiteral("user/app:1") << QStringLiteral("docker.io/user/app:1") << QStringLiteral("user/app:1") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("explicit hub") << QStringLiteral("docker.io/library/busybox") << QStringLiteral("docker.io/library/busybox:latest") << QStringLiteral("busybox:latest") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("index.docker.io") << QStringLiteral("index.docker.io/library/alpine:3") << QStringLiteral("docker.io/library/alpine:3") << QStringLiteral("alpine:3") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("other registry") << QStringLiteral("quay.io/org/app:2") << QStringLiteral("quay.io/org/app:2") << QStringLiteral("quay.io/org/app:2") << QStringLiteral("quay.io");
    QTest::newRow("host and port") << QStringLiteral("127.0.0.1:5000/a/b/c:x") << QStringLiteral("127.0.0.1:5000/a/b/c:x") << QStringLiteral("127.0.0.1:5000/a/b/c:x") << QStringLiteral("127.0.0.1:5000");
    QTest::newRow("localhost") << QStringLiteral("localhost/busybox:test") << QStringLiteral("localhost/busybox:test") << QStringLiteral("localhost/busybox:test") << QStringLiteral("localhost");
    QTest::newRow("port, no tag") << QStringLiteral("localhost:5000/app") << QStringLiteral("localhost:5000/app:latest") << QStringLiteral("localhost:5000/app:latest") << QStringLiteral("localhost:5000");
    const QString d = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    QTest::newRow("digest") << QStringLiteral("alpine@") + d << QStringLiteral("docker.io/library/alpine@") + d << QStringLiteral("alpine@") + d << QStringLiteral("registry-1.docker.io");
    QTest::newRow("tag and digest") << QStringLiteral("alpine:3@") + d << QStringLiteral("docker.io/library/alpine:3@") + d << QStringLiteral("alpine:3@") + d << QStringLiteral("registry-1.docker.io");
    QTest::newRow("separators") << QStringLiteral("a.b/c__d-e.f:v1.2_3") << QStringLiteral("a.b/c__d-e.f:v1.2_3") << QStringLiteral("a.b/c__d-e.f:v1.2_3") << QStringLiteral("a.b");
}

void TestImageReference::normalises()
{
    QFETCH(QString, typed);
    QFETCH(QString, full);
    QFETCH(QString, familiar);
    QFETCH(QString, apiHost);
    auto r = parseImageReference(typed);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->fullName(), full);
    QCOMPARE(r->familiarName(), familiar);
    QCOMPARE(r->apiHost(), apiHost);
    // Normalising twice changes nothing.
    auto again = parseImageReference(r->fullName());
    QVERIFY(again.ok());
    QCOMPARE(again->fullName(), full);
}

void TestImageReference::refuses_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("empty");
    QTest::newRow("uppercase") << QStringLiteral("Nginx") << QStringLiteral("lowercase");
    QTest::newRow("upper repo on registry") << QStringLiteral("quay.io/Org/app") << QStringLiteral("lowercase");
    QTest::newRow("climbs") << QStringLiteral("quay.io/../etc/passwd") << QStringLiteral("repository path component");
    QTest::newRow("dot dir") << QStringLiteral("a/./b") << QStringLiteral("repository path component");
    QTest::newRow("query") << QStringLiteral("app?x=1") << QStringLiteral("not an image reference");
    QTest::newRow("bad tag") << QStringLiteral("app:-x") << QStringLiteral("not a tag");
    QTest::newRow("long tag") << QStringLiteral("app:") + QString(129, QLatin1Char('t')) << QStringLiteral("not a tag");
    QTest::newRow("bad digest") << QStringLiteral("app@sha256:abc") << QStringLiteral("not a digest");
    QTest::newRow("short sha256") << QStringLiteral("app@sha256:") + QString(40, QLatin1Char('a')) << QStringLiteral("64 hex");
    QTest::newRow("bare id") << QString(64, QLatin1Char('a')) << QStringLiteral("local image");
    QTest::newRow("double slash") << QStringLiteral("quay.io//app") << QStringLiteral("repository path component");
    QTest::newRow("space") << QStringLiteral("my app") << QStringLiteral("not an image reference");
    QTest::newRow("bad host") << QStringLiteral("-host.io:5000/app") << QStringLiteral("not a registry host");
}

void TestImageReference::refuses()
{
    QFETCH(QString, typed);
    QFETCH(QString, why);
    auto r = parseImageReference(typed);
    QVERIFY2(!r.ok(), qPrintable(r.ok() ? r->fullName() : QString()));
    QCOMPARE(r.error().code, ll::ErrorCode::Usage);
    QVERIFY2(r.error().message.contains(why), qPrintable(r.error().message));
}

void TestImageReference::loopbackSpeaksHttp()
{
    QVERIFY(parseImageReference(QStringLiteral("127.0.0.1:5000/a"))->isLoopback());
    QVERIFY(parseImageReference(QStringLiteral("localhost:5000/a"))->isLoopback());
    QVERIFY(parseImageReference(QStringLiteral("[::1]:5000/a"))->isLoopback());
    QVERIFY(!parseImageReference(QStringLiteral("quay.io/a"))->isLoopback());
    QVERIFY(!parseImageReference(QStringLiteral("10.0.0.1:5000/a"))->isLoopback());
}

void TestImageReference::challenges()
{
    // Docker Hub's challenge, a basic one, and two in one header.
    auto c = parseAuthChallenges(R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull")");
    QCOMPARE(c.size(), size_t(1));
    QCOMPARE(c[0].scheme, QStringLiteral("bearer"));
    QCOMPARE(c[0].params.value(QStringLiteral("realm")), QStringLiteral("https://auth.docker.io/token"));
    QCOMPARE(c[0].params.value(QStringLiteral("service")), QStringLiteral("registry.docker.io"));
    QCOMPARE(c[0].params.value(QStringLiteral("scope")), QStringLiteral("repository:library/nginx:pull"));
    c = parseAuthChallenges(R"(Basic realm="x, with a comma", Bearer realm="https://t/token",error="invalid_token")");
    QCOMPARE(c.size(), size_t(2));
    QCOMPARE(c[0].scheme, QStringLiteral("basic"));
    QCOMPARE(c[0].params.value(QStringLiteral("realm")), QStringLiteral("x, with a comma"));
    QCOMPARE(c[1].params.value(QStringLiteral("error")), QStringLiteral("invalid_token"));
    QVERIFY(parseAuthChallenges("").empty());
}

namespace {

void writeFile(const QString &path, const QByteArray &data, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
    f.close();
    if (executable)
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// Sets environment variables for one test and puts them back.
class EnvGuard {
public:
    void set(const char *name, const QByteArray &value)
    {
        m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it)
            it->wasSet ? qputenv(it->name, it->value) : qunsetenv(it->name);
    }

private:
    struct Saved {
        const char *name;
        QByteArray value;
        bool wasSet;
    };
    QList<Saved> m_saved;
};

} // namespace

void TestImageReference::credentialsFromAuthFiles()
{
    QTemporaryDir dir;
    EnvGuard env;
    env.set("XDG_RUNTIME_DIR", dir.filePath(QStringLiteral("run")).toUtf8());
    env.set("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    env.set("DOCKER_CONFIG", dir.filePath(QStringLiteral("docker")).toUtf8());
    qunsetenv("REGISTRY_AUTH_FILE");
    QVERIFY(!findCredentials(QStringLiteral("quay.io"))->isSet()); // nothing anywhere: anonymous
    // docker's file: Docker Hub under its v1 URL, another registry by host.
    writeFile(dir.filePath(QStringLiteral("docker/config.json")),
              R"({"auths":{"https://index.docker.io/v1/":{"auth":")" + QByteArray("hubuser:hub:pass").toBase64() + R"("},)"
              R"("quay.io":{"auth":")" + QByteArray("quser:qpass").toBase64() + R"("}}})");
    auto hub = findCredentials(QStringLiteral("docker.io"));
    QVERIFY(hub.ok());
    QCOMPARE(hub->username, QStringLiteral("hubuser"));
    QCOMPARE(hub->secret, QStringLiteral("hub:pass")); // only the first colon splits
    QCOMPARE(findCredentials(QStringLiteral("quay.io"))->username, QStringLiteral("quser"));
    QVERIFY(!findCredentials(QStringLiteral("ghcr.io"))->isSet());
    // podman's auth.json in XDG_RUNTIME_DIR is read before docker's file.
    writeFile(dir.filePath(QStringLiteral("run/containers/auth.json")), R"({"auths":{"quay.io":{"auth":")" + QByteArray("podmanuser:p").toBase64() + R"("}}})");
    auto q = findCredentials(QStringLiteral("quay.io"));
    QCOMPARE(q->username, QStringLiteral("podmanuser"));
    QVERIFY(q->from.endsWith(QLatin1String("run/containers/auth.json")));
    // $REGISTRY_AUTH_FILE before all.
    writeFile(dir.filePath(QStringLiteral("explicit.json")), R"({"auths":{"quay.io":{"auth":")" + QByteArray("explicit:e").toBase64() + R"("}}})");
    env.set("REGISTRY_AUTH_FILE", dir.filePath(QStringLiteral("explicit.json")).toUtf8());
    QCOMPARE(findCredentials(QStringLiteral("quay.io"))->username, QStringLiteral("explicit"));
    qunsetenv("REGISTRY_AUTH_FILE");
}

void TestImageReference::credentialHelperIsRun()
{
    QTemporaryDir dir;
    EnvGuard env;
    env.set("XDG_RUNTIME_DIR", dir.filePath(QStringLiteral("run")).toUtf8());
    env.set("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    env.set("DOCKER_CONFIG", dir.filePath(QStringLiteral("docker")).toUtf8());
    env.set("PATH", dir.filePath(QStringLiteral("bin")).toUtf8() + ':' + qgetenv("PATH"));
    // A helper as docker-credential-* are: "get" on argv, the server on stdin, JSON out.
    writeFile(dir.filePath(QStringLiteral("bin/docker-credential-lltest")),
              "#!/bin/sh\n[ \"$1\" = get ] || exit 3\nread server\n"
              "case \"$server\" in registry.example:5000) echo '{\"ServerURL\":\"'$server'\",\"Username\":\"helped\",\"Secret\":\"s3cret\"}';;\n"
              "*) echo 'credentials not found in native keychain'; exit 1;; esac\n", true);
    writeFile(dir.filePath(QStringLiteral("docker/config.json")), R"({"credHelpers":{"registry.example:5000":"lltest"},"credsStore":"lltest"})");
    auto c = findCredentials(QStringLiteral("registry.example:5000"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->username, QStringLiteral("helped"));
    QCOMPARE(c->secret, QStringLiteral("s3cret"));
    QCOMPARE(c->from, QStringLiteral("docker-credential-lltest"));
    // The store has nothing for another host: anonymous, not an error.
    auto none = findCredentials(QStringLiteral("other.example"));
    QVERIFY(none.ok());
    QVERIFY(!none->isSet());
    // A helper that is not installed is named.
    writeFile(dir.filePath(QStringLiteral("docker/config.json")), R"({"credHelpers":{"x.example":"missinghelper"}})");
    auto missing = findCredentials(QStringLiteral("x.example"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QLatin1String("docker-credential-missinghelper is not on PATH")), qPrintable(missing.error().message));
}

void TestImageReference::brokenAuthFileIsNamed()
{
    QTemporaryDir dir;
    EnvGuard env;
    env.set("REGISTRY_AUTH_FILE", dir.filePath(QStringLiteral("auth.json")).toUtf8());
    writeFile(dir.filePath(QStringLiteral("auth.json")), "{not json");
    auto c = findCredentials(QStringLiteral("quay.io"));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ll::ErrorCode::Json);
    QCOMPARE(c.error().path, dir.filePath(QStringLiteral("auth.json")));
}

void TestImageReference::pullPolicies()
{
    QCOMPARE(parsePullPolicy(QStringLiteral("missing")).value(), PullPolicy::Missing);
    QCOMPARE(parsePullPolicy(QStringLiteral("always")).value(), PullPolicy::Always);
    QCOMPARE(parsePullPolicy(QStringLiteral("never")).value(), PullPolicy::Never);
    QVERIFY(!parsePullPolicy(QStringLiteral("sometimes")).ok());
}

void TestImageReference::referencesAreToldFromPaths()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("busybox")), "x"); // a file called like an image
    QVERIFY(!looksLikeReference(dir.filePath(QStringLiteral("busybox"))));
    QVERIFY(looksLikeReference(QStringLiteral("python:3.12-slim")));
    QVERIFY(looksLikeReference(QStringLiteral("docker://busybox")));
    QVERIFY(looksLikeReference(QStringLiteral("podman:localhost/x:1")));
    QVERIFY(!looksLikeReference(QStringLiteral("/no/such/image.tar")));
    QVERIFY(!looksLikeReference(QStringLiteral("missing.tar")));
    QVERIFY(!looksLikeReference(QStringLiteral("Not A Reference")));
}

QTEST_GUILESS_MAIN(TestImageReference)
#include "tst_imagereference.moc"
