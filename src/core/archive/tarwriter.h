#pragma once
#include "archive/compression.h"
#include "archive/tarheader.h"
#include "common/result.h"

#include <QByteArray>
#include <functional>
#include <memory>

namespace ll {

// Writes a tar stream (POSIX pax where a name, id or size needs it, ustar otherwise, as
// BuildKit does) into memory, optionally compressed. Entries are written in the order given;
// callers that want reproducible output sort them first and fix mtimes.
class TarWriter {
public:
    // `level`: the compressor's level (libarchive's compression-level option), -1 for its default.
    explicit TarWriter(Compression compression = Compression::None, int level = -1);
    // Streams the output to `sink` instead of keeping it in memory (finish() then returns an
    // empty array). The sink returns false to abort with an I/O error.
    using Sink = std::function<bool(const char *, size_t)>;
    TarWriter(Compression compression, Sink sink);
    ~TarWriter();
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;

    // `header.path` is written as given (no normalisation: tests need hostile names too).
    Status add(const TarHeader &header, const QByteArray &data = {});
    // Large files without holding them in memory: a header with h.size set, then exactly
    // h.size bytes through writeData().
    Status addHeader(const TarHeader &header);
    Status writeData(const char *data, size_t len);
    // Room for this many bytes of output in memory: a layer's tar grown by appending was copied
    // at every doubling (a fifth of a cold COPY build's time).
    void reserve(qsizetype bytes);
    // Ends the archive and hands back its bytes.
    Result<QByteArray> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ll
