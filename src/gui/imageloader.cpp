#include "imageloader.h"

#include "jobrunner.h"

#include "source/imageresolver.h"

#include <QMutex>
#include <atomic>

namespace gui {

// What the jobs of one load share. Workers only touch atomics here; the GUI polls them on a
// timer, which throttles progress without a signal per read block.
struct LoadState : ll::TaskContext {
    std::atomic<bool> canceled{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    bool isCanceled() const override { return canceled.load(std::memory_order_relaxed); }
    // A pull reports its bytes and a line of status (layer, rate) from the worker.
    void setProgress(qint64 d, qint64 t) override
    {
        done.store(d, std::memory_order_relaxed);
        total.store(t, std::memory_order_relaxed);
    }
    void setStatus(const QString &text) override
    {
        QMutexLocker lock(&statusMutex);
        status = text;
    }
    QString takeStatus()
    {
        QMutexLocker lock(&statusMutex);
        return std::exchange(status, QString());
    }
    QMutex statusMutex;
    QString status;
    // While a registry pull brings the layers, progress is its bytes, not the scans'.
    std::atomic<bool> pulling{false};
    std::atomic<qint64> pullDone{0};
    std::atomic<qint64> pullTotal{0};
};

namespace {

// One layer's view of the shared state: turns its own progress into a share of the total.
class LayerContext : public ll::TaskContext {
public:
    explicit LayerContext(LoadState &state) : m_state(state) {}
    bool isCanceled() const override { return m_state.isCanceled(); }
    void setProgress(qint64 done, qint64) override
    {
        m_state.done.fetch_add(done - m_last, std::memory_order_relaxed);
        m_last = done;
    }
    // Takes back the progress this scan reported.
    void forget() { setProgress(0, 0); }

private:
    LoadState &m_state;
    qint64 m_last = 0;
};

// A layer download's view of the shared state: its bytes and rate go to the status line.
class PullContext : public ll::TaskContext {
public:
    explicit PullContext(LoadState &state) : m_state(state) {}
    bool isCanceled() const override { return m_state.isCanceled(); }
    void setProgress(qint64 done, qint64 total) override
    {
        m_state.pullDone.store(done, std::memory_order_relaxed);
        m_state.pullTotal.store(total, std::memory_order_relaxed);
    }
    void setStatus(const QString &text) override { m_state.setStatus(text); }

private:
    LoadState &m_state;
};

} // namespace

struct ImageLoader::OverviewOutcome {
    std::shared_ptr<ll::source::Pull> pull; // layers still to download (shown as they arrive)
    QString origin; // where a reference was found ("registry docker.io: 2 of 5 layers already here…")
    std::optional<ll::ImageOverview> overview;
    std::optional<ll::Error> error;
    std::optional<ll::ImageCatalog> catalog;
};

namespace {

// The platforms a registry index offers, as a catalog the picker can show (one entry each).
std::optional<ll::ImageCatalog> referencePlatforms(const QString &typed, const ll::source::ResolveOptions &o, ll::TaskContext &ctx)
{
    auto ref = ll::source::parseImageReference(typed.startsWith(QLatin1String("docker://")) ? typed.mid(9) : typed);
    if (!ref.ok())
        return std::nullopt;
    auto platforms = ll::source::registryPlatforms(ref.value(), o.registry, ctx);
    if (!platforms.ok() || platforms->size() < 2)
        return std::nullopt;
    ll::ImageCatalog catalog;
    for (const QString &p : platforms.value()) {
        ll::ImageChoice c;
        c.name = ref->familiarName();
        c.platform = p;
        catalog.images.push_back(c);
    }
    return catalog;
}

} // namespace

ImageLoader::ImageLoader(JobRunner &runner, QObject *parent)
    : QObject(parent), m_runner(runner), m_downloadRunner(std::make_unique<JobRunner>()), m_pullScanRunner(std::make_unique<JobRunner>())
{
    // Layers download one after another (the bandwidth is shared anyway); their scans, which
    // wait for bytes, have a pool of their own, so no order of queued jobs can starve one.
    m_downloadRunner->pool()->setMaxThreadCount(1);
    m_progressTimer.setInterval(50);
    connect(&m_progressTimer, &QTimer::timeout, this, &ImageLoader::reportProgress);
}

ImageLoader::~ImageLoader()
{
    if (m_state)
        m_state->canceled = true;
    abandonDownloads(); // a scan waiting for bytes that will not come would keep the runner waiting
}

void ImageLoader::abandonDownloads()
{
    for (const auto &g : m_growing)
        if (g) // null: a restarted download's, read again from the whole blob
            g->fail(tr("the download was abandoned"));
    m_growing.clear();
}

void ImageLoader::open(const QString &path, const ll::ImageSelector &selector)
{
    if (m_state)
        m_state->canceled = true; // the old load's jobs stop at their next poll
    const quint64 generation = ++m_generation;
    m_state = std::make_shared<LoadState>();
    m_path = path;
    m_selector = selector;
    m_loading = true;
    m_overview.reset();
    m_analysis.reset();
    m_scanned = std::make_shared<std::vector<ll::LayerScanOutcome>>();
    m_layersDone = 0;
    m_layerRead.clear();
    m_partialLayers = 0;
    m_partialRunning = false; // an older load's merge reads its own vector and is dropped on return
    m_pull.reset();
    abandonDownloads(); // the old load's
    m_origin.clear();
    m_status = tr("Reading the manifest and config…");
    m_progressTimer.start();
    Q_EMIT started(path);
    auto state = m_state;
    const ll::source::ResolveOptions resolveOptions = m_resolveOptions;
    m_runner.run([path, selector, state, resolveOptions] {
        auto out = std::make_shared<OverviewOutcome>();
        QString where = path;
        ll::ImageSelector chosen = selector;
        if (ll::source::looksLikeReference(path)) {
            ll::source::ResolveOptions o = resolveOptions;
            o.platform = selector.platform;
            o.deferPull = true;
            auto r = ll::source::resolveImage(path, o, *state);
            if (!r.ok()) {
                out->error = r.error();
                if (r.error().code == ll::ErrorCode::Ambiguous) // an index without this machine's platform: ask which
                    out->catalog = referencePlatforms(path, o, *state);
                return out;
            }
            where = r->path;
            chosen = {r->image, {}};
            out->origin = QObject::tr("%1 from %2").arg(r->reference, r->origin);
            if (r->pull)
                out->origin += QStringLiteral(": ") + r->pull->summary();
            state->done = 0;
            state->total = 0;
            if (r->pending) {
                // The manifest and config are in the store: show the image now, its layers as they come.
                const ll::source::Pull &p = *r->pending;
                ll::ImageChoice choice;
                choice.name = p.report().name;
                choice.platform = p.report().platform;
                choice.manifest = ll::BlobRef{p.manifestMember(), p.report().manifest, p.manifestSize(), p.manifestMediaType(), {}};
                auto ov = ll::readManifestOverview(r->path, choice, *state);
                if (!ov.ok()) {
                    out->error = ov.error();
                    return out;
                }
                out->overview = std::move(ov).value();
                out->pull = r->pending;
                return out;
            }
        }
        auto ov = ll::readOverview(where, chosen, *state);
        if (ov.ok()) {
            out->overview = std::move(ov).value();
            return out;
        }
        out->error = ov.error();
        if (ov.error().code == ll::ErrorCode::Ambiguous) {
            // The error lists the images in words; the picker needs them one by one.
            auto source = ll::ImageSource::open(path, *state);
            auto catalog = source.ok() ? ll::readCatalog(*source.value()) : ll::Result<ll::ImageCatalog>(source.error());
            if (catalog.ok() && catalog->images.size() > 1)
                out->catalog = std::move(catalog).value();
        }
        return out;
    }).then(this, [this, generation](std::shared_ptr<OverviewOutcome> outcome) { onOverview(generation, outcome); });
}

void ImageLoader::onOverview(quint64 generation, const std::shared_ptr<OverviewOutcome> &outcome)
{
    if (generation != m_generation)
        return;
    if (outcome->error) {
        const ll::Error &e = *outcome->error;
        stop();
        if (e.isCanceled())
            Q_EMIT canceled();
        else if (e.code == ll::ErrorCode::Ambiguous && outcome->catalog)
            Q_EMIT choiceNeeded(m_path, *outcome->catalog);
        else
            Q_EMIT failed(e.toString());
        Q_EMIT finished();
        return;
    }
    m_origin = outcome->origin;
    if (!outcome->origin.isEmpty() && !outcome->pull)
        Q_EMIT resolved(m_path, outcome->origin);
    m_overview = std::make_shared<const ll::ImageOverview>(std::move(*outcome->overview));
    const auto ov = m_overview;
    qint64 total = 0;
    m_layerBytes.clear();
    for (const ll::LayerReport &r : ov->layers) {
        auto region = ov->source->region(r.blob.member);
        m_layerBytes.push_back(region.ok() ? region->size : qMax<qint64>(0, r.blob.size)); // a layer still to download: its stated size
        total += m_layerBytes.back();
    }
    m_state->total = total;
    m_scanned->resize(ov->layers.size());
    m_layerRead.assign(ov->layers.size(), false);
    m_status = tr("Reading %n layer(s)…", nullptr, int(ov->layers.size()));
    Q_EMIT overviewReady(ov);
    if (ov->layers.empty()) {
        if (outcome->pull) {
            // Nothing to download: name it (a small index write), or say why it could not be.
            auto named = outcome->pull->finish();
            if (!named.ok()) {
                stop();
                Q_EMIT failed(named.error().toString());
                Q_EMIT finished();
                return;
            }
            Q_EMIT resolved(m_path, m_origin + QStringLiteral(": ") + named->summary());
        }
        assemble(generation);
        return;
    }
    if (outcome->pull) {
        m_pull = outcome->pull;
        m_state->pulling = true;
        m_growing.clear();
        for (size_t i = 0; i < ov->layers.size(); ++i)
            m_growing.push_back(std::make_shared<ll::GrowingFile>());
        m_downloaded.assign(ov->layers.size(), 0);
        m_rescan.assign(ov->layers.size(), 0);
        fetchLayer(generation, 0);
        return;
    }
    for (int i = 0; i < int(ov->layers.size()); ++i)
        scanLayer(generation, i);
}

void ImageLoader::scanLayer(quint64 generation, int i, std::shared_ptr<ll::GrowingFile> growing)
{
    const auto ov = m_overview;
    auto state = m_state;
    JobRunner &runner = growing ? *m_pullScanRunner : m_runner;
    runner.run([ov, state, i, growing] {
        LayerContext ctx(*state);
        if (growing) {
            const ll::LayerReport &r = ov->layers[size_t(i)];
            const ll::FileRegion region{{}, 0, qMax<qint64>(0, r.blob.size), QString::fromLatin1(r.blob.member), growing};
            auto outcome = std::make_shared<ll::LayerScanOutcome>(ll::scanImageLayer(*ov, i, ctx, {}, &region));
            if (outcome->report.error && growing->restarted())
                ctx.forget(); // read again from the whole blob: its bytes count once
            return outcome;
        }
        return std::make_shared<ll::LayerScanOutcome>(ll::scanImageLayer(*ov, i, ctx));
    }).then(this, [this, generation, i](std::shared_ptr<ll::LayerScanOutcome> o) { onLayer(generation, i, o); });
}

// Layers come one after another (the registry's bandwidth is shared anyway); each is scanned
// while its bytes arrive, on another worker. The image is named in the store once the last
// one is in.
void ImageLoader::fetchLayer(quint64 generation, int i)
{
    auto pull = m_pull;
    auto state = m_state;
    const bool last = i + 1 == pull->layerCount();
    auto growing = m_growing[size_t(i)];
    // The download is queued before the scan that waits for its bytes, on the same pool.
    auto download = m_downloadRunner->run([pull, state, i, last, growing] {
        PullContext ctx(*state);
        auto s = pull->fetchLayer(i, ctx, growing.get());
        if (!s.ok())
            return std::optional<ll::Error>(s.error());
        if (last) {
            auto named = pull->finish();
            if (!named.ok())
                return std::optional<ll::Error>(named.error());
            state->setStatus(QObject::tr("%1 downloaded; reading its layers…").arg(named->name));
        }
        return std::optional<ll::Error>();
    });
    scanLayer(generation, i, growing);
    download.then(this, [this, generation, i, last](std::optional<ll::Error> e) {
        if (generation != m_generation)
            return;
        if (e) {
            m_pull.reset();
            m_state->canceled = true; // the scans following this pull are stale now
            abandonDownloads();
            ++m_generation;
            stop();
            if (e->isCanceled())
                Q_EMIT canceled();
            else
                Q_EMIT failed(e->toString());
            Q_EMIT finished();
            return;
        }
        m_downloaded[size_t(i)] = 1;
        if (m_rescan[size_t(i)]) {
            m_rescan[size_t(i)] = 0;
            scanLayer(generation, i); // the whole blob now
        }
        if (last) {
            m_state->pulling = false;
            Q_EMIT resolved(m_path, m_origin + QStringLiteral(": ") + m_pull->report().summary());
            m_pull.reset(); // lets the store be pruned again
            if (m_layersDone == int(m_scanned->size()) && !m_partialRunning)
                assemble(generation);
        } else {
            fetchLayer(generation, i + 1);
        }
    });
}

void ImageLoader::onLayer(quint64 generation, int layer, const std::shared_ptr<ll::LayerScanOutcome> &outcome)
{
    if (generation != m_generation)
        return;
    // The server made this layer's download start over, which failed the scan reading it as it
    // came: it is read again from the whole blob, once that is in (not reported as failed).
    if (outcome->report.error && size_t(layer) < m_growing.size() && m_growing[size_t(layer)] && m_growing[size_t(layer)]->restarted()) {
        m_growing[size_t(layer)].reset();
        if (m_downloaded[size_t(layer)])
            scanLayer(generation, layer);
        else
            m_rescan[size_t(layer)] = 1;
        return;
    }
    (*m_scanned)[size_t(layer)] = std::move(*outcome);
    m_layerRead[size_t(layer)] = true;
    ++m_layersDone;
    Q_EMIT layerScanned(layer, (*m_scanned)[size_t(layer)].report);
    if (m_layersDone == int(m_scanned->size())) {
        // A pull still finishing (naming the image) assembles when it is done, so the window
        // learns what was downloaded before it shows the whole image.
        if (!m_partialRunning && !m_pull)
            assemble(generation);
    } else if (!m_partialRunning && readPrefix() > m_partialLayers && partialWorthIt()) {
        assemblePartial(generation);
    }
}

// A partial merge copies every layer it covers and competes with the reads for the cores. When
// what is left to read from disk is small beside what it would merge, the whole image comes
// about as soon without it: on 20 layers of 3 million paths whose big base layer was the last
// to finish, the merge of the 19 below the top made the load 8 s longer (31 s against 23) and
// its peak 250 MB higher, for a tree never shown.
bool ImageLoader::partialWorthIt() const
{
    if (m_pull)
        return true; // the rest waits on the network, not on the cores: show what is here
    qint64 prefix = 0, unread = 0;
    const int read = readPrefix();
    for (size_t i = 0; i < m_layerBytes.size(); ++i) {
        if (int(i) < read)
            prefix += m_layerBytes[i];
        else if (!m_layerRead[i])
            unread += m_layerBytes[i];
    }
    return unread * 4 >= prefix;
}

int ImageLoader::readPrefix() const
{
    return int(std::find(m_layerRead.begin(), m_layerRead.end(), false) - m_layerRead.begin());
}

// One partial merge at a time: each copies the layers read so far, so merging after every
// layer would cost the square of the work; the next one covers whatever arrived meanwhile.
void ImageLoader::assemblePartial(quint64 generation)
{
    m_partialLayers = readPrefix();
    m_partialRunning = true;
    const int count = m_partialLayers;
    const auto ov = m_overview;
    auto scanned = m_scanned; // its first `count` stay put: onLayer only fills later slots
    m_runner.run([ov, scanned, count] {
        return std::shared_ptr<const ll::ImageAnalysis>(std::make_shared<ll::ImageAnalysis>(ll::assemblePrefix(*ov, *scanned, count)));
    }).then(this, [this, generation](std::shared_ptr<const ll::ImageAnalysis> partial) {
        if (generation != m_generation)
            return;
        m_partialRunning = false;
        if (m_layersDone == int(m_scanned->size())) {
            if (!m_pull)
                assemble(generation); // the whole image is read: its merge replaces this one
            return;
        }
        m_status = tr("Layers 1–%1 of %2 are read and shown; reading the rest…").arg(partial->fs->layerCount()).arg(m_scanned->size());
        Q_EMIT partialAnalysisReady(partial);
        if (readPrefix() > m_partialLayers && partialWorthIt())
            assemblePartial(generation);
    });
}

void ImageLoader::assemble(quint64 generation)
{
    m_status = tr("Merging layers…");
    ll::ImageOverview ov = *m_overview;
    m_runner.run([ov = std::move(ov), scanned = std::move(*m_scanned)]() mutable {
        return std::shared_ptr<const ll::ImageAnalysis>(
            std::make_shared<ll::ImageAnalysis>(ll::assembleAnalysis(std::move(ov), std::move(scanned))));
    }).then(this, [this, generation](std::shared_ptr<const ll::ImageAnalysis> a) {
        if (generation != m_generation)
            return;
        m_analysis = std::move(a);
        stop();
        Q_EMIT analysisReady(m_analysis);
        Q_EMIT finished();
    });
    m_scanned = std::make_shared<std::vector<ll::LayerScanOutcome>>();
}

void ImageLoader::cancel()
{
    if (!m_loading)
        return;
    m_state->canceled = true;
    ++m_generation; // whatever the jobs still deliver is stale now
    m_pull.reset();  // a download in flight keeps it until it stops; then the store is free
    abandonDownloads();
    stop();
    Q_EMIT canceled();
    Q_EMIT finished();
}

void ImageLoader::stop()
{
    m_loading = false;
    m_progressTimer.stop();
    reportProgress();
}

void ImageLoader::reportProgress()
{
    if (!m_state)
        return;
    if (const QString worker = m_state->takeStatus(); !worker.isEmpty())
        m_status = worker;
    if (m_state->pulling)
        Q_EMIT progress(m_state->pullDone.load(), m_state->pullTotal.load(), m_status);
    else
        Q_EMIT progress(m_state->done.load(), m_state->total.load(), m_status);
}

} // namespace gui
