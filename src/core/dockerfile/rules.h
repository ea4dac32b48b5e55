#pragma once
#include "diagnostic.h"

#include <QString>
#include <QVector>

namespace ll::df {

// What the UI shows about a rule: its name (BuildKit's where BuildKit has the rule), its
// default severity, a one-line summary and a paragraph saying why it matters.
struct RuleInfo {
    QString name;
    Severity severity = Severity::Warning;
    bool fromBuildKit = false;
    QString summary;
    QString explanation;
};

namespace Rules {

// Rule names used by the parser itself.
inline QString syntaxError() { return QStringLiteral("SyntaxError"); }

const QVector<RuleInfo> &all();
// Null when no rule has that name (names are case-sensitive, as in `# check=skip=`).
const RuleInfo *find(QStringView name);
// The paragraph, as the CLI and JSON give it (English); empty for unknown names.
QString explanation(QStringView name);
// The summary and the paragraph in the installed translation's language, for the window.
QString localizedSummary(QStringView name);
QString localizedExplanation(QStringView name);

} // namespace Rules

} // namespace ll::df
