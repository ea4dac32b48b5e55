#include "fileregion.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

RegionReader::~RegionReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status RegionReader::open(const FileRegion &region)
{
    m_region = region;
    m_pos = 0;
    m_fd = ::open(QFile::encodeName(region.filePath).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot open: %1").arg(QString::fromLocal8Bit(strerror(errno))), region.filePath);
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && region.offset + region.size > st.st_size)
        return makeError(ErrorCode::Format,
                         QStringLiteral("the file is truncated: %1 needs bytes up to %2, the file has %3")
                             .arg(region.displayName).arg(region.offset + region.size).arg(qint64(st.st_size)),
                         region.filePath);
    ::posix_fadvise(m_fd, region.offset, region.size, POSIX_FADV_SEQUENTIAL);
    return okStatus();
}

Result<qint64> RegionReader::read(char *buffer, qint64 maxLen)
{
    const qint64 want = std::min(maxLen, m_region.size - m_pos);
    if (want <= 0)
        return qint64(0);
    for (;;) {
        const ssize_t got = ::pread(m_fd, buffer, size_t(want), m_region.offset + m_pos);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            Error e = makeError(ErrorCode::Io, QStringLiteral("read failed: %1").arg(QString::fromLocal8Bit(strerror(errno))), m_region.filePath);
            e.offset = m_region.offset + m_pos;
            return e;
        }
        if (got == 0) {
            Error e = makeError(ErrorCode::Format, QStringLiteral("unexpected end of file in %1").arg(m_region.displayName), m_region.filePath);
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
        return makeError(ErrorCode::Usage, QStringLiteral("seek outside %1").arg(m_region.displayName), m_region.filePath);
    m_pos = pos;
    return okStatus();
}

} // namespace ll
