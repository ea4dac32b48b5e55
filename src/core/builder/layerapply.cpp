#include "layerapply.h"

#include "archive/compression.h"
#include "archive/layerstream.h"
#include "builder/treewriter.h"
#include "fstree/layerscanner.h"

#include <QFile>

#include <unistd.h>
#include <QSet>

namespace ll::build {

namespace {

QByteArray joined(const QByteArray &prefix, const QByteArray &path)
{
    if (prefix.isEmpty())
        return path;
    return path.isEmpty() ? prefix : prefix + '/' + path;
}

void addWithParents(QSet<QByteArray> &set, const QByteArray &path)
{
    QByteArray p = path;
    while (!p.isEmpty() && !set.contains(p)) {
        set.insert(p);
        const int slash = p.lastIndexOf('/');
        p = slash < 0 ? QByteArray() : p.left(slash);
    }
}

// A member name short enough for a message: hostile archives carry names of many kilobytes.
QString elided(const QByteArray &name)
{
    if (name.size() <= 160)
        return QString::fromUtf8(name);
    return Msg::tr("%1…%2 (%3 bytes)").arg(QString::fromUtf8(name.left(100)), QString::fromUtf8(name.right(40)), QString::number(name.size()));
}

// Names the archive and the member a write failed for, and where inside the root it failed.
Error memberError(const FileRegion &tar, const QByteArray &member, const Error &e)
{
    Error out = e;
    const QString where = e.path.isEmpty() || e.path == QString::fromUtf8(member) ? QString() : Msg::tr(" (at \"%1\")").arg(elided(e.path.toUtf8()));
    out.message = Msg::tr("%1: cannot unpack member \"%2\": %3%4").arg(tar.displayName, elided(member), e.message, where);
    out.path.clear(); // named in the message: the build log shows messages only
    return out;
}

// Applies an OCI whiteout entry; false when `h` is none.
Result<bool> applyWhiteout(TreeWriter &writer, const TarHeader &h, const ApplyOptions &options, const QSet<QByteArray> &written)
{
    QByteArray target;
    const WhiteoutKind wk = options.whiteouts ? whiteoutKind(h.path, target) : WhiteoutKind::None;
    if (wk == WhiteoutKind::None)
        return false;
    if (wk == WhiteoutKind::Whiteout) {
        if (auto s = writer.remove(joined(options.prefix, target)); !s.ok())
            return s.error();
    } else if (wk == WhiteoutKind::Opaque) {
        const QByteArray dir = joined(options.prefix, target);
        auto keep = [&](const QByteArray &child) { return written.contains(dir.isEmpty() ? child : dir + '/' + child); };
        if (auto s = writer.clearDir(dir, keep); !s.ok())
            return s.error();
    }
    return true; // Reserved names (.wh..wh.*) are skipped
}

// What ApplyOptions::skeleton keeps: folders, symlinks, and hard links to symlinks.
bool inSkeleton(const SafeRoot &root, const TarHeader &h)
{
    struct stat st {};
    return h.type == EntryType::Directory || h.type == EntryType::Symlink
        || (h.type == EntryType::Hardlink && root.lstat(h.linkTarget, st) && S_ISLNK(st.st_mode));
}

// One member: a whiteout applied, or the entry written below the prefix (in a skeleton, only
// folders and links; anything else just clears its path).
Status applyMember(TreeWriter &writer, LayerStream &stream, TarHeader &h, const SafeRoot &root, const ApplyOptions &options, QSet<QByteArray> &written)
{
    auto whiteout = applyWhiteout(writer, h, options, written);
    if (!whiteout.ok())
        return whiteout.error();
    if (whiteout.value())
        return okStatus();
    h.path = joined(options.prefix, h.path);
    if (h.type == EntryType::Hardlink)
        h.linkTarget = joined(options.prefix, h.linkTarget);
    if (options.uid)
        h.uid = *options.uid;
    if (options.gid)
        h.gid = *options.gid;
    addWithParents(written, h.path);
    if (options.skeleton && !inSkeleton(root, h))
        return writer.remove(h.path); // what it replaces is gone all the same
    auto data = [&](const std::function<Status(const char *, size_t)> &write) {
        Status inner = okStatus();
        auto s = stream.readData([&](const char *p, size_t n) {
            if (inner.ok())
                inner = write(p, n);
        });
        return s.ok() ? inner : s;
    };
    return writer.write(h, data);
}

} // namespace

Result<ApplyResult> applyTar(const SafeRoot &root, const FileRegion &tar, TaskContext &ctx, const ApplyOptions &options)
{
    LayerStream stream;
    if (auto s = stream.open(tar, ctx); !s.ok())
        return s.error();
    TreeWriter writer(root);
    ApplyResult result;
    QSet<QByteArray> written; // this layer's own paths: an opaque marker must not hide them
    TarHeader h;
    for (;;) {
        auto more = stream.next(h);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        ++result.entries;
        const QByteArray member = h.path;
        if (auto s = applyMember(writer, stream, h, root, options, written); !s.ok())
            return memberError(tar, member, s.error());
    }
    result.warnings = stream.warnings();
    return result;
}

bool looksLikeArchive(int fd)
{
    QByteArray head(512, '\0');
    const ssize_t n = ::pread(fd, head.data(), size_t(head.size()), 0);
    if (n <= 0)
        return false;
    head.truncate(n);
    if (detectCompression(head.constData(), size_t(head.size())) != Compression::None)
        return true;
    return head.size() >= 262 && head.mid(257, 5) == "ustar";
}

} // namespace ll::build
