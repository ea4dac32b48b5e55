#include "sourcemap.h"

#include <algorithm>

namespace ll::df {

void SourceMap::append(int line, int column, int length)
{
    m_segments.append({m_length, line, column, length});
    m_length += length;
}

int SourceMap::segmentFor(int offset, bool preferPrevious) const
{
    // Segments are sorted by offset. For an end position we want the segment the previous
    // character belongs to, so a range never ends at column 1 of the next physical line.
    auto it = preferPrevious
        ? std::lower_bound(m_segments.begin(), m_segments.end(), offset,
                           [](const Segment &s, int o) { return s.offset < o; })
        : std::upper_bound(m_segments.begin(), m_segments.end(), offset,
                           [](int o, const Segment &s) { return o < s.offset; });
    return std::max(0, int(it - m_segments.begin()) - 1);
}

Position SourceMap::at(int offset) const
{
    if (m_segments.isEmpty())
        return {};
    offset = std::clamp(offset, 0, m_length);
    const Segment &s = m_segments[segmentFor(offset, false)];
    return {s.line, s.column + (offset - s.offset)};
}

Position SourceMap::endAt(int offset) const
{
    if (m_segments.isEmpty())
        return {};
    offset = std::clamp(offset, 0, m_length);
    const Segment &s = m_segments[segmentFor(offset, true)];
    return {s.line, s.column + (offset - s.offset)};
}

} // namespace ll::df
