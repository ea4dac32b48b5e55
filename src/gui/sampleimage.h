#pragma once
#include "common/result.h"

#include <QString>

namespace gui {

// Writes the built-in sample image (every kind of layer change, some wasted space) to the
// user's cache folder and returns its path: what the window shows on first start.
ll::Result<QString> writeSampleImage();
// The file name the sample is written under (to tell it apart in Open Recent).
QString sampleDisplayName();

} // namespace gui
