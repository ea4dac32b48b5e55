#pragma once
#include "fstree/diveefficiency.h"
#include "fstree/imagefs.h"

namespace ll {

struct WasteOccurrence {
    int layer = 0;
    qint64 size = 0;
    Change change = Change::Added;
};

// A path whose bytes the layers store but the final filesystem does not show: written again
// (even only to change its mode), replaced, or removed.
struct WastedPath {
    QByteArray path;
    qint64 storedBytes = 0; // Σ sizes of every version the layers store
    qint64 hiddenBytes = 0; // of those, the ones the final filesystem does not show
    std::vector<WasteOccurrence> occurrences;
    int shownOccurrence = -1; // the occurrence the final filesystem shows; -1: none
};

// Two accountings side by side. `dive` is dive's, to the bit, under dive's names. The rest is
// LayerLens's own: file bytes stored in the layers that the final filesystem does not show,
// counted per file wherever it was replaced or removed (dive counts a folder removed with its
// files once, at the folder, and counts the copy that stays).
struct EfficiencyReport {
    DiveFigures dive;
    qint64 imageBytes = 0;  // Σ regular file bytes of all layers
    qint64 userBytes = 0;   // the same without the first layer
    qint64 hiddenBytes = 0; // Σ hiddenBytes over the paths
    std::vector<WastedPath> paths; // hiddenBytes > 0, largest first
};

// `estargzLayers[i]`: layer i is eStargz, so its root landmark file is a marker, not waste.
EfficiencyReport computeEfficiency(const ImageFs &fs, const std::vector<bool> &estargzLayers = {});

} // namespace ll
