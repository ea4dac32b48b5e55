#pragma once
#include "image/imageanalysis.h"

namespace ll {

// The history entry (build step) that made `layer`, checked both ways (the step names the layer
// and the layer the step), so a history that lists fewer steps than there are layers gives none:
// -1 then, or for a layer out of range.
int stepOfLayer(const ImageOverview &ov, int layer);

} // namespace ll
