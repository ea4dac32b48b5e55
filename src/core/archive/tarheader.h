#pragma once
#include <QByteArray>
#include <QString>
#include <cstdint>

namespace ll {

enum class EntryType : uint8_t { Regular, Directory, Symlink, Hardlink, CharDevice, BlockDevice, Fifo, Socket, Other };

QString entryTypeName(EntryType t);
// 'ls -l' style letter: '-', 'd', 'l', 'h', 'c', 'b', 'p', 's', '?'
char entryTypeLetter(EntryType t);

// One tar header as it came out of an archive, with the name normalised: no leading "./" or
// "/", no trailing "/", no empty or "." components. Names are bytes (tar does not promise UTF-8).
struct TarHeader {
    QByteArray path;
    QByteArray linkTarget; // symlink target, or the (normalised) hard-link target
    qint64 size = 0;
    qint64 mtime = 0;
    uint32_t mode = 0; // permission bits including setuid/setgid/sticky (07777)
    uint32_t uid = 0;
    uint32_t gid = 0;
    uint32_t devMajor = 0;
    uint32_t devMinor = 0;
    EntryType type = EntryType::Regular;
    bool hasXattrs = false;
};

// Splits a tar member name into a normalised relative path. Returns false when the name
// climbs out of the root ("..") — the caller decides whether that is an error or a skip.
bool normaliseArchivePath(const QByteArray &raw, QByteArray &out);

} // namespace ll
