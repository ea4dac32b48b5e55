#include "pathresolve.h"

#include <QList>

namespace ll {

int32_t resolveInImage(const ImageFs &fs, int layer, const QByteArray &path, bool followLast)
{
    // What is left to walk, last component first, so a link's target is pushed in front.
    // `ahead` counts the components left that name something (not "" nor "."), so whether a
    // component is the last one is known without rescanning; `budget` bounds the components a
    // hostile chain of long link targets can make the walk visit.
    QList<QByteArray> todo;
    qsizetype ahead = 0, budget = 1 << 16;
    const auto push = [&](const QByteArray &target) {
        const QList<QByteArray> parts = target.split('/');
        budget -= parts.size();
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
            todo.append(*it);
            ahead += !it->isEmpty() && *it != ".";
        }
    };
    push(path);
    QList<QByteArray> at; // the components of where the walk stands
    int links = 0;
    while (!todo.isEmpty()) {
        if (budget < 0)
            return -1;
        const QByteArray part = todo.takeLast();
        if (part.isEmpty() || part == ".")
            continue;
        --ahead;
        if (part == "..") {
            if (!at.isEmpty())
                at.removeLast();
            continue;
        }
        at.append(part);
        const int32_t id = fs.find(at.join('/'));
        const FileEntry *e = id < 0 ? nullptr : fs.entryAfter(id, layer);
        if (!e)
            return -1;
        const bool last = ahead == 0;
        if (e->h.type == EntryType::Symlink && (!last || followLast)) {
            if (++links > 40)
                return -1;
            const QByteArray target = fs.linkTarget(*e);
            at.removeLast();
            if (target.startsWith('/'))
                at.clear();
            push(target);
            continue;
        }
        if (!last && e->h.type != EntryType::Directory)
            return -1;
    }
    const int32_t found = at.isEmpty() ? ImageFs::kRoot : fs.find(at.join('/'));
    // "file/" names a folder: as stat(2), a path ending in a slash must end at one.
    if (found > ImageFs::kRoot && (path.endsWith('/') || path.endsWith("/."))) {
        const FileEntry *e = fs.entryAfter(found, layer);
        if (!e || e->h.type != EntryType::Directory)
            return -1;
    }
    return found;
}

int storingLayer(const ImageFs &fs, int32_t node, int layer)
{
    if (node < 0 || !fs.entryAfter(node, layer))
        return -1;
    int from = -1;
    for (const PathEvent &e : fs.eventsOf(node)) {
        if (e.layer > layer)
            break;
        from = e.entry >= 0 ? int(e.layer) : -1;
    }
    return from;
}

} // namespace ll
