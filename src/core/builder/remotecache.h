#pragma once
// The build cache shared through a registry (`--cache-to`, `--cache-from`), as BuildKit's
// registry cache does with its own format: one OCI manifest whose config lists the cache
// records (key → layer) of the steps a build ran or reused, and whose layers are those layers.
// A second machine reads the records first and downloads a layer only when a step it builds
// hits that record.
#include "builder/cachestore.h"
#include "common/taskcontext.h"
#include "source/registryclient.h"

#include <QMutex>
#include <map>
#include <memory>

namespace ll::build {

// "registry:REF" or BuildKit's "type=registry,ref=REF".
Result<source::ImageReference> parseCacheSpec(const QString &spec);

inline const QString kCacheConfigMediaType = QStringLiteral("application/vnd.layerlens.buildcache.config.v1+json");

class RemoteCache {
public:
    // Reads the records at `ref`; a reference with nothing there yet gives an empty cache.
    static Result<std::shared_ptr<RemoteCache>> load(const source::ImageReference &ref, const source::RegistryOptions &options, TaskContext &ctx);

    const source::ImageReference &reference() const { return m_ref; }
    size_t size() const { return m_records.size(); }
    std::optional<CacheRecord> find(const QString &key) const;
    // Brings the record's layer into the local cache (verified), once even when asked twice.
    Status fetchLayer(const CacheRecord &record, CacheStore &cache, TaskContext &ctx);
    qint64 bytesFetched() const { return m_fetched; }

private:
    RemoteCache(const source::ImageReference &ref, const source::RegistryOptions &options) : m_ref(ref), m_client(ref, options) {}
    source::ImageReference m_ref;
    source::RegistryClient m_client;
    std::map<QString, CacheRecord> m_records;
    QMutex m_mutex; // one download at a time through the one client
    qint64 m_fetched = 0;
};

// Pushes `records` (and their layers, from `cache`) to `ref`; says what it sent.
Result<QString> exportCache(const std::vector<CacheRecord> &records, const CacheStore &cache, const source::ImageReference &ref,
                            const source::RegistryOptions &options, TaskContext &ctx);

} // namespace ll::build
