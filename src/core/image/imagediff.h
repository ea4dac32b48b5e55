#pragma once
#include "image/imageanalysis.h"

#include <QByteArray>
#include <QStringList>
#include <vector>

namespace ll {

// What tells two images apart, as container-diff did (it is archived): their layers, the
// filesystems after a chosen layer of each, their configs and their histories.
struct FileDifference {
    enum class Kind { Added, Removed, Changed };
    QByteArray path;         // "usr/bin/x", no leading slash
    Kind kind = Kind::Changed;
    QStringList what;        // Changed: "type", "content", "mode", "owner", "link target"
    EntryType typeA = EntryType::Regular, typeB = EntryType::Regular;
    qint64 sizeA = -1, sizeB = -1; // regular files' sizes; -1 where absent
};
QString fileDifferenceKindName(FileDifference::Kind k); // "added", "removed", "changed"

struct ConfigDifference {
    QString field; // as `inspect` names it: "Env", "Cmd", "User", …
    QString a, b;  // the values as shown ("" when unset)
};

struct ImageSide {
    int layer = -1;            // the filesystem compared is the one after this layer (0-based)
    int layers = 0;
    qint64 storedSize = 0;     // every layer's blob
    qint64 uncompressedSize = 0;
};

struct ImageDiff {
    ImageSide a, b;
    // Layers counted from the bottom that both images have (same ChainID): a common base.
    int commonLayers = 0;
    qint64 commonStoredBytes = 0; // what B's common layers store (same files; maybe compressed otherwise than A's)
    // Of those, the bytes of B's layers stored as the very blobs A has (same digest): what a
    // registry keeps once and a pull of B where A is skips. Other compression, other blobs.
    qint64 commonBlobBytes = 0;
    // B's layers, wherever they sit, stored as blobs A has anywhere (same digest): what a pull
    // of B where A is does not download (a registry fetches by digest, not by position).
    qint64 blobsInABytes = 0;
    // DiffIDs of the layers in one image and not in the other (beyond the common ones).
    std::vector<Digest> onlyA, onlyB;
    std::vector<FileDifference> files; // sorted by path
    qint64 addedBytes = 0, removedBytes = 0; // regular files' sizes
    std::vector<ConfigDifference> config;
    // History entries (build steps) that are the same from the start, and what follows in each.
    int commonSteps = 0;
    QStringList stepsOnlyA, stepsOnlyB;

    bool filesystemsEqual() const { return files.empty(); }
    bool same() const { return files.empty() && config.empty(); }
};

// How many layers, from the bottom, both images have (same ChainID, both read and verified).
int commonBaseLayers(const ImageAnalysis &a, const ImageAnalysis &b);

// `layerA`/`layerB`: which filesystems to compare (0-based; -1 for each image's last layer).
ImageDiff diffImages(const ImageAnalysis &a, int layerA, const ImageAnalysis &b, int layerB);

} // namespace ll
