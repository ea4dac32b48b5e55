#include "contextsource.h"

#include "common/sha256.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ctime>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace ll::build {

namespace {

bool hasWildcard(const QByteArray &s) { return s.contains('*') || s.contains('?') || s.contains('['); }

QByteArray cleanSource(const QString &src)
{
    QString c = df::DockerIgnore::cleanPath(src);
    while (c.startsWith(QLatin1Char('/')))
        c.remove(0, 1);
    return c == QLatin1String(".") ? QByteArray() : c.toUtf8();
}

QByteArray join(const QByteArray &a, const QByteArray &b) { return a.isEmpty() ? b : b.isEmpty() ? a : a + '/' + b; }

Result<std::vector<QByteArray>> listDir(const SafeRoot &root, const QByteArray &dir)
{
    auto fd = root.openDir(dir, false);
    if (!fd.ok())
        return fd.error();
    return listNames(fd->get(), dir);
}

} // namespace

TarHeader headerFromStat(const QByteArray &path, const struct stat &st)
{
    TarHeader h;
    h.path = path;
    h.mode = st.st_mode & 07777;
    h.uid = st.st_uid;
    h.gid = st.st_gid;
    h.mtime = st.st_mtim.tv_sec;
    h.size = S_ISREG(st.st_mode) ? st.st_size : 0;
    h.type = S_ISDIR(st.st_mode) ? EntryType::Directory : S_ISLNK(st.st_mode) ? EntryType::Symlink
           : S_ISFIFO(st.st_mode) ? EntryType::Fifo : S_ISCHR(st.st_mode) ? EntryType::CharDevice
           : S_ISBLK(st.st_mode) ? EntryType::BlockDevice : S_ISSOCK(st.st_mode) ? EntryType::Socket : EntryType::Regular;
    h.devMajor = major(st.st_rdev);
    h.devMinor = minor(st.st_rdev);
    return h;
}

StatCache::Key StatCache::keyOf(const struct stat &st)
{
    return Key{quint64(st.st_dev), quint64(st.st_ino), quint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
               qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

void StatCache::load(const QByteArray &tsv)
{
    std::lock_guard lock(m_mutex);
    for (const QByteArray &line : tsv.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() != 8 || f[6].size() != 64)
            continue; // also the older 5-column form: hashed again once
        HashBytes h{};
        const QByteArray raw = QByteArray::fromHex(f[6]);
        std::copy(raw.begin(), raw.end(), h.begin());
        const Key k{f[0].toULongLong(), f[1].toULongLong(), f[2].toULongLong(), f[3].toLongLong(), f[4].toLongLong()};
        m_entries.insert(f[7], Entry{k, f[5].toLongLong(), h});
    }
}

QByteArray StatCache::save() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Key &k = it->key;
        out += QByteArray::number(k.dev) + '\t' + QByteArray::number(k.ino) + '\t' + QByteArray::number(k.size) + '\t'
             + QByteArray::number(k.mtimeNs) + '\t' + QByteArray::number(k.ctimeNs) + '\t' + QByteArray::number(it->hashedAtNs) + '\t'
             + toHex(it->hash).toLatin1() + '\t' + it.key() + '\n';
    }
    return out;
}

std::optional<HashBytes> StatCache::find(const QByteArray &path, const struct stat &st) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd() || !(it->key == keyOf(st)))
        return std::nullopt;
    if (it->hashedAtNs - qMax(it->key.mtimeNs, it->key.ctimeNs) < kRacyNs)
        return std::nullopt; // racily clean: a change in the same tick would look the same
    return it->hash;
}

void StatCache::insert(const QByteArray &path, const struct stat &st, const HashBytes &hash, qint64 hashedAtNs)
{
    std::lock_guard lock(m_mutex);
    m_entries.insert(path, Entry{keyOf(st), hashedAtNs, hash});
    m_changed = true;
}

Result<std::shared_ptr<BuildContext>> BuildContext::open(const QString &dir, const df::DockerIgnore &ignore, std::shared_ptr<StatCache> stats)
{
    auto root = SafeRoot::open(dir);
    if (!root.ok())
        return root.error();
    auto c = std::make_shared<BuildContext>();
    c->m_root = std::move(root).value();
    c->m_ignore = ignore;
    c->m_stats = std::move(stats);
    return c;
}

bool BuildContext::isExcluded(const QByteArray &path) const
{
    return !path.isEmpty() && m_ignore.isExcluded(QString::fromUtf8(path));
}

Result<std::vector<QByteArray>> BuildContext::expand(const QString &pattern) const
{
    const QByteArray clean = cleanSource(pattern);
    if (!hasWildcard(clean))
        return std::vector<QByteArray>{clean};
    std::vector<QByteArray> current{QByteArray()};
    for (const QByteArray &part : clean.split('/')) {
        std::vector<QByteArray> next;
        for (const QByteArray &base : current) {
            if (!hasWildcard(part)) {
                struct stat st {};
                if (m_root.lstat(join(base, part), st))
                    next.push_back(join(base, part));
                continue;
            }
            auto names = listDir(m_root, base);
            if (!names.ok())
                continue;
            for (const QByteArray &n : names.value())
                if (::fnmatch(part.constData(), n.constData(), FNM_PATHNAME) == 0 && !isExcluded(join(base, n)))
                    next.push_back(join(base, n));
        }
        current = std::move(next);
    }
    return current;
}

