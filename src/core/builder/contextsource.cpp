#include "contextsource.h"

#include "builder/copyinputs.h"
#include "common/sha256.h"

#include <QFile>
#include <QSet>

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

bool climbs(const QByteArray &clean) { return clean == ".." || clean.startsWith("../"); }

// `**` may name a folder and one below it ("a/**/b": a/b and a/b/c/b; "a/**": a and every
// folder below it): the first is copied with its content, so the others are dropped.
std::vector<QByteArray> withoutNested(const std::vector<QByteArray> &paths)
{
    std::vector<QByteArray> out;
    QSet<QByteArray> kept;
    for (const QByteArray &p : paths) {
        bool nested = kept.contains(QByteArray()) || kept.contains(p);
        for (qsizetype slash = p.lastIndexOf('/'); slash > 0 && !nested; slash = p.lastIndexOf('/', slash - 1))
            nested = kept.contains(p.left(slash));
        if (!nested) {
            kept.insert(p);
            out.push_back(p);
        }
    }
    return out;
}

Error notFound(const QString &src, const QString &contextDir)
{
    return makeError(ErrorCode::NotFound, Msg::tr("COPY source \"%1\" not found in the build context (or excluded by .dockerignore)").arg(src), contextDir);
}

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

std::vector<QByteArray> BuildContext::expand(const QByteArray &pattern, const QByteArray &base) const
{
    if (!hasWildcard(pattern))
        return {join(base, pattern)};
    std::vector<QByteArray> current{base};
    for (const QByteArray &part : pattern.split('/')) {
        std::vector<QByteArray> next;
        for (const QByteArray &b : current)
            matchPart(b, part, next);
        current = std::move(next);
    }
    return current;
}

// One component of a pattern, matched in `base`: `**`, a wildcard, or a plain name.
void BuildContext::matchPart(const QByteArray &base, const QByteArray &part, std::vector<QByteArray> &out) const
{
    if (part == "**") { // any number of folders (at the end, `base` holds all of them: see expand())
        descend(base, out);
        return;
    }
    if (!hasWildcard(part)) {
        struct stat st {};
        if (m_root.lstat(join(base, part), st))
            out.push_back(join(base, part));
        return;
    }
    auto names = listDir(m_root, base);
    if (!names.ok())
        return;
    for (const QByteArray &n : names.value())
        if (::fnmatch(part.constData(), n.constData(), FNM_PATHNAME) == 0 && !isExcluded(join(base, n)))
            out.push_back(join(base, n));
}

// `**`: `base` and every folder below it, parents before their content, names sorted;
// symlinks are not followed, ignored paths skipped.
void BuildContext::descend(const QByteArray &base, std::vector<QByteArray> &out) const
{
    std::vector<QByteArray> todo{base};
    while (!todo.empty()) {
        const QByteArray dir = todo.back();
        todo.pop_back();
        out.push_back(dir);
        auto names = listDir(m_root, dir);
        if (!names.ok())
            continue; // `base` is no folder: nothing is below it
        for (auto it = names->crbegin(); it != names->crend(); ++it) {
            const QByteArray path = join(dir, *it);
            struct stat st {};
            if (!isExcluded(path) && m_root.lstat(path, st) && S_ISDIR(st.st_mode))
                todo.push_back(path);
        }
    }
}

Status BuildContext::hashFile(SourceFile &f, const struct stat &st, const TaskContext &ctx) const
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
    for (size_t chunk = 1;; ++chunk) {
        if (chunk % 16 == 0 && ctx.isCanceled()) // every MiB: a huge file must not hold up a cancel
            return canceledError();
        const ssize_t n = ::read(rd->get(), buf, sizeof buf);
        if (n < 0)
            return ioError(Msg::tr("cannot read"), f.contextPath, errno);
        if (n == 0)
            break;
        h.update(buf, size_t(n));
    }
    f.hash = h.finish();
    if (m_stats)
        m_stats->insert(f.contextPath, st, f.hash, qint64(now.tv_sec) * 1000000000 + now.tv_nsec);
    return okStatus();
}

