#include "imagefs.h"

#include <algorithm>
#include <functional>

namespace ll {

std::shared_ptr<const ImageFs> ImageFs::build(std::vector<LayerContent> layers)
{
    auto fs = std::make_shared<ImageFs>();
    fs->m_layers = std::move(layers);
    fs->m_nodes.emplace_back(); // the root
    fs->m_childIndex.emplace_back();
    for (int i = 0; i < fs->layerCount(); ++i)
        fs->applyLayer(i);
    fs->finishTree();
    return fs;
}

int32_t ImageFs::child(int32_t parent, const QByteArray &name)
{
    auto &index = m_childIndex[size_t(parent)];
    const auto it = index.constFind(name);
    if (it != index.constEnd())
        return *it;
    const int32_t id = int32_t(m_nodes.size());
    FsNode n;
    n.parent = parent;
    n.name = name;
    m_nodes.push_back(std::move(n));
    m_childIndex.emplace_back();
    m_nodes[size_t(parent)].children.push_back(id);
    m_childIndex[size_t(parent)].insert(name, id);
    return id;
}

int32_t ImageFs::ensurePath(const QByteArray &path)
{
    int32_t id = kRoot;
    qsizetype i = 0;
    while (i < path.size()) {
        qsizetype j = path.indexOf('/', i);
        if (j < 0)
            j = path.size();
        id = child(id, path.mid(i, j - i));
        i = j + 1;
    }
    return id;
}

int32_t ImageFs::find(const QByteArray &path) const
{
    if (path.isEmpty())
        return kRoot;
    int32_t id = kRoot;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        const auto &kids = m_nodes[size_t(id)].children;
        const auto it = std::lower_bound(kids.begin(), kids.end(), part,
                                         [this](int32_t k, const QByteArray &n) { return m_nodes[size_t(k)].name < n; });
        if (it == kids.end() || m_nodes[size_t(*it)].name != part)
            return -1;
        id = *it;
    }
    return id;
}

QByteArray ImageFs::pathOf(int32_t id) const
{
    QByteArrayList parts;
    for (int32_t n = id; n > kRoot; n = m_nodes[size_t(n)].parent)
        parts.prepend(m_nodes[size_t(n)].name);
    return parts.join('/');
}

const FileEntry *ImageFs::entryOf(const PathEvent &e) const
{
    return e.entry < 0 ? nullptr : &m_layers[e.layer].entries[size_t(e.entry)];
}

const FileEntry *ImageFs::entryAfter(int32_t id, int layer) const
{
    if (id == kRoot)
        return nullptr;
    const auto &ev = m_nodes[size_t(id)].events;
    for (auto it = ev.rbegin(); it != ev.rend(); ++it)
        if (it->layer <= layer)
            return entryOf(*it);
    return nullptr;
}

const PathEvent *ImageFs::eventIn(int32_t id, int layer) const
{
    for (const PathEvent &e : m_nodes[size_t(id)].events)
        if (e.layer == layer)
            return &e;
    return nullptr;
}

std::vector<int> ImageFs::layersTouching(int32_t id) const
{
    std::vector<int> out;
    for (const PathEvent &e : m_nodes[size_t(id)].events)
        out.push_back(e.layer);
    return out;
}

qint64 ImageFs::eventCount() const
{
    qint64 n = 0;
    for (const FsNode &node : m_nodes)
        n += qint64(node.events.size());
    return n;
}

// One event per node and layer: a removal followed by a re-creation in the same layer (an
// opaque directory whose child is written again) becomes one change against the layer below.
void ImageFs::addEvent(int32_t id, PathEvent e)
{
    auto &ev = m_nodes[size_t(id)].events;
    if (!ev.empty() && ev.back().layer == e.layer)
        ev.pop_back();
    ev.push_back(e);
}

void ImageFs::removeSubtree(int32_t id, int layer, bool root)
{
    if (!entryAfter(id, layer))
        return;
    for (int32_t c : m_nodes[size_t(id)].children)
        removeSubtree(c, layer, false);
    PathEvent e;
    e.layer = uint16_t(layer);
    e.change = Change::Removed;
    e.removalRoot = root;
    addEvent(id, e);
}

