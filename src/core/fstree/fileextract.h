#pragma once
#include "archive/fileregion.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QByteArray>

namespace ll {

// The bytes of one regular file as a layer blob stores it, read by streaming the layer (nothing
// is written to disk). `path` is normalised as in TarHeader. When the tar names the path more
// than once the last entry wins, as when the layer is applied; a hard link is followed to its
// target inside the same layer.
struct ExtractedFile {
    QByteArray data;       // the first `limit` bytes
    qint64 fullSize = 0;   // the file's whole size
    bool truncated() const { return fullSize > data.size(); }
};

// NotFound when the layer holds no regular file (or hard link to one) at `path`.
Result<ExtractedFile> extractLayerFile(const FileRegion &layerBlob, const QByteArray &path, qint64 limit, TaskContext &ctx);

} // namespace ll
