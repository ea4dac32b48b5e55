#include "stagebuilder.h"

#include "builder/imagestore.h"
#include "builder/remotecache.h"
#include "common/sha256.h"
#include "image/imageanalysis.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace ll::build {

void BuildSession::post(const BuildEvent &e)
{
    if (sink) {
        QMutexLocker lock(&mutex);
        if (const auto it = origins.find(e.vertex); it != origins.end() && e.instruction < 0) {
            BuildEvent located = e;
            located.instruction = it->second.instruction, located.line = it->second.line, located.lastLine = it->second.lastLine;
            sink(located);
            return;
        }
        sink(e);
    }
}

int BuildSession::takeVertex()
{
    QMutexLocker lock(&mutex);
    return nextVertex++;
}

int BuildSession::takeVertex(const df::ExpandedInstruction &e)
{
    const int vertex = takeVertex();
    Origin o;
    o.instruction = e.index;
    if (e.index >= 0 && e.index < file.instructions.size()) {
        const df::Range &r = file.instructions[e.index].range;
        // The range ends just after the last character: at column 1 of the next line when
        // the instruction ends with its line break.
        o.line = r.start.line;
        o.lastLine = qMax(r.start.line, r.end.column == 1 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line);
    }
    QMutexLocker lock(&mutex);
    origins[vertex] = o;
    return vertex;
}

void BuildSession::record(const StepSummary &s)
{
    QMutexLocker lock(&mutex);
    steps.push_back(s);
}

namespace {

// The blob digest loadImage would compute: the stated one, else the bytes' (legacy archives).
Result<Digest> layerBlobDigest(const ImageSource &source, const BlobRef &b, TaskContext &ctx)
{
    if (b.digest.isValid())
        return b.digest;
    auto region = source.region(b.member);
    if (!region.ok())
        return region.error();
    RegionReader reader;
    if (auto s = reader.open(region.value()); !s.ok())
        return s.error();
    Sha256 h;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (ctx.isCanceled())
            return canceledError();
        auto n = reader.read(buf.data(), buf.size());
        if (!n.ok())
            return n.error();
        if (n.value() == 0)
            return Digest::fromSha256(h.finish());
        h.update(QByteArrayView(buf.constData(), n.value()));
    }
}

} // namespace

Result<QPair<QString, QString>> BuildSession::baseLocation(const QString &ref, TaskContext &ctx)
{
    std::shared_ptr<BaseSlot> slot;
    {
        QMutexLocker lock(&mutex);
        auto &entry = bases[ref];
        if (!entry)
            entry = std::make_shared<BaseSlot>();
        slot = entry;
    }
    QMutexLocker once(&slot->mutex);
    if (slot->where)
        return *slot->where;
    source::ResolveOptions o;
    o.storeDir = options.storeDir;
    o.platform = options.platform.toString();
    o.registry = options.registry;
    o.pull = options.pull;
    o.offline = dryRun; // a prediction never downloads and never asks a daemon: it says what the build would do
    auto r = source::resolveImage(ref, o, ctx);
    if (!r.ok()) {
        if (dryRun && r.error().code == ErrorCode::NotFound && !ref.startsWith(QLatin1String("oci")) && !ref.startsWith(QLatin1String("docker-archive:")))
            return makeError(ErrorCode::NotFound, options.pull == source::PullPolicy::Never
                                                      ? Msg::tr("%1 is not in the local image store, and --pull never: the build will fail").arg(ref)
                                                      : Msg::tr("%1 is not in the local image store yet; the build will fetch it").arg(ref));
        return r.error();
    }
    if (!dryRun && !r->reference.isEmpty()) {
        QString text = Msg::tr("FROM %1: %2 from %3").arg(ref, r->reference, r->origin);
        if (r->pull)
            text += QStringLiteral(" (%1%2): %3").arg(r->pull->manifest.toString(), r->pull->platform.isEmpty() ? QString() : QStringLiteral(", ") + r->pull->platform, r->pull->summary());
        post({BuildEvent::Kind::Info, 0, {}, text, {}, 0, -1, {}});
    }
    slot->where = qMakePair(r->path, r->image);
    return *slot->where;
}

std::optional<CacheRecord> BuildSession::lookupCache(const QString &key, QString *damaged, CacheStore::BlobCheck check, TaskContext &ctx, QString *from)
{
    if (auto hit = cache->lookup(key, damaged, check))
        return hit;
    for (const auto &remote : remoteCaches) {
        auto rec = remote->find(key);
        if (!rec)
            continue;
        if (from)
            *from = remote->reference().familiarName();
        if (dryRun)
            return rec;
        if (auto s = remote->fetchLayer(*rec, *cache, ctx); !s.ok()) {
            if (damaged)
                *damaged = Msg::tr("the remote cache %1 has the step but its layer could not be fetched: %2").arg(remote->reference().familiarName(), s.error().message);
            return std::nullopt;
        }
        if (auto s = cache->store(*rec); !s.ok())
            return std::nullopt;
        return cache->lookup(key, damaged, check);
    }
    return std::nullopt;
}

