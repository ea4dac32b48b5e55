#include "stepoflayer.h"

namespace ll {

int stepOfLayer(const ImageOverview &ov, int layer)
{
    if (layer < 0 || size_t(layer) >= ov.layers.size())
        return -1;
    const int step = ov.layers[size_t(layer)].stepIndex;
    return step >= 0 && size_t(step) < ov.steps.size() && ov.steps[size_t(step)].layerIndex == layer ? step : -1;
}

} // namespace ll
