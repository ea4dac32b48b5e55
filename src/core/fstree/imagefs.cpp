#include "imagefs.h"

#include <algorithm>

namespace ll {

namespace {

// Layers scanned into another table than the first layer's get their references re-made in it.
// Scanning every layer of an image into one table (as analyzeImage does) never needs this.
void remapInto(PathTable &main, LayerContent &lc)
{
    const PathTable &from = *lc.paths;
    for (int32_t &node : lc.nodes)
        node = main.intern(from.pathOf(node));
    for (FileEntry &e : lc.entries) {
        if (e.h.type == EntryType::Hardlink && e.link() >= 0)
            e.h.link = main.intern(from.pathOf(e.link()));
        else if (e.h.type == EntryType::Symlink && e.link() >= 0)
            e.h.link = main.internLink(from.linkTarget(e.link()));
    }
}

std::vector<int32_t> internAll(PathTable &paths, const std::vector<QByteArray> &list)
{
    std::vector<int32_t> out;
    for (const QByteArray &p : list)
        out.push_back(paths.intern(p));
    return out;
}

} // namespace

// The mutable state of a tree under construction: per-node chains of events, thrown away once
// the flat arrays are made. Every node exists before the first layer is applied (the scans made
// them), so children are the final sorted arrays from the start.
class ImageFs::Builder {
public:
    explicit Builder(ImageFs &fs) : m_fs(fs), m_lastEvent(fs.m_parent.size(), -1) {}

    void applyLayer(int layerIndex, const std::vector<int32_t> &opaque, const std::vector<int32_t> &whiteouts);
    void finish();

private:
    const FileEntry *entryAfter(int32_t id, int layer) const;
    void addEvent(int32_t id, PathEvent e);
    void removeSubtree(int32_t id, int layer, bool root);
    void removeChildren(int32_t id, int layer);
    void ensureParents(int32_t id, int layer);
    void applyEntry(int layerIndex, size_t i);
    void placeEvents();

