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
    ScanContext scanCtx(ctx);
    Status fetched = okStatus();
    for (int i = 0; i < int(ov.layers.size()); ++i) {
        fetched = pull.fetchLayer(i, ctx);
        if (!fetched.ok())
            break;
        scans.push_back(QtConcurrent::run(p, [&, i] { scanned[size_t(i)] = scanImageLayer(ov, i, scanCtx, limits); }));
    }
    for (QFuture<void> &f : scans)
        f.waitForFinished();
    if (!fetched.ok())
        return fetched.error();
    if (ctx.isCanceled())
        return canceledError();
    auto named = pull.finish();
    if (!named.ok())
        return named.error();
    return assembleAnalysis(std::move(overview).value(), std::move(scanned));
}

} // namespace ll::source
