#pragma once
#include "archive/tarheader.h"
#include "common/digest.h"

#include <QStringList>
#include <vector>

namespace ll {

// One file of one layer as the layer's tar states it, plus the sha256 of its content.
struct FileEntry {
    TarHeader h;
    HashBytes content{}; // regular files and resolved hard links
    bool hasContent = false;
    bool implicit = false; // a parent directory the layer implies but does not list
};

// A layer's tar, read: its entries (whiteouts taken out) and what it removes from below.
struct LayerContent {
    std::vector<FileEntry> entries;       // sorted by path, one per path (the last tar entry wins)
    std::vector<QByteArray> whiteouts;    // paths removed from lower layers (".wh.NAME")
    std::vector<QByteArray> opaqueDirs;   // directories whose lower children are hidden
    QStringList warnings;
    qint64 contentBytes() const; // Σ regular file sizes
};

// How a path changed in a layer, against the filesystem below it.
enum class Change : uint8_t { Unchanged, Added, Modified, AttrsOnly, Removed };
QString changeName(Change c);
char changeLetter(Change c); // ' ', 'A', 'M', 'T' (attributes), 'D'

// Equality as LayerLens defines "unchanged": type, content, mode, owner, link target and device
// numbers; never mtime.
Change classifyChange(const FileEntry *before, const FileEntry &after);

QString modeString(EntryType type, uint32_t mode); // "drwxr-xr-x"

} // namespace ll
