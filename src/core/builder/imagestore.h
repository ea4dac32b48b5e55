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

    // Held (shared) while blobs are written before the name that keeps them (pulls, add):
    // prune() takes it exclusively, so it never deletes what a pull has not named yet.
    class InUse {
    public:
        explicit InUse(const ImageStore &store, bool exclusive = false);
        ~InUse();
        InUse(const InUse &) = delete;
        InUse &operator=(const InUse &) = delete;

    private:
        int m_fd = -1;
    };
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
    // The names a typed image may be stored under: as typed (with :latest), and docker's short
    // form of the normalised reference ("docker.io/library/alpine:3" is stored as "alpine:3").
    static QStringList candidateNames(const QString &typed);

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
