#pragma once

namespace ll::df {

// A place in the Dockerfile as people count: line and column both start at 1. Columns count
// UTF-16 code units of the line as read (a CR of a CRLF ending is not part of the line).
struct Position {
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0 && column > 0; }
    friend bool operator==(const Position &, const Position &) = default;
    friend bool operator<(const Position &a, const Position &b)
    {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    }
};

// [start, end): end is the position just after the last character.
struct Range {
    Position start;
    Position end;

    bool isValid() const { return start.isValid() && end.isValid(); }
    bool contains(Position p) const { return !(p < start) && p < end; }
    friend bool operator==(const Range &, const Range &) = default;
};

} // namespace ll::df
