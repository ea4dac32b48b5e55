#include "dockerfileanalysis.h"

#include "dockerfile/linter.h"
#include "dockerfile/parser.h"

#include <QSet>

namespace gui {

namespace {

QStringList variableNamesOf(const ll::df::Dockerfile &file)
{
    // BuildKit's predefined ARGs are usable once declared; offering them helps writing `ARG`.
    QSet<QString> names{
        QStringLiteral("TARGETPLATFORM"), QStringLiteral("TARGETOS"), QStringLiteral("TARGETARCH"),
        QStringLiteral("TARGETVARIANT"), QStringLiteral("BUILDPLATFORM"), QStringLiteral("BUILDOS"),
        QStringLiteral("BUILDARCH"), QStringLiteral("BUILDVARIANT"),
    };
    for (const ll::df::Instruction &ins : file.instructions) {
        if (ins.kind != ll::df::InstructionKind::Arg && ins.kind != ll::df::InstructionKind::Env)
            continue;
        for (const ll::df::KeyValue &kv : ins.pairs) {
            if (!kv.key.isEmpty())
                names.insert(kv.key);
        }
    }
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    return sorted;
}

} // namespace

std::shared_ptr<const DockerfileAnalysis> DockerfileAnalysis::analyze(const QString &text, quint64 generation)
{
    auto a = std::make_shared<DockerfileAnalysis>();
    a->generation = generation;
    a->lines = text.split(QLatin1Char('\n'));
    a->file = ll::df::Parser::parse(text);
    a->diagnostics = ll::df::Linter::lint(a->file);
    a->tokens = tokenize(a->file, a->lines);
    a->lineHashes.reserve(a->lines.size());
    for (int i = 0; i < a->lines.size(); ++i)
        a->lineHashes.append(lineHash(a->tokens[i], a->lines[i]));
    for (const ll::df::Stage &s : a->file.stages) {
        if (!s.name.isEmpty())
            a->stageNames.append(s.name);
    }
    a->variableNames = variableNamesOf(a->file);
    return a;
}

} // namespace gui
