#include "compression.h"

#include "archiveentry_p.h"

#include <cstring>

namespace ll {

Compression detectCompression(const char *data, size_t len)
{
    const auto starts = [&](const char *magic, size_t n) { return len >= n && std::memcmp(data, magic, n) == 0; };
    // A plain tar whose first member is named "BZh…" (or like another magic) is still a tar:
    // its header says so at byte 257 ("ustar"), where no compressed stream's first bytes do.
    if (len >= 262 && std::memcmp(data + 257, "ustar", 5) == 0)
        return Compression::None;
    if (starts("\x1f\x8b", 2))
        return Compression::Gzip;
    if (starts("\x28\xb5\x2f\xfd", 4))
        return Compression::Zstd;
    if (starts("\xfd" "7zXZ\x00", 6))
        return Compression::Xz;
    if (starts("BZh", 3))
        return Compression::Bzip2;
    return Compression::None;
}

QString compressionName(Compression c)
{
    switch (c) {
    case Compression::None: return QStringLiteral("none");
    case Compression::Gzip: return QStringLiteral("gzip");
    case Compression::Zstd: return QStringLiteral("zstd");
    case Compression::Xz: return QStringLiteral("xz");
    case Compression::Bzip2: return QStringLiteral("bzip2");
    }
    return QStringLiteral("unknown");
}

QString libarchiveVersion()
{
    return QString::fromLatin1(archive_version_details());
}

} // namespace ll
