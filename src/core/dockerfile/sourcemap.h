#pragma once
#include "sourcerange.h"

#include <QVector>

namespace ll::df {

// Maps offsets in a logical line (continuation lines joined, escape characters removed) back
// to where the characters stand in the file, so every node can carry a real range.
class SourceMap {
public:
    // Appends `length` characters that start at (line, column) in the file.
    void append(int line, int column, int length);
    int length() const { return m_length; }

    // Where the character at `offset` stands; offset == length() gives the end of the text.
    Position at(int offset) const;
    // The position just after the character at `offset - 1`: the end of a range.
    Position endAt(int offset) const;
    Range range(int from, int to) const { return {at(from), endAt(to)}; }

private:
    struct Segment {
        int offset;
        int line;
        int column;
        int length;
    };
    int segmentFor(int offset, bool preferPrevious) const;

    QVector<Segment> m_segments;
    int m_length = 0;
};

} // namespace ll::df
