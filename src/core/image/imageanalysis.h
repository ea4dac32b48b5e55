#pragma once
#include "archive/compression.h"
#include "archive/layerstream.h"
#include "fstree/efficiency.h"
#include "fstree/imagefs.h"
#include "image/imagecatalog.h"
#include "image/imageconfig.h"

#include <QThreadPool>
#include <optional>

namespace ll {

enum class DigestCheck {
    NotStated, // the format names no digest to compare with
    Verified,
    Mismatch,
    NotRead,   // the blob could not be read (see the layer's error)
};
QString digestCheckName(DigestCheck c);  // the JSON value: "verified"…
QString digestCheckLabel(DigestCheck c); // the same in the language applied, for people

struct LayerReport {
    int index = 0;
    BlobRef blob;          // where it is and what the manifest says
    Digest expectedDiffId; // what the config says
    Digest blobDigest;     // measured
    Digest diffId;         // measured
    Digest chainId;        // from the measured DiffIDs (the expected ones where unread)
    qint64 storedSize = -1;
    qint64 uncompressedSize = -1;
    Compression compression = Compression::None;
    qint64 tarEntries = 0;
    qint64 contentBytes = 0;
    DigestCheck blobCheck = DigestCheck::NotRead;
    DigestCheck diffIdCheck = DigestCheck::NotRead;
    std::optional<Error> error;
    QStringList warnings;
    int stepIndex = -1; // the build step (history entry) that made it

    bool ok() const { return !error && blobCheck != DigestCheck::Mismatch && diffIdCheck != DigestCheck::Mismatch; }
    // Empty when fine; else what failed, with expected and actual values.
    QString problem() const;
};

// A history entry; layerIndex is -1 for metadata-only steps (empty_layer).
struct BuildStep {
    int historyIndex = -1;
    int layerIndex = -1;
    HistoryEntry history;
};

// Everything the small JSON files tell: enough for the layer timeline, before any layer is read.
struct ImageOverview {
    std::shared_ptr<const ImageSource> source;
    ImageCatalog catalog;
    int chosen = 0;
    ImageManifest manifest;
    ImageConfig config;
    DigestCheck configCheck = DigestCheck::NotStated;
    Digest expectedConfigDigest;
    std::vector<BuildStep> steps;
    std::vector<LayerReport> layers; // expectations only, until scanned
    QStringList warnings;
    // Where the layers' scans put their paths (shared: copies of an overview scan into one table).
    std::shared_ptr<PathTable> paths = std::make_shared<PathTable>();
    const ImageChoice &choice() const { return catalog.images[size_t(chosen)]; }
};

Result<ImageOverview> readOverview(const QString &path, const ImageSelector &selector, TaskContext &ctx);
// The overview of one manifest of an OCI layout, whether index.json names it or not: a pull
// shows the image from its manifest and config while its layers are still arriving.
Result<ImageOverview> readManifestOverview(const QString &layout, const ImageChoice &choice, TaskContext &ctx);
// The rest of readOverview once `ov.source`, `ov.catalog` and `ov.chosen` are set.
Result<ImageOverview> completeOverview(ImageOverview ov, TaskContext &ctx);

struct LayerScanOutcome {
    LayerReport report;
    LayerContent content;
};

// Reads one layer. Never fails as a whole: a broken layer comes back with its error set, so
// it can still be shown, marked.
// `region`, when given, is read instead of the source's member (a blob still arriving).
LayerScanOutcome scanImageLayer(const ImageOverview &overview, int layerIndex, TaskContext &ctx, const LayerStreamLimits &limits = {},
                                const FileRegion *region = nullptr);

struct ImageAnalysis {
    ImageOverview overview;
    std::vector<LayerReport> layers;
    std::shared_ptr<const ImageFs> fs;
    EfficiencyReport efficiency;
    bool allVerified() const;
    int failedLayers() const;
};

// Merges scanned layers into one filesystem, computes ChainIDs and efficiency.
ImageAnalysis assembleAnalysis(ImageOverview overview, std::vector<LayerScanOutcome> scanned);
// The first `count` layers merged while the others are still being read, so a window can show
// them early. Copies what it merges: `scanned` and the overview's path table are left as they
// are (other scans may be writing into the table; this is safe against that).
ImageAnalysis assemblePrefix(const ImageOverview &overview, const std::vector<LayerScanOutcome> &scanned, int count);

// All of it: overview, every layer in parallel on `pool` (a private one when null), assembly.
// Canceled comes back as an Error with code Canceled.
// `limits` bound what one layer may cost (see LayerStreamLimits: entries, decompression ratio).
Result<ImageAnalysis> analyzeImage(const QString &path, const ImageSelector &selector, TaskContext &ctx, QThreadPool *pool = nullptr,
                                   const LayerStreamLimits &limits = {});

Digest chainIdOf(const Digest &parentChain, const Digest &diffId);

} // namespace ll
