#pragma once
#include <QString>
#include <cstddef>

namespace ll {

enum class Compression { None, Gzip, Zstd, Xz, Bzip2 };

// Decided from the first bytes of the stored blob, never from a name or a media type (tools
// mislabel them: skopeo calls the plain tar layers of a docker archive gzip).
Compression detectCompression(const char *data, size_t len);
QString compressionName(Compression c);

} // namespace ll
