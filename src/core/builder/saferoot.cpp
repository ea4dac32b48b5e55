#include "saferoot.h"

#include <algorithm>

#include <QFile>
#include <QList>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace ll::build {

namespace {

int openat2Call(int dirFd, const char *path, uint64_t flags, uint64_t resolve)
{
    open_how how{};
    how.flags = flags | O_CLOEXEC;
    how.resolve = resolve;
    for (;;) {
        const long r = syscall(SYS_openat2, dirFd, path, &how, sizeof how);
        if (r >= 0 || errno != EAGAIN)
            return int(r);
    }
}

constexpr uint64_t kInRoot = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;

QByteArray relOrDot(const QByteArray &rel) { return rel.isEmpty() ? QByteArray(".") : rel; }

} // namespace

void UniqueFd::reset()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Error ioError(const QString &what, const QByteArray &path, int err)
{
    return makeError(ErrorCode::Io, Msg::tr("%1: %2").arg(what, QString::fromLocal8Bit(strerror(err))), QString::fromUtf8(path));
}

Result<SafeRoot> SafeRoot::open(const QString &dir)
{
    SafeRoot r;
    r.m_path = dir;
    r.m_fd = UniqueFd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!r.m_fd.valid())
        return ioError(Msg::tr("cannot open the root filesystem folder"), QFile::encodeName(dir), errno);
    return r;
}

Result<UniqueFd> SafeRoot::openDir(const QByteArray &rel, bool create, mode_t mode) const
{
    UniqueFd fd(openat2Call(m_fd.get(), relOrDot(rel).constData(), O_RDONLY | O_DIRECTORY, kInRoot));
    if (fd.valid() || !create || errno != ENOENT) {
        if (!fd.valid())
            return ioError(Msg::tr("cannot open folder"), rel, errno);
        return fd;
    }
    // Walk down one component at a time, each step resolved in the root again, so a symlink
    // made by an earlier component still cannot lead outside.
    QByteArray prefix;
    for (const QByteArray &part : rel.split('/')) {
        if (part.isEmpty())
            continue;
        const QByteArray next = prefix.isEmpty() ? part : prefix + '/' + part;
        UniqueFd step(openat2Call(m_fd.get(), next.constData(), O_RDONLY | O_DIRECTORY, kInRoot));
        if (!step.valid() && errno == ENOENT) {
            auto parent = openDir(prefix, false);
            if (!parent.ok())
                return parent.error();
            if (::mkdirat(parent->get(), part.constData(), mode) != 0 && errno != EEXIST)
                return ioError(Msg::tr("cannot create folder"), next, errno);
            step = UniqueFd(openat2Call(m_fd.get(), next.constData(), O_RDONLY | O_DIRECTORY, kInRoot));
        }
        if (!step.valid())
            return ioError(Msg::tr("cannot open folder"), next, errno);
        prefix = next;
        fd = std::move(step);
    }
    return fd;
}

Result<UniqueFd> SafeRoot::openParent(const QByteArray &rel, QByteArray &leaf, bool create) const
{
    const int slash = rel.lastIndexOf('/');
    leaf = slash < 0 ? rel : rel.mid(slash + 1);
    return openDir(slash < 0 ? QByteArray() : rel.left(slash), create);
}

Result<UniqueFd> SafeRoot::openPath(const QByteArray &rel, bool followLast) const
{
    UniqueFd fd(openat2Call(m_fd.get(), relOrDot(rel).constData(), O_PATH | (followLast ? 0 : O_NOFOLLOW), kInRoot));
    if (!fd.valid())
        return ioError(Msg::tr("cannot open"), rel, errno);
    return fd;
}

Result<UniqueFd> SafeRoot::openRead(const QByteArray &rel) const
{
    UniqueFd fd(openat2Call(m_fd.get(), rel.constData(), O_RDONLY | O_NOFOLLOW, kInRoot));
    if (!fd.valid())
        return ioError(Msg::tr("cannot read"), rel, errno);
    return fd;
}

bool SafeRoot::lstat(const QByteArray &rel, struct stat &st, bool followLast) const
{
    auto fd = openPath(rel, followLast);
    return fd.ok() && ::fstat(fd->get(), &st) == 0;
}

QByteArray SafeRoot::resolve(const QByteArray &rel, bool followLast) const
{
    QList<QByteArray> todo = rel.split('/');
    QList<QByteArray> done;
    int links = 0;
    while (!todo.isEmpty()) {
        const QByteArray part = todo.takeFirst();
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!done.isEmpty())
                done.removeLast();
            continue;
        }
        const QByteArray path = (done + QList<QByteArray>{part}).join('/');
        struct stat st {};
        if ((!todo.isEmpty() || followLast) && lstat(path, st) && S_ISLNK(st.st_mode) && ++links < 40) {
            QByteArray leaf;
            auto dir = openParent(path, leaf, false);
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = dir.ok() ? ::readlinkat(dir->get(), leaf.constData(), target.data(), size_t(target.size())) : -1;
            if (n > 0) {
                target.truncate(n);
                if (target.startsWith('/'))
                    done.clear();
                todo = target.split('/') + todo;
                continue;
            }
        }
        done << part;
    }
    return done.join('/');
}

