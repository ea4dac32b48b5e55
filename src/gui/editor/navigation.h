#pragma once
#include "dockerfile/syntaxtree.h"

#include <QString>

namespace gui::navigation {

// The instruction whose text covers `pos` (its ONBUILD trigger when the position is in one),
// or null.
const ll::df::Instruction *instructionAt(const ll::df::Dockerfile &file, ll::df::Position pos);

// Hover help at `pos` as rich text: the instruction's description over its keyword, the
// flag's description over a flag; empty elsewhere.
QString hoverHelp(const ll::df::Dockerfile &file, ll::df::Position pos);

// The stage the word at `pos` names: the value of `--from=` (COPY) or of `from=` inside
// `--mount=` (RUN), or the image word of a FROM that names a stage; by name or by index.
// -1 when the position is on no such reference or the stage does not exist.
int stageReferencedAt(const ll::df::Dockerfile &file, ll::df::Position pos);

} // namespace gui::navigation
