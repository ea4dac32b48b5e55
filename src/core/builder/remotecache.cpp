#include "remotecache.h"

#include "common/humansize.h"
#include "common/sha256.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>

namespace ll::build {

Result<source::ImageReference> parseCacheSpec(const QString &spec)
{
    QString ref;
    if (spec.startsWith(QLatin1String("registry:"))) {
        ref = spec.mid(9);
    } else {
        QString type;
        for (const QString &part : spec.split(QLatin1Char(','))) {
            const QString k = part.section(QLatin1Char('='), 0, 0).trimmed();
            const QString v = part.section(QLatin1Char('='), 1);
            if (k == QLatin1String("type"))
                type = v;
            else if (k == QLatin1String("ref"))
                ref = v;
        }
        if (type != QLatin1String("registry") || ref.isEmpty())
            return makeError(ErrorCode::Usage, Msg::tr("cache \"%1\": give registry:REF or type=registry,ref=REF (the only remote cache is a registry)").arg(spec));
    }
    return source::parseImageReference(ref);
}

Result<std::shared_ptr<RemoteCache>> RemoteCache::load(const source::ImageReference &ref, const source::RegistryOptions &options, TaskContext &ctx)
{
    std::shared_ptr<RemoteCache> cache(new RemoteCache(ref, options));
    auto m = cache->m_client.getManifest(ref.manifestReference(), ctx);
    if (!m.ok()) {
        if (m.error().code == ErrorCode::NotFound)
            return cache; // nothing exported there yet
        return m.error();
    }
    const QJsonObject manifest = QJsonDocument::fromJson(m->bytes).object();
    const QJsonObject config = manifest.value(QStringLiteral("config")).toObject();
    if (config.value(QStringLiteral("mediaType")).toString() != kCacheConfigMediaType)
        return makeError(ErrorCode::Format, Msg::tr("%1 is not a LayerLens build cache (its config is \"%2\"); an image or another tool's cache lives there")
                                                .arg(ref.familiarName(), config.value(QStringLiteral("mediaType")).toString()));
    auto digest = Digest::parse(config.value(QStringLiteral("digest")).toString());
    const qint64 size = config.value(QStringLiteral("size")).toInteger(-1);
    if (!digest.ok() || size < 0 || size > 64 * 1024 * 1024)
        return makeError(ErrorCode::Format, Msg::tr("%1: the cache manifest's config descriptor is invalid or over 64 MiB").arg(ref.familiarName()));
    QTemporaryFile tmp;
    if (!tmp.open())
        return makeError(ErrorCode::Io, Msg::tr("cannot write a temporary file: %1").arg(tmp.errorString()));
    tmp.close();
    if (auto s = cache->m_client.fetchBlob(digest.value(), size, tmp.fileName(), ctx); !s.ok())
        return s.error();
    QFile f(tmp.fileName());
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, f.errorString(), tmp.fileName());
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("records")).toArray()) {
        auto r = CacheRecord::fromJson(v.toObject());
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        if (r && hex64.match(r->key).hasMatch() && (!r->hasLayer || r->digest.isSha256()))
            cache->m_records[r->key] = *r;
    }
    return cache;
}

std::optional<CacheRecord> RemoteCache::find(const QString &key) const
{
    const auto it = m_records.find(key);
    return it == m_records.end() ? std::nullopt : std::optional<CacheRecord>(it->second);
}

Status RemoteCache::fetchLayer(const CacheRecord &record, CacheStore &cache, TaskContext &ctx)
{
    if (!record.hasLayer)
        return okStatus();
    QMutexLocker lock(&m_mutex);
    const QString path = cache.blobPath(record.digest);
    if (QFileInfo(path).size() == record.size)
        return okStatus();
    if (auto s = m_client.fetchBlob(record.digest, record.size, path, ctx); !s.ok())
        return s;
    m_fetched += record.size;
    return okStatus();
}

Result<QString> exportCache(const std::vector<CacheRecord> &records, const CacheStore &cache, const source::ImageReference &ref,
                            const source::RegistryOptions &options, TaskContext &ctx)
{
    source::RegistryClient client(ref, options);
    QJsonArray recs, layers;
    QSet<QString> seen;
    int sent = 0, present = 0;
    qint64 bytes = 0;
    for (const CacheRecord &r : records) {
        recs.append(r.toJson());
        if (!r.hasLayer || seen.contains(r.digest.toString()))
            continue;
        seen.insert(r.digest.toString());
        layers.append(QJsonObject{{QStringLiteral("mediaType"), r.mediaType}, {QStringLiteral("digest"), r.digest.toString()}, {QStringLiteral("size"), r.size}});
        auto has = client.hasBlob(r.digest, ctx);
        if (!has.ok())
            return has.error();
        if (has.value()) {
            ++present;
            continue;
        }
        if (auto s = client.pushBlob(r.digest, cache.blobPath(r.digest), ctx); !s.ok())
            return s.error();
        ++sent;
        bytes += r.size;
    }
    const QByteArray config = QJsonDocument(QJsonObject{{QStringLiteral("records"), recs}}).toJson(QJsonDocument::Compact);
    const Digest configDigest = Sha256::digestOf(config);
    QTemporaryFile tmp;
    if (!tmp.open() || tmp.write(config) != config.size() || !tmp.flush())
        return makeError(ErrorCode::Io, Msg::tr("cannot write a temporary file: %1").arg(tmp.errorString()));
    tmp.close();
    if (auto has = client.hasBlob(configDigest, ctx); !has.ok())
        return has.error();
    else if (!has.value())
        if (auto s = client.pushBlob(configDigest, tmp.fileName(), ctx); !s.ok())
            return s.error();
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                               {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), kCacheConfigMediaType},
                                                                      {QStringLiteral("digest"), configDigest.toString()},
                                                                      {QStringLiteral("size"), config.size()}}},
                               {QStringLiteral("layers"), layers}};
    auto put = client.putManifest(ref.manifestReference(), QJsonDocument(manifest).toJson(QJsonDocument::Compact),
                                  QStringLiteral("application/vnd.oci.image.manifest.v1+json"), ctx);
    if (!put.ok())
        return put.error();
    return Msg::tr("exported %1 cache records to %2: %3 layers sent (%4), %5 already there")
        .arg(QString::number(records.size()), ref.familiarName(), QString::number(sent), humanSize(bytes), QString::number(present));
}

} // namespace ll::build
