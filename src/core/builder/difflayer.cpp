#include "difflayer.h"

#include "archive/tarwriter.h"
#include "builder/layergzip.h"
#include "builder/saferoot.h"
#include "common/sha256.h"
#include "image/ocidescriptors.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace ll::build {

namespace {

EntryType typeOf(mode_t m)
{
    if (S_ISDIR(m)) return EntryType::Directory;
    if (S_ISLNK(m)) return EntryType::Symlink;
    if (S_ISCHR(m)) return EntryType::CharDevice;
    if (S_ISBLK(m)) return EntryType::BlockDevice;
    if (S_ISFIFO(m)) return EntryType::Fifo;
    if (S_ISSOCK(m)) return EntryType::Socket;
    return EntryType::Regular;
}

bool isOpaque(int fd)
{
    char value[4] = {};
    for (const char *name : {"trusted.overlay.opaque", "user.overlay.opaque"}) {
        const ssize_t n = ::fgetxattr(fd, name, value, sizeof value);
        if (n == 1 && value[0] == 'y')
            return true;
    }
    return false;
}

struct UpperWalk {
    const SafeRoot &root;
    const LayerWriteOptions &options;
    TaskContext &ctx;
    LayerEntries out;
    QHash<QPair<dev_t, ino_t>, QByteArray> seenInodes;

    qint64 clamp(qint64 t) const { return options.sourceDateEpoch && t > *options.sourceDateEpoch ? *options.sourceDateEpoch : t; }

    TarHeader header(const QByteArray &path, const struct stat &st) const
    {
        TarHeader h;
        h.path = path;
        h.type = typeOf(st.st_mode);
        h.mode = st.st_mode & 07777;
        h.uid = st.st_uid;
        h.gid = st.st_gid;
        h.mtime = clamp(st.st_mtim.tv_sec);
        h.devMajor = major(st.st_rdev);
        h.devMinor = minor(st.st_rdev);
        return h;
    }

    // One folder open at a time: a subfolder is walked with its parent closed, and the parent
    // is opened again (inside the root) after it. A RUN may nest 1,000 folders, more than the
    // process may hold descriptors.
    Status walk(const QByteArray &prefix)
    {
        if (ctx.isCanceled())
            return canceledError();
        UniqueFd dir;
        if (auto s = openFolder(prefix, dir); !s.ok())
            return s;
        auto names = listNames(dir.get(), prefix);
        if (!names.ok())
            return names.error();
        for (const QByteArray &n : names.value()) {
            if (!dir.valid())
                if (auto s = openFolder(prefix, dir); !s.ok())
                    return s;
            QByteArray subdir;
            if (auto s = entry(dir.get(), prefix, n, subdir); !s.ok())
                return s;
            if (subdir.isEmpty())
                continue;
            dir.reset();
            if (auto s = walk(subdir); !s.ok())
                return s;
        }
        return okStatus();
    }

    Status openFolder(const QByteArray &path, UniqueFd &dir) const
    {
        auto opened = root.openDir(path, false);
        if (!opened.ok())
            return opened.error();
        dir = std::move(opened).value();
        return okStatus();
    }

    // `subdir` is set to the entry's path when it is a folder to walk next.
    Status entry(int dirFd, const QByteArray &prefix, const QByteArray &name, QByteArray &subdir)
    {
        const QByteArray path = prefix.isEmpty() ? name : prefix + '/' + name;
        if (options.skip.contains(path))
            return okStatus();
        struct stat st {};
        if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return ioError(Msg::tr("cannot read"), path, errno);
        if (S_ISCHR(st.st_mode) && st.st_rdev == 0) {
            TarHeader wh;
            wh.path = (prefix.isEmpty() ? QByteArray() : prefix + '/') + ".wh." + name;
            wh.mtime = clamp(st.st_mtim.tv_sec);
            out.emplace_back(wh, QByteArray());
            return okStatus();
        }
        TarHeader h = header(path, st);
        if (S_ISDIR(st.st_mode))
            return directory(dirFd, path, name, h, subdir);
        if (S_ISLNK(st.st_mode))
            return symlink(dirFd, name, h);
        if (S_ISREG(st.st_mode)) {
            if (st.st_nlink > 1) {
                const auto key = qMakePair(st.st_dev, st.st_ino);
                if (auto it = seenInodes.constFind(key); it != seenInodes.constEnd()) {
                    h.type = EntryType::Hardlink;
                    h.linkTarget = *it;
                    out.emplace_back(h, QByteArray());
                    return okStatus();
                }
                seenInodes.insert(key, path);
            }
            return regular(dirFd, name, h);
        }
        out.emplace_back(h, QByteArray());
        return okStatus();
    }