    ImageFs &m_fs;
    // Events in the order they were made, chained per node (newest first) through m_prev; the
    // chains are sorted into the tree's per-node arrays in place by finish().
    LargeVector<int32_t> m_lastEvent;
    LargeVector<PathEvent> m_events;
    LargeVector<int32_t> m_prev;
};

const FileEntry *ImageFs::Builder::entryAfter(int32_t id, int layer) const
{
    for (int32_t e = m_lastEvent[size_t(id)]; e >= 0; e = m_prev[size_t(e)])
        if (m_events[size_t(e)].layer <= layer)
            return m_fs.entryOf(m_events[size_t(e)]);
    return nullptr;
}

// One event per node and layer: a removal followed by a re-creation in the same layer (an
// opaque directory whose child is written again) becomes one change against the layer below.
void ImageFs::Builder::addEvent(int32_t id, PathEvent e)
{
    const int32_t last = m_lastEvent[size_t(id)];
    if (last >= 0 && m_events[size_t(last)].layer == e.layer) {
        m_events[size_t(last)] = e;
        return;
    }
    m_events.push_back(e);
    m_prev.push_back(last);
    m_lastEvent[size_t(id)] = int32_t(m_events.size() - 1);
}

void ImageFs::Builder::removeChildren(int32_t id, int layer)
{
    for (int32_t c : m_fs.childrenOf(id))
        removeSubtree(c, layer, true);
}

void ImageFs::Builder::removeSubtree(int32_t id, int layer, bool root)
{
    if (!entryAfter(id, layer))
        return;
    for (int32_t c : m_fs.childrenOf(id))
        removeSubtree(c, layer, false);
    PathEvent e;
    e.layer = uint16_t(layer);
    e.change = Change::Removed;
    e.removalRoot = root;
    addEvent(id, e);
}

// A layer may list "a/b/c" without "a/b"; the directory exists all the same.
void ImageFs::Builder::ensureParents(int32_t id, int layer)
{
    const int32_t parent = m_fs.m_parent[size_t(id)];
    if (parent <= kRoot)
        return;
    ensureParents(parent, layer);
    const FileEntry *cur = entryAfter(parent, layer);
    if (cur && cur->h.type == EntryType::Directory)
        return;
    LayerContent &lc = m_fs.m_layers[size_t(layer)];
    FileEntry implicitDir;
    implicitDir.h.type = EntryType::Directory;
    implicitDir.h.mode = 0755;
    implicitDir.setFlag(FileEntry::kImplicit, true);
    lc.entries.push_back(implicitDir);
    PathEvent e;
    e.layer = uint16_t(layer);
    e.entry = int32_t(lc.entries.size() - 1);
    e.change = cur ? Change::Modified : Change::Added;
    if (cur)
        removeSubtree(parent, layer, true);
    addEvent(parent, e);
}

void ImageFs::Builder::applyEntry(int layerIndex, size_t i)
{
    LayerContent &lc = m_fs.m_layers[size_t(layerIndex)];
    const int32_t id = lc.nodes[i];
    if (id <= kRoot)
        return; // only when remapping ran out of room for names
    ensureParents(id, layerIndex);
    FileEntry &entry = lc.entries[i];
    if (entry.h.type == EntryType::Hardlink && !entry.hasContent() && entry.link() > kRoot) {
        if (const FileEntry *t = entryAfter(entry.link(), layerIndex)) {
            entry.content = t->content;
            entry.setFlag(FileEntry::kHasContent, t->hasContent());
            entry.h.size = t->h.size;
            entry.h.mode = t->h.mode;
            entry.setFlag(FileEntry::kSizeFromLink, true);
        }
    }
    const FileEntry *prev = layerIndex > 0 ? entryAfter(id, layerIndex - 1) : nullptr;
    const FileEntry *current = entryAfter(id, layerIndex);
    if (current && current->h.type == EntryType::Directory && entry.h.type != EntryType::Directory)
        removeChildren(id, layerIndex);
    PathEvent e;
    e.layer = uint16_t(layerIndex);
    e.entry = int32_t(i);
    e.change = classifyChange(prev, entry);
    addEvent(id, e);
}

void ImageFs::Builder::applyLayer(int layerIndex, const std::vector<int32_t> &opaque, const std::vector<int32_t> &whiteouts)
{
    LayerContent &lc = m_fs.m_layers[size_t(layerIndex)];
    // Opaque directories and whiteouts act on the layers below, before this layer's own entries.
    for (const int32_t dir : opaque)
        if (dir >= kRoot)
            removeChildren(dir, layerIndex);
    for (const int32_t path : whiteouts)
        if (path > kRoot)
            removeSubtree(path, layerIndex, true);
    const size_t count = lc.nodes.size(); // implicit parents are appended to entries meanwhile
    for (size_t i = 0; i < count; ++i)
        applyEntry(layerIndex, i);
    LargeVector<int32_t>().swap(lc.nodes);
    lc.paths.reset();
}

// Each node's first event in the final array, then where each event goes: written over its
// chain link once that link has been followed.
void ImageFs::Builder::placeEvents()
{
    const size_t n = m_fs.m_parent.size();
    LargeVector<uint32_t> &start = m_fs.m_eventStart;
    start.assign(n + 1, 0);
    for (size_t id = 0; id < n; ++id) {
        start[id + 1] = start[id];
        for (int32_t e = m_lastEvent[id]; e >= 0; e = m_prev[size_t(e)])
            ++start[id + 1];
    }
    for (size_t id = 0; id < n; ++id) {
        uint32_t slot = start[id + 1];
        for (int32_t e = m_lastEvent[id]; e >= 0;) {
            const int32_t prev = m_prev[size_t(e)];
            m_prev[size_t(e)] = int32_t(--slot);
            e = prev;
        }
    }
    LargeVector<int32_t>().swap(m_lastEvent);
}

// Sorts the events by node (layer order within a node) where they are, rather than into a
// second array: the peak of a load is here, with every layer's entries alive.
void ImageFs::Builder::finish()
{
    placeEvents();
    for (size_t i = 0; i < m_events.size(); ++i) {
        while (m_prev[i] != int32_t(i)) {
            const size_t to = size_t(m_prev[i]);
            std::swap(m_events[i], m_events[to]);
            std::swap(m_prev[i], m_prev[to]);
        }
    }
    LargeVector<int32_t>().swap(m_prev);
    m_fs.m_events = std::move(m_events);
}

ImageFs::ImageFs() = default;
ImageFs::~ImageFs() = default;

// Children of each node in one array, sorted by name (counting sort on the parent, then a sort
// within each family).
void ImageFs::makeChildren()
{
    const size_t n = m_parent.size();
    m_childStart.assign(n + 1, 0);
    for (size_t id = 1; id < n; ++id)
        ++m_childStart[size_t(m_parent[id]) + 1];
    for (size_t id = 0; id < n; ++id)
        m_childStart[id + 1] += m_childStart[id];
    m_children.resize(n > 0 ? n - 1 : 0);
    LargeVector<uint32_t> fill(m_childStart.begin(), m_childStart.end() - 1);
    for (size_t id = 1; id < n; ++id)
        m_children[fill[size_t(m_parent[id])]++] = int32_t(id);
    for (size_t id = 0; id < n; ++id)
        std::sort(m_children.begin() + m_childStart[id], m_children.begin() + m_childStart[id + 1],
                  [this](int32_t a, int32_t b) { return nameOf(a) < nameOf(b); });
}

std::shared_ptr<const ImageFs> ImageFs::build(std::vector<LayerContent> layers)
{
    auto fs = std::make_shared<ImageFs>();
    fs->m_layers = std::move(layers);
    std::shared_ptr<PathTable> paths;
    for (LayerContent &lc : fs->m_layers) {
        if (!lc.paths)
            continue;
        if (!paths)
            paths = lc.paths;
        else if (lc.paths != paths)
            remapInto(*paths, lc);
    }
    if (!paths)
        paths = std::make_shared<PathTable>();
    std::vector<std::vector<int32_t>> opaque, whiteouts;
    for (const LayerContent &lc : fs->m_layers) {
        opaque.push_back(internAll(*paths, lc.opaqueDirs));
        whiteouts.push_back(internAll(*paths, lc.whiteouts));
    }
    PathTable::Storage s = paths->take();
    fs->m_names = std::move(s.names);
    fs->m_nameOffset = std::move(s.nameOffset);
    fs->m_parent = std::move(s.parent);
    fs->m_links = std::move(s.links);
    fs->m_linkOffset = std::move(s.linkOffset);
    fs->makeChildren();
    Builder b(*fs);
    for (int i = 0; i < fs->layerCount(); ++i)
        b.applyLayer(i, opaque[size_t(i)], whiteouts[size_t(i)]);
    b.finish();
    for (auto *sets : {&opaque, &whiteouts})
        for (std::vector<int32_t> &ids : *sets)
            std::sort(ids.begin(), ids.end());
    fs->m_opaque = std::move(opaque);
    fs->m_whiteouts = std::move(whiteouts);
    return fs;
}

bool ImageFs::isOpaqueIn(int32_t id, int layer) const
{
    return layer >= 0 && size_t(layer) < m_opaque.size() && std::binary_search(m_opaque[size_t(layer)].begin(), m_opaque[size_t(layer)].end(), id);
}

bool ImageFs::isWhiteoutIn(int32_t id, int layer) const
{
    return layer >= 0 && size_t(layer) < m_whiteouts.size() &&
           std::binary_search(m_whiteouts[size_t(layer)].begin(), m_whiteouts[size_t(layer)].end(), id);
}

QByteArray ImageFs::removalMarker(int32_t id, int layer) const
{
    const PathEvent *e = eventIn(id, layer);
    if (!e || e->change != Change::Removed || id <= kRoot)
        return {};
    // The marker names this path, or a folder above it that the layer wrote again (`rm -rf x
    // && mkdir -p x/sub` hides x/sub/old by x's opaque marker). Below a folder the layer
    // removed too, that folder's row carries the marker.
    for (int32_t at = id; at > kRoot;) {
        const int32_t parent = parentOf(at);
        const QByteArray folder = parent == kRoot ? QByteArray() : pathOf(parent) + '/';
        if (isWhiteoutIn(at, layer))
            return folder + ".wh." + nameOf(at);
        if (isOpaqueIn(parent, layer))
            return folder + ".wh..wh..opq";
        const PathEvent *up = eventIn(parent, layer);
        if (parent == kRoot || (up && up->change == Change::Removed))
            break;
        at = parent;
    }
    return {};
}

QByteArray ImageFs::nameOf(int32_t id) const
{
    const uint32_t begin = m_nameOffset[size_t(id)];
    return QByteArray::fromRawData(m_names.data() + begin, qsizetype(m_nameOffset[size_t(id) + 1] - begin));
}

std::span<const int32_t> ImageFs::childrenOf(int32_t id) const
{
    return {m_children.data() + m_childStart[size_t(id)], m_childStart[size_t(id) + 1] - m_childStart[size_t(id)]};
}

std::span<const PathEvent> ImageFs::eventsOf(int32_t id) const
{
    return {m_events.data() + m_eventStart[size_t(id)], m_eventStart[size_t(id) + 1] - m_eventStart[size_t(id)]};
}

FsNode ImageFs::node(int32_t id) const
{
    return FsNode{m_parent[size_t(id)], nameOf(id), childrenOf(id), eventsOf(id)};
}

int32_t ImageFs::find(const QByteArray &path) const
{
    int32_t id = kRoot;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        const auto kids = childrenOf(id);
        const auto it = std::lower_bound(kids.begin(), kids.end(), part, [this](int32_t k, const QByteArray &name) { return nameOf(k) < name; });
        if (it == kids.end() || nameOf(*it) != part)
            return -1;
        id = *it;
    }
    return id;
}

