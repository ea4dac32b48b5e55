#pragma once
#include "image/imageanalysis.h"

#include <QJsonObject>

namespace ll {

// The stable machine-readable form of an analysis (schema "layerlens.inspect/v1", documented in
// docs/json-schema.md). Layers and steps are numbered from 1, as everywhere users see them.
struct JsonOptions {
    bool includeTree = false;
    int treeLayer = -1;          // 0-based; -1: the last layer
    bool changesOnly = false;
    int maxWastedPaths = 100;
};

QJsonObject analysisToJson(const ImageAnalysis &a, const JsonOptions &options);

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
};
std::vector<TreeRow> treeRows(const ImageFs &fs, int layer, bool changesOnly);

} // namespace ll