void BuildSession::recordUsed(const CacheRecord &r)
{
    QMutexLocker lock(&mutex);
    usedRecords.push_back(r);
}

Status BuildSession::verifyBaseLayer(const BuiltLayer &l, size_t index, const QString &ref, TaskContext &ctx)
{
    // Once per blob and DiffID: the cache remembers a layer it has checked.
    const QString marker = QStringLiteral("verified/") + l.digest.hex();
    if (QFile f(cache->filePath(marker)); f.open(QIODevice::ReadOnly) && f.read(200) == l.diffId.toString().toLatin1())
        return okStatus();
    const QString blob = cache->blobPath(l.digest);
    if (auto s = checkDiffId(FileRegion{blob, 0, QFileInfo(blob).size(), l.digest.toString(), {}}, l.diffId, index, ref, ctx); !s.ok())
        return s;
    return cache->writeFile(marker, l.diffId.toString().toLatin1());
}

Result<ImageState> BuildSession::loadBaseImage(const QString &ref, TaskContext &ctx)
{
    if (dryRun)
        return peekBaseImage(ref, ctx);
    auto where = baseLocation(ref, ctx);
    if (!where.ok())
        return where.error();
    auto img = loadImage(where->first, where->second, ctx);
    if (!img.ok())
        return img.error();
    ImageState s = baseState(img->config);
    for (size_t i = 0; i < img->layers.size(); ++i) {
        const BuiltLayer &l = img->layers[i];
        auto d = cache->putBlob(l.blob);
        if (!d.ok())
            return d.error();
        if (auto v = verifyBaseLayer(l, i, ref, ctx); !v.ok())
            return v.error();
        s.layers.push_back({l.digest, l.diffId, l.blob.size(), l.mediaType});
    }
    s.key = baseKey(img->configDigest, s.layers);
    return s;
}

Result<ImageState> BuildSession::peekBaseImage(const QString &ref, TaskContext &ctx)
{
    auto where = baseLocation(ref, ctx);
    if (!where.ok())
        return where.error();
    auto ov = readOverview(where->first, ImageSelector{where->second, {}}, ctx);
    if (!ov.ok())
        return ov.error();
    ImageState s = baseState(ov->config.raw);
    for (size_t i = 0; i < ov->manifest.layers.size(); ++i) {
        const BlobRef &b = ov->manifest.layers[i];
        auto d = layerBlobDigest(*ov->source, b, ctx);
        if (!d.ok())
            return d.error();
        s.layers.push_back({d.value(), i < ov->config.diffIds.size() ? ov->config.diffIds[i] : Digest(), b.size, b.mediaType});
    }
    s.key = baseKey(Sha256::digestOf(ov->config.raw), s.layers);
    return s;
}

ImageState BuildSession::baseState(const QByteArray &configBytes)
{
    const QJsonObject config = QJsonDocument::fromJson(configBytes).object();
    ImageState s;
    s.os = config.value(QStringLiteral("os")).toString(QStringLiteral("linux"));
    s.architecture = config.value(QStringLiteral("architecture")).toString(QStringLiteral("amd64"));
    s.variant = config.value(QStringLiteral("variant")).toString();
    s.author = config.value(QStringLiteral("author")).toString();
    s.runConfig = config.value(QStringLiteral("config")).toObject();
    s.history = config.value(QStringLiteral("history")).toArray();
    for (const QJsonValue &v : s.runConfig.value(QStringLiteral("OnBuild")).toArray())
        s.onBuild << v.toString();
    s.runConfig.remove(QStringLiteral("OnBuild")); // triggers are not inherited by the child image
    return s;
}

QString BuildSession::baseKey(const Digest &config, const std::vector<LayerRef> &layers)
{
    QByteArray keyMaterial = "FROM " + config.toString().toLatin1();
    for (const LayerRef &l : layers)
        keyMaterial += ' ' + l.digest.toString().toLatin1();
    return toHex(Sha256::hash(keyMaterial));
}

Result<std::shared_ptr<StageBuilder>> BuildSession::imageRoot(const QString &ref, TaskContext &ctx)
{
    std::shared_ptr<ImageSlot> slot;
    {
        QMutexLocker lock(&mutex);
        auto &entry = images[ref];
        if (!entry)
            entry = std::make_shared<ImageSlot>();
        slot = entry;
    }
    QMutexLocker once(&slot->mutex); // the first caller loads it, the others wait for that
    if (slot->stage)
        return slot->stage;
    auto sb = std::make_shared<StageBuilder>(*this, nullptr, 0);
    if (auto s = sb->runFromImage(ref, ctx); !s.ok())
        return s.error();
    slot->stage = sb;
    return sb;
}

} // namespace ll::build
