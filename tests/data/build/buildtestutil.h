#pragma once
// Helpers shared by the tst_build_* programs (header only: tests/support is not the builder's).
#include "testsupport.h"

#include "builder/builder.h"
#include "builder/imagestore.h"
#include "builder/ociruntime.h"
#include "builder/usernamespace.h"
#include "fstree/fileextract.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QStandardPaths>
#include <unistd.h>

namespace bt {

// A private cache and image store (LAYERLENS_CACHE_DIR / LAYERLENS_STORE_DIR point there too,
// so CLI runs use them), with busybox-base imported as localhost/busybox:test.
struct Sandbox {
    Sandbox() = default;
    // A sandbox below `base` (e.g. /dev/shm: a test of hundreds of builds, where the cache's
    // fsyncs would cost more than the builds).
    explicit Sandbox(const QString &base) : tmp(base + QStringLiteral("/layerlens-test-XXXXXX")) {}
    QTemporaryDir tmp;
    QString cache() const { return tmp.filePath(QStringLiteral("cache")); }
    QString store() const { return tmp.filePath(QStringLiteral("store")); }
    bool init()
    {
        qputenv("LAYERLENS_CACHE_DIR", cache().toUtf8());
        qputenv("LAYERLENS_STORE_DIR", store().toUtf8());
        qputenv("SOURCE_DATE_EPOCH", "1700000000");
        auto s = ll::build::ImageStore(store()).import(tst::fixture(QStringLiteral("busybox-base.oci.tar")), QStringLiteral("localhost/busybox:test"), ll::nullTaskContext());
        if (!s.ok())
            qWarning("import failed: %s", qPrintable(s.error().toString()));
        return s.ok();
    }
    ll::build::BuildOptions options(const QString &context) const
    {
        ll::build::BuildOptions o;
        o.contextDir = context;
        o.cacheDir = cache();
        o.storeDir = store();
        o.sourceDateEpoch = 1700000000;
        return o;
    }
};

struct Run {
    std::optional<ll::build::BuildResult> result;
    ll::Error error;
    std::vector<ll::build::BuildEvent> events;
    // "CACHED" or "DONE" per step name (FROM excluded), in order.
    QStringList outcomes() const
    {
        QStringList out;
        for (const auto &s : result ? result->steps : std::vector<ll::build::StepSummary>{})
            if (!s.name.contains(QLatin1String("] FROM ")))
                out << (s.cached ? QStringLiteral("CACHED") : QStringLiteral("DONE"));
        return out;
    }
    const ll::build::StepSummary *step(const QString &needle) const
    {
        for (const auto &s : result->steps)
            if (s.name.contains(needle))
                return &s;
        return nullptr;
    }
};

inline Run build(const ll::build::BuildOptions &o)
{
    Run r;
    auto res = ll::build::Builder::build(o, [&](const ll::build::BuildEvent &e) { r.events.push_back(e); }, ll::nullTaskContext());
    if (res.ok())
        r.result = std::move(res).value();
    else
        r.error = res.error();
    return r;
}

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    QVERIFY2(f.write(content) == content.size() && f.flush(), qPrintable(path + QStringLiteral(": ") + f.errorString())); // a full /tmp must not pass for a write
}

// The sandbox's options for CONTEXT/Dockerfile, written with `dockerfile` first; the image also
// goes to `output` (an OCI archive) when one is named.
inline ll::build::BuildOptions dockerfileOptions(const Sandbox &box, const QString &context, const QByteArray &dockerfile, const QString &output = {})
{
    writeFile(context + QStringLiteral("/Dockerfile"), dockerfile);
    auto o = box.options(context);
    if (!output.isEmpty())
        o.outputs = {{ll::OutputFormat::OciArchive, output}};
    return o;
}

// The final filesystem of an image as "mode uid:gid size link content-hash" per path.
inline QMap<QString, QString> files(const QString &image, const QStringList &ignore = {})
{
    QMap<QString, QString> out;
    auto a = tst::analyze(image);
    if (!a)
        return out;
    const int last = a->fs->layerCount() - 1;
    for (int32_t id = 1; id < a->fs->nodeCount(); ++id) {
        const ll::FileEntry *e = a->fs->entryAfter(id, last);
        const QString path = QString::fromUtf8(a->fs->pathOf(id));
        if (!e || ignore.contains(path))
            continue;
        out.insert(path, QStringLiteral("%1 %2:%3 %4 %5 %6").arg(ll::modeString(e->h.type, e->h.mode)).arg(e->h.uid).arg(e->h.gid)
                             .arg(e->h.type == ll::EntryType::Directory ? 0 : e->h.size)
                             .arg(QString::fromUtf8(a->fs->linkTarget(*e)), e->hasContent() ? ll::toHex(e->content).left(16) : QString()));
    }
    return out;
}

// The first `n` space-separated fields of a files() value ("mode uid:gid size [link]"): compared
// whole, so a size of 2 does not match 25.
inline QString fields(const QString &value, int n)
{
    return value.section(QLatin1Char(' '), 0, n - 1);
}

// Whatever runtime the builder itself would pick (runc, crun or bwrap), not one this machine
// happens to have. Root here means root of the build user namespace too (LL_BUILD_TEST_MAIN
// enters it).
inline bool canRun() { return ::geteuid() == 0 && ll::build::OciRuntime::detect().usable(); }
#define BT_REQUIRE_RUNTIME() LL_REQUIRE(bt::canRun(), "RUN needs an OCI runtime (runc, crun or bwrap), and root or a user namespace here (apt-get install runc uidmap)")

} // namespace bt

// QTEST_GUILESS_MAIN / QTEST_MAIN for programs that build: the process enters the build user
// namespace first, as layerlens-cli build and the window do, so a user who is not root runs
// the same tests.
#define LL_BUILD_TEST_MAIN_WITH(AppClass, TestObject) \
    int main(int argc, char *argv[]) \
    { \
        ll::build::enterBuildUserNamespace(); \
        AppClass app(argc, argv); \
        app.setAttribute(Qt::AA_Use96Dpi, true); \
        TestObject tc; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return QTest::qExec(&tc, argc, argv); \
    }
#define LL_BUILD_TEST_MAIN(TestObject) LL_BUILD_TEST_MAIN_WITH(QCoreApplication, TestObject)
#define LL_BUILD_GUI_TEST_MAIN(TestObject) LL_BUILD_TEST_MAIN_WITH(QApplication, TestObject)
