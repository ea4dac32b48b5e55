#include "linter.h"

#include "buildkitchecks.h"
#include "lintcontext.h"
#include "practicechecks.h"
#include "rules.h"

#include <algorithm>

namespace ll::df {

namespace {

// `# check=skip=A,B;error=true`
struct CheckDirective {
    QStringList skip;
    bool skipAll = false;
    bool errors = false;
};

CheckDirective readCheckDirective(const Dockerfile &file)
{
    CheckDirective check;
    const Directive *d = file.directive(u"check");
    if (!d)
        return check;
    for (const QString &part : d->value.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = part.section(QLatin1Char('='), 1).trimmed();
        if (key == QLatin1String("skip")) {
            for (const QString &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                check.skip << name.trimmed();
                check.skipAll |= name.trimmed().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
            }
        } else if (key == QLatin1String("error")) {
            check.errors = value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        }
    }
    return check;
}

void applyCheckDirective(const CheckDirective &check, QVector<Diagnostic> &diagnostics)
{
    const QString syntax = Rules::syntaxError();
    diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(),
                                     [&](const Diagnostic &d) {
                                         return d.rule != syntax && (check.skipAll || check.skip.contains(d.rule));
                                     }),
                      diagnostics.end());
    if (!check.errors)
        return;
    for (Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Warning)
            d.severity = Severity::Error;
    }
}

} // namespace

QVector<Diagnostic> Linter::lint(const Dockerfile &file, const LintOptions &options)
{
    ExpandOptions expandOptions;
    expandOptions.baseImageEnv = options.baseImageEnv;
    const ExpandedFile expanded = Expander(expandOptions).expand(file);
    LintContext context(file, expanded, options);
    for (const SyntaxError &e : file.errors)
        context.report(Rules::syntaxError(), e.message, e.range);
    BuildkitChecks::run(context);
    PracticeChecks::run(context);

    QVector<Diagnostic> diagnostics = context.takeDiagnostics();
    applyCheckDirective(readCheckDirective(file), diagnostics);
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
