#include "stagebuilder.h"

#include "build/imagestore.h"
#include "common/sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace ll::build {

void BuildSession::post(const BuildEvent &e)
{
    if (sink) {
        QMutexLocker lock(&mutex);
        sink(e);
    }
}

int BuildSession::takeVertex()
{
    QMutexLocker lock(&mutex);
    return nextVertex++;
}

void BuildSession::record(const StepSummary &s)
{
    QMutexLocker lock(&mutex);
    steps.push_back(s);
}

namespace {

Result<BuiltImage> readBase(const QString &ref, const QString &storeDir, TaskContext &ctx)
{
    for (const char *prefix : {"oci:", "oci-archive:", "docker-archive:"})
        if (ref.startsWith(QLatin1String(prefix)))
            return loadImage(ref.mid(int(qstrlen(prefix))), {}, ctx);
    ImageStore store(storeDir);
    if (!store.contains(ref))
        return makeError(ErrorCode::NotFound, QStringLiteral("image \"%1\" is not in the local image store (%2). LayerLens does not pull from registries: "
                                                             "import it with `layerlens-cli images import ARCHIVE %1`, or write FROM oci-archive:PATH, "
                                                             "docker-archive:PATH or oci:DIR").arg(ref, store.dir()));
    return loadImage(store.dir(), ImageStore::normalizeName(ref), ctx);
}

} // namespace

Status BuildSession::verifyBaseLayer(const BuiltLayer &l, size_t index, const QString &ref, TaskContext &ctx)
{
    // Once per blob and DiffID: the cache remembers a layer it has checked.
    const QString marker = QStringLiteral("verified/") + l.digest.hex();
    if (QFile f(cache->filePath(marker)); f.open(QIODevice::ReadOnly) && f.read(200) == l.diffId.toString().toLatin1())
        return okStatus();
    const QString blob = cache->blobPath(l.digest);
    if (auto s = checkDiffId(FileRegion{blob, 0, QFileInfo(blob).size(), l.digest.toString()}, l.diffId, index, ref, ctx); !s.ok())
        return s;
    return cache->writeFile(marker, l.diffId.toString().toLatin1());
}

Result<ImageState> BuildSession::loadBaseImage(const QString &ref, TaskContext &ctx)
{
    auto img = readBase(ref, options.storeDir, ctx);
    if (!img.ok())
        return img.error();
    const QJsonObject config = QJsonDocument::fromJson(img->config).object();
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
    QByteArray keyMaterial = "FROM " + img->configDigest.toString().toLatin1();
    for (size_t i = 0; i < img->layers.size(); ++i) {
        const BuiltLayer &l = img->layers[i];
        auto d = cache->putBlob(l.blob);
        if (!d.ok())
            return d.error();
        if (auto v = verifyBaseLayer(l, i, ref, ctx); !v.ok())
            return v.error();
        s.layers.push_back({l.digest, l.diffId, l.blob.size(), l.mediaType});
        keyMaterial += ' ' + l.digest.toString().toLatin1();
    }
    s.key = toHex(Sha256::hash(keyMaterial));
    return s;
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