Status BuildContext::hashFile(SourceFile &f, const struct stat &st) const
{
    if (auto cached = m_stats ? m_stats->find(f.contextPath, st) : std::nullopt) {
        f.hash = *cached;
        return okStatus();
    }
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    auto rd = m_root.openRead(f.contextPath);
    if (!rd.ok())
        return rd.error();
    Sha256 h;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(rd->get(), buf, sizeof buf);
        if (n < 0)
            return ioError(QStringLiteral("cannot read"), f.contextPath, errno);
        if (n == 0)
            break;
        h.update(buf, size_t(n));
    }
    f.hash = h.finish();
    if (m_stats)
        m_stats->insert(f.contextPath, st, f.hash, qint64(now.tv_sec) * 1000000000 + now.tv_nsec);
    return okStatus();
}

Status BuildContext::collect(const QByteArray &path, const QByteArray &dest, std::vector<SourceFile> &out, TaskContext &ctx) const
{
    if (ctx.isCanceled())
        return canceledError();
    struct stat st {};
    if (!m_root.lstat(path, st))
        return ioError(QStringLiteral("cannot read"), path, errno);
    SourceFile f{path, dest, headerFromStat(dest, st), {}, quint64(st.st_ino), quint64(st.st_dev), S_ISREG(st.st_mode) && st.st_nlink > 1};
    if (S_ISLNK(st.st_mode) && !isExcluded(path)) {
        QByteArray target(4096, Qt::Uninitialized);
        QByteArray leaf;
        auto dir = m_root.openParent(path, leaf, false);
        const ssize_t n = dir.ok() ? ::readlinkat(dir->get(), leaf.constData(), target.data(), size_t(target.size())) : -1;
        if (n < 0)
            return ioError(QStringLiteral("cannot read symlink"), path, errno);
        f.h.linkTarget = target.left(n);
    }
    if (!S_ISDIR(st.st_mode)) {
        if (isExcluded(path))
            return okStatus(); // never read: it is not part of the context
        if (S_ISREG(st.st_mode))
            if (auto s = hashFile(f, st); !s.ok())
                return s;
        out.push_back(f);
        return okStatus();
    }
    // An excluded folder may still hold re-included files (`!dir/keep.txt`): look inside.
    const bool excluded = isExcluded(path);
    if (excluded && !m_ignore.hasExceptions())
        return okStatus();
    const size_t at = out.size();
    if (!dest.isEmpty())
        out.push_back(f);
    auto names = listDir(m_root, path);
    if (!names.ok())
        return names.error();
    for (const QByteArray &n : names.value())
        if (auto s = collect(join(path, n), join(dest, n), out, ctx); !s.ok())
            return s;
    if (excluded && !dest.isEmpty() && out.size() == at + 1)
        out.pop_back(); // nothing below was re-included
    return okStatus();
}

Status BuildContext::addSource(const QString &src, CopySources &result, TaskContext &ctx) const
{
    const QByteArray clean = cleanSource(src);
    if (clean == ".." || clean.startsWith("../"))
        return makeError(ErrorCode::Usage, QStringLiteral("COPY source \"%1\" is outside the build context: sources are paths inside the "
                                                          "context folder; move the file into it or pass a larger context").arg(src), dir());
    auto matches = expand(src);
    if (!matches.ok())
        return matches.error();
    if (hasWildcard(src.toUtf8()))
        result.destMustBeDir = result.destMustBeDir || matches->size() > 1;
    auto notFound = [&] {
        return makeError(ErrorCode::NotFound, QStringLiteral("COPY source \"%1\" not found in the build context (or excluded by .dockerignore)").arg(src), dir());
    };
    if (matches->empty())
        return notFound();
    for (const QByteArray &m : matches.value()) {
        // Where the source really is: symlinked folders on the way followed inside the context,
        // so .dockerignore is checked, and the file hashed and read, at the same place.
        const QByteArray real = m_root.resolve(m, false);
        struct stat st {};
        if (!m_root.lstat(real, st) || (isExcluded(real) && (!S_ISDIR(st.st_mode) || !m_ignore.hasExceptions())))
            return notFound();
        const bool isDir = S_ISDIR(st.st_mode);
        result.destMustBeDir = result.destMustBeDir || isDir;
        if (auto s = collect(real, isDir ? QByteArray() : m.mid(m.lastIndexOf('/') + 1), result.files, ctx); !s.ok())
            return s;
    }
    return okStatus();
}

Result<CopySources> BuildContext::resolve(const QStringList &sources, TaskContext &ctx) const
{
    CopySources result;
    result.destMustBeDir = sources.size() > 1;
    for (const QString &src : sources)
        if (auto s = addSource(src, result, ctx); !s.ok())
            return s.error();
    Sha256 all;
    for (const SourceFile &f : result.files) {
        const QByteArray line = f.contextPath + '\0' + f.h.path + '\0' + entryTypeLetter(f.h.type) + '\0' + QByteArray::number(f.h.mode, 8) + '\0'
                              + QByteArray::number(f.h.uid) + ':' + QByteArray::number(f.h.gid) + '\0' + QByteArray::number(f.h.size) + '\0'
                              + f.h.linkTarget + '\0' + toHex(f.hash).toLatin1() + '\n';
        all.update(line);
        result.fileHashes.insert(QString::fromUtf8(f.contextPath), toHex(Sha256::hash(line)).left(16));
    }
    result.inputsHash = all.finish();
    return result;
}

} // namespace ll::build
