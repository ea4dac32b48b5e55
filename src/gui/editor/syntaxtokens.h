#pragma once
#include "dockerfile/syntaxtree.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace gui {

// What a highlighted piece of a Dockerfile is. The built-in highlighter gives each kind one
// format; the kinds come from the core parser's tree, so colours and diagnostics agree.
enum class TokenKind {
    Keyword,       // FROM, RUN, ... and AS in FROM
    Flag,          // --from=
    FlagValue,     // the value after --flag=
    BaseImage,     // the image word of FROM
    StageName,     // the name after AS
    Key,           // ENV/ARG/LABEL names
    String,        // exec-form (JSON) arguments
    Variable,      // $NAME, ${NAME...}
    HeredocMarker, // <<EOF
    HeredocBody,   // the here-document lines and their delimiter
    Comment,
    Directive,     // # syntax=..., # escape=..., # check=...
    Unknown,       // a keyword that names no instruction
};

// One highlighted run on one line. Column is 0-based (a QTextBlock offset), unlike the core's
// 1-based positions.
struct SyntaxToken {
    int column = 0;
    int length = 0;
    TokenKind kind = TokenKind::Keyword;

    friend bool operator==(const SyntaxToken &, const SyntaxToken &) = default;
};

using LineTokens = QVector<SyntaxToken>;

// Splits the parse tree of `lines` (the document's lines, without line ends) into per-line
// tokens: result[i] holds line i's tokens, later ones painted over earlier ones (variables over
// the argument they sit in). Ranges over several lines are cut at line ends.
QVector<LineTokens> tokenize(const ll::df::Dockerfile &file, const QStringList &lines);

// Tokens of one line read on its own, for the moment between a keystroke and the next
// analysis. `continued` says the line above ends in the escape character, so this line has no
// keyword of its own.
LineTokens tokenizeLine(const QString &line, bool continued);

// A hash of the tokens and the text of one line, independent of the line's number, so lines
// that only moved are not painted again.
size_t lineHash(const LineTokens &tokens, const QString &text);

} // namespace gui