// A layer may list "a/b/c" without "a/b"; the directory exists all the same.
void ImageFs::ensureParents(int32_t id, int layer)
{
    const int32_t parent = m_nodes[size_t(id)].parent;
    if (parent <= kRoot)
        return;
    ensureParents(parent, layer);
    const FileEntry *cur = entryAfter(parent, layer);
    if (cur && cur->h.type == EntryType::Directory)
        return;
    LayerContent &lc = m_layers[size_t(layer)];
    FileEntry implicitDir;
    implicitDir.h.path = pathOf(parent);
    implicitDir.h.type = EntryType::Directory;
    implicitDir.h.mode = 0755;
    implicitDir.implicit = true;
    lc.entries.push_back(implicitDir);
    PathEvent e;
    e.layer = uint16_t(layer);
    e.entry = int32_t(lc.entries.size() - 1);
    e.change = cur ? Change::Modified : Change::Added;
    if (cur)
        removeSubtree(parent, layer, true);
    addEvent(parent, e);
}

void ImageFs::applyLayer(int layerIndex)
{
    LayerContent &lc = m_layers[size_t(layerIndex)];
    const int below = layerIndex - 1;
    // Opaque directories and whiteouts act on the layers below, before this layer's own entries.
    for (const QByteArray &dir : lc.opaqueDirs) {
        const int32_t id = ensurePath(dir);
        for (int32_t c : m_nodes[size_t(id)].children)
            removeSubtree(c, layerIndex, true);
    }
    for (const QByteArray &path : lc.whiteouts)
        removeSubtree(ensurePath(path), layerIndex, true);
    const size_t count = lc.entries.size();
    for (size_t i = 0; i < count; ++i) {
        const int32_t id = ensurePath(lc.entries[i].h.path);
        ensureParents(id, layerIndex);
        FileEntry &entry = m_layers[size_t(layerIndex)].entries[i];
        if (entry.h.type == EntryType::Hardlink && !entry.hasContent) {
            const int32_t target = ensurePath(entry.h.linkTarget);
            if (const FileEntry *t = entryAfter(target, layerIndex)) {
                entry.content = t->content;
                entry.hasContent = t->hasContent;
                entry.h.size = t->h.size;
                entry.h.mode = t->h.mode;
            }
        }
        const FileEntry *prev = below >= 0 ? entryAfter(id, below) : nullptr;
        const FileEntry *current = entryAfter(id, layerIndex);
        if (current && current->h.type == EntryType::Directory && entry.h.type != EntryType::Directory) {
            for (int32_t c : m_nodes[size_t(id)].children)
                removeSubtree(c, layerIndex, true);
        }
        PathEvent e;
        e.layer = uint16_t(layerIndex);
        e.entry = int32_t(i);
        e.change = classifyChange(prev, entry);
        addEvent(id, e);
    }
}

void ImageFs::finishTree()
{
    for (FsNode &n : m_nodes)
        std::sort(n.children.begin(), n.children.end(), [this](int32_t a, int32_t b) { return m_nodes[size_t(a)].name < m_nodes[size_t(b)].name; });
    m_childIndex.clear();
    m_childIndex.shrink_to_fit();
}

std::vector<qint64> ImageFs::subtreeSizesAfter(int layer) const
{
    std::vector<qint64> sizes(m_nodes.size(), 0);
    // Children always have larger ids than their parents, so one backward sweep sums subtrees.
    for (int32_t id = int32_t(m_nodes.size()) - 1; id > kRoot; --id) {
        const FileEntry *e = entryAfter(id, layer);
        if (!e) {
            sizes[size_t(id)] = 0;
            continue;
        }
        if (e->h.type == EntryType::Regular)
            sizes[size_t(id)] += e->h.size;
        sizes[size_t(m_nodes[size_t(id)].parent)] += sizes[size_t(id)];
    }
    return sizes;
}

} // namespace ll
