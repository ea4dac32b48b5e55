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
};

} // namespace ll::df
