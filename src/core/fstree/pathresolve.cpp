#include "pathresolve.h"

#include <QList>

#include <algorithm>

namespace ll {

int32_t resolveInImage(const ImageFs &fs, int layer, const QByteArray &path, bool followLast)
{
    // What is left to walk, last component first, so a link's target is pushed in front.
    QList<QByteArray> todo;
    const QList<QByteArray> parts = path.split('/');
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
        todo.append(*it);
    QList<QByteArray> at; // the components of where the walk stands
    int links = 0;
    while (!todo.isEmpty()) {
        const QByteArray part = todo.takeLast();
        if (part.isEmpty() || part == ".")
            continue;
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
        const bool last = todo.isEmpty() || std::all_of(todo.begin(), todo.end(), [](const QByteArray &p) { return p.isEmpty() || p == "."; });
        if (e->h.type == EntryType::Symlink && (!last || followLast)) {
            if (++links > 40)
                return -1;
            const QByteArray target = fs.linkTarget(*e);
            at.removeLast();
            if (target.startsWith('/'))
                at.clear();
            const QList<QByteArray> t = target.split('/');
            for (auto it = t.rbegin(); it != t.rend(); ++it)
                todo.append(*it);
            continue;
        }
        if (!last && e->h.type != EntryType::Directory)
            return -1;
    }
    return at.isEmpty() ? ImageFs::kRoot : fs.find(at.join('/'));
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
