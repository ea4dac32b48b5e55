#pragma once
#include "common/result.h"

#include <QByteArray>

namespace ll::build {

// Gzip of a whole layer tar held in memory, as one gzip member that any gunzip reads, made
// the way pigz makes it: 1 MiB chunks deflated in parallel, each primed with the 32 KiB
// before it and ended on a byte boundary (a sync flush), their CRC-32s combined. A chunk that
// does not compress (media, already compressed files) is stored instead of deflated, which
// saves most of the time zlib would spend failing to compress it. The output depends only on
// the input and `level`, never on the number of threads: layers stay reproducible.
Result<QByteArray> gzipLayer(const QByteArray &tar, int level = 6);

} // namespace ll::build
