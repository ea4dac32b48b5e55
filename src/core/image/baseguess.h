#pragma once
#include "image/imageanalysis.h"

namespace ll {

// Which of an image's layers came with its base image. Nothing in an image says so (the base's
// history entries are copied into the image's own), so this is a guess, said as one: a pause of
// more than an hour in the history's creation times (the base was built long before the steps
// on it), else dive's rule that the first layer is the base.
struct BaseGuess {
    int layers = 0; // the first `layers` layers are the base image's
    QString why;    // how that was told, for a person
};
BaseGuess guessBase(const ImageOverview &ov);

// Hidden bytes (EfficiencyReport::hiddenBytes) split by where they lie: in the base image's
// layers, which no Dockerfile on that base can save, or in the layers built on it.
struct HiddenSplit {
    qint64 inBase = 0;
    qint64 inOwn = 0;
};
HiddenSplit splitHidden(const EfficiencyReport &e, int baseLayers);

} // namespace ll
