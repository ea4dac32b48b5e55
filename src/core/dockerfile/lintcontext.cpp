#include "lintcontext.h"

#include "rules.h"

namespace ll::df {

void LintContext::report(const QString &rule, const QString &message, const Range &range, int governingInstruction)
{
    const RuleInfo *info = Rules::find(rule);
    Q_ASSERT_X(info, "LintContext::report", "every rule must be registered in rules.cpp");
    m_diagnostics.append({rule, info ? info->severity : Severity::Warning, message, range, governingInstruction});
}

void LintContext::report(const QString &rule, const char *source, const QStringList &args, const Range &range, int governingInstruction)
{
    report(rule, substituteArgs(QString::fromUtf8(source), args), range, governingInstruction);
    m_diagnostics.back().messageSource = source;
    m_diagnostics.back().messageArgs = args;
}

} // namespace ll::df
