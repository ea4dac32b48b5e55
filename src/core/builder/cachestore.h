#pragma once
#include "common/digest.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace ll::build {

// What one cached build step produced: a layer, or nothing (a metadata-only step).
struct CacheRecord {
    QString key;        // 64 hex
    QString createdBy;  // the instruction, for `cache ls`
    QString created;    // when it was stored (ISO 8601)
    bool hasLayer = false;
    Digest digest;      // of the layer blob
    Digest diffId;
    qint64 size = 0;
    QString mediaType;

    QJsonObject toJson() const;
    static std::optional<CacheRecord> fromJson(const QJsonObject &o);
};

struct CacheUsage {
    qint64 records = 0;
    qint64 blobs = 0;
    qint64 blobBytes = 0;
};

// The build cache on disk, content addressed:
//   blobs/sha256/<hex>     layer blobs, named by their digest
//   index/<key>.json       cache key -> CacheRecord
//   slots/<hash>.json      the inputs a step had last time (to say why it missed)
//   statcache/<hash>.tsv   (device, inode, size, mtime, ctime) -> content hash, per build context
//   verified/<blob hex>    the DiffID a base layer was checked to have
//   checked/<blob hex>     the blob file's identity when last written or hashed (see knownIntact)
//   tmp/                   (0700) work folders of running builds, tmp/build-<id>.lock held by each
//   lock                   flock: builds hold it shared, prune exclusive
// Every file is written under a temporary name, synced and renamed into place, so a crash
// at any point leaves either the old or the new file. Blobs are verified when read (hashed
// again only when their file changed since the cache wrote or last hashed it).
class CacheStore {
public:
    enum class LockMode { Shared, Exclusive };
    // Creates the folders when missing and takes the lock (waits for a prune to finish).
    static Result<std::shared_ptr<CacheStore>> open(const QString &dir, LockMode mode = LockMode::Shared);
    ~CacheStore();

    // $LAYERLENS_CACHE_DIR, else $XDG_CACHE_HOME/layerlens, else ~/.cache/layerlens.
    static QString defaultDir();

    const QString &dir() const { return m_dir; }
    QString blobPath(const Digest &d) const;
    Result<Digest> putBlob(const QByteArray &bytes);
    // Reads a blob and checks its digest; a damaged blob is deleted and reported.
    Result<QByteArray> readBlob(const Digest &d) const;
    // Checks a blob is present and intact (hashes it).
    bool verifyBlob(const Digest &d) const;

    // How lookup() trusts a record's blob: hashed (what a build takes), or only present with
    // the recorded size (what a prediction may say without reading every cached layer).
    enum class BlobCheck { Verify, SizeOnly };
    // The record for `key`, when present and its blob passes `check`; `damaged` tells why not.
    std::optional<CacheRecord> lookup(const QString &key, QString *damaged = nullptr, BlobCheck check = BlobCheck::Verify) const;
    Status store(const CacheRecord &record);

    Result<QJsonObject> readJson(const QString &relPath) const;
    Status writeJson(const QString &relPath, const QJsonObject &o);
    Status writeFile(const QString &relPath, const QByteArray &bytes);
    QString filePath(const QString &relPath) const;

    std::vector<CacheRecord> records() const;
    CacheUsage usage() const;
    // Removes every record, then every blob no record refers to, and stale temporary files.
    // Needs LockMode::Exclusive. Returns the bytes freed.
    Result<qint64> prune(bool all);

private:
    CacheStore() = default;
    bool knownIntact(const Digest &d, const QByteArray &identity) const;
    void rememberIntact(const Digest &d, const QByteArray &identity) const;
    QString m_dir;
    int m_lockFd = -1;
    LockMode m_mode = LockMode::Shared;
};

} // namespace ll::build
