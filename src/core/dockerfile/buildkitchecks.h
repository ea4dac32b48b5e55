#pragma once

#include "syntaxtree.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ll::df {

class LintContext;

// BuildKit's own lint rules (docs.docker.com/reference/build-checks), with BuildKit's names and
// messages so users can look them up and `# check=skip=` works the same in both tools.
class BuildkitChecks {
public:
    static void run(LintContext &ctx);

    // Where `$name` or `${name...` is used in the instruction's arguments, flags or pairs; the
    // arguments' range when it cannot be pinned down (e.g. it spans continuation lines).
    static Range locateVariable(const Instruction &ins, const QString &name);

private:
    static void checkStageNames(LintContext &ctx);
    static void checkFrom(LintContext &ctx, int stage);
    static void checkCasing(LintContext &ctx);
    static void checkStageBody(LintContext &ctx, int stage, bool &hasShell, bool &hasWorkdir);
    static void checkSingles(LintContext &ctx, const QHash<InstructionKind, QVector<int>> &singles);
    static void checkWorkdir(LintContext &ctx, const Instruction &ins, const QString &dir, bool &hasWorkdir);
    static void checkKeyValues(LintContext &ctx, const Instruction &ins);
    static void checkExpose(LintContext &ctx, const Instruction &ins);
    static void checkCopyIgnored(LintContext &ctx, const Instruction &ins, const QStringList &args);
    static void checkUndefinedVars(LintContext &ctx);
    static void checkEmptyContinuations(LintContext &ctx);
    static void checkDefaultArgsInFrom(LintContext &ctx);
    static void checkDefinitionDescriptions(LintContext &ctx);
};

} // namespace ll::df
