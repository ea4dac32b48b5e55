#include "lintcontext.h"

#include "rules.h"

namespace ll::df {

void LintContext::report(const QString &rule, const QString &message, const Range &range, int governingInstruction)
{
    const RuleInfo *info = Rules::find(rule);
    Q_ASSERT_X(info, "LintContext::report", "every rule must be registered in rules.cpp");
    m_diagnostics.append({rule, info ? info->severity : Severity::Warning, message, range, governingInstruction});
}

} // namespace ll::df
