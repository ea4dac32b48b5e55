#pragma once
#include "sourcerange.h"

#include <QString>
#include <QStringList>

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
    // `message` before its values went in, as lupdate knows it (context "ll::df::lint"), and the
    // values: the window says the message in its language (localizedMessage). Empty for the
    // parser's messages, which are made in the language applied when the file is parsed.
    const char *messageSource = nullptr;
    QStringList messageArgs = {};
};

// %1…%9 of `text` replaced by `args` in one pass, so a value holding "%2" stays as it is.
QString substituteArgs(const QString &text, const QStringList &args);
// The message in the installed translation's language (`lint --json` keeps `message`).
QString localizedMessage(const Diagnostic &d);

} // namespace ll::df
