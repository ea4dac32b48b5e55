#pragma once
#include "diagnostic.h"
#include "expander.h"
#include "linter.h"
#include "syntaxtree.h"

#include <QVector>

namespace ll::df {

// What every check reads, and where it reports.
class LintContext {
public:
    LintContext(const Dockerfile &file, const ExpandedFile &expanded, const LintOptions &options)
        : m_file(file), m_expanded(expanded), m_options(options) {}

    const Dockerfile &file() const { return m_file; }
    const ExpandedFile &expanded() const { return m_expanded; }
    const LintOptions &options() const { return m_options; }
    const Instruction &instruction(int index) const { return m_file.instructions[index]; }

    // Reports with the rule's default severity.
    void report(const QString &rule, const QString &message, const Range &range, int governingInstruction = -1);
    // A message the window can say in its language: `source` is a QT_TRANSLATE_NOOP("ll::df::lint", …)
    // literal with %1…%9 for `args`.
    void report(const QString &rule, const char *source, const QStringList &args, const Range &range, int governingInstruction = -1);
    QVector<Diagnostic> takeDiagnostics() { return std::move(m_diagnostics); }

private:
    const Dockerfile &m_file;
    const ExpandedFile &m_expanded;
    const LintOptions &m_options;
    QVector<Diagnostic> m_diagnostics;
};

} // namespace ll::df
