#pragma once
#include "archive/fileregion.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QByteArray>
#include <functional>

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

// Streams the file's bytes instead of holding them, for files of any size. The tar may name the
// path more than once (the last entry wins) or be a hard link, so `restart` comes before each
// candidate entry and the sink must drop what it had. An error from the sink stops the read
// and is what comes back.
struct ExtractSink {
    std::function<Status(qint64 fullSize)> restart;
    std::function<Status(const char *data, size_t size)> write;
};
Status extractLayerFileTo(const FileRegion &layerBlob, const QByteArray &path, const ExtractSink &sink, TaskContext &ctx);

} // namespace ll
