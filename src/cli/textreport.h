#pragma once
#include "image/imageanalysis.h"

namespace cli {

// The readable summary: source, image, config, one row per build step, efficiency.
void printSummary(const ll::ImageAnalysis &a, int topWasted);
// The file tree after `layer` (0-based) with change marks.
void printTree(const ll::ImageAnalysis &a, int layer, bool changesOnly);

} // namespace cli
