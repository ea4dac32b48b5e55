#include "layerapply.h"

#include "archive/compression.h"
#include "archive/layerstream.h"
#include "build/treewriter.h"
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
        QByteArray target;
        const WhiteoutKind wk = options.whiteouts ? whiteoutKind(h.path, target) : WhiteoutKind::None;
        if (wk == WhiteoutKind::Reserved)
            continue;
        if (wk == WhiteoutKind::Whiteout) {
            if (auto s = writer.remove(joined(options.prefix, target)); !s.ok())
                return s.error();
            continue;
        }
        if (wk == WhiteoutKind::Opaque) {
            const QByteArray dir = joined(options.prefix, target);
            auto keep = [&](const QByteArray &child) { return written.contains(dir.isEmpty() ? child : dir + '/' + child); };
            if (auto s = writer.clearDir(dir, keep); !s.ok())
                return s.error();
            continue;
        }
        h.path = joined(options.prefix, h.path);
        if (h.type == EntryType::Hardlink)
            h.linkTarget = joined(options.prefix, h.linkTarget);
        if (options.uid)
            h.uid = *options.uid;
        if (options.gid)
            h.gid = *options.gid;
        addWithParents(written, h.path);
        auto data = [&](const std::function<Status(const char *, size_t)> &write) {
            Status inner = okStatus();
            auto s = stream.readData([&](const char *p, size_t n) {
                if (inner.ok())
                    inner = write(p, n);
            });
            return s.ok() ? inner : s;
        };
        if (auto s = writer.write(h, data); !s.ok())
            return s.error();
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
