#pragma once
#include "image/imageanalysis.h"

namespace cli {

// The readable summary: source, image, config, one row per build step, efficiency.
// `baseLayers` < 0: guessed (ll::guessBase); else the base image's layer count as given.
void printSummary(const ll::ImageAnalysis &a, int topWasted, int baseLayers = -1);
// The file tree after `layer` (0-based) with change marks.
void printTree(const ll::ImageAnalysis &a, int layer, bool changesOnly, int since = -2);

} // namespace cli
