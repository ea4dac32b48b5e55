#pragma once
#include "sourcemap.h"
#include "syntaxtree.h"
#include "wordsplitter.h"

#include <QVector>

namespace ll::df {

// Turns one logical line into an Instruction: keyword, flags, arguments in the form the
// instruction takes, heredoc markers (bodies are read by the Parser, which owns the Lexer).
// Problems are appended to `errors`; a partial instruction is still returned.
class InstructionParser {
public:
    InstructionParser(const QString &text, const SourceMap &map, QChar escape, QVector<SyntaxError> &errors);

    // Parses the instruction that starts at `from` (ONBUILD parses its trigger this way).
    Instruction parse(int from = 0);

private:
    Range range(int from, int to) const { return m_map.range(from, to); }
    Range range(Span s, int base) const { return m_map.range(base + s.start, base + s.end); }
    void error(const QString &message, int from, int to);
    void error(const QString &message, const Range &r);

    void readFlags(Instruction &ins, int &pos);
    void checkFlags(const Instruction &ins);
    void readArguments(Instruction &ins, int argsStart);
    void readFrom(Instruction &ins, int argsStart);
    bool readExecForm(Instruction &ins, int argsStart, int argsEnd);
    void readWords(Instruction &ins, int argsStart, int argsEnd);
    void readSingle(Instruction &ins);
    void readKeyValues(Instruction &ins, int argsStart, bool isArg);
    void readHealthcheck(Instruction &ins, int argsStart);
    void readOnbuild(Instruction &ins, int argsStart);
    void readHeredocMarkers(Instruction &ins, int argsStart);
    void checkArgumentCount(const Instruction &ins);

    const QString &m_text;
    const SourceMap &m_map;
    QChar m_escape;
    QVector<SyntaxError> &m_errors;
    int m_end = 0; // end of the text without trailing blanks
};

} // namespace ll::df
