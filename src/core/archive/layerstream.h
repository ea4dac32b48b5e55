#pragma once
#include "archive/compression.h"
#include "archive/fileregion.h"
#include "archive/tarheader.h"
#include "common/digest.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QStringList>
#include <functional>
#include <memory>

namespace ll {

struct LayerStreamStats {
    HashBytes storedHash{};      // sha256 of the bytes as stored: the blob digest
    HashBytes uncompressedHash{}; // sha256 of the tar after decompression: the DiffID
    qint64 storedSize = 0;
    qint64 uncompressedSize = 0;
    Compression compression = Compression::None;
};

struct LayerStreamLimits {
    qint64 maxEntries = 5'000'000;
    // Deeper names are skipped with a warning: everything downstream walks paths component by
    // component, and Linux itself cannot create more than PATH_MAX / 2 levels.
    int maxPathDepth = 1024;
    qint64 maxUncompressed = qint64(1) << 40; // 1 TiB: a bomb runs into this long before memory does
};

// Reads one layer blob in a single streaming pass: hashes the stored bytes, decompresses
// (compression found from magic bytes), hashes the tar, and walks its entries. Nothing is
// written to disk. One instance per thread.
class LayerStream {
public:
    LayerStream();
    ~LayerStream();
    LayerStream(const LayerStream &) = delete;
    LayerStream &operator=(const LayerStream &) = delete;

    Status open(const FileRegion &region, TaskContext &ctx, LayerStreamLimits limits = {});
    // true with `out` filled, false at the end of the tar, Canceled when the context says so
    // (polled per entry). Entries whose names climb out of the root are skipped and listed in
    // warnings().
    Result<bool> next(TarHeader &out);
    // Streams the current entry's data; only regular files have any.
    Status readData(const std::function<void(const char *, size_t)> &sink);
    // Reads whatever follows the tar's end marker (so both digests cover every byte) and
    // returns the digests and sizes.
    Result<LayerStreamStats> finish();
    Compression compression() const;
    const QStringList &warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ll
