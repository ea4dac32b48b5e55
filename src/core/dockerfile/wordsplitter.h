#pragma once
#include <QString>
#include <QStringList>
#include <QVector>

namespace ll::df {

// Offsets [start, end) into the text that was split.
struct Span {
    int start = 0;
    int end = 0;
};

// The ways BuildKit cuts an instruction's text into pieces. Each keeps BuildKit's exact rules
// because a difference here means the editor, the linter and the builder disagree with docker.
namespace WordSplitter {

// Blanks separate words; quotes mean nothing (COPY, ADD, EXPOSE, VOLUME, FROM in shell form).
QVector<Span> whitespaceWords(QStringView text);

// Blanks outside quotes separate words; quotes and escapes stay in the words (ENV, LABEL, ARG).
QVector<Span> quotedWords(QStringView text, QChar escape);

// The leading `--flag[=value]` words. Quotes are removed and backslash escapes applied, as
// BuildKit does; a lone `--` ends the flags. `rest` is where the arguments start.
struct FlagWords {
    QStringList words;
    QVector<Span> spans;
    int rest = 0;
};
FlagWords leadingFlags(QStringView text);

// A JSON array of strings (exec form). `isArray` is false when the text is not a JSON array at
// all (then it is shell form); `allStrings` false is an error BuildKit reports.
struct JsonArray {
    bool isArray = false;
    bool allStrings = false;
    QStringList values;
    QVector<Span> spans; // of each string literal, quotes included
};
JsonArray jsonArray(QStringView text);

} // namespace WordSplitter

} // namespace ll::df
