// BuildKit's checks of definitions: what FROM names once the global ARGs take their defaults
// (InvalidDefaultArgInFrom), and description comments above stages and ARGs (the experimental
// InvalidDefinitionDescription).
#include "buildkitchecks.h"

#include "expander.h"
#include "imagereference.h"
#include "lintcontext.h"

namespace ll::df {

// BuildKit recomputes the global ARGs from their defaults alone (a --build-arg does not rescue a
// default that names no image), expands each FROM with them and parses the result as an image
// reference. A stage name or scratch is fine; a malformed expansion ends the check.
void BuildkitChecks::checkDefaultArgsInFrom(LintContext &ctx)
{
    const Dockerfile &file = ctx.file();
    const ShellLex lex(file.escapeChar);
    ExpandOptions platformOnly;
    VariableMap vars = Expander(platformOnly).platformArgs();
    for (auto it = ctx.options().buildArgs.cbegin(); it != ctx.options().buildArgs.cend(); ++it)
        if (Expander::isPlatformArg(it.key()))
            vars.insert(it.key(), it.value());
    for (const Instruction &ins : file.instructions) {
        if (ins.stage >= 0)
            break;
        if (ins.kind != InstructionKind::Arg)
            continue;
        for (const KeyValue &kv : ins.pairs) {
            if (!kv.hasValue)
                continue; // an unset name expands to nothing; a predefined one keeps its value
            const ShellLex::Result r = lex.process(kv.value, vars);
            if (!r.error.isEmpty())
                return; // BuildKit gives up on the check
            vars.insert(kv.key, r.value);
        }
    }
    for (const Stage &stage : file.stages) {
        const ShellLex::Result r = lex.process(stage.baseName, vars);
        if (!r.error.isEmpty())
            return;
        const int named = file.stageIndex(r.value);
        if (r.value.compare(QLatin1String("scratch"), Qt::CaseInsensitive) == 0 || (named >= 0 && named < stage.index))
            continue;
        if (!isValidImageReference(r.value))
            ctx.report(QStringLiteral("InvalidDefaultArgInFrom"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Default value for ARG %1 results in empty or invalid base image name"), {stage.baseName},
                       ctx.instruction(stage.fromInstruction).range);
    }
}

// The last comment line above `FROM … AS name` or `ARG key…` describes it when its first word is
// that name (the stage name in lower case) or one of the keys.
void BuildkitChecks::checkDefinitionDescriptions(LintContext &ctx)
{
    for (const Instruction &ins : ctx.file().instructions) {
        if (ins.comments.isEmpty())
            continue;
        const QString firstWord = ins.comments.last().section(QLatin1Char(' '), 0, 0);
        QString expected;
        if (ins.kind == InstructionKind::From && ins.args.size() == 3) {
            expected = ins.args[2].text.toLower();
            if (firstWord == expected)
                continue;
        } else if (ins.kind == InstructionKind::Arg && !ins.pairs.isEmpty()) {
            bool matches = false;
            for (const KeyValue &kv : ins.pairs)
                matches = matches || kv.key == firstWord;
            if (matches)
                continue;
            expected = ins.pairs.size() == 1 ? ins.pairs.first().key : QStringLiteral("<arg_key>");
        } else {
            continue;
        }
        ctx.report(QStringLiteral("InvalidDefinitionDescription"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "Comment for %1 should follow the format: `# %2 <description>`"), {instructionName(ins.kind), expected}, ins.range);
    }
}

} // namespace ll::df
