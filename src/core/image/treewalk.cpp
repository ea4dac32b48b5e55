#include "treewalk.h"

namespace ll {

NodeSizes bytesWrittenBelow(const ImageFs &fs, int layer)
{
    NodeSizes out(size_t(fs.nodeCount()), 0);
    // Children have higher ids than their parents: one pass from the end carries each size up.
    for (int32_t id = fs.nodeCount() - 1; id > ImageFs::kRoot; --id) {
        const PathEvent *ev = fs.eventIn(id, layer);
        if (ev && ev->entry >= 0 && ev->change != Change::Unchanged && ev->change != Change::Removed)
            if (const FileEntry *e = fs.entryOf(*ev); e && e->h.type == EntryType::Regular)
                out[size_t(id)] += e->h.size;
        out[size_t(fs.parentOf(id))] += out[size_t(id)];
    }
    return out;
}

namespace {

// Depth-first over the whole tree, ancestors before descendants, with its own stack so any
// depth is safe. `enter` shows a node and says whether to go below it; `canceled` is asked
// every few thousand nodes.
void depthFirst(const ImageFs &fs, const std::function<bool()> &canceled, const std::function<bool(int32_t, int)> &enter)
{
    struct Open {
        std::span<const int32_t> children;
        size_t next = 0;
    };
    std::vector<Open> stack{{fs.childrenOf(ImageFs::kRoot), 0}};
    unsigned sinceCheck = 0;
    while (!stack.empty()) {
        Open &top = stack.back();
        if (top.next == top.children.size()) {
            stack.pop_back();
            continue;
        }
        const int32_t id = top.children[top.next++];
        if (canceled && ++sinceCheck == 4096) {
            sinceCheck = 0;
            if (canceled())
                return;
        }
        if (enter(id, int(stack.size()) - 1))
            stack.push_back({fs.childrenOf(id), 0}); // `top` may dangle from here on
    }
}

} // namespace

void walkTree(const ImageFs &fs, int layer, bool changesOnly, const std::function<void(const TreeVisit &)> &visit,
              const std::function<bool()> &canceled)
{
    if (layer < 0 || layer >= fs.layerCount() || (canceled && canceled()))
        return;
    // Each of these passes looks at every path of the image: a canceled walk stops between them.
    // In changes-only mode a folder's size is what this layer writes below it (the files it
    // adds, modifies or changes the attributes of, as its tar holds them), not the folder's
    // whole content after the layer.
    const NodeSizes sizes = changesOnly ? bytesWrittenBelow(fs, layer) : fs.subtreeSizesAfter(layer);
    if (canceled && canceled())
        return;
    NodeSizes sizesBelow; // what removed paths held just below this layer; made on first use
    // In changes-only mode, mark the nodes this layer touched and their ancestors first, so
    // the walk skips untouched subtrees instead of visiting the whole image.
    LargeVector<char> wanted;
    if (changesOnly) {
        wanted.assign(size_t(fs.nodeCount()), 0);
        for (int32_t id = fs.nodeCount() - 1; id > ImageFs::kRoot; --id) {
            const PathEvent *ev = fs.eventIn(id, layer);
            if (ev && ev->change != Change::Unchanged)
                wanted[size_t(id)] = 1;
            if (wanted[size_t(id)])
                wanted[size_t(fs.node(id).parent)] = 1;
        }
        if (canceled && canceled())
            return;
    }
    depthFirst(fs, canceled, [&](int32_t id, int depth) {
        if (changesOnly && !wanted[size_t(id)])
            return false;
        const PathEvent *ev = fs.eventIn(id, layer);
        TreeVisit row;
        row.node = id;
        row.depth = depth;
        row.entry = fs.entryAfter(id, layer);
        row.changedHere = ev != nullptr;
        row.change = ev ? ev->change : Change::Unchanged;
        row.subtreeSize = sizes[size_t(id)];
        if (!row.entry && ev && ev->change == Change::Removed) {
            if (sizesBelow.empty() && layer > 0)
                sizesBelow = fs.subtreeSizesAfter(layer - 1);
            row.entry = fs.entryBefore(id, layer);
            row.subtreeSize = sizesBelow.empty() ? 0 : sizesBelow[size_t(id)];
        }
        if (!row.entry)
            return false;
        visit(row);
        return true;
    });
}

void walkTreeSince(const ImageFs &fs, int base, int layer, const std::function<void(const TreeVisit &)> &visit,
                   const std::function<bool()> &canceled)
{
    if (layer < 0 || layer >= fs.layerCount() || base >= layer || (canceled && canceled()))
        return;
    const NodeSizes sizes = fs.subtreeSizesAfter(layer);
    const NodeSizes baseSizes = base >= 0 ? fs.subtreeSizesAfter(base) : NodeSizes();
    if (canceled && canceled())
        return;
    depthFirst(fs, canceled, [&](int32_t id, int depth) {
        const FileEntry *after = fs.entryAfter(id, layer);
        const FileEntry *before = base >= 0 ? fs.entryAfter(id, base) : nullptr;
        if (!after && !before)
            return false; // nothing below it exists at either end
        TreeVisit row;
        row.node = id;
        row.depth = depth;
        row.entry = after ? after : before;
        row.subtreeSize = after ? sizes[size_t(id)] : baseSizes[size_t(id)];
        row.change = !before ? Change::Added : !after ? Change::Removed : classifyChange(before, *after);
        for (const PathEvent &e : fs.eventsOf(id))
            row.changedHere = row.changedHere || (int(e.layer) > base && int(e.layer) <= layer);
        visit(row);
        return true;
    });
}

QByteArray removalMarkerName(const ImageFs &fs, int32_t node, int first, int last, int *layer)
{
    for (int l = last; l >= first && l >= 0; --l) {
        const PathEvent *e = fs.eventIn(node, l);
        if (!e)
            continue;
        if (e->change != Change::Removed)
            return {};
        const QByteArray marker = fs.removalMarker(node, l);
        if (layer)
            *layer = l;
        return marker.mid(marker.lastIndexOf('/') + 1);
    }
    return {};
}

int opaqueLayer(const ImageFs &fs, int32_t node, int first, int last)
{
    for (int l = last; l >= first && l >= 0; --l)
        if (fs.isOpaqueIn(node, l))
            return l;
    return -1;
}

} // namespace ll
