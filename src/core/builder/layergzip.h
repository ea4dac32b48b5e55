#pragma once
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace ll::build {

// gzip's scale, 0 (stored) to 9 (smallest). Levels 1–3 run ISA-L's deflate levels 1–3 when
// LayerLens is built with ISA-L (zlib's otherwise); 4–9 always run zlib's, for whoever pays
// for pushes more than for builds. The default comes from docs/performance.md ("Deflate"):
// on a 215 MB tar of Debian's files, ISA-L's level 2 on two cores takes 0.05× the time of
// `gzip -6` for a blob 13 % bigger (zlib's level 6 on two cores: 0.5×); level 1 is no faster
// and 1.5 % bigger, level 3 25 % slower for 2 % less.
constexpr int kDefaultGzipLevel = 2;
constexpr int kMaxGzipLevel = 9;

// Which library and level make a gzip layer at `level` ("ISA-L 2.30.0 level 1", "zlib 1.2.13
// level 6"): the same input, level and engine give the same bytes, so the build cache keys on it.
QString gzipEngine(int level);

// Gzip of a whole layer tar held in memory, as one gzip member that any gunzip reads, made
// the way pigz makes it: 1 MiB chunks deflated in parallel, each primed with the 32 KiB
// before it and ended on a byte boundary (a sync flush), their CRC-32s combined. With zlib a
// chunk that does not compress (media, already compressed files) is stored instead of
// deflated, which saves most of the time zlib would spend failing to compress it (ISA-L fails
// fast on its own and stores such blocks itself). The output depends only on the input, the
// level and the engine, never on the number of threads: layers stay reproducible.
Result<QByteArray> gzipLayer(const QByteArray &tar, int level = kDefaultGzipLevel);

} // namespace ll::build