struct BuildContext::Walk {
    const CopyFilter &filter;
    QSet<QByteArray> parentDirs; // --parents: folders already added
    // --exclude: `dest` is the path below the source's folder (or pivot).
    bool dropped(const QByteArray &dest) const { return !dest.isEmpty() && filter.exclude.isExcluded(QString::fromUtf8(dest)); }
};

Status BuildContext::readLink(SourceFile &f) const
{
    QByteArray target(4096, Qt::Uninitialized);
    QByteArray leaf;
    auto dir = m_root.openParent(f.contextPath, leaf, false);
    const ssize_t n = dir.ok() ? ::readlinkat(dir->get(), leaf.constData(), target.data(), size_t(target.size())) : -1;
    if (n < 0)
        return ioError(Msg::tr("cannot read symlink"), f.contextPath, errno);
    f.h.linkTarget = target.left(n);
    return okStatus();
}

Status BuildContext::collect(const QByteArray &path, const QByteArray &dest, bool top, std::vector<SourceFile> &out, const Walk &walk, TaskContext &ctx,
                             const struct stat *known) const
{
    if (ctx.isCanceled())
        return canceledError();
    struct stat st {};
    if (known)
        st = *known;
    else if (!m_root.lstat(path, st))
        return ioError(Msg::tr("cannot read"), path, errno);
    SourceFile f{path, dest, headerFromStat(dest, st), {}, quint64(st.st_ino), quint64(st.st_dev), S_ISREG(st.st_mode) && st.st_nlink > 1};
    const bool ignored = isExcluded(path), dropped = !top && walk.dropped(dest);
    if (!S_ISDIR(st.st_mode)) {
        if (ignored || dropped)
            return okStatus(); // never read: it is not part of the context, or of this COPY
        if (auto s = S_ISLNK(st.st_mode) ? readLink(f) : S_ISREG(st.st_mode) ? hashFile(f, st, ctx) : okStatus(); !s.ok())
            return s;
        out.push_back(f);
        return okStatus();
    }
    // An excluded folder may still hold re-included files (`!dir/keep.txt`): look inside.
    if ((ignored && !m_ignore.hasExceptions()) || (dropped && !walk.filter.exclude.hasExceptions()))
        return okStatus();
    return collectDir(f, ignored || dropped, out, walk, ctx);
}

