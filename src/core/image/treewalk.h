#pragma once
#include "fstree/imagefs.h"

#include <functional>

namespace ll {

// One path of a layer's tree view: everything present after `layer`, or with changesOnly only
// what `layer` changed. In both, the paths `layer` removed are there too, with the state they
// had before, so a removal is seen where it happened.
struct TreeVisit {
    int32_t node = 0;
    int depth = 0;
    const FileEntry *entry = nullptr; // state after the layer; for removed paths, the state before
    Change change = Change::Unchanged;
    bool changedHere = false;
    qint64 subtreeSize = 0;
};

// Bytes `layer` writes at or below each node: the regular files it adds, modifies or changes the
// attributes of (a hard link to one of them adds nothing more). A folder's size in changes mode.
NodeSizes bytesWrittenBelow(const ImageFs &fs, int layer);

// Calls `visit` for each row depth-first, ancestors before descendants, children in the
// tree's order. Walks with its own stack, so any depth is safe; `canceled` (may be empty) is
// asked every few thousand rows and stops the walk early when it says so.
void walkTree(const ImageFs &fs, int layer, bool changesOnly, const std::function<void(const TreeVisit &)> &visit,
              const std::function<bool()> &canceled = {});

// dive's aggregated view: every path present after `layer`, and every path present after `base`
// and gone since, each marked against the filesystem after `base` (-1: against nothing), with
// changedHere when a layer in (base, layer] wrote or removed it. Nothing when base >= layer.
void walkTreeSince(const ImageFs &fs, int base, int layer, const std::function<void(const TreeVisit &)> &visit,
                   const std::function<bool()> &canceled = {});

// The marker entries a tree row stands beside, over the layers `first`..`last` its mark covers
// (one layer, or every layer since the base). The whiteout that removed the path, by its name in
// the tar's folder (".wh.doc", or ".wh..wh..opq" for an opaque folder's), and the layer
// holding it; empty when no marker removed it (a folder replaced by a file takes its children).
QByteArray removalMarkerName(const ImageFs &fs, int32_t node, int first, int last, int *layer = nullptr);
// The last layer of `first`..`last` that made the folder opaque, or -1.
int opaqueLayer(const ImageFs &fs, int32_t node, int first, int last);

} // namespace ll
