#pragma once
#include "fstree/fileentry.h"

#include <memory>
#include <span>
#include <vector>

namespace ll {

using NodeSizes = LargeVector<qint64>; // one per node

// Something that happened to a path in one layer.
struct PathEvent {
    uint16_t layer = 0;
    Change change = Change::Unchanged;
    bool removalRoot = false; // the path a whiteout (or an opaque directory) named itself
    int32_t entry = -1;       // index into that layer's entries; -1 when removed
};

// A read-only view of one path of the tree; valid as long as the ImageFs is.
struct FsNode {
    int32_t parent = -1;
    QByteArray name;                   // shares the tree's storage: do not keep beyond the tree
    std::span<const int32_t> children; // sorted by name
    std::span<const PathEvent> events; // in layer order
};

// Every path any layer mentions, with what each layer did to it. The filesystem after layer N
// is read from the events up to N, so all layers share one tree and nothing is copied per
// layer. Immutable once built; safe to read from any thread.
//
// Storage is flat (names in one arena, children and events in shared arrays indexed by node),
// because a per-node object with its own vectors and name costs several times the data. The
// names come from the PathTable the layers were scanned into, so no path is ever stored twice.
class ImageFs {
public:
    // `layers` in order, bottom first. A layer that failed to read is passed empty. The tree
    // takes over the layers' PathTable (emptying it) and drops their node lists.
    static std::shared_ptr<const ImageFs> build(std::vector<LayerContent> layers);
    ImageFs();
    ~ImageFs();

    static constexpr int32_t kRoot = 0;
    int layerCount() const { return int(m_layers.size()); }
    const LayerContent &layer(int i) const { return m_layers[size_t(i)]; }
    int32_t nodeCount() const { return int32_t(m_parent.size()); }
    FsNode node(int32_t id) const;
    QByteArray nameOf(int32_t id) const;
    int32_t parentOf(int32_t id) const { return m_parent[size_t(id)]; }
    std::span<const int32_t> childrenOf(int32_t id) const;
    std::span<const PathEvent> eventsOf(int32_t id) const;
    QByteArray pathOf(int32_t id) const;
    int32_t find(const QByteArray &path) const; // -1 when no layer mentions it

    // The path's state after `layer` (nullptr when absent then).
    const FileEntry *entryAfter(int32_t id, int layer) const;
    // What `layer` did to the path (nullptr when it did nothing).
    const PathEvent *eventIn(int32_t id, int layer) const;
    const FileEntry *entryOf(const PathEvent &e) const;
    // Events by their place in the tree's one array (eventsOf's spans are slices of it): a
    // 4-byte handle on an entry, where a pointer would take 8.
    uint32_t eventIndex(const PathEvent &e) const { return uint32_t(&e - m_events.data()); }
    const PathEvent &eventAt(uint32_t index) const { return m_events[index]; }
    // The state just below `layer`, for showing what a change replaced or removed.
    const FileEntry *entryBefore(int32_t id, int layer) const { return layer == 0 ? nullptr : entryAfter(id, layer - 1); }
    std::vector<int> layersTouching(int32_t id) const;
    // A symlink's target as stored, a hard link's target path ("usr/bin/x"); empty otherwise.
    QByteArray linkTarget(const FileEntry &e) const;

    // The marker entries of a layer, which the tree holds as events rather than as paths: a
    // folder `layer` made opaque (".wh..wh..opq" inside it), and a path it removed by name
    // (".wh.NAME" beside it).
    bool isOpaqueIn(int32_t id, int layer) const;
    bool isWhiteoutIn(int32_t id, int layer) const;
    // The marker that removed the path in `layer`, as the tar spells it ("usr/.wh.doc",
    // "usr/share/.wh..wh..opq"); empty when the layer did not remove it by a marker (a folder
    // replaced by a file takes its children with it).
    QByteArray removalMarker(int32_t id, int layer) const;

    // Bytes below each node after `layer` (regular files; hard links count once). Mapped from
    // the OS (8 bytes a path, made on a worker per layer shown): from malloc's heap, each one
    // freed left its pages resident, 65 MB after two layer picks at 3 million paths.
    NodeSizes subtreeSizesAfter(int layer) const;
    qint64 eventCount() const { return qint64(m_events.size()); }

private:
    class Builder;
    friend class Builder;
    void makeChildren();

    std::vector<LayerContent> m_layers;
    LargeVector<char> m_names;
    LargeVector<int32_t> m_parent;
    LargeVector<uint32_t> m_nameOffset; // m_nameOffset[id]..m_nameOffset[id + 1] in m_names
    LargeVector<uint32_t> m_childStart; // CSR: children of id are m_children[start[id]..start[id+1])
    LargeVector<int32_t> m_children;
    LargeVector<uint32_t> m_eventStart;
    LargeVector<PathEvent> m_events;
    LargeVector<char> m_links; // symlink targets, each once
    LargeVector<uint32_t> m_linkOffset;
    std::vector<std::vector<int32_t>> m_opaque;    // per layer, sorted node ids
    std::vector<std::vector<int32_t>> m_whiteouts; // per layer, sorted node ids
};

} // namespace ll
