#pragma once
#include "fstree/imagefs.h"

#include <vector>

namespace ll {

// A path dive lists under "Inefficient Files".
struct DiveFile {
    QByteArray path;     // relative ("root/saved.txt")
    int count = 0;       // how many times dive saw it (its "Count")
    qint64 cumulativeSize = 0; // the sizes of every sighting, the first copy included ("Wasted Space")
};

// dive's figures (github.com/wagoodman/dive, dive/filetree/efficiency.go and dive/image/analysis.go),
// reproduced to the last bit of the double: users gate CI jobs on them and compare them with dive's
// output. The rules are dive's, including those LayerLens would not choose (see
// tests/data/dive/ALGORITHM.md): sizes are tar header sizes; each layer counts only the leaves of
// its own tree; removing a file counts 0 bytes, removing a directory counts what the layers below
// hold under it, once, on the directory; opaque markers are ignored.
struct DiveFigures {
    double score = 1.0;              // Σ smallest sighting / Σ all sightings, over every path
    qint64 sizeBytes = 0;            // Σ layer sizes (header sizes of every tar entry)
    qint64 userSizeBytes = 0;        // the same without the first layer
    qint64 wastedBytes = 0;          // Σ cumulative sizes of the inefficient files
    double userWastedPercent = 0;    // wasted / user size, a ratio (NaN for 0/0, as in dive)
    std::vector<qint64> layerSizes;  // per layer, as dive's layer list shows them
    // dive's display order: largest first; equal sizes in the reverse of the order dive met them
    // the second time (exact for up to 12 files, where Go's sort.Sort is an insertion sort).
    // The first 1000 of inefficientFileCount.
    std::vector<DiveFile> inefficientFiles;
    qint64 inefficientFileCount = 0;
};

DiveFigures computeDiveFigures(const ImageFs &fs);

} // namespace ll
