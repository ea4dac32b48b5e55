#include "image/imageanalysis.h"

#include "common/sha256.h"
#include "fstree/layerscanner.h"

namespace ll {

QString digestCheckName(DigestCheck c)
{
    switch (c) {
    case DigestCheck::NotStated: return QStringLiteral("not stated");
    case DigestCheck::Verified: return QStringLiteral("verified");
    case DigestCheck::Mismatch: return QStringLiteral("MISMATCH");
    case DigestCheck::NotRead: return QStringLiteral("not read");
    }
    return QString();
}

QString digestCheckLabel(DigestCheck c)
{
    switch (c) {
    case DigestCheck::NotStated: return Msg::tr("not stated");
    case DigestCheck::Verified: return Msg::tr("verified");
    case DigestCheck::Mismatch: return Msg::tr("MISMATCH");
    case DigestCheck::NotRead: return Msg::tr("not read");
    }
    return QString();
}

namespace {

constexpr int kMaxLayers = 65535;

// i-th non-empty history entry ↔ i-th layer; empty_layer entries are metadata steps.
std::vector<BuildStep> stepsFor(const ImageConfig &config, int layerCount, QStringList &warnings)
{
    std::vector<BuildStep> steps;
    int next = 0;
    for (int h = 0; h < int(config.history.size()); ++h) {
        BuildStep s;
        s.historyIndex = h;
        s.history = config.history[size_t(h)];
        if (!s.history.emptyLayer) {
            if (next < layerCount)
                s.layerIndex = next++;
            else
                warnings << Msg::tr("history entry %1 says it made a layer, but every layer is already accounted for").arg(h);
        }
        steps.push_back(std::move(s));
    }
    if (next < layerCount && !config.history.empty())
        warnings << Msg::tr("%n layer(s) have no history entry", nullptr, layerCount - next);
    for (; next < layerCount; ++next) {
        BuildStep s;
        s.layerIndex = next;
        s.history.comment = Msg::tr("no history entry for this layer");
        steps.push_back(std::move(s));
    }
    return steps;
}

DigestCheck compare(const Digest &expected, const Digest &actual)
{
    if (!expected.isValid())
        return DigestCheck::NotStated;
    if (!expected.isSha256())
        return DigestCheck::NotStated;
    return expected == actual ? DigestCheck::Verified : DigestCheck::Mismatch;
}

} // namespace

Result<ImageOverview> readOverview(const QString &path, const ImageSelector &selector, TaskContext &ctx)
{
    ImageOverview ov;
    ctx.setStatus(Msg::tr("reading index"));
    auto source = ImageSource::open(path, ctx);
    if (!source.ok())
        return source.error();
    ov.source = source.value();
    auto catalog = readCatalog(*ov.source);
    if (!catalog.ok())
        return catalog.error();
    ov.catalog = std::move(catalog).value();
    auto chosen = chooseImage(ov.catalog, selector);
    if (!chosen.ok()) {
        Error e = chosen.error();
        e.path = path;
        return e;
    }
    ov.chosen = chosen.value();
    return completeOverview(std::move(ov), ctx);
}

Result<ImageOverview> readManifestOverview(const QString &layout, const ImageChoice &choice, TaskContext &ctx)
{
    ImageOverview ov;
    auto source = ImageSource::open(layout, ctx);
    if (!source.ok())
        return source.error();
    ov.source = source.value();
    ov.catalog.format = SourceFormat::OciLayout;
    ov.catalog.images.push_back(choice);
    ov.chosen = 0;
    return completeOverview(std::move(ov), ctx);
}

Result<ImageOverview> completeOverview(ImageOverview ov, TaskContext &ctx)
{
    Q_UNUSED(ctx)
    auto manifest = readManifest(*ov.source, ov.catalog, ov.choice());
    if (!manifest.ok())
        return manifest.error();
    ov.manifest = std::move(manifest).value();
    auto configBytes = ov.source->readAll(ov.manifest.config.member);
    if (!configBytes.ok())
        return configBytes.error();
    auto config = parseImageConfig(configBytes.value(), ov.source->describe(ov.manifest.config.member));
    if (!config.ok())
        return config.error();
    ov.config = std::move(config).value();
    ov.expectedConfigDigest = ov.manifest.config.digest;
    ov.configCheck = compare(ov.expectedConfigDigest, ov.config.digest);
    if (ov.configCheck == DigestCheck::Mismatch)
        ov.warnings << Msg::tr("config digest mismatch: the manifest says %1, the config hashes to %2")
                           .arg(ov.expectedConfigDigest.toString(), ov.config.digest.toString());

    const int layerCount = int(ov.manifest.layers.size());
    // Layers are numbered in 16 bits inside the file tree; real images stay far below (docker
    // refuses more than 127).
    if (layerCount > kMaxLayers)
        return makeError(ErrorCode::Limit, Msg::tr("the manifest lists %1 layers; LayerLens reads at most %2").arg(QString::number(layerCount), QString::number(kMaxLayers)),
                         ov.source->describe(ov.manifest.rawMember));
    if (int(ov.config.diffIds.size()) != layerCount)
        ov.warnings << Msg::tr("the config lists %1 diff_ids but the manifest has %2 layers")
                           .arg(QString::number(ov.config.diffIds.size()), QString::number(layerCount));
    ov.steps = stepsFor(ov.config, layerCount, ov.warnings);
    for (int i = 0; i < layerCount; ++i) {
        LayerReport r;
        r.index = i;
        r.blob = ov.manifest.layers[size_t(i)];
        if (i < int(ov.config.diffIds.size()))
            r.expectedDiffId = ov.config.diffIds[size_t(i)];
        ov.layers.push_back(std::move(r));
    }
    for (int s = 0; s < int(ov.steps.size()); ++s)
        if (ov.steps[size_t(s)].layerIndex >= 0)
            ov.layers[size_t(ov.steps[size_t(s)].layerIndex)].stepIndex = s;
    Digest chain;
    for (LayerReport &r : ov.layers) {
        chain = r.expectedDiffId.isValid() ? chainIdOf(chain, r.expectedDiffId) : Digest();
        r.chainId = chain;
    }
    return ov;
}

Digest chainIdOf(const Digest &parentChain, const Digest &diffId)
{
    if (!parentChain.isValid())
        return diffId;
    return Sha256::digestOf((parentChain.toString() + QLatin1Char(' ') + diffId.toString()).toUtf8());
}

LayerScanOutcome scanImageLayer(const ImageOverview &overview, int layerIndex, TaskContext &ctx, const LayerStreamLimits &limits, const FileRegion *given)
{
    LayerScanOutcome out;
    LayerReport &r = out.report;
    r = overview.layers[size_t(layerIndex)];
    auto region = given ? Result<FileRegion>(*given) : overview.source->region(r.blob.member);
    if (!region.ok()) {
        r.error = region.error();
        return out;
    }
    auto scanned = scanLayer(region.value(), ctx, limits, overview.paths);
    if (!scanned.ok()) {
        r.error = scanned.error();
        r.error->message = Msg::tr("layer %1: %2").arg(QString::number(layerIndex + 1), r.error->message);
        return out;
    }
    const ScannedLayer &s = scanned.value();
    r.blobDigest = Digest::fromSha256(s.stats.storedHash);
    r.diffId = Digest::fromSha256(s.stats.uncompressedHash);
    r.storedSize = s.stats.storedSize;
    r.uncompressedSize = s.stats.uncompressedSize;
    r.compression = s.stats.compression;
    r.tarEntries = s.tarEntries;
    r.contentBytes = s.content.contentBytes();
    r.blobCheck = compare(r.blob.digest, r.blobDigest);
    if (r.blob.size >= 0 && r.blob.size != r.storedSize)
        r.blobCheck = DigestCheck::Mismatch;
    r.diffIdCheck = compare(r.expectedDiffId, r.diffId);
    r.warnings = s.content.warnings;
    out.content = std::move(scanned).value().content;
    return out;
}

QString LayerReport::problem() const
{
    QStringList p;
    if (error)
        p << error->message;
    if (blobCheck == DigestCheck::Mismatch) {
        if (blob.size >= 0 && blob.size != storedSize)
            p << Msg::tr("blob size mismatch: the manifest says %1 bytes, the blob has %2").arg(QString::number(blob.size), QString::number(storedSize));
        if (blob.digest != blobDigest)
            p << Msg::tr("blob digest mismatch: the manifest says %1, the stored bytes hash to %2").arg(blob.digest.toString(), blobDigest.toString());
    }
    if (diffIdCheck == DigestCheck::Mismatch)
        p << Msg::tr("DiffID mismatch: the config says %1, the uncompressed tar hashes to %2").arg(expectedDiffId.toString(), diffId.toString());
    return p.join(QStringLiteral("; "));
}

} // namespace ll
