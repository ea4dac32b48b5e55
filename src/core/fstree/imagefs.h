#pragma once
#include "fstree/fileentry.h"

#include <QHash>
#include <memory>
#include <vector>

namespace ll {

// Something that happened to a path in one layer.
struct PathEvent {
    uint16_t layer = 0;
    Change change = Change::Unchanged;
    bool removalRoot = false; // the path a whiteout (or an opaque directory) named itself
    int32_t entry = -1;       // index into that layer's entries; -1 when removed
};

struct FsNode {
    int32_t parent = -1;
    QByteArray name;
    std::vector<int32_t> children; // sorted by name
    std::vector<PathEvent> events; // in layer order
};

// Every path any layer mentions, with what each layer did to it. The filesystem after layer N
// is read from the events up to N, so all layers share one tree and nothing is copied per
// layer. Immutable once built; safe to read from any thread.
class ImageFs {
public:
    // `layers` in order, bottom first. A layer that failed to read is passed empty.
    static std::shared_ptr<const ImageFs> build(std::vector<LayerContent> layers);

    static constexpr int32_t kRoot = 0;
    int layerCount() const { return int(m_layers.size()); }
    const LayerContent &layer(int i) const { return m_layers[size_t(i)]; }
    int32_t nodeCount() const { return int32_t(m_nodes.size()); }
    const FsNode &node(int32_t id) const { return m_nodes[size_t(id)]; }
    QByteArray pathOf(int32_t id) const;
    int32_t find(const QByteArray &path) const; // -1 when no layer mentions it

    // The path's state after `layer` (nullptr when absent then).
    const FileEntry *entryAfter(int32_t id, int layer) const;
    // What `layer` did to the path (nullptr when it did nothing).
    const PathEvent *eventIn(int32_t id, int layer) const;
    const FileEntry *entryOf(const PathEvent &e) const;
    // The state just below `layer`, for showing what a change replaced or removed.
    const FileEntry *entryBefore(int32_t id, int layer) const { return layer == 0 ? nullptr : entryAfter(id, layer - 1); }
    std::vector<int> layersTouching(int32_t id) const;

    // Bytes below each node after `layer` (regular files; hard links count once).
    std::vector<qint64> subtreeSizesAfter(int layer) const;
    // Total number of events, for memory figures.
    qint64 eventCount() const;

private:
    int32_t child(int32_t parent, const QByteArray &name);
    int32_t ensurePath(const QByteArray &path);
    void applyLayer(int layerIndex);
    void removeSubtree(int32_t id, int layer, bool root);
    void ensureParents(int32_t id, int layer);
    void addEvent(int32_t id, PathEvent e);
    void finishTree();

    std::vector<LayerContent> m_layers;
    std::vector<FsNode> m_nodes;
    std::vector<QHash<QByteArray, int32_t>> m_childIndex; // while building only
};

} // namespace ll