// A folder and what is below it; an excluded folder only when something below was re-included.
Status BuildContext::collectDir(const SourceFile &dir, bool excluded, std::vector<SourceFile> &out, const Walk &walk, TaskContext &ctx) const
{
    const size_t at = out.size();
    if (!dir.dest.isEmpty())
        out.push_back(dir);
    auto fd = m_root.openDir(dir.contextPath, false);
    if (!fd.ok())
        return fd.error();
    auto names = listNames(fd->get(), dir.contextPath);
    if (!names.ok())
        return names.error();
    for (const QByteArray &n : names.value()) {
        const QByteArray path = join(dir.contextPath, n);
        struct stat st {};
        if (::fstatat(fd->get(), n.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return ioError(Msg::tr("cannot read"), path, errno);
        if (auto s = collect(path, join(dir.dest, n), false, out, walk, ctx, &st); !s.ok())
            return s;
    }
    if (excluded && !dir.dest.isEmpty() && out.size() == at + 1)
        out.pop_back(); // nothing below was re-included
    return okStatus();
}

// --parents: the folders between the pivot and a source, with their attributes in the context.
Status BuildContext::addParents(const QByteArray &pivot, const QByteArray &dest, Walk &walk, std::vector<SourceFile> &out) const
{
    QByteArray prefix;
    const QList<QByteArray> parts = dest.split('/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        prefix = join(prefix, parts[i]);
        if (walk.parentDirs.contains(prefix))
            continue;
        walk.parentDirs.insert(prefix);
        struct stat st {};
        const QByteArray path = join(pivot, prefix);
        if (!m_root.lstat(path, st, true))
            return ioError(Msg::tr("cannot read"), path, errno);
        out.push_back(SourceFile{path, prefix, headerFromStat(prefix, st), {}, 0, 0, false});
    }
    return okStatus();
}

Status BuildContext::addSource(const QString &src, CopySources &result, Walk &walk, TaskContext &ctx) const
{
    auto matches = matchSource(src, walk.filter.parents);
    if (!matches.ok())
        return matches.error();
    const bool wildcard = hasWildcard(src.toUtf8());
    if (wildcard)
        result.destMustBeDir = result.destMustBeDir || matches->size() > 1;
    if (matches->empty())
        return notFound(src, dir());
    for (const Match &m : matches.value())
        if (auto s = addMatch(src, m, wildcard, result, walk, ctx); !s.ok())
            return s;
    return okStatus();
}

// What a source names. With --parents and a "/./" pivot, the part before the pivot is expanded
// first and the rest below each folder it names, so each match knows its own pivot (a
// wildcard or `**` before "/./" names folders of any length).
Result<std::vector<BuildContext::Match>> BuildContext::matchSource(const QString &src, bool parents) const
{
    const QByteArray clean = cleanSource(src);
    if (climbs(clean))
        return makeError(ErrorCode::Usage, Msg::tr("COPY source \"%1\" is outside the build context: sources are paths inside the "
                                                          "context folder; move the file into it or pass a larger context").arg(src), dir());
    std::vector<Match> out;
    const int pivotAt = parents ? src.indexOf(QLatin1String("/./")) : -1;
    if (pivotAt < 0) {
        for (const QByteArray &p : withoutNested(expand(clean, {})))
            out.push_back({{}, p});
        return out;
    }
    const QByteArray below = cleanSource(src.mid(pivotAt + 3));
    if (climbs(below))
        return makeError(ErrorCode::Usage, Msg::tr("COPY --parents source \"%1\": the path after \"/./\" leads above it").arg(src), dir());
    for (const QByteArray &pivot : expand(cleanSource(src.left(pivotAt)), {}))
        for (const QByteArray &p : withoutNested(expand(below, pivot)))
            out.push_back({pivot, p});
    return out;
}

Status BuildContext::addMatch(const QString &src, const Match &m, bool wildcard, CopySources &result, Walk &walk, TaskContext &ctx) const
{
    // Where the source really is: symlinks on the way followed inside the context, the source
    // itself too (BuildKit copies what a named link points at, under the link's name, and so
    // does buildah; links below a copied folder stay links), so .dockerignore is checked, and
    // the file hashed and read, at the same place.
    const QByteArray real = m_root.resolve(m.path, true);
    struct stat st {};
    if (!m_root.lstat(real, st))
        return notFound(src, dir());
    // Still a link after following: a loop (or a chain too long), which BuildKit refuses too.
    if (S_ISLNK(st.st_mode))
        return makeError(ErrorCode::Usage, Msg::tr("COPY/ADD source \"%1\" is a symbolic link that leads nowhere in the context (a loop?)").arg(src), dir());
    // An ignored link is not sent, whatever it points at; nor is an ignored target.
    const bool linkIgnored = real != m.path && !S_ISDIR(st.st_mode) && isExcluded(m.path);
    if (linkIgnored || (isExcluded(real) && (!S_ISDIR(st.st_mode) || !m_ignore.hasExceptions())))
        return notFound(src, dir());
    const bool isDir = S_ISDIR(st.st_mode);
    const bool parents = walk.filter.parents;
    result.destMustBeDir = result.destMustBeDir || isDir || parents;
    // --parents keeps the path below the pivot: "a/./b/c" lands at DEST/b/c, "a/b/c" at DEST/a/b/c.
    const QByteArray name = m.path.mid(m.path.lastIndexOf('/') + 1);
    const QByteArray dest = parents ? m.path.mid(m.pivot.isEmpty() ? 0 : m.pivot.size() + 1) : isDir ? QByteArray() : name;
    if ((wildcard || parents) && walk.dropped(parents ? dest : name))
        return okStatus();
    if (parents)
        if (auto s = addParents(m.pivot, dest, walk, result.files); !s.ok())
            return s;
    return collect(real, dest, true, result.files, walk, ctx);
}

Result<CopySources> BuildContext::resolve(const QStringList &sources, TaskContext &ctx, const CopyFilter &filter) const
{
    CopySources result;
    result.destMustBeDir = sources.size() > 1;
    Walk walk{filter, {}};
    for (const QString &src : sources)
        if (auto s = addSource(src, result, walk, ctx); !s.ok())
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
