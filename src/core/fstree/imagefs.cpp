#include "imagefs.h"

#include <QHashFunctions>
#include <algorithm>
#include <unordered_set>

namespace ll {

// The mutable state of a tree under construction: a child lookup keyed by (parent, name),
// sibling links, and per-node chains of events. Thrown away once the flat arrays are made.
class ImageFs::Builder {
public:
    explicit Builder(ImageFs &fs) : m_fs(fs), m_lookup(1024, Hash{this}, Equal{this}) { addNode(-1); }

    void applyLayer(int layerIndex);
    void finish();

private:
    static constexpr int32_t kProbe = INT32_MAX; // stands for the (parent, name) being looked up
    struct Event {
        PathEvent e;
        int32_t prev = -1;
    };
    struct Hash {
        const Builder *b;
        size_t operator()(int32_t id) const { return b->hashOf(id); }
    };
    struct Equal {
        const Builder *b;
        bool operator()(int32_t x, int32_t y) const { return b->parentOf(x) == b->parentOf(y) && b->nameView(x) == b->nameView(y); }
    };

    int32_t parentOf(int32_t id) const { return id == kProbe ? m_probeParent : m_fs.m_parent[size_t(id)]; }
    QByteArrayView nameView(int32_t id) const;
    size_t hashOf(int32_t id) const { return qHash(nameView(id), size_t(parentOf(id))); }
    int32_t addNode(int32_t parent);
    int32_t child(int32_t parent, QByteArrayView name);
    int32_t ensurePath(const QByteArray &path);
    const FileEntry *entryAfter(int32_t id, int layer) const;
    void addEvent(int32_t id, PathEvent e);
    void removeSubtree(int32_t id, int layer, bool root);
    void removeChildren(int32_t id, int layer);
    void ensureParents(int32_t id, int layer);
    void applyEntry(int layerIndex, size_t i);

