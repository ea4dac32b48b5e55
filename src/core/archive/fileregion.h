#pragma once
#include "common/result.h"

#include <QFile>
#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <memory>

namespace ll {

// A file still being written (a blob arriving from a registry), read while it grows: a reader
// waits for the bytes it needs until the writer has them, finished or failed. The writer may
// rename the file once done; a reader that opens it afterwards finds it at its new name.
class GrowingFile {
public:
    void start(const QString &path);            // the file exists now, empty
    void advance(qint64 available);             // bytes 0..available are written (and flushed)
    // Renames the file (rename(2)) so that no reader opens it half-way through the rename.
    bool renameTo(const QString &path);
    // Waits until the writer has created the file, then opens it for reading.
    Result<int> openForReading();
    void finish();                              // everything is there
    void fail(const QString &why);              // it will never be complete
    // The writer starts the file again from its first byte (a server that cannot resume):
    // readers fail now, and read it again once it is whole.
    void restart(const QString &why);
    bool restarted() const;
    // Blocks until `pos` bytes (or the end, or a failure) are there; returns the bytes available,
    // or an error. `path` gets the file's current name.
    Result<qint64> waitFor(qint64 pos, QString *path = nullptr);

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    QString m_path;
    qint64 m_available = 0;
    bool m_started = false;
    bool m_done = false;
    bool m_restarted = false;
    QString m_failure;
};

// A byte range of a file on disk: a whole file, or a member stored uncompressed inside a tar.
// Each reader opens its own descriptor so layers can be read on several threads at once.
struct FileRegion {
    QString filePath;
    qint64 offset = 0;
    qint64 size = 0;
    QString displayName; // what to call it in messages ("layers.tar:blobs/sha256/ab…")
    std::shared_ptr<GrowingFile> growing; // set: the file is still being written (filePath unused)
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
