#pragma once
#include "sourcemap.h"
#include "syntaxtree.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace ll::df {

// One instruction's text with continuation lines joined, comments and blank lines inside the
// continuation dropped, and the escape character at each line end removed.
struct LogicalLine {
    QString text;
    SourceMap map;
    int firstLine = 0;
    int lastLine = 0;
    Position end; // just after the last character of the last physical line
    // The comment lines since the previous instruction (text after '#', trimmed), as BuildKit
    // attaches them: a bare '#' clears them, blank lines do not.
    QStringList comments;
};

// The body of one here-document as read from the lines after its instruction.
struct HeredocBody {
    QString content;
    bool terminated = false;
    Range range;
};

// Splits a Dockerfile into physical lines, reads the parser directives at the top and hands
// out logical lines one at a time. It never fails: problems are collected in errors().
class Lexer {
public:
    explicit Lexer(const QString &source);

    // False at the end of the file.
    bool next(LogicalLine &line);
    // Reads the lines after the current instruction up to `delimiter` (leading tabs removed
    // from content and delimiter line when `chomp`). Unterminated bodies take the rest.
    HeredocBody readHeredoc(const QString &delimiter, bool chomp);

    QChar escapeChar() const { return m_escape; }
    const QVector<Directive> &directives() const { return m_directives; }
    const QVector<SyntaxError> &errors() const { return m_errors; }
    const QVector<Range> &comments() const { return m_comments; }
    const QVector<Range> &emptyContinuationLines() const { return m_emptyContinuations; }
    int lineCount() const { return int(m_lines.size()); }

private:
    bool readDirective(const QString &line, int lineNo);
    void skipToInstruction(); // past directives, comments and blank lines
    int continuationStart(const QString &line) const;
    Range wholeLine(int index) const;

    QStringList m_lines;
    int m_current = 0;
    bool m_directivesDone = false;
    QChar m_escape = QLatin1Char('\\');
    QVector<Directive> m_directives;
    QVector<SyntaxError> m_errors;
    QVector<Range> m_comments;
    QStringList m_pendingComments;
    QVector<Range> m_emptyContinuations;
};

} // namespace ll::df
