#pragma once
#include "archive/layerstream.h"
#include "fstree/fileentry.h"

namespace ll {

struct ScannedLayer {
    LayerContent content;
    LayerStreamStats stats;
    qint64 tarEntries = 0; // entries in the tar, whiteouts included
};

// Reads a layer blob in one pass: digests, decompression, entry listing with content hashes,
// whiteouts sorted out as the OCI image spec (layer.md) defines them. Paths go into `paths`
// (give the layers of one image the same table; a new one when null).
Result<ScannedLayer> scanLayer(const FileRegion &region, TaskContext &ctx, const LayerStreamLimits &limits = {},
                               std::shared_ptr<PathTable> paths = nullptr);

// ".wh..wh..opq" in DIR → opaque DIR; ".wh.NAME" → whiteout of NAME; other ".wh..wh.*" names
// are reserved by the spec and ignored. Returns false for an ordinary entry.
enum class WhiteoutKind { None, Whiteout, Opaque, Reserved };
WhiteoutKind whiteoutKind(const QByteArray &path, QByteArray &target);

} // namespace ll
