#pragma once
#include "syntaxtree.h"

#include <QString>
#include <QVector>

namespace ll::df {

// What an instruction accepts, for the parser's checks and the editor's completion and hover.
struct FlagSpec {
    QString name;      // without dashes
    bool boolean = false;    // `--link` alone means true
    bool repeatable = false; // `--mount`, `--exclude` may appear several times
    QString help;      // one sentence
};

namespace InstructionSpec {

QVector<FlagSpec> flags(InstructionKind kind);
const FlagSpec *findFlag(InstructionKind kind, QStringView name);
// One-paragraph description of the instruction, for hover help.
QString help(InstructionKind kind);
// Heredocs are only recognised for these (RUN, COPY, ADD).
bool acceptsHeredocs(InstructionKind kind);

} // namespace InstructionSpec

} // namespace ll::df
