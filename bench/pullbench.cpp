// Inspecting from a registry against inspecting the same image from a file, in the same run,
// with Debian's docker-registry on loopback (see docs/performance.md, "From a registry"):
//
//   llbench-pull IMAGE [--base BASE] [--repeat N]
//
// IMAGE and BASE are OCI layouts or OCI archives (`llbench generate DIR` makes a big one; BASE
// should share its first layers with IMAGE, as the fixtures busybox-base.oci.tar and
// layers.oci.tar do). Measured: analysis of the file; pull into an empty store plus analysis
// (cold); the same with every blob already in the store (warm: one manifest GET). With --base:
// the bytes the registry sent for IMAGE after BASE was pulled, from its access log.
#include "benchargs.h"

#include "common/humansize.h"
#include "image/imageanalysis.h"
#include "source/imageresolver.h"
#include "source/pullanalysis.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

namespace {

QString transport(const QString &path)
{
    return (QFileInfo(path).isDir() ? QStringLiteral("oci:") : QStringLiteral("oci-archive:")) + path;
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        fprintf(stderr, "%s failed: %s\n", qPrintable(program), p.readAll().constData());
        return false;
    }
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

// The response bytes of blob GETs in an access log (`"GET /v2/R/blobs/sha256:… HTTP/1.1" 200 N`).
qint64 blobBytesSent(const QString &log, const QString &repo)
{
    static const QRegularExpression line(QStringLiteral("\"GET /v2/([^ ]+)/blobs/sha256:[0-9a-f]{64} HTTP/1.1\" (?:200|206) (\\d+)"));
    qint64 total = 0;
    for (auto it = line.globalMatch(log); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(1) == repo)
            total += m.captured(2).toLongLong();
    }
    return total;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first().startsWith(QLatin1Char('-'))) {
        fputs("usage: llbench-pull IMAGE [--base BASE] [--repeat N]\n", stderr);
        return 2;
    }
    const QString image = args.first();
    const QString base = optionValue(args, QStringLiteral("--base"), QString());
    const int repeat = optionValue(args, QStringLiteral("--repeat"), QStringLiteral("3")).toInt();
    QTemporaryDir tmp;
    quint16 port = 0;
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        port = s.serverPort();
    }
    const QString host = QStringLiteral("127.0.0.1:%1").arg(port);
    QFile config(tmp.filePath(QStringLiteral("config.yml")));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: %1/data\nhttp:\n  addr: %2\n")
                     .arg(tmp.path(), host).toUtf8());
    config.close();
    QProcess registry;
    registry.setProcessChannelMode(QProcess::MergedChannels);
    registry.setStandardOutputFile(tmp.filePath(QStringLiteral("registry.log")));
    registry.start(QStringLiteral("docker-registry"), {QStringLiteral("serve"), config.fileName()});
    if (!registry.waitForStarted()) {
        fputs("cannot start docker-registry (apt install docker-registry)\n", stderr);
        return 1;
    }
    QThread::msleep(1000);
    const QString ref = host + QStringLiteral("/bench/image:1");
    fprintf(stderr, "pushing %s to %s with skopeo…\n", qPrintable(image), qPrintable(ref));
    if (!run(QStringLiteral("skopeo"), {QStringLiteral("copy"), QStringLiteral("-q"), QStringLiteral("--dest-tls-verify=false"), transport(image), QStringLiteral("docker://") + ref}))
        return 1;
    std::vector<double> file, cold, coldPull, warm;
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer t;
        t.start();
        auto a = ll::analyzeImage(image, {}, ll::nullTaskContext());
        file.push_back(t.nsecsElapsed() / 1e9);
        if (!a.ok()) {
            fprintf(stderr, "%s\n", qPrintable(a.error().toString()));
            return 1;
        }
        QTemporaryDir store;
        ll::source::ResolveOptions o;
        o.storeDir = store.path();
        // As `inspect NAME` does: each layer is scanned while the next one downloads.
        o.deferPull = true;
        t.restart();
        auto pulled = ll::source::resolveImage(QStringLiteral("docker://") + ref, o, ll::nullTaskContext());
        if (!pulled.ok() || !pulled->pending) {
            fprintf(stderr, "%s\n", pulled.ok() ? "no pull" : qPrintable(pulled.error().toString()));
            return 1;
        }
        auto b = ll::source::analyzeWhilePulling(*pulled->pending, ll::nullTaskContext());
        cold.push_back(t.nsecsElapsed() / 1e9);
        if (!b.ok() || b->layers.size() != a->layers.size())
            return 1;
        // The pull alone, for the record: into another empty store, nothing analysed.
        {
            QTemporaryDir other;
            ll::source::ResolveOptions po;
            po.storeDir = other.path();
            t.restart();
            if (!ll::source::resolveImage(QStringLiteral("docker://") + ref, po, ll::nullTaskContext()).ok())
                return 1;
            coldPull.push_back(t.nsecsElapsed() / 1e9);
        }
        o.deferPull = false;
        t.restart();
        auto again = ll::source::resolveImage(QStringLiteral("docker://") + ref, o, ll::nullTaskContext());
        auto c = ll::analyzeImage(again->path, {again->image, {}}, ll::nullTaskContext());
        warm.push_back(t.nsecsElapsed() / 1e9);
        if (!c.ok())
            return 1;
    }
    const double f = median(file);
    printf("image %s, %d runs (median)\n", qPrintable(image), repeat);
    printf("  analyse the file                        %7.3f s\n", f);
    printf("  pull into an empty store, analysing     %7.3f s  (%.2fx the file; the pull alone %.3f s)\n", median(cold), median(cold) / f, median(coldPull));
    printf("  pull with every blob in store + analyse %7.3f s  (%.2fx the file)\n", median(warm), median(warm) / f);
    if (!base.isEmpty()) {
        const QString baseRef = host + QStringLiteral("/bench/base:1");
        if (!run(QStringLiteral("skopeo"), {QStringLiteral("copy"), QStringLiteral("-q"), QStringLiteral("--dest-tls-verify=false"), transport(base), QStringLiteral("docker://") + baseRef}))
            return 1;
        QTemporaryDir store;
        ll::source::ResolveOptions o;
        o.storeDir = store.path();
        auto first = ll::source::resolveImage(QStringLiteral("docker://") + baseRef, o, ll::nullTaskContext());
        QFile log(tmp.filePath(QStringLiteral("registry.log")));
        log.open(QIODevice::ReadOnly);
        const qint64 before = log.size();
        auto second = ll::source::resolveImage(QStringLiteral("docker://") + ref, o, ll::nullTaskContext());
        if (!first.ok() || !second.ok())
            return 1;
        QThread::msleep(300); // the access log line is written after the response
        log.seek(before);
        const qint64 sent = blobBytesSent(QString::fromUtf8(log.readAll()), QStringLiteral("bench/image"));
        const auto &p = *second->pull;
        printf("  after the base: %s\n", qPrintable(p.summary()));
        printf("  the registry sent %s of blobs (config and layers) for it (%lld bytes; the image's layers total %s)\n", qPrintable(ll::humanSize(sent)), sent,
               qPrintable(ll::humanSize(p.bytesFetched + p.bytesPresent)));
    }
    registry.terminate();
    registry.waitForFinished();
    return 0;
}
