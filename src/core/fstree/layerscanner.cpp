#include "layerscanner.h"

#include "common/sha256.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace ll {

WhiteoutKind whiteoutKind(const QByteArray &path, QByteArray &target)
{
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArrayView base = QByteArrayView(path).sliced(slash + 1); // a view: called for every entry
    if (!base.startsWith(".wh."))
        return WhiteoutKind::None;
    const QByteArray dir = slash < 0 ? QByteArray() : path.left(slash);
    if (base == ".wh..wh..opq") {
        target = dir;
        return WhiteoutKind::Opaque;
    }
    if (base.startsWith(".wh..wh."))
        return WhiteoutKind::Reserved;
    const QByteArrayView name = base.sliced(4);
    if (name.isEmpty() || name == "." || name == "..")
        return WhiteoutKind::Reserved;
    target = dir.isEmpty() ? name.toByteArray() : dir + '/' + name.toByteArray();
    return WhiteoutKind::Whiteout;
}

namespace {

// new[i] = old[order[i]] for both arrays, in place (following the permutation's cycles), so a
// layer's entries are never held twice.
void permute(LayerContent &c, LargeVector<uint32_t> &order)
{
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i)
            continue;
        FileEntry entry = c.entries[i];
        const int32_t node = c.nodes[i];
        size_t j = i;
        for (;;) {
            const size_t k = order[j];
            order[j] = uint32_t(j);
            if (k == i) {
                c.entries[j] = entry;
                c.nodes[j] = node;
                break;
            }
            c.entries[j] = c.entries[k];
            c.nodes[j] = c.nodes[k];
            j = k;
        }
    }
}

// Entries appear in tar order; a later entry for the same path replaces the earlier one.
void dedupeAndSort(LayerContent &c)
{
    if (!std::is_sorted(c.nodes.begin(), c.nodes.end())) {
        LargeVector<uint32_t> order(c.nodes.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return c.nodes[a] < c.nodes[b]; });
        permute(c, order);
    }
    size_t out = 0;
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        if (i + 1 < c.nodes.size() && c.nodes[i + 1] == c.nodes[i])
            continue;
        c.entries[out] = c.entries[i];
        c.nodes[out++] = c.nodes[i];
    }
    c.entries.resize(out);
    c.nodes.resize(out);
}

// Hard links inside the layer take their target's content; targets below are resolved later.
void resolveHardlinks(LayerContent &c)
{
    for (FileEntry &e : c.entries) {
        if (e.h.type != EntryType::Hardlink)
            continue;
        const auto it = std::lower_bound(c.nodes.begin(), c.nodes.end(), e.link());
        if (it == c.nodes.end() || *it != e.link())
            continue;
        const FileEntry &t = c.entries[size_t(it - c.nodes.begin())];
        if (t.h.type == EntryType::Regular) {
            e.content = t.content;
            e.setFlag(FileEntry::kHasContent, t.hasContent());
            e.h.size = t.h.size;
            e.h.mode = t.h.mode; // one inode: the link shows the target's attributes
            e.setFlag(FileEntry::kSizeFromLink, true);
        }
    }
}

Error namesTooBig(const FileRegion &region)
{
    return makeError(ErrorCode::Limit, Msg::tr("the image's names and link targets pass 2 GiB"), region.displayName);
}

// A FileEntry from a tar header: names become references into the table.
std::optional<FileEntry> entryOf(const TarHeader &h, PathTable &paths)
{
    FileEntry e;
    e.h.size = h.size;
    e.h.mtime = h.mtime;
    e.h.uid = h.uid;
    e.h.gid = h.gid;
    e.h.mode = uint16_t(h.mode & 07777u);
    e.h.type = h.type;
    e.setFlag(FileEntry::kHasXattrs, h.hasXattrs);
    if (h.type == EntryType::Symlink)
        e.h.link = paths.internLink(h.linkTarget);
    else if (h.type == EntryType::Hardlink)
        e.h.link = paths.intern(h.linkTarget);
    if ((h.type == EntryType::Symlink || h.type == EntryType::Hardlink) && e.h.link < 0)
        return std::nullopt;
    if (h.type == EntryType::CharDevice || h.type == EntryType::BlockDevice)
        e.setDevice(h.devMajor, h.devMinor);
    return e;
}

// Reads one layer's entries into `c`; whiteouts and opaque markers become lists.
Status readEntries(LayerStream &stream, const FileRegion &region, ScannedLayer &out)
{
    LayerContent &c = out.content;
    PathTable::Hint hint;
    TarHeader h;
    for (;;) {
        auto more = stream.next(h);
        if (!more.ok())
            return more.error();
        if (!more.value())
            return okStatus();
        ++out.tarEntries;
        c.tarHeaderBytes += h.size;
        QByteArray target;
        switch (whiteoutKind(h.path, target)) {
        case WhiteoutKind::Whiteout: c.whiteouts.push_back(target); continue;
        case WhiteoutKind::Opaque: c.opaqueDirs.push_back(target); continue;
        case WhiteoutKind::Reserved: continue;
        case WhiteoutKind::None: break;
        }
        const int32_t node = c.paths->intern(h.path, &hint);
        std::optional<FileEntry> e = node < 0 ? std::nullopt : entryOf(h, *c.paths);
        if (!e)
            return namesTooBig(region);
        if (h.type == EntryType::Regular)
            e->setFlag(FileEntry::kHasContent, true);
        c.entries.push_back(*e);
        c.nodes.push_back(node);
        // The digest may be written on the stream's hashing thread until finish(): a deque's
        // elements stay where they are as it grows.
        if (h.type == EntryType::Regular)
            if (auto s = stream.hashData(c.entries.back().content); !s.ok())
                return s;
    }
}

} // namespace

Result<ScannedLayer> scanLayer(const FileRegion &region, TaskContext &ctx, const LayerStreamLimits &limits, std::shared_ptr<PathTable> paths)
{
    // `out` first: the stream's hashing thread may still be writing file digests into it
    // until the stream is finished or destroyed, so it must be destroyed after the stream.
    ScannedLayer out;
    LayerStream stream;
    if (auto s = stream.open(region, ctx, limits); !s.ok())
        return s.error();
    out.content.paths = paths ? std::move(paths) : std::make_shared<PathTable>();
    if (auto s = readEntries(stream, region, out); !s.ok())
        return s.error();
    auto stats = stream.finish();
    if (!stats.ok())
        return stats.error();
    out.stats = stats.value();
    out.content.warnings = stream.warnings();
    dedupeAndSort(out.content);
    resolveHardlinks(out.content);
    std::sort(out.content.whiteouts.begin(), out.content.whiteouts.end());
    std::sort(out.content.opaqueDirs.begin(), out.content.opaqueDirs.end());
    return out;
}

} // namespace ll
