#pragma once
#include "image/imageanalysis.h"
#include "source/registrypull.h"

namespace ll::source {

// Analyses an image while a pull brings its layers: the overview comes from the manifest and
// config already in the store, each layer is scanned (on `pool`'s threads) as soon as it has
// arrived, while the next one downloads; the image is named when the last one is in.
Result<ImageAnalysis> analyzeWhilePulling(Pull &pull, TaskContext &ctx, QThreadPool *pool = nullptr, const LayerStreamLimits &limits = {});

} // namespace ll::source