    ImageFs &m_fs;
    int32_t m_probeParent = -1;
    std::unordered_set<int32_t, Hash, Equal> m_lookup;
    std::vector<int32_t> m_firstChild, m_nextSibling, m_lastEvent;
    std::vector<Event> m_events;
};

QByteArrayView ImageFs::Builder::nameView(int32_t id) const
{
    // The probe's name is the tentative tail of the arena, past the last node's name.
    const uint32_t begin = id == kProbe ? m_fs.m_nameOffset.back() : m_fs.m_nameOffset[size_t(id)];
    const uint32_t end = id == kProbe ? uint32_t(m_fs.m_names.size()) : m_fs.m_nameOffset[size_t(id) + 1];
    return QByteArrayView(m_fs.m_names.constData() + begin, end - begin);
}

int32_t ImageFs::Builder::addNode(int32_t parent)
{
    const int32_t id = int32_t(m_fs.m_parent.size());
    m_fs.m_parent.push_back(parent);
    if (m_fs.m_nameOffset.empty())
        m_fs.m_nameOffset.push_back(0);
    m_fs.m_nameOffset.push_back(uint32_t(m_fs.m_names.size()));
    m_firstChild.push_back(-1);
    m_nextSibling.push_back(-1);
    m_lastEvent.push_back(-1);
    if (parent >= 0) {
        m_nextSibling[size_t(id)] = m_firstChild[size_t(parent)];
        m_firstChild[size_t(parent)] = id;
    }
    return id;
}

int32_t ImageFs::Builder::child(int32_t parent, QByteArrayView name)
{
    m_fs.m_names.append(name.data(), name.size());
    m_probeParent = parent;
    const auto it = m_lookup.find(kProbe);
    if (it != m_lookup.end()) {
        m_fs.m_names.truncate(m_fs.m_nameOffset.back());
        return *it;
    }
    const int32_t id = addNode(parent);
    m_lookup.insert(id);
    return id;
}

int32_t ImageFs::Builder::ensurePath(const QByteArray &path)
{
    int32_t id = kRoot;
    qsizetype i = 0;
    while (i < path.size()) {
        qsizetype j = path.indexOf('/', i);
        if (j < 0)
            j = path.size();
        id = child(id, QByteArrayView(path.constData() + i, j - i));
        i = j + 1;
    }
    return id;
}

const FileEntry *ImageFs::Builder::entryAfter(int32_t id, int layer) const
{
    for (int32_t e = m_lastEvent[size_t(id)]; e >= 0; e = m_events[size_t(e)].prev)
        if (m_events[size_t(e)].e.layer <= layer)
            return m_fs.entryOf(m_events[size_t(e)].e);
    return nullptr;
}

// One event per node and layer: a removal followed by a re-creation in the same layer (an
// opaque directory whose child is written again) becomes one change against the layer below.
void ImageFs::Builder::addEvent(int32_t id, PathEvent e)
{
    const int32_t last = m_lastEvent[size_t(id)];
    if (last >= 0 && m_events[size_t(last)].e.layer == e.layer) {
        m_events[size_t(last)].e = e;
        return;
    }
    m_events.push_back({e, last});
    m_lastEvent[size_t(id)] = int32_t(m_events.size() - 1);
}

void ImageFs::Builder::removeChildren(int32_t id, int layer)
{
    for (int32_t c = m_firstChild[size_t(id)]; c >= 0; c = m_nextSibling[size_t(c)])
        removeSubtree(c, layer, true);
}

void ImageFs::Builder::removeSubtree(int32_t id, int layer, bool root)
{
    if (!entryAfter(id, layer))
        return;
    for (int32_t c = m_firstChild[size_t(id)]; c >= 0; c = m_nextSibling[size_t(c)])
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

void ImageFs::Builder::applyEntry(int layerIndex, size_t i)
{
    std::vector<FileEntry> &entries = m_fs.m_layers[size_t(layerIndex)].entries;
    const int32_t id = ensurePath(entries[i].h.path);
    ensureParents(id, layerIndex);
    FileEntry &entry = entries[i]; // ensureParents may have grown the vector
    entry.h.path = QByteArray();   // the tree holds the name now
    if (entry.h.type == EntryType::Hardlink && !entry.hasContent) {
        if (const FileEntry *t = entryAfter(ensurePath(entry.h.linkTarget), layerIndex)) {
            entry.content = t->content;
            entry.hasContent = t->hasContent;
            entry.h.size = t->h.size;
            entry.h.mode = t->h.mode;
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

void ImageFs::Builder::applyLayer(int layerIndex)
{
    LayerContent &lc = m_fs.m_layers[size_t(layerIndex)];
    // Opaque directories and whiteouts act on the layers below, before this layer's own entries.
    for (const QByteArray &dir : lc.opaqueDirs)
        removeChildren(ensurePath(dir), layerIndex);
    for (const QByteArray &path : lc.whiteouts)
        removeSubtree(ensurePath(path), layerIndex, true);
    const size_t count = lc.entries.size();
    for (size_t i = 0; i < count; ++i)
        applyEntry(layerIndex, i);
}

void ImageFs::Builder::finish()
{
    const size_t n = m_fs.m_parent.size();
    m_lookup = {};
    m_fs.m_childStart.assign(n + 1, 0);
    m_fs.m_children.reserve(n - 1);
    for (size_t id = 0; id < n; ++id) {
        m_fs.m_childStart[id] = uint32_t(m_fs.m_children.size());
        const size_t first = m_fs.m_children.size();
        for (int32_t c = m_firstChild[id]; c >= 0; c = m_nextSibling[size_t(c)])
            m_fs.m_children.push_back(c);
        std::sort(m_fs.m_children.begin() + qsizetype(first), m_fs.m_children.end(),
                  [this](int32_t a, int32_t b) { return nameView(a) < nameView(b); });
    }
    m_fs.m_childStart[n] = uint32_t(m_fs.m_children.size());
    m_fs.m_eventStart.assign(n + 1, 0);
    m_fs.m_events.reserve(m_events.size());
    for (size_t id = 0; id < n; ++id) {
        m_fs.m_eventStart[id] = uint32_t(m_fs.m_events.size());
        for (int32_t e = m_lastEvent[id]; e >= 0; e = m_events[size_t(e)].prev)
            m_fs.m_events.push_back(m_events[size_t(e)].e);
        std::reverse(m_fs.m_events.begin() + qsizetype(m_fs.m_eventStart[id]), m_fs.m_events.end());
    }
    m_fs.m_eventStart[n] = uint32_t(m_fs.m_events.size());
    m_fs.m_names.squeeze();
}

ImageFs::ImageFs() = default;
ImageFs::~ImageFs() = default;

std::shared_ptr<const ImageFs> ImageFs::build(std::vector<LayerContent> layers)
{
    auto fs = std::make_shared<ImageFs>();
    fs->m_layers = std::move(layers);
    {
        Builder b(*fs);
        for (int i = 0; i < fs->layerCount(); ++i)
            b.applyLayer(i);
        b.finish();
    }
    return fs;
}

QByteArray ImageFs::nameOf(int32_t id) const
{
    const uint32_t begin = m_nameOffset[size_t(id)];
    return QByteArray::fromRawData(m_names.constData() + begin, qsizetype(m_nameOffset[size_t(id) + 1] - begin));
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

std::vector<int> ImageFs::layersTouching(int32_t id) const
{
    std::vector<int> out;
    for (const PathEvent &e : eventsOf(id))
        out.push_back(e.layer);
    return out;
}

std::vector<qint64> ImageFs::subtreeSizesAfter(int layer) const
{
    std::vector<qint64> sizes(m_parent.size(), 0);
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
