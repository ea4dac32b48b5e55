#pragma once
#include <QString>
#include <cstddef>

namespace ll {

enum class Compression { None, Gzip, Zstd, Xz, Bzip2 };

// Decided from the first bytes of the stored blob, never from a name or a media type (tools
// mislabel them: skopeo calls the plain tar layers of a docker archive gzip).
Compression detectCompression(const char *data, size_t len);
QString compressionName(Compression c);

// libarchive's version and the libraries it was built with ("libarchive 3.6.2 zlib/1.2.13 …").
QString libarchiveVersion();

} // namespace ll
