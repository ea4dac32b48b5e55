#include "treewriter.h"

#include "builder/copytree.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace ll::build {

namespace {

Status writeAll(int fd, const char *p, size_t n, const QByteArray &path)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return ioError(Msg::tr("cannot write"), path, errno);
        }
        p += w;
        n -= size_t(w);
    }
    return okStatus();
}

timespec toTimespec(qint64 seconds) { return timespec{time_t(seconds), 0}; }

// Callers hand in cleaned paths; a last component of "." or ".." would make the *at() calls
// below act on the parent folder (or the root's parent), so it is refused outright.
Status checkLeaf(const QByteArray &leaf, const QByteArray &path)
{
    if (leaf.isEmpty() || leaf == "." || leaf == "..")
        return makeError(ErrorCode::Format, Msg::tr("refusing to write \"%1\": its last component is \"%2\"").arg(QString::fromUtf8(path), QString::fromUtf8(leaf)),
                         QString::fromUtf8(path));
    return okStatus();
}

} // namespace

Status TreeWriter::write(const TarHeader &h, const DataSource &data)
{
    if (m_memory)
        return m_memory->write(h, data);
    if (h.path.isEmpty()) {
        // The root itself: only its attributes can change.
        if (h.type != EntryType::Directory)
            return okStatus();
        auto fd = m_root.openDir({}, false);
        if (!fd.ok())
            return fd.error();
        if (::fchown(fd->get(), h.uid, h.gid) != 0 || ::fchmod(fd->get(), h.mode & 07777) != 0)
            return ioError(Msg::tr("cannot set the attributes of /"), "/", errno);
        return okStatus();
    }
    QByteArray leaf;
    auto dir = m_root.openParent(h.path, leaf, true);
    if (!dir.ok())
        return dir.error();
    if (auto s = checkLeaf(leaf, h.path); !s.ok())
        return s;
    struct stat st {};
    const bool exists = ::fstatat(dir->get(), leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    if (exists && !(h.type == EntryType::Directory && S_ISDIR(st.st_mode)))
        if (auto s = removeTree(dir->get(), leaf); !s.ok())
            return s;
    switch (h.type) {
    case EntryType::Regular: return writeRegular(dir->get(), leaf, h, data);
    case EntryType::Directory: return writeDirectory(dir->get(), leaf, h);
    default: return writeOther(dir->get(), leaf, h);
    }
}

Status TreeWriter::writeRegular(int dirFd, const QByteArray &leaf, const TarHeader &h, const DataSource &data)
{
    UniqueFd fd(::openat(dirFd, leaf.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid())
        return ioError(Msg::tr("cannot create file"), h.path, errno);
    if (data) {
        auto s = data([&](const char *p, size_t n) { return writeAll(fd.get(), p, n, h.path); });
        if (!s.ok())
            return s;
    }
    // chown before chmod: chown clears the setuid and setgid bits.
    if (::fchown(fd.get(), h.uid, h.gid) != 0 || ::fchmod(fd.get(), h.mode & 07777) != 0)
        return ioError(Msg::tr("cannot set owner or mode"), h.path, errno);
    const timespec times[2] = {toTimespec(h.mtime), toTimespec(h.mtime)};
    ::futimens(fd.get(), times);
    return okStatus();
}

Status TreeWriter::writeDirectory(int dirFd, const QByteArray &leaf, const TarHeader &h)
{
    if (::mkdirat(dirFd, leaf.constData(), 0700) != 0 && errno != EEXIST)
        return ioError(Msg::tr("cannot create folder"), h.path, errno);
    UniqueFd fd(::openat(dirFd, leaf.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid())
        return ioError(Msg::tr("cannot open folder"), h.path, errno);
    if (::fchown(fd.get(), h.uid, h.gid) != 0 || ::fchmod(fd.get(), h.mode & 07777) != 0)
        return ioError(Msg::tr("cannot set owner or mode"), h.path, errno);
    const timespec times[2] = {toTimespec(h.mtime), toTimespec(h.mtime)};
    ::futimens(fd.get(), times);
    return okStatus();
}

Status TreeWriter::writeOther(int dirFd, const QByteArray &leaf, const TarHeader &h)
{
    int r = 0;
    switch (h.type) {
    case EntryType::Symlink:
        r = ::symlinkat(h.linkTarget.constData(), dirFd, leaf.constData());
        break;
    case EntryType::Hardlink: {
        // The target is resolved inside the root too; linking to the O_PATH descriptor cannot
        // reach a file outside it.
        auto target = m_root.openPath(h.linkTarget);
        if (!target.ok())
            return target.error();
        r = ::linkat(target->get(), "", dirFd, leaf.constData(), AT_EMPTY_PATH);
        if (r != 0)
            return ioError(Msg::tr("cannot make hard link to \"%1\"").arg(QString::fromUtf8(h.linkTarget)), h.path, errno);
        return okStatus(); // a hard link shares its target's attributes
    }
    case EntryType::Fifo: r = ::mknodat(dirFd, leaf.constData(), S_IFIFO | 0600, 0); break;
    case EntryType::CharDevice: r = ::mknodat(dirFd, leaf.constData(), S_IFCHR | 0600, makedev(h.devMajor, h.devMinor)); break;
    case EntryType::BlockDevice: r = ::mknodat(dirFd, leaf.constData(), S_IFBLK | 0600, makedev(h.devMajor, h.devMinor)); break;
    default:
        return okStatus(); // sockets and unknown types are not kept in layers
    }
    if (r != 0)
        return ioError(Msg::tr("cannot create %1").arg(entryTypeName(h.type)), h.path, errno);
    return setAttributes(dirFd, leaf, h);
}

Status TreeWriter::setAttributes(int dirFd, const QByteArray &leaf, const TarHeader &h)
{
    if (::fchownat(dirFd, leaf.constData(), h.uid, h.gid, AT_SYMLINK_NOFOLLOW) != 0)
        return ioError(Msg::tr("cannot set owner"), h.path, errno);
    if (h.type != EntryType::Symlink && ::fchmodat(dirFd, leaf.constData(), h.mode & 07777, 0) != 0)
        return ioError(Msg::tr("cannot set mode"), h.path, errno);
    const timespec times[2] = {toTimespec(h.mtime), toTimespec(h.mtime)};
    ::utimensat(dirFd, leaf.constData(), times, AT_SYMLINK_NOFOLLOW);
    return okStatus();
}

Status TreeWriter::remove(const QByteArray &path)
{
    QByteArray leaf;
    auto dir = m_root.openParent(path, leaf, false);
    if (!dir.ok())
        return okStatus(); // nothing below to hide
    if (auto s = checkLeaf(leaf, path); !s.ok())
        return s;
    return removeTree(dir->get(), leaf);
}

Status TreeWriter::clearDir(const QByteArray &dir, const std::function<bool(const QByteArray &)> &keep)
{
    auto fd = m_root.openDir(dir, false);
    if (!fd.ok())
        return okStatus();
    return removeChildren(fd->get(), keep);
}

} // namespace ll::build
