#pragma once
#include "syntaxtree.h"

#include <QString>

namespace ll::df {

// The one Dockerfile parser of LayerLens: the editor, the linter and the builder all read a
// Dockerfile through it, so they cannot disagree. It never fails and never throws: whatever it
// cannot read becomes a SyntaxError in Dockerfile::errors, and parsing goes on with the next
// line. It is pure (no file access) and linear in the size of the text.
class Parser {
public:
    static Dockerfile parse(const QString &source);
};

} // namespace ll::df
