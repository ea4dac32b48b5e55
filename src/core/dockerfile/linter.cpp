#include "linter.h"

#include "buildkitchecks.h"
#include "checkconfig.h"
#include "lintcontext.h"
#include "practicechecks.h"
#include "rules.h"

#include <algorithm>

namespace ll::df {

QVector<Diagnostic> Linter::lint(const Dockerfile &file, const LintOptions &options)
{
    ExpandOptions expandOptions;
    expandOptions.baseImageEnv = options.baseImageEnv;
    for (auto it = options.buildArgs.cbegin(); it != options.buildArgs.cend(); ++it)
        expandOptions.buildArgs.insert(it.key(), it.value());
    const ExpandedFile expanded = Expander(expandOptions).expand(file);
    LintContext context(file, expanded, options);
    for (const SyntaxError &e : file.errors)
        context.report(Rules::syntaxError(), e.message, e.range);
    BuildkitChecks::run(context);
    PracticeChecks::run(context);

    QVector<Diagnostic> diagnostics = context.takeDiagnostics();
    applyCheckConfig(file, options.checkOverride, diagnostics);
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (!(a.range.start == b.range.start))
            return a.range.start < b.range.start;
        return a.rule < b.rule;
    });
    return diagnostics;
}

bool Linter::hasErrors(const QVector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace ll::df
