#pragma once
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <sys/stat.h>

namespace ll::build {

// An open file descriptor that closes itself.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd &&o) noexcept : m_fd(o.release()) {}
    UniqueFd &operator=(UniqueFd &&o) noexcept { if (this != &o) { reset(); m_fd = o.release(); } return *this; }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release() { const int fd = m_fd; m_fd = -1; return fd; }
    void reset();

private:
    int m_fd = -1;
};

// A directory holding a container's root filesystem. Every path below it is resolved by the
// kernel with openat2(RESOLVE_IN_ROOT): symlinks (absolute ones included) and ".." are
// interpreted as inside the container, so nothing a layer or a context holds can make the
// builder read or write outside `dir`. Paths are relative and '/' separated.
class SafeRoot {
public:
    static Result<SafeRoot> open(const QString &dir);
    const QString &path() const { return m_path; }
    int fd() const { return m_fd.get(); }

    // Opens a directory (following symlinks inside the root). With `create`, missing
    // components are made with `mode` (owner root) as `mkdir -p` does.
    Result<UniqueFd> openDir(const QByteArray &rel, bool create, mode_t mode = 0755) const;
    // Opens the directory that holds `rel` (see openDir) and gives back the last component.
    Result<UniqueFd> openParent(const QByteArray &rel, QByteArray &leaf, bool create) const;
    // O_PATH descriptor of `rel` itself (the last component is not followed when it is a link).
    Result<UniqueFd> openPath(const QByteArray &rel, bool followLast = false) const;
    // Opens a regular file for reading (a symlink as the last component is refused).
    Result<UniqueFd> openRead(const QByteArray &rel) const;
    // lstat of `rel` resolved in the root; false when it does not exist.
    bool lstat(const QByteArray &rel, struct stat &st, bool followLast = false) const;
    // The path `rel` names with every symlink of an existing component followed inside the
    // root (the last one only with `followLast`) and ".." clamped at the root: where a file
    // written there from inside the container would land.
    QByteArray resolve(const QByteArray &rel, bool followLast) const;
    // Reads a whole regular file (small files: /etc/passwd).
    Result<QByteArray> readFile(const QByteArray &rel, qint64 limit = 16 * 1024 * 1024) const;

private:
    QString m_path;
    UniqueFd m_fd;
};

// The names in the directory `dirFd` ("." and ".." left out), sorted; `where` names it in errors.
Result<std::vector<QByteArray>> listNames(int dirFd, const QByteArray &where);
// rm -rf of `name` inside the directory `dirFd`, never following symlinks.
Status removeTree(int dirFd, const QByteArray &name);
// Removes every entry of the directory `dirFd` for which `keep` says false.
Status removeChildren(int dirFd, const std::function<bool(const QByteArray &)> &keep);

Error ioError(const QString &what, const QByteArray &path, int err);

} // namespace ll::build
