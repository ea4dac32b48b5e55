#include "pullanalysis.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace ll::source {

namespace {

// Scans only report cancellation; the pull reports the bytes.
class ScanContext : public TaskContext {
public:
    explicit ScanContext(TaskContext &outer) : m_outer(outer) {}
    bool isCanceled() const override { return m_outer.isCanceled(); }

private:
    TaskContext &m_outer;
};

} // namespace

Result<ImageAnalysis> analyzeWhilePulling(Pull &pull, TaskContext &ctx, QThreadPool *pool, const LayerStreamLimits &limits)
{
    ImageChoice choice;
    choice.name = pull.report().name;
    choice.platform = pull.report().platform;
    choice.manifest = BlobRef{pull.manifestMember(), pull.report().manifest, pull.manifestSize(), pull.manifestMediaType(), {}};
    auto overview = readManifestOverview(pull.storeDir(), choice, ctx);
    if (!overview.ok())
        return overview.error();
    const ImageOverview &ov = overview.value();
    QThreadPool local;
    QThreadPool *p = pool ? pool : &local;
    std::vector<LayerScanOutcome> scanned(ov.layers.size());
    std::vector<QFuture<void>> scans;
    std::vector<std::shared_ptr<GrowingFile>> growing;
    ScanContext scanCtx(ctx);
    Status fetched = okStatus();
    // Each layer's scan starts with its download and reads its bytes as they are written.
    for (int i = 0; i < int(ov.layers.size()); ++i) {
        growing.push_back(std::make_shared<GrowingFile>());
        FileRegion region{{}, 0, qMax<qint64>(0, ov.layers[size_t(i)].blob.size), QString::fromLatin1(ov.layers[size_t(i)].blob.member), growing.back()};
        scans.push_back(QtConcurrent::run(p, [&, i, region] { scanned[size_t(i)] = scanImageLayer(ov, i, scanCtx, limits, &region); }));
        fetched = pull.fetchLayer(i, ctx, growing.back().get());
        if (!fetched.ok())
            break;
    }
    for (auto &g : growing) // a scan whose download never started must not wait for it
        g->fail(Msg::tr("the pull stopped"));
    for (QFuture<void> &f : scans)
        f.waitForFinished();
    if (!fetched.ok())
        return fetched.error();
    if (ctx.isCanceled())
        return canceledError();
    // A download the server made start over failed its reader: read that layer again, now
    // whole. Only that one: a layer that failed for what it holds would fail the same way.
    for (int i = 0; i < int(scanned.size()); ++i)
        if (scanned[size_t(i)].report.error && growing[size_t(i)]->restarted())
            scanned[size_t(i)] = scanImageLayer(ov, i, scanCtx, limits);
    auto named = pull.finish();
    if (!named.ok())
        return named.error();
    return assembleAnalysis(std::move(overview).value(), std::move(scanned));
}

} // namespace ll::source
