#pragma once
#include "archive/compression.h"
#include "archive/tarheader.h"
#include "common/digest.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QSet>
#include <optional>
#include <utility>
#include <vector>

namespace ll::build {

// A layer blob ready for the cache store.
struct LayerBlob {
    QByteArray blob;
    Digest digest;   // of blob
    Digest diffId;   // of the uncompressed tar
    QString mediaType;
    qint64 entries = 0;
    // A compressed layer's entries again, uncompressed, files without their data: what the
    // build's skeleton root needs of it (ApplyOptions::skeleton), read without inflating the blob.
    QByteArray skeleton;
};

struct LayerWriteOptions {
    Compression compression = Compression::Gzip;
    int compressionLevel = -1; // -1: the kind's default
    // SOURCE_DATE_EPOCH: no mtime in the layer is later than this.
    std::optional<qint64> sourceDateEpoch;
    QSet<QByteArray> skip; // paths (and everything below) left out: runtime mount points
};

using LayerEntries = std::vector<std::pair<TarHeader, QByteArray>>;

// Reads an overlayfs upper folder as a layer: a character device 0/0 is a deletion
// (`.wh.NAME`), a folder marked opaque (trusted.overlay.opaque=y) hides everything below it
// (`DIR/.wh..wh..opq`). Entries come out sorted by path, files linked together inside the
// folder become hard links, owners and modes as on disk, mtimes clamped.
Result<LayerEntries> readUpperDir(const QString &dir, const LayerWriteOptions &options, TaskContext &ctx);

// Serialises entries (in the order given) as a tar, compressed as asked. The same entries
// give the same bytes: no timestamps or names in the gzip header.
Result<LayerBlob> makeLayerBlob(const LayerEntries &entries, Compression compression, int level = -1);
// The same for entries still to be checked, in the form a step's layer takes.
Result<std::optional<LayerBlob>> makeLayerBlob(const Result<LayerEntries> &entries, Compression compression, int level = -1);

} // namespace ll::build
