#pragma once
#include "archive/fileregion.h"
#include "common/taskcontext.h"
#include "image/imagewriter.h"

#include <vector>

namespace ll::build {

struct StoredImage {
    QString name;     // "repo:tag", empty when untagged
    Digest manifest;
    Digest config;
    qint64 size = 0;  // config + layers as stored
    QString created;
};

struct StorePruneReport {
    int blobs = 0;
    qint64 bytes = 0;
};

// The local image store: one OCI image layout folder whose index.json names every image
// (annotation io.containerd.image.name). `FROM name` and `COPY --from=name` look here.
// Blobs are written under temporary names and renamed; index.json is rewritten under a lock.
class ImageStore {
public:
    explicit ImageStore(QString dir) : m_dir(std::move(dir)) {}
    // $LAYERLENS_STORE_DIR, else $XDG_DATA_HOME/layerlens/images, else ~/.local/share/....
    static QString defaultDir();
    const QString &dir() const { return m_dir; }

    // Adds the image; an image already called `image.name` loses the name.
    Status add(const BuiltImage &image);
    Result<std::vector<StoredImage>> list() const;
    bool contains(const QString &name) const;
    // Names a manifest whose blobs are already in the store (an earlier name moves to it).
    Status tag(const QString &name, const Digest &manifest, qint64 size, const QString &mediaType);
    // Forgets a name (or an unnamed image by digest prefix); prune() frees its blobs.
    Status untag(const QString &name);
    // Deletes blobs no name reaches, and unfinished downloads.
    Result<StorePruneReport> prune();
    QString blobPath(const Digest &d) const;
    // Copies an image from an archive or layout into the store under `name`.
    Status import(const QString &source, const QString &name, TaskContext &ctx);

    // "busybox" -> "busybox:latest"; digests and tagged names unchanged.
    static QString normalizeName(const QString &name);

private:
    QString m_dir;
};

// Reads an image source's blobs into a BuiltImage (layers as stored, blob digests verified,
// DiffIDs taken from the config; with `verifyDiffIds` each layer is also decompressed and its
// DiffID checked).
Result<BuiltImage> loadImage(const QString &path, const QString &ref, TaskContext &ctx, bool verifyDiffIds = false);

// The DiffID (sha256 of the uncompressed tar) of a layer blob, checked against `expected`;
// the error names the image, the layer and both digests.
Status checkDiffId(const FileRegion &blob, const Digest &expected, size_t index, const QString &image, TaskContext &ctx);

} // namespace ll::build
