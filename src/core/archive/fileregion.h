#pragma once
#include "common/result.h"

#include <QFile>
#include <QString>

namespace ll {

// A byte range of a file on disk: a whole file, or a member stored uncompressed inside a tar.
// Each reader opens its own descriptor so layers can be read on several threads at once.
struct FileRegion {
    QString filePath;
    qint64 offset = 0;
    qint64 size = 0;
    QString displayName; // what to call it in messages ("layers.tar:blobs/sha256/ab…")
};

class RegionReader {
public:
    RegionReader() = default;
    ~RegionReader();
    RegionReader(const RegionReader &) = delete;
    RegionReader &operator=(const RegionReader &) = delete;

    Status open(const FileRegion &region);
    // Reads up to maxLen bytes at the current position; 0 at the end of the region.
    Result<qint64> read(char *buffer, qint64 maxLen);
    Status seek(qint64 pos);
    qint64 position() const { return m_pos; }
    const FileRegion &region() const { return m_region; }

private:
    FileRegion m_region;
    int m_fd = -1;
    qint64 m_pos = 0;
};

} // namespace ll
