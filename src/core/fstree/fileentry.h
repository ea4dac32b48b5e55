#pragma once
#include "archive/tarheader.h"
#include "common/digest.h"
#include "fstree/pathtable.h"

#include <QStringList>
#include <deque>
#include <memory>
#include <vector>

namespace ll {

// What a tar header says about one entry, without its names: the path is the entry's node in
// the tree, a link target is a reference (see FileEntry::link).
struct EntryAttrs {
    qint64 size = 0;
    qint64 mtime = 0;
    uint32_t uid = 0;
    uint32_t gid = 0;
    uint16_t mode = 0; // permission bits including setuid/setgid/sticky (07777)
    EntryType type = EntryType::Regular;
    uint8_t flags = 0; // FileEntry's bits
    int32_t link = -1; // see FileEntry::link()
};

// One file of one layer as the layer's tar states it, plus the sha256 of its content. 64 bytes:
// an image holds one per entry of every layer, so every byte here is paid millions of times.
struct FileEntry {
    EntryAttrs h;
    HashBytes content{}; // regular files and resolved hard links; devices keep their numbers here

    bool hasContent() const { return h.flags & kHasContent; }
    bool isImplicit() const { return h.flags & kImplicit; } // a parent directory the layer implies but does not list
    bool hasXattrs() const { return h.flags & kHasXattrs; }
    // Symlinks: an index into the image's link targets (ImageFs::linkTarget). Hard links: the
    // node of the target path. -1 otherwise.
    int32_t link() const { return h.link; }
    uint32_t devMajor() const;
    uint32_t devMinor() const;

    void setFlag(uint8_t flag, bool on) { h.flags = uint8_t(on ? h.flags | flag : h.flags & ~flag); }
    void setDevice(uint32_t major, uint32_t minor);
    // kSizeFromLink: a hard link whose size and content were taken from its target (its tar
    // header said 0), so figures that follow the header (dive's) can tell.
    static constexpr uint8_t kHasContent = 1, kImplicit = 2, kHasXattrs = 4, kSizeFromLink = 8;
};
static_assert(sizeof(FileEntry) == 64, "FileEntry is paid per entry of every layer");

// A layer's tar, read: its entries (whiteouts taken out) and what it removes from below.
struct LayerContent {
    // Sorted by node (parents before children), one per path (the last tar entry wins). A deque
    // grows without copying, so a layer being read never holds its entries twice.
    std::deque<FileEntry> entries;
    // entries[i]'s node in `paths`, while the layer waits to be merged (ImageFs::build empties it).
    LargeVector<int32_t> nodes;
    std::shared_ptr<PathTable> paths;     // shared by the layers of one image
    std::vector<QByteArray> whiteouts;    // paths removed from lower layers (".wh.NAME")
    std::vector<QByteArray> opaqueDirs;   // directories whose lower children are hidden
    QStringList warnings;
    qint64 tarHeaderBytes = 0; // Σ header size fields of every tar entry, whiteouts and repeats included (dive's layer size)
    qint64 contentBytes() const; // Σ regular file sizes
};

// How a path changed in a layer, against the filesystem below it.
enum class Change : uint8_t { Unchanged, Added, Modified, AttrsOnly, Removed };
QString changeName(Change c);  // the JSON value: "added"…
QString changeLabel(Change c); // the same in the language applied, for people (window, text reports)
char changeLetter(Change c); // ' ', 'A', 'M', 'T' (attributes), 'D'

// Equality as LayerLens defines "unchanged": type, content, mode, owner, link target and device
// numbers; never mtime. Both entries must come from one image (link targets are compared by
// reference).
Change classifyChange(const FileEntry *before, const FileEntry &after);

QString modeString(EntryType type, uint32_t mode); // "drwxr-xr-x"

} // namespace ll
