#pragma once
#include <QString>
#include <QStringList>

namespace gui {

struct DockerfileAnalysis;

// What completion offers at the cursor, worked out from the text before it:
// - at the start of an instruction: instruction names (in the casing being typed);
// - after `--` in an instruction with flags: its flags;
// - after `--from=` (or `from=` inside `--mount=`) and after `FROM `: stage names;
// - after `$` or `${`: ARG and ENV names.
struct CompletionContext {
    enum class Kind { None, Instruction, Flag, Stage, Variable };
    Kind kind = Kind::None;
    QString prefix;          // the typed part the chosen completion replaces
    QStringList candidates;

    // `instructionBefore`: the instruction's text from its keyword up to the cursor, continuation
    // lines joined (escape characters removed); `continued`: the cursor's line continues the line
    // above, so it cannot start an instruction. `analysis` may be null (no names known yet).
    static CompletionContext at(const QString &instructionBefore, bool continued, const DockerfileAnalysis *analysis);
};

} // namespace gui