Result<QByteArray> SafeRoot::readFile(const QByteArray &rel, qint64 limit) const
{
    UniqueFd fd(openat2Call(m_fd.get(), rel.constData(), O_RDONLY, kInRoot));
    if (!fd.valid())
        return ioError(Msg::tr("cannot read"), rel, errno);
    QByteArray out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0)
            return ioError(Msg::tr("cannot read"), rel, errno);
        if (n == 0)
            return out;
        out.append(buf, n);
        if (out.size() > limit)
            return makeError(ErrorCode::Limit, Msg::tr("file is larger than %1 bytes").arg(limit), QString::fromUtf8(rel));
    }
}

Result<std::vector<QByteArray>> listNames(int dirFd, const QByteArray &where)
{
    // fdopendir takes over the descriptor it is given; a duplicate keeps `dirFd` usable.
    const int dup = ::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dup < 0 ? nullptr : ::fdopendir(dup);
    if (!d) {
        const int err = errno;
        if (dup >= 0)
            ::close(dup);
        return ioError(Msg::tr("cannot list folder"), where, err);
    }
    std::vector<QByteArray> names;
    while (dirent *e = ::readdir(d)) {
        const QByteArray n(e->d_name);
        if (n != "." && n != "..")
            names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

Status removeChildren(int dirFd, const std::function<bool(const QByteArray &)> &keep)
{
    auto names = listNames(dirFd, QByteArray());
    if (!names.ok())
        return names.error();
    for (const QByteArray &n : names.value())
        if (!keep(n))
            if (auto s = removeTree(dirFd, n); !s.ok())
                return s;
    return okStatus();
}

namespace {

// One folder on the way down in removeTree: its name in its parent, its identity (to check
// the way back up through ".."), and the names in it still to remove.
struct RemoveFrame {
    QByteArray name;
    dev_t dev = 0;
    ino_t ino = 0;
    std::vector<QByteArray> todo;
};

// Depth first with one open folder at a time, climbing back through "..": a layer may nest
// 1,000 folders, and a descriptor per level would run into the process's limit. Messages
// name the path from the tree's top (the frames' names), not only the last component.
class TreeRemover {
public:
    explicit TreeRemover(int topParent) : m_topParent(topParent) {}

    Status run(const QByteArray &name)
    {
        if (auto s = enter(m_topParent, name); !s.ok())
            return s;
        while (!m_stack.empty())
            if (auto s = m_stack.back().todo.empty() ? leave() : removeNext(); !s.ok())
                return s;
        return okStatus();
    }

private:
    QByteArray pathOf(const QByteArray &child = {}) const
    {
        QByteArray p;
        for (const RemoveFrame &f : m_stack)
            p += (p.isEmpty() ? QByteArray() : QByteArray("/")) + f.name;
        return child.isEmpty() ? p : p + '/' + child;
    }

    Status enter(int parentFd, const QByteArray &name)
    {
        UniqueFd fd(::openat(parentFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        struct stat st {};
        if (!fd.valid() || ::fstat(fd.get(), &st) != 0)
            return ioError(Msg::tr("cannot open folder to remove it"), pathOf(name), errno);
        auto names = listNames(fd.get(), pathOf(name));
        if (!names.ok())
            return names.error();
        m_stack.push_back(RemoveFrame{name, st.st_dev, st.st_ino, std::move(names).value()});
        m_cur = std::move(fd);
        return okStatus();
    }

    // The next name in the folder on top: a file is unlinked, a folder entered.
    Status removeNext()
    {
        const QByteArray child = m_stack.back().todo.back();
        m_stack.back().todo.pop_back();
        struct stat st {};
        if (::fstatat(m_cur.get(), child.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            return enter(m_cur.get(), child);
        if (::unlinkat(m_cur.get(), child.constData(), 0) != 0 && errno != ENOENT)
            return ioError(Msg::tr("cannot remove"), pathOf(child), errno);
        return okStatus();
    }

    // The folder on top is empty: back up to its parent (checked to be the folder it was
    // entered from) and remove it there.
    Status leave()
    {
        const QByteArray path = pathOf();
        const QByteArray done = m_stack.back().name;
        m_stack.pop_back();
        UniqueFd parent(m_stack.empty() ? ::fcntl(m_topParent, F_DUPFD_CLOEXEC, 0)
                                        : ::openat(m_cur.get(), "..", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        struct stat pst {};
        if (!parent.valid() || ::fstat(parent.get(), &pst) != 0)
            return ioError(Msg::tr("cannot open folder to remove it"), path, errno);
        if (!m_stack.empty() && (pst.st_dev != m_stack.back().dev || pst.st_ino != m_stack.back().ino))
            return makeError(ErrorCode::Io, Msg::tr("a folder moved while it was being removed"), QString::fromUtf8(path));
        if (::unlinkat(parent.get(), done.constData(), AT_REMOVEDIR) != 0)
            return ioError(Msg::tr("cannot remove folder"), path, errno);
        m_cur = std::move(parent);
        return okStatus();
    }

    int m_topParent;
    UniqueFd m_cur;
    std::vector<RemoveFrame> m_stack;
};

} // namespace

Status removeTree(int dirFd, const QByteArray &name)
{
    struct stat st {};
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? okStatus() : ioError(Msg::tr("cannot remove"), name, errno);
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(dirFd, name.constData(), 0) != 0 && errno != ENOENT)
            return ioError(Msg::tr("cannot remove"), name, errno);
        return okStatus();
    }
    return TreeRemover(dirFd).run(name);
}

} // namespace ll::build
