#include "syntaxtokens.h"

#include "dockerfile/parser.h"

#include <QHashFunctions>

#include <algorithm>

namespace gui {

namespace {

using ll::df::Range;

// Collects tokens per line, cutting ranges that cross line ends.
class TokenSink {
public:
    explicit TokenSink(const QStringList &lines) : m_lines(lines), m_out(lines.size()) {}

    void add(const Range &r, TokenKind kind)
    {
        if (!r.isValid())
            return;
        for (int line = r.start.line; line <= r.end.line && line <= m_lines.size(); ++line) {
            const int length = int(m_lines[line - 1].size());
            const int from = line == r.start.line ? r.start.column - 1 : 0;
            const int to = line == r.end.line ? std::min(r.end.column - 1, length) : length;
            push(line - 1, from, to - from, kind);
        }
    }
    void push(int line, int column, int length, TokenKind kind)
    {
        if (line >= 0 && line < m_out.size() && column >= 0 && length > 0)
            m_out[line].append({column, length, kind});
    }
    bool isComment(int line) const
    {
        const LineTokens &t = m_out[line];
        return !t.isEmpty() && t.first().kind == TokenKind::Comment;
    }
    const QString &text(int line) const { return m_lines[line]; }
    int lineCount() const { return int(m_lines.size()); }
    QVector<LineTokens> take() { return std::move(m_out); }

private:
    const QStringList &m_lines;
    QVector<LineTokens> m_out;
};

bool isNameStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

// Length of the variable reference at text[i] == '$' ($NAME or ${...}), 0 when there is none.
int variableLength(const QString &text, int i)
{
    const int n = int(text.size());
    if (i + 1 >= n)
        return 0;
    if (text[i + 1] == QLatin1Char('{')) {
        const int close = int(text.indexOf(QLatin1Char('}'), i + 2));
        return close < 0 ? n - i : close - i + 1;
    }
    if (!isNameStart(text[i + 1]))
        return 0;
    int j = i + 2;
    while (j < n && isNameChar(text[j]))
        ++j;
    return j - i;
}

void addVariables(TokenSink &sink, const Range &args, QChar escape)
{
    if (!args.isValid())
        return;
    for (int line = args.start.line; line <= args.end.line && line <= sink.lineCount(); ++line) {
        if (sink.isComment(line - 1))
            continue;
        const QString &text = sink.text(line - 1);
        const int from = line == args.start.line ? args.start.column - 1 : 0;
        const int to = line == args.end.line ? std::min(int(text.size()), args.end.column - 1) : int(text.size());
        for (int i = std::max(0, from); i < to; ++i) {
            if (text[i] != QLatin1Char('$') || (i > 0 && text[i - 1] == escape))
                continue;
            const int len = std::min(variableLength(text, i), to - i);
            sink.push(line - 1, i, len, TokenKind::Variable);
            i += std::max(0, len - 1);
        }
    }
}

void addFlag(TokenSink &sink, const ll::df::Flag &f)
{
    const int nameLength = 2 + int(f.name.size()) + (f.hasValue ? 1 : 0);
    const ll::df::Position start = f.range.start;
    sink.push(start.line - 1, start.column - 1, nameLength, TokenKind::Flag);
    sink.add({{start.line, start.column + nameLength}, f.range.end}, TokenKind::FlagValue);
}

void addInstruction(TokenSink &sink, const ll::df::Instruction &ins, QChar escape)
{
    using ll::df::InstructionKind;
    sink.add(ins.keywordRange, ins.kind == InstructionKind::Unknown ? TokenKind::Unknown : TokenKind::Keyword);
    for (const ll::df::Flag &f : ins.flags)
        addFlag(sink, f);
    if (ins.kind == InstructionKind::From) {
        static constexpr TokenKind fromKinds[] = {TokenKind::BaseImage, TokenKind::Keyword, TokenKind::StageName};
        for (int i = 0; i < std::min<int>(3, int(ins.args.size())); ++i)
            sink.add(ins.args[i].range, fromKinds[i]);
    } else if (ins.jsonForm) {
        for (const ll::df::Word &w : ins.args)
            sink.add(w.range, TokenKind::String);
    }
    for (const ll::df::KeyValue &kv : ins.pairs)
        sink.add(kv.keyRange, TokenKind::Key);
    for (const ll::df::Heredoc &h : ins.heredocs) {
        sink.add(h.markerRange, TokenKind::HeredocMarker);
        sink.add(h.bodyRange, TokenKind::HeredocBody);
    }
    if (ins.onbuild)
        addInstruction(sink, *ins.onbuild, escape);
    else
        addVariables(sink, ins.argsRange, escape);
}

} // namespace

QVector<LineTokens> tokenize(const ll::df::Dockerfile &file, const QStringList &lines)
{
    TokenSink sink(lines);
    for (const ll::df::Range &c : file.comments)
        sink.add(c, TokenKind::Comment);
    for (const ll::df::Directive &d : file.directives)
        sink.add(d.range, TokenKind::Directive);
    for (const ll::df::Instruction &ins : file.instructions)
        addInstruction(sink, ins, file.escapeChar);
    return sink.take();
}

LineTokens tokenizeLine(const QString &line, bool continued)
{
    // A continuation line is read as the arguments of a RUN, so flags and variables still show.
    const QString prefix = continued ? QStringLiteral("RUN ") : QString();
    const QStringList lines{prefix + line};
    const QVector<LineTokens> all = tokenize(ll::df::Parser::parse(lines.first()), lines);
    LineTokens out;
    for (SyntaxToken t : all.value(0)) {
        t.column -= int(prefix.size());
        if (t.column >= 0)
            out.append(t);
    }
    return out;
}

size_t lineHash(const LineTokens &tokens, const QString &text)
{
    size_t h = qHash(text);
    for (const SyntaxToken &t : tokens)
        h = qHashMulti(h, t.column, t.length, int(t.kind));
    return h;
}

} // namespace gui
