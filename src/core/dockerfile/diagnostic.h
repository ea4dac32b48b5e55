#pragma once
#include "sourcerange.h"

#include <QString>

namespace ll::df {

enum class Severity { Error, Warning, Info };

// "error", "warning", "info": the words the CLI prints and the JSON output carries.
inline QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

// One finding of the linter or the parser. `rule` names a RuleInfo (Rules::find).
struct Diagnostic {
    QString rule;
    Severity severity = Severity::Warning;
    QString message;
    Range range;
    // The instruction whose `# check=` comment governs this finding when it is not the one the
    // range lies in (BuildKit reports MultipleInstructionsDisallowed on the earlier instruction
    // but decides with the later one's comments); -1: the one at range.
    int governingInstruction = -1;
};

} // namespace ll::df
