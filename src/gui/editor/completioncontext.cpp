#include "completioncontext.h"

#include "dockerfileanalysis.h"

#include "dockerfile/instructionspec.h"

#include <QRegularExpression>

namespace gui {

namespace {

using Kind = CompletionContext::Kind;

CompletionContext make(Kind kind, const QString &prefix, const QStringList &candidates)
{
    CompletionContext c;
    c.kind = kind;
    c.prefix = prefix;
    c.candidates = candidates;
    return c;
}

QStringList flagCandidates(ll::df::InstructionKind kind)
{
    QStringList out;
    for (const ll::df::FlagSpec &f : ll::df::InstructionSpec::flags(kind))
        out << QStringLiteral("--") + f.name + (f.boolean ? QString() : QStringLiteral("="));
    return out;
}

QStringList instructionCandidates(const QString &typed)
{
    QStringList names = ll::df::allInstructionNames();
    // Follow the casing being typed (ConsistentInstructionCasing wants one casing per file).
    if (!typed.isEmpty() && typed == typed.toLower()) {
        for (QString &n : names)
            n = n.toLower();
    }
    return names;
}

} // namespace

CompletionContext CompletionContext::at(const QString &before, bool continued, const DockerfileAnalysis *analysis)
{
    static const QRegularExpression firstWord(QStringLiteral("^\\s*(\\w*)$"));
    static const QRegularExpression keyword(QStringLiteral("^\\s*(\\w+)"));
    static const QRegularExpression stageRef(QStringLiteral("(?:^|[\\s,])(?:--)?from=([\\w.\\-]*)$"));
    static const QRegularExpression fromBase(QStringLiteral("^\\s*from\\s+(?:--\\S+\\s+)*([\\w.\\-]*)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression flag(QStringLiteral("(?:^|\\s)(--[\\w\\-]*)$"));
    static const QRegularExpression variable(QStringLiteral("\\$\\{?(\\w*)$"));

    const QStringList stages = analysis ? analysis->stageNames : QStringList();
    if (const auto m = firstWord.match(before); m.hasMatch() && !continued)
        return make(Kind::Instruction, m.captured(1), instructionCandidates(m.captured(1)));
    const auto kind = ll::df::instructionKindFromName(keyword.match(before).captured(1));
    if (const auto m = variable.match(before); m.hasMatch())
        return make(Kind::Variable, m.captured(1), analysis ? analysis->variableNames : QStringList());
    if (const auto m = stageRef.match(before); m.hasMatch())
        return make(Kind::Stage, m.captured(1), stages);
    if (const auto m = fromBase.match(before); m.hasMatch())
        return make(Kind::Stage, m.captured(1), stages);
    if (const auto m = flag.match(before); m.hasMatch() && !flagCandidates(kind).isEmpty())
        return make(Kind::Flag, m.captured(1), flagCandidates(kind));
    return {};
}

} // namespace gui
