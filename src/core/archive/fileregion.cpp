#include "fileregion.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

void GrowingFile::start(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    m_path = path;
    m_started = true;
    m_changed.wakeAll();
}

void GrowingFile::advance(qint64 available)
{
    QMutexLocker lock(&m_mutex);
    m_available = available;
    m_changed.wakeAll();
}

bool GrowingFile::renameTo(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(path).constData()) != 0)
        return false;
    m_path = path;
    return true;
}

Result<int> GrowingFile::openForReading()
{
    QMutexLocker lock(&m_mutex);
    while (m_failure.isEmpty() && !m_started)
        m_changed.wait(&m_mutex);
    if (!m_failure.isEmpty())
        return makeError(ErrorCode::Io, m_failure, m_path);
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot open: %1").arg(QString::fromLocal8Bit(strerror(errno))), m_path);
    return fd;
}

void GrowingFile::finish()
{
    QMutexLocker lock(&m_mutex);
    m_done = true;
    m_changed.wakeAll();
}

void GrowingFile::fail(const QString &why)
{
    QMutexLocker lock(&m_mutex);
    if (m_done)
        return; // complete: readers may finish
    m_failure = why;
    m_changed.wakeAll();
}

void GrowingFile::restart(const QString &why)
{
    QMutexLocker lock(&m_mutex);
    m_restarted = true;
    if (m_failure.isEmpty())
        m_failure = why;
    m_changed.wakeAll();
}

bool GrowingFile::restarted() const
{
    QMutexLocker lock(&m_mutex);
    return m_restarted;
}

Result<qint64> GrowingFile::waitFor(qint64 pos, QString *path)
{
    QMutexLocker lock(&m_mutex);
    while (m_failure.isEmpty() && !m_done && (!m_started || m_available <= pos))
        m_changed.wait(&m_mutex);
    if (!m_failure.isEmpty())
        return makeError(ErrorCode::Io, m_failure, m_path);
    if (path)
        *path = m_path;
    return m_available;
}

RegionReader::~RegionReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status RegionReader::open(const FileRegion &region)
{
    m_region = region;
    m_pos = 0;
    if (region.growing) {
        // Opened under the writer's name of the moment; the descriptor outlives a rename.
        auto fd = region.growing->openForReading();
        if (!fd.ok())
            return fd.error();
        m_fd = fd.value();
        // The first read must see enough bytes to tell the compression from its magic number.
        if (auto head = region.growing->waitFor(std::min<qint64>(region.size, 8) - 1); !head.ok())
            return head.error();
        return okStatus();
    }
    m_fd = ::open(QFile::encodeName(region.filePath).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot open: %1").arg(QString::fromLocal8Bit(strerror(errno))), region.filePath);
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && region.offset + region.size > st.st_size)
        return makeError(ErrorCode::Format,
                         Msg::tr("the file is truncated: %1 needs bytes up to %2, the file has %3")
                             .arg(region.displayName).arg(region.offset + region.size).arg(qint64(st.st_size)),
                         region.filePath);
    ::posix_fadvise(m_fd, region.offset, region.size, POSIX_FADV_SEQUENTIAL);
    return okStatus();
}

Result<qint64> RegionReader::read(char *buffer, qint64 maxLen)
{
    qint64 want = std::min(maxLen, m_region.size - m_pos);
    if (want <= 0)
        return qint64(0);
    if (m_region.growing) {
        auto available = m_region.growing->waitFor(m_pos);
        if (!available.ok())
            return available.error();
        want = std::min(want, available.value() - m_pos);
        if (want <= 0) {
            Error e = makeError(ErrorCode::Format, Msg::tr("unexpected end of %1").arg(m_region.displayName), m_region.filePath);
            e.offset = m_pos;
            return e;
        }
    }
    for (;;) {
        const ssize_t got = ::pread(m_fd, buffer, size_t(want), m_region.offset + m_pos);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            Error e = makeError(ErrorCode::Io, Msg::tr("read failed: %1").arg(QString::fromLocal8Bit(strerror(errno))), m_region.filePath);
            e.offset = m_region.offset + m_pos;
            return e;
        }
        if (got == 0) {
            Error e = makeError(ErrorCode::Format, Msg::tr("unexpected end of file in %1").arg(m_region.displayName), m_region.filePath);
            e.offset = m_region.offset + m_pos;
            return e;
        }
        m_pos += got;
        return qint64(got);
    }
}

Status RegionReader::seek(qint64 pos)
{
    if (pos < 0 || pos > m_region.size)
        return makeError(ErrorCode::Usage, Msg::tr("seek outside %1").arg(m_region.displayName), m_region.filePath);
    m_pos = pos;
    return okStatus();
}

} // namespace ll
