#pragma once
#include "image/imageanalysis.h"

#include <QJsonObject>
#include <functional>

namespace ll {

// The stable machine-readable form of an analysis (schema "layerlens.inspect/v1", documented in
// docs/json-schema.md). Layers and steps are numbered from 1, as everywhere users see them.
struct JsonOptions {
    bool includeTree = false;
    int treeLayer = -1;          // 0-based; -1: the last layer
    bool changesOnly = false;
    int sinceLayer = -2;         // >= -1: the tree marked against the filesystem after this layer (0-based; -1: nothing)
    int maxWastedPaths = 100;
    int baseLayers = -1;         // the base image's layer count; -1: guessed (guessBase)
};

QJsonObject analysisToJson(const ImageAnalysis &a, const JsonOptions &options);
// The same document as UTF-8 text handed to `sink` piece by piece: the tree's entries (millions
// in a big image) are written one line each as the walk reaches them, never all held at once.
// The tree comes last; the other members are as analysisToJson's, indented.
void writeAnalysisJson(const ImageAnalysis &a, const JsonOptions &options, const std::function<void(const QByteArray &)> &sink);

// Paths of the tree view, in order: everything present after `layer`, or with changesOnly
// only what `layer` changed (removed paths included). Ancestors come before descendants.
// walkTree() (treewalk.h) gives the same rows without building their paths.
struct TreeRow {
    int32_t node = 0;
    int depth = 0;
    QByteArray path;
    const FileEntry *entry = nullptr; // state after the layer; for removed paths, the state before
    Change change = Change::Unchanged;
    bool changedHere = false;
    qint64 subtreeSize = 0;
    QByteArray marker;   // the whiteout entry that removed it (".wh.doc", ".wh..wh..opq")
    bool opaque = false; // a folder the layers shown made opaque
};
std::vector<TreeRow> treeRows(const ImageFs &fs, int layer, bool changesOnly);
// dive's aggregated view (walkTreeSince): after `layer`, marked against the filesystem after `base`.
std::vector<TreeRow> treeRowsSince(const ImageFs &fs, int base, int layer);

} // namespace ll
