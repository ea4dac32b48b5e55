#pragma once
#include <QString>

namespace ll::df {

class LintContext;
struct Instruction;
struct ExpandedInstruction;

// LayerLens's best-practice checks, in the spirit of hadolint: reproducible bases, no wasted
// layer space, fewer surprises. Names are LayerLens's own (see rules.cpp).
class PracticeChecks {
public:
    static void run(LintContext &ctx);

    // The text a RUN hands to the shell: the shell form command plus heredoc bodies, or the
    // exec form's strings joined by blanks.
    static QString runScript(const Instruction &ins);

private:
    static void checkBaseImage(LintContext &ctx, int stage);
    static void checkRun(LintContext &ctx, const Instruction &ins, bool stageHasPipefailShell);
    static void checkPackageCaches(LintContext &ctx, const Instruction &ins, const QString &script);
    static void checkAdd(LintContext &ctx, const Instruction &ins, const ExpandedInstruction &e);
    static void checkStageReference(LintContext &ctx, const Instruction &ins, const QString &ref, int stage);
};

} // namespace ll::df
