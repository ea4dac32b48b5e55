#include "parser.h"

#include "common/error.h"
#include "instructionparser.h"
#include "lexer.h"

#include <algorithm>

namespace ll::df {

namespace {

void readHeredocBodies(Lexer &lexer, Instruction &ins, QVector<SyntaxError> &errors)
{
    for (Heredoc &h : ins.heredocs) {
        const HeredocBody body = lexer.readHeredoc(h.name, h.chomp);
        h.content = body.content;
        h.terminated = body.terminated;
        h.bodyRange = body.range;
        if (body.range.isValid() && ins.range.end < body.range.end)
            ins.range.end = body.range.end;
        if (!body.terminated)
            errors.append({Msg::tr("heredoc <<%1 is not terminated: expected a line holding only \"%1\"").arg(h.name),
                           h.markerRange});
    }
}

// Opens a stage on FROM; anything but ARG before the first FROM has no stage to go to.
void placeInStage(Dockerfile &df, Instruction &ins, int index)
{
    if (ins.kind == InstructionKind::From) {
        if (!df.stages.isEmpty())
            df.stages.last().endInstruction = index;
        Stage s;
        s.index = int(df.stages.size());
        s.fromInstruction = s.firstInstruction = index;
        s.endInstruction = index + 1;
        if (!ins.args.isEmpty()) {
            s.baseName = ins.args[0].text;
            s.baseRange = ins.args[0].range;
        }
        if (ins.args.size() == 3) {
            s.name = ins.args[2].text;
            s.nameRange = ins.args[2].range;
        }
        df.stages.append(s);
    } else if (!df.stages.isEmpty()) {
        df.stages.last().endInstruction = index + 1;
    } else if (ins.kind != InstructionKind::Arg && ins.kind != InstructionKind::Unknown) {
        df.errors.append({Msg::tr("%1 before the first FROM: only ARG may come before FROM (no build stage yet)")
                              .arg(ins.keyword), ins.keywordRange});
    }
    ins.stage = int(df.stages.size()) - 1;
}

} // namespace

Dockerfile Parser::parse(const QString &source)
{
    Dockerfile df;
    Lexer lexer(source);
    LogicalLine line;
    QVector<SyntaxError> errors;
    while (lexer.next(line)) {
        InstructionParser parser(line.text, line.map, lexer.escapeChar(), errors);
        Instruction ins = parser.parse();
        ins.range.end = line.end; // also covers a trailing escape character on the last line
        ins.comments = line.comments;
        readHeredocBodies(lexer, ins, errors);
        placeInStage(df, ins, int(df.instructions.size()));
        df.instructions.append(std::move(ins));
    }
    df.directives = lexer.directives();
    df.escapeChar = lexer.escapeChar();
    df.comments = lexer.comments();
    df.emptyContinuationLines = lexer.emptyContinuationLines();
    df.lineCount = lexer.lineCount();
    df.errors = lexer.errors() + errors + df.errors;
    std::stable_sort(df.errors.begin(), df.errors.end(),
                     [](const SyntaxError &a, const SyntaxError &b) { return a.range.start < b.range.start; });
    return df;
}

} // namespace ll::df
