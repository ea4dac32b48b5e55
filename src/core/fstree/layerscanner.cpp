#include "layerscanner.h"

#include "common/sha256.h"

#include <QHash>
#include <algorithm>

namespace ll {

WhiteoutKind whiteoutKind(const QByteArray &path, QByteArray &target)
{
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray base = path.mid(slash + 1);
    if (!base.startsWith(".wh."))
        return WhiteoutKind::None;
    const QByteArray dir = slash < 0 ? QByteArray() : path.left(slash);
    if (base == ".wh..wh..opq") {
        target = dir;
        return WhiteoutKind::Opaque;
    }
    if (base.startsWith(".wh..wh."))
        return WhiteoutKind::Reserved;
    const QByteArray name = base.mid(4);
    if (name.isEmpty() || name == "." || name == "..")
        return WhiteoutKind::Reserved;
    target = dir.isEmpty() ? name : dir + '/' + name;
    return WhiteoutKind::Whiteout;
}

namespace {

// Entries appear in tar order; a later entry for the same path replaces the earlier one.
void dedupeAndSort(std::vector<FileEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const FileEntry &a, const FileEntry &b) { return a.h.path < b.h.path; });
    auto out = entries.begin();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        auto next = it + 1;
        if (next != entries.end() && next->h.path == it->h.path)
            continue;
        if (out != it)
            *out = std::move(*it);
        ++out;
    }
    entries.erase(out, entries.end());
}

// Hard links inside the layer take their target's content; targets below are resolved later.
void resolveHardlinks(LayerContent &c)
{
    QHash<QByteArray, qsizetype> byPath;
    for (qsizetype i = 0; i < qsizetype(c.entries.size()); ++i)
        byPath.insert(c.entries[size_t(i)].h.path, i);
    for (FileEntry &e : c.entries) {
        if (e.h.type != EntryType::Hardlink)
            continue;
        const auto it = byPath.constFind(e.h.linkTarget);
        if (it == byPath.constEnd())
            continue;
        const FileEntry &t = c.entries[size_t(*it)];
        if (t.h.type == EntryType::Regular) {
            e.content = t.content;
            e.hasContent = t.hasContent;
            e.h.size = t.h.size;
            e.h.mode = t.h.mode; // one inode: the link shows the target's attributes
        }
    }
}

} // namespace

Result<ScannedLayer> scanLayer(const FileRegion &region, TaskContext &ctx)
{
    LayerStream stream;
    if (auto s = stream.open(region, ctx); !s.ok())
        return s.error();
    ScannedLayer out;
    Sha256 hasher;
    TarHeader h;
    for (;;) {
        auto more = stream.next(h);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        ++out.tarEntries;
        QByteArray target;
        switch (whiteoutKind(h.path, target)) {
        case WhiteoutKind::Whiteout: out.content.whiteouts.push_back(target); continue;
        case WhiteoutKind::Opaque: out.content.opaqueDirs.push_back(target); continue;
        case WhiteoutKind::Reserved: continue;
        case WhiteoutKind::None: break;
        }
        FileEntry e;
        e.h = h;
        if (h.type == EntryType::Regular) {
            hasher.reset();
            if (auto s = stream.readData([&](const char *p, size_t n) { hasher.update(p, n); }); !s.ok())
                return s.error();
            e.content = hasher.finish();
            e.hasContent = true;
        }
        out.content.entries.push_back(std::move(e));
    }
    auto stats = stream.finish();
    if (!stats.ok())
        return stats.error();
    out.stats = stats.value();
    out.content.warnings = stream.warnings();
    dedupeAndSort(out.content.entries);
    resolveHardlinks(out.content);
    std::sort(out.content.whiteouts.begin(), out.content.whiteouts.end());
    std::sort(out.content.opaqueDirs.begin(), out.content.opaqueDirs.end());
    return out;
}

} // namespace ll