    Status directory(int dirFd, const QByteArray &path, const QByteArray &name, const TarHeader &h, QByteArray &subdir)
    {
        UniqueFd sub(::openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!sub.valid())
            return ioError(Msg::tr("cannot open folder"), path, errno);
        out.emplace_back(h, QByteArray());
        if (isOpaque(sub.get())) {
            TarHeader opq;
            opq.path = path + "/.wh..wh..opq";
            opq.mtime = h.mtime;
            out.emplace_back(opq, QByteArray());
        }
        subdir = path;
        return okStatus();
    }

    Status symlink(int dirFd, const QByteArray &name, TarHeader &h)
    {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t n = ::readlinkat(dirFd, name.constData(), target.data(), size_t(target.size()));
        if (n < 0)
            return ioError(Msg::tr("cannot read symlink"), h.path, errno);
        target.truncate(n);
        h.linkTarget = target;
        out.emplace_back(h, QByteArray());
        return okStatus();
    }

    Status regular(int dirFd, const QByteArray &name, TarHeader &h)
    {
        UniqueFd fd(::openat(dirFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd.valid())
            return ioError(Msg::tr("cannot read"), h.path, errno);
        QFile f;
        if (!f.open(fd.get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
            return ioError(Msg::tr("cannot read"), h.path, EIO);
        QByteArray data = f.readAll();
        h.size = data.size();
        out.emplace_back(h, std::move(data));
        return okStatus();
    }
};

} // namespace

Result<LayerEntries> readUpperDir(const QString &dir, const LayerWriteOptions &options, TaskContext &ctx)
{
    auto root = SafeRoot::open(dir);
    if (!root.ok())
        return root.error();
    UpperWalk w{root.value(), options, ctx, {}, {}};
    if (auto s = w.walk({}); !s.ok())
        return s.error();
    return std::move(w.out);
}

Result<std::optional<LayerBlob>> makeLayerBlob(const Result<LayerEntries> &entries, Compression compression, int level)
{
    if (!entries.ok())
        return entries.error();
    auto blob = makeLayerBlob(entries.value(), compression, level);
    if (!blob.ok())
        return blob.error();
    return std::optional<LayerBlob>(std::move(blob).value());
}

Result<LayerBlob> makeLayerBlob(const LayerEntries &entries, Compression compression, int level)
{
    auto serialise = [&](Compression c) -> Result<QByteArray> {
        TarWriter w(c, level);
        if (c == Compression::None) {
            // A header (and a pax header when needed) and the data rounded up to 512 bytes each.
            qsizetype bytes = 1024;
            for (const auto &[h, data] : entries)
                bytes += 1024 + (data.size() + 511) / 512 * 512 + h.path.size() + h.linkTarget.size();
            w.reserve(bytes);
        }
        for (const auto &[h, data] : entries)
            if (auto s = w.add(h, data); !s.ok())
                return s.error();
        return w.finish();
    };
    auto tar = serialise(Compression::None);
    if (!tar.ok())
        return tar.error();
    LayerBlob b;
    b.diffId = Sha256::digestOf(tar.value());
    b.entries = qint64(entries.size());
    b.mediaType = ociLayerMediaType(compression);
    if (compression != Compression::None) {
        // Only spares a later step inflating the blob: without it, that step reads the blob.
        TarWriter w(Compression::None, level);
        bool written = true;
        for (const auto &[h, data] : entries) {
            (void)data;
            written = written && w.add(h, {}).ok();
        }
        auto skeleton = w.finish();
        if (written && skeleton.ok())
            b.skeleton = std::move(skeleton).value();
    }
    if (compression == Compression::None) {
        b.blob = std::move(tar).value();
    } else if (compression == Compression::Gzip) { // the plain tar compressed, on every core
        auto packed = gzipLayer(tar.value(), level < 0 ? kDefaultGzipLevel : level);
        if (!packed.ok())
            return packed.error();
        b.blob = std::move(packed).value();
    } else {
        auto packed = serialise(compression);
        if (!packed.ok())
            return packed.error();
        b.blob = std::move(packed).value();
    }
    b.digest = Sha256::digestOf(b.blob);
    return b;
}

} // namespace ll::build
