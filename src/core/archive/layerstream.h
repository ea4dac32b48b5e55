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

// The default for LayerStreamLimits::maxRatio: 1000, or LAYERLENS_MAX_RATIO when that is set
// to a whole number (0 lifts the ratio limit).
qint64 defaultMaxRatio();

struct LayerStreamLimits {
    qint64 maxEntries = 5'000'000;
    // Deeper names are skipped with a warning: everything downstream walks paths component by
    // component, and Linux itself cannot create more than PATH_MAX / 2 levels.
    int maxPathDepth = 1024;
    // Layers are streamed, so a decompression bomb costs time, not memory. The ratio bounds that
    // time by the stored size: past `ratioFloor`, a layer may decompress to at most `maxRatio`
    // times its stored bytes (1000 is about gzip's own maximum, 1032:1; zstd, xz and bzip2 reach
    // far beyond). 0 turns the ratio check off; `maxUncompressed` still applies.
    qint64 maxRatio = defaultMaxRatio();
    qint64 ratioFloor = qint64(1) << 30;       // 1 GiB
    qint64 maxUncompressed = qint64(1) << 40; // 1 TiB, whatever the ratio
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
    // The SHA-256 of the current entry's data, into `dest`: at once, or, when the layer's
    // digests are being computed on a second thread, there too, written by the time finish()
    // returns (so `dest` must stay where it is until then, and outlive this stream).
    Status hashData(HashBytes &dest);
    // Reads whatever follows the tar's end marker (so both digests cover every byte) and
    // returns the digests and sizes.
    Result<LayerStreamStats> finish();
    Compression compression() const;
    // Whether the digests went to a second thread (a layer of 4 MiB or more read while a core was free).
    bool hashedAside() const;
    const QStringList &warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ll
