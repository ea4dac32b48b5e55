#include "registrypull.h"

#include "builder/imagestore.h"
#include "common/humansize.h"
#include "image/imagecatalog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <cstdio>

namespace ll::source {

namespace {

bool isIndex(const QString &mediaType)
{
    return mediaType == QLatin1String("application/vnd.oci.image.index.v1+json") ||
           mediaType == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json");
}

bool isImageManifest(const QString &mediaType)
{
    return mediaType == QLatin1String("application/vnd.oci.image.manifest.v1+json") ||
           mediaType == QLatin1String("application/vnd.docker.distribution.manifest.v2+json");
}

QString platformOf(const QJsonObject &descriptor)
{
    const QJsonObject p = descriptor.value(QStringLiteral("platform")).toObject();
    QString s = p.value(QStringLiteral("os")).toString() + QLatin1Char('/') + p.value(QStringLiteral("architecture")).toString();
    if (const QString v = p.value(QStringLiteral("variant")).toString(); !v.isEmpty())
        s += QLatin1Char('/') + v;
    return s;
}

struct Blob {
    Digest digest;
    qint64 size = -1;
};

Result<Blob> descriptorBlob(const QJsonObject &d, const QString &what)
{
    auto digest = Digest::parse(d.value(QStringLiteral("digest")).toString());
    const qint64 size = d.value(QStringLiteral("size")).toInteger(-1);
    if (!digest.ok() || size < 0)
        return makeError(ErrorCode::Format, Msg::tr("the manifest's %1 has no valid digest and size").arg(what));
    return Blob{digest.value(), size};
}

bool storeHas(const build::ImageStore &store, const Blob &b)
{
    const QFileInfo fi(store.blobPath(b.digest));
    return fi.isFile() && fi.size() == b.size;
}

Status storeSmallBlob(const build::ImageStore &store, const Digest &d, const QByteArray &bytes)
{
    const QString path = store.blobPath(d);
    if (QFileInfo(path).size() == bytes.size())
        return okStatus();
    QTemporaryFile f(path + QStringLiteral(".part-XXXXXX"));
    if (!f.open() || f.write(bytes) != bytes.size() || !f.flush())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), path);
    f.close();
    if (::rename(QFile::encodeName(f.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot move the blob into place"), path);
    f.setAutoRemove(false);
    return okStatus();
}

// Picks the index entry for `wanted` (a prefix: "linux/arm" matches "linux/arm/v7"), else the
// host's platform; attestation entries ("unknown/unknown") are never images.
Result<QJsonObject> chooseFromIndex(const QJsonObject &index, const QString &wanted, const QString &where, QStringList &platforms)
{
    std::vector<QJsonObject> candidates;
    for (const QJsonValue &v : index.value(QStringLiteral("manifests")).toArray()) {
        const QJsonObject d = v.toObject();
        const QString p = platformOf(d);
        if (p.startsWith(QLatin1String("unknown/")) || p == QLatin1String("/"))
            continue;
        platforms << p;
        candidates.push_back(d);
    }
    const QString target = wanted.isEmpty() ? hostPlatform() : wanted;
    for (const QJsonObject &d : candidates) {
        const QString p = platformOf(d);
        if (p == target || p.startsWith(target + QLatin1Char('/')))
            return d;
    }
    if (platforms.isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("%1 is an index that names no image for any platform").arg(where));
    return makeError(ErrorCode::Ambiguous, Msg::tr("%1 has no image for %2; it offers %3 (choose with --platform)")
                                              .arg(where, target, platforms.join(QStringLiteral(", "))));
}

} // namespace

QString PullReport::summary() const
{
    const int fetched = layers - layersPresent;
    QString s;
    if (layersPresent > 0)
        s = Msg::tr("%1 of %2 layers already here, %3 not downloaded; ").arg(QString::number(layersPresent), QString::number(layers), humanSize(bytesPresent));
    if (fetched == 0)
        s += Msg::tr("nothing downloaded");
    else if (fetched == layers)
        s += layers == 1 ? Msg::tr("the one layer downloaded (%1)").arg(humanSize(bytesFetched))
                         : Msg::tr("all %1 layers downloaded (%2)").arg(QString::number(layers), humanSize(bytesFetched));
    else
        s += Msg::tr("%1 downloaded (%2)").arg(QString::number(fetched), humanSize(bytesFetched));
    return s;
}

struct Pull::Impl {
    Impl(const ImageReference &r, const QString &dir, const RegistryOptions &o) : ref(r), store(dir), inUse(store), client(r, o) {}
    ImageReference ref;
    build::ImageStore store;
    build::ImageStore::InUse inUse; // blobs land before the name that keeps them: prune waits
    RegistryClient client;
    Digest manifest;
    QElapsedTimer clock;
};

Pull::Pull(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Pull::~Pull() = default;

QString Pull::storeDir() const
{
    return d->store.dir();
}

QByteArray Pull::manifestMember() const
{
    return "blobs/sha256/" + d->manifest.hex().toLatin1();
}

bool Pull::layerPresent(int i) const
{
    return m_layers[size_t(i)].present;
}

Result<std::unique_ptr<Pull>> Pull::start(const ImageReference &ref, const QString &storeDir, const QString &platform, const RegistryOptions &options,
                                          TaskContext &ctx)
{
    if (!QDir().mkpath(storeDir + QStringLiteral("/blobs/sha256")))
        return makeError(ErrorCode::Io, Msg::tr("cannot create the image store"), storeDir);
    std::unique_ptr<Pull> pull(new Pull(std::make_unique<Impl>(ref, storeDir, options)));
    PullReport &report = pull->m_report;
    RegistryClient &client = pull->d->client;
    const build::ImageStore &store = pull->d->store;
    report.reference = ref.fullName();
    report.name = ref.familiarName();
    ctx.setStatus(Msg::tr("asking %1 for %2").arg(ref.domain, ref.familiarName()));
    auto top = client.getManifest(ref.manifestReference(), ctx);
    if (!top.ok())
        return top.error();
    FetchedManifest manifest = top.value();
    if (isIndex(manifest.mediaType)) {
        report.index = manifest.digest;
        auto chosen = chooseFromIndex(QJsonDocument::fromJson(manifest.bytes).object(), platform, ref.familiarName(), report.platforms);
        if (!chosen.ok())
            return chosen.error();
        report.platform = platformOf(chosen.value());
        auto entry = descriptorBlob(chosen.value(), Msg::tr("entry for %1").arg(report.platform));
        if (!entry.ok())
            return makeError(ErrorCode::Format, QStringLiteral("%1: %2").arg(ref.familiarName(), entry.error().message));
        auto m = client.getManifest(entry->digest.toString(), ctx);
        if (!m.ok())
            return m.error();
        if (isIndex(m->mediaType))
            return makeError(ErrorCode::Unsupported, Msg::tr("%1: the index for %2 names another index; LayerLens follows one level").arg(ref.familiarName(), report.platform));
        manifest = m.value();
    }
    if (!isImageManifest(manifest.mediaType))
        return makeError(ErrorCode::Unsupported, Msg::tr("%1 is a \"%2\", not an image manifest (an artifact?)").arg(ref.familiarName(), manifest.mediaType));
    report.manifest = manifest.digest;
    pull->d->manifest = manifest.digest;
    pull->m_manifestSize = manifest.bytes.size();
    pull->m_manifestType = manifest.mediaType;
    const QJsonObject m = QJsonDocument::fromJson(manifest.bytes).object();
    auto config = descriptorBlob(m.value(QStringLiteral("config")).toObject(), Msg::tr("config"));
    if (!config.ok())
        return makeError(ErrorCode::Format, QStringLiteral("%1: %2").arg(ref.familiarName(), config.error().message));
    if (config->size > 64 * 1024 * 1024)
        return makeError(ErrorCode::Limit, Msg::tr("%1 states a config of %2 bytes; refused (over 64 MiB)").arg(ref.familiarName(), QString::number(config->size)));
    for (const QJsonValue &v : m.value(QStringLiteral("layers")).toArray()) {
        auto b = descriptorBlob(v.toObject(), Msg::tr("layer %1").arg(pull->m_layers.size()));
        if (!b.ok())
            return makeError(ErrorCode::Format, QStringLiteral("%1: %2").arg(ref.familiarName(), b.error().message));
        const bool present = storeHas(store, b.value());
        pull->m_layers.push_back({b->digest, b->size, present});
        if (present) {
            ++report.layersPresent;
            report.bytesPresent += b->size;
        } else {
            pull->m_toFetch += b->size;
        }
    }
    report.layers = int(pull->m_layers.size());
    if (!storeHas(store, config.value()))
        if (auto s = client.fetchBlob(config->digest, config->size, store.blobPath(config->digest), ctx); !s.ok())
            return s.error();
    if (auto s = storeSmallBlob(store, manifest.digest, manifest.bytes); !s.ok())
        return s.error();
    pull->d->clock.start();
    return pull;
}

Status Pull::fetchLayer(int i, TaskContext &ctx, GrowingFile *growing)
{
    Layer &l = m_layers[size_t(i)];
    if (l.present || storeHas(d->store, Blob{l.digest, l.size})) {
        if (growing) {
            growing->start(d->store.blobPath(l.digest));
            growing->advance(l.size);
            growing->finish();
        }
        return okStatus();
    }
    auto progress = [&](qint64 n) {
        m_report.bytesFetched += n;
        ctx.setProgress(m_report.bytesFetched, m_toFetch);
        const qint64 ms = d->clock.elapsed();
        ctx.setStatus(Msg::tr("layer %1 of %2: %3 of %4 downloaded, %5/s")
                          .arg(QString::number(i + 1), QString::number(m_layers.size()), humanSize(m_report.bytesFetched), humanSize(m_toFetch),
                               humanSize(ms > 0 ? m_report.bytesFetched * 1000 / ms : 0)));
    };
    return d->client.fetchBlob(l.digest, l.size, d->store.blobPath(l.digest), ctx, progress, growing);
}

Result<PullReport> Pull::finish()
{
    for (const Layer &l : m_layers)
        if (!storeHas(d->store, Blob{l.digest, l.size}))
            return makeError(ErrorCode::NotFound, Msg::tr("%1: layer %2 is not in the store; the pull did not finish").arg(m_report.name, l.digest.toString()));
    if (auto s = d->store.tag(m_report.name, d->manifest, m_manifestSize, m_manifestType); !s.ok())
        return s.error();
    return m_report;
}

Result<PullReport> pullImage(const ImageReference &ref, const QString &storeDir, const QString &platform, const RegistryOptions &options, TaskContext &ctx)
{
    auto pull = Pull::start(ref, storeDir, platform, options, ctx);
    if (!pull.ok())
        return pull.error();
    for (int i = 0; i < (*pull)->layerCount(); ++i)
        if (auto s = (*pull)->fetchLayer(i, ctx); !s.ok())
            return s.error();
    return (*pull)->finish();
}

Result<QStringList> registryPlatforms(const ImageReference &ref, const RegistryOptions &options, TaskContext &ctx)
{
    RegistryClient client(ref, options);
    auto top = client.getManifest(ref.manifestReference(), ctx);
    if (!top.ok())
        return top.error();
    if (!isIndex(top->mediaType))
        return QStringList{};
    QStringList platforms;
    auto chosen = chooseFromIndex(QJsonDocument::fromJson(top->bytes).object(), QStringLiteral("-"), ref.familiarName(), platforms);
    Q_UNUSED(chosen)
    return platforms;
}

} // namespace ll::source
