#include "image/imageanalysis.h"

#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <mutex>

namespace ll {

bool ImageAnalysis::allVerified() const
{
    return failedLayers() == 0 && overview.configCheck != DigestCheck::Mismatch;
}

int ImageAnalysis::failedLayers() const
{
    int n = 0;
    for (const LayerReport &r : layers)
        n += r.ok() ? 0 : 1;
    return n;
}

ImageAnalysis assembleAnalysis(ImageOverview overview, std::vector<LayerScanOutcome> scanned)
{
    ImageAnalysis a;
    std::vector<LayerContent> contents;
    Digest chain;
    for (LayerScanOutcome &s : scanned) {
        LayerReport r = std::move(s.report);
        if (r.error) {
            r.blobCheck = DigestCheck::NotRead;
            r.diffIdCheck = DigestCheck::NotRead;
        }
        const Digest &diff = r.diffId.isValid() ? r.diffId : r.expectedDiffId;
        chain = diff.isValid() && (chain.isValid() || a.layers.empty()) ? chainIdOf(chain, diff) : Digest();
        r.chainId = chain;
        a.layers.push_back(std::move(r));
        contents.push_back(std::move(s.content));
    }
    a.fs = ImageFs::build(std::move(contents));
    a.efficiency = computeEfficiency(*a.fs);
    a.overview = std::move(overview);
    return a;
}

namespace {

// Sums the byte progress of layers read on several threads into one figure for the caller.
class LayerProgress : public TaskContext {
public:
    LayerProgress(TaskContext &parent, std::atomic<qint64> &done, qint64 total, std::mutex &mutex)
        : m_parent(parent), m_done(done), m_total(total), m_mutex(mutex) {}
    bool isCanceled() const override { return m_parent.isCanceled(); }
    void setProgress(qint64 done, qint64) override
    {
        const qint64 all = m_done.fetch_add(done - m_last) + (done - m_last);
        m_last = done;
        std::lock_guard lock(m_mutex);
        m_parent.setProgress(all, m_total);
    }

private:
    TaskContext &m_parent;
    std::atomic<qint64> &m_done;
    qint64 m_total;
    qint64 m_last = 0;
    std::mutex &m_mutex;
};

} // namespace

Result<ImageAnalysis> analyzeImage(const QString &path, const ImageSelector &selector, TaskContext &ctx, QThreadPool *pool)
{
    auto overview = readOverview(path, selector, ctx);
    if (!overview.ok())
        return overview.error();
    const ImageOverview &ov = overview.value();
    qint64 total = 0;
    for (const LayerReport &r : ov.layers) {
        auto region = ov.source->region(r.blob.member);
        total += region.ok() ? region->size : 0;
    }
    std::atomic<qint64> done{0};
    std::mutex mutex;
    ctx.setStatus(QStringLiteral("reading %1 layers").arg(ov.layers.size()));
    std::vector<int> indexes(ov.layers.size());
    for (size_t i = 0; i < indexes.size(); ++i)
        indexes[i] = int(i);
    QThreadPool local;
    QThreadPool *p = pool ? pool : &local;
    std::vector<LayerScanOutcome> scanned = QtConcurrent::blockingMapped<std::vector<LayerScanOutcome>>(p, indexes, [&](int i) {
        LayerProgress progress(ctx, done, total, mutex);
        return scanImageLayer(ov, i, progress);
    });
    if (ctx.isCanceled())
        return canceledError();
    return assembleAnalysis(std::move(overview).value(), std::move(scanned));
}

} // namespace ll
