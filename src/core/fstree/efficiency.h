#pragma once
#include "fstree/imagefs.h"

namespace ll {

struct WasteOccurrence {
    int layer = 0;
    qint64 size = 0;
    Change change = Change::Added;
};

// A path written more than once, or written and then removed: bytes the image carries that
// the final filesystem does not need.
struct WastedPath {
    QByteArray path;
    qint64 cumulativeSize = 0; // Σ sizes over occurrences (dive's "wasted" for this path)
    qint64 minimumSize = 0;    // the smallest occurrence: what must be stored anyway
    qint64 reclaimable() const { return cumulativeSize - minimumSize; }
    std::vector<WasteOccurrence> occurrences;
};

struct EfficiencyReport {
    double score = 1.0;         // Σ min / Σ cumulative over every file path (dive's score)
    qint64 wastedBytes = 0;     // Σ cumulative over paths seen more than once (dive's figure)
    qint64 reclaimableBytes = 0; // Σ (cumulative − min): what a better Dockerfile would save
    qint64 imageBytes = 0;      // Σ content bytes of all layers
    qint64 userBytes = 0;       // the same without the first (base) layer
    double userWastedPercent = 0; // wastedBytes / userBytes, as dive's CI rule reads it
    std::vector<WastedPath> paths; // sorted by cumulative size, largest first
};

// dive counts the leaves of each layer: every non-directory entry at its size (hard links at
// 0, as their bytes are shared) and every removal at 0. A removed directory counts per file it
// held (dive counts it once on the directory and so misses that waste).
EfficiencyReport computeEfficiency(const ImageFs &fs);

} // namespace ll
