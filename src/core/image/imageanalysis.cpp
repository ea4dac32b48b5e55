#include "image/imageanalysis.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
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
    // Reserved: LayerContent's move may throw (std::deque's does), so a growing vector would copy
    // every layer's entries instead of moving them.
    contents.reserve(scanned.size());
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
    std::vector<bool> estargz;
    for (const LayerReport &r : a.layers)
        estargz.push_back(!r.blob.estargzToc.isEmpty());
    a.efficiency = computeEfficiency(*a.fs, estargz);
    a.overview = std::move(overview);
    return a;
}

ImageAnalysis assemblePrefix(const ImageOverview &overview, const std::vector<LayerScanOutcome> &scanned, int count)
{
    const std::shared_ptr<PathTable> paths = overview.paths ? overview.paths->snapshot() : std::make_shared<PathTable>();
    std::vector<LayerScanOutcome> prefix(scanned.begin(), scanned.begin() + std::clamp(count, 0, int(scanned.size())));
    for (LayerScanOutcome &s : prefix)
        if (s.content.paths == overview.paths)
            s.content.paths = paths;
    ImageOverview ov = overview;
    ov.paths = paths;
    return assembleAnalysis(std::move(ov), std::move(prefix));
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

// Layer indexes, the largest blob first: started last, a big layer would keep one core busy
// long after the other has run out of work. `total` gets the sum of the sizes.
std::vector<int> largestFirst(const ImageOverview &ov, qint64 &total)
{
    std::vector<std::pair<qint64, int>> bySize;
    for (int i = 0; i < int(ov.layers.size()); ++i) {
        auto region = ov.source->region(ov.layers[size_t(i)].blob.member);
        bySize.emplace_back(region.ok() ? region->size : 0, i);
        total += bySize.back().first;
    }
    std::stable_sort(bySize.begin(), bySize.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<int> out;
    for (const auto &[size, i] : bySize)
        out.push_back(i);
    return out;
}

} // namespace

Result<ImageAnalysis> analyzeImage(const QString &path, const ImageSelector &selector, TaskContext &ctx, QThreadPool *pool,
                                   const LayerStreamLimits &limits)
{
    auto overview = readOverview(path, selector, ctx);
    if (!overview.ok())
        return overview.error();
    const ImageOverview &ov = overview.value();
    qint64 total = 0;
    const std::vector<int> indexes = largestFirst(ov, total);
    std::atomic<qint64> done{0};
    std::mutex mutex;
    ctx.setStatus(Msg::tr("reading %1 layers").arg(ov.layers.size()));
    QThreadPool local;
    QThreadPool *p = pool ? pool : &local;
    // Each outcome is moved into its slot: blockingMapped would copy every layer's entries twice
    // through its result store (3 copies alive at the peak).
    std::vector<LayerScanOutcome> scanned(indexes.size());
    QtConcurrent::blockingMap(p, indexes, [&](int i) {
        LayerProgress progress(ctx, done, total, mutex);
        scanned[size_t(i)] = scanImageLayer(ov, i, progress, limits);
    });
    if (ctx.isCanceled())
        return canceledError();
    return assembleAnalysis(std::move(overview).value(), std::move(scanned));
}

} // namespace ll
