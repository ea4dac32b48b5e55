#pragma once
#include "sourcerange.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace ll::df {

enum class InstructionKind {
    Unknown, From, Run, Cmd, Label, Maintainer, Expose, Env, Add, Copy, Entrypoint,
    Volume, User, Workdir, Arg, Onbuild, Stopsignal, Healthcheck, Shell,
};

// "FROM", "RUN", ...; Unknown gives an empty string.
QString instructionName(InstructionKind kind);
// Case-insensitive; Unknown when the word names no instruction.
InstructionKind instructionKindFromName(QStringView word);
// Every instruction name in upper case, in the order of the Dockerfile reference.
QStringList allInstructionNames();

// A parser directive at the top of the file: `# escape=``.
struct Directive {
    QString name;  // lower case
    QString value;
    Range range;
};

// A piece of the instruction's text as written (quotes and variables not processed).
struct Word {
    QString text;
    Range range;
};

// `--name=value` or `--name` before the arguments.
struct Flag {
    QString name;  // without the dashes
    QString value; // raw, not expanded
    bool hasValue = false;
    Range range;
};

// NAME=value in ENV, LABEL and ARG; `legacy` marks `ENV NAME value`. Key and value are raw
// (quotes kept) so the expander sees exactly what the user wrote.
struct KeyValue {
    QString key;
    QString value;
    bool hasValue = false;
    bool legacy = false;
    Range range;
    Range keyRange;
};

// One here-document of RUN, COPY or ADD: `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`.
struct Heredoc {
    QString name;       // the delimiter word, quotes removed
    QString content;    // the lines between marker and delimiter, each ending in '\n'
    bool expand = true; // false when any part of the delimiter was quoted
    bool chomp = false; // `<<-`: leading tabs removed from content lines
    int fileDescriptor = 0;
    bool terminated = false;
    Range markerRange;  // the `<<EOF` word on the instruction line
    Range bodyRange;    // the content lines and the closing delimiter
};

struct Instruction {
    InstructionKind kind = InstructionKind::Unknown;
    QString keyword;       // as written, e.g. "run" or "RUN"
    Range range;           // from the keyword to the end of the last line (heredocs included)
    Range keywordRange;
    QVector<Flag> flags;
    QString rawArgs;       // the text after the flags, continuation lines joined
    Range argsRange;
    bool jsonForm = false; // exec form: `args` hold the decoded JSON strings
    // Exec form: the JSON strings. Otherwise the whitespace-separated words of rawArgs (for
    // HEALTHCHECK, the words after CMD); for FROM `image [AS name]`.
    QVector<Word> args;
    QVector<KeyValue> pairs; // ENV, LABEL, ARG
    QVector<Heredoc> heredocs;
    std::shared_ptr<Instruction> onbuild; // ONBUILD's nested instruction
    int stage = -1;        // index into Dockerfile::stages; -1 before the first FROM
    // The comment lines since the previous instruction, text after '#' (BuildKit's PrevComment:
    // per-instruction `# check=` and definition descriptions read them).
    QStringList comments;

    const Flag *flag(QStringView name) const;     // first flag of that name, or null
    QStringList flagValues(QStringView name) const; // every value of a repeatable flag
    // The shell command of RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD in shell form (rawArgs, minus the
    // HEALTHCHECK `CMD` word).
    QString shellCommand() const;
};

struct Stage {
    int index = 0;
    QString name;      // as written after AS; empty when unnamed
    Range nameRange;
    QString baseName;  // the FROM image word, raw
    Range baseRange;
    int fromInstruction = -1;  // index into Dockerfile::instructions
    int firstInstruction = -1; // the FROM itself
    int endInstruction = -1;   // one past the stage's last instruction
};

// A problem found while reading: where, and what was expected.
struct SyntaxError {
    QString message;
    Range range;
};

struct Dockerfile {
    QVector<Directive> directives;
    QChar escapeChar = QLatin1Char('\\');
    QVector<Instruction> instructions;
    QVector<Stage> stages;
    QVector<SyntaxError> errors;
    QVector<Range> comments;
    QVector<Range> emptyContinuationLines; // blank lines inside a continued instruction
    int lineCount = 0;

    const Directive *directive(QStringView name) const;
    // The stage whose name equals `name` (case-insensitively, as BuildKit compares), or -1.
    int stageIndex(QStringView name) const;
};

} // namespace ll::df