QByteArray ImageFs::pathOf(int32_t id) const
{
    QByteArrayList parts;
    for (int32_t n = id; n > kRoot; n = m_parent[size_t(n)])
        parts.prepend(nameOf(n));
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
    const auto ev = eventsOf(id);
    for (auto it = ev.rbegin(); it != ev.rend(); ++it)
        if (it->layer <= layer)
            return entryOf(*it);
    return nullptr;
}

const PathEvent *ImageFs::eventIn(int32_t id, int layer) const
{
    for (const PathEvent &e : eventsOf(id))
        if (e.layer == layer)
            return &e;
    return nullptr;
}

QByteArray ImageFs::linkTarget(const FileEntry &e) const
{
    if (e.link() < 0)
        return QByteArray();
    if (e.h.type == EntryType::Hardlink)
        return pathOf(e.link());
    if (e.h.type != EntryType::Symlink || size_t(e.link()) + 1 >= m_linkOffset.size())
        return QByteArray();
    const uint32_t begin = m_linkOffset[size_t(e.link())];
    return QByteArray(m_links.data() + begin, qsizetype(m_linkOffset[size_t(e.link()) + 1] - begin));
}

std::vector<int> ImageFs::layersTouching(int32_t id) const
{
    std::vector<int> out;
    for (const PathEvent &e : eventsOf(id))
        out.push_back(e.layer);
    return out;
}

NodeSizes ImageFs::subtreeSizesAfter(int layer) const
{
    NodeSizes sizes(m_parent.size(), 0);
    // Children always have larger ids than their parents, so one backward sweep sums subtrees.
    for (int32_t id = nodeCount() - 1; id > kRoot; --id) {
        const FileEntry *e = entryAfter(id, layer);
        if (!e) {
            sizes[size_t(id)] = 0;
            continue;
        }
        if (e->h.type == EntryType::Regular)
            sizes[size_t(id)] += e->h.size;
        sizes[size_t(m_parent[size_t(id)])] += sizes[size_t(id)];
    }
    return sizes;
}

} // namespace ll
