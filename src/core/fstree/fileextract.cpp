#include "fstree/fileextract.h"

#include "archive/layerstream.h"

namespace ll {

namespace {

struct Found {
    bool found = false;
    bool hardlink = false;
    QByteArray linkTarget;
    ExtractedFile file;
};

// One pass over the layer; keeps the last entry named `path`.
Result<Found> scanFor(const FileRegion &blob, const QByteArray &path, qint64 limit, TaskContext &ctx)
{
    LayerStream stream;
    if (auto s = stream.open(blob, ctx); !s.ok())
        return s.error();
    Found f;
    TarHeader h;
    for (;;) {
        auto more = stream.next(h);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        if (h.path != path)
            continue;
        f = Found{};
        // A later directory or symlink at the same path replaces the file: nothing to read.
        f.found = h.type == EntryType::Regular || h.type == EntryType::Hardlink;
        f.hardlink = h.type == EntryType::Hardlink;
        f.linkTarget = h.linkTarget;
        if (h.type != EntryType::Regular)
            continue;
        f.file.fullSize = h.size;
        auto s = stream.readData([&](const char *p, size_t n) {
            const qint64 room = limit - f.file.data.size();
            if (room > 0)
                f.file.data.append(p, qsizetype(std::min<qint64>(room, qint64(n))));
        });
        if (!s.ok())
            return s.error();
    }
    return f;
}

} // namespace

Result<ExtractedFile> extractLayerFile(const FileRegion &layerBlob, const QByteArray &path, qint64 limit, TaskContext &ctx)
{
    QByteArray wanted = path;
    // Hard links may chain; a few hops is plenty, and a loop must not hang.
    for (int hop = 0; hop < 8; ++hop) {
        auto f = scanFor(layerBlob, wanted, limit, ctx);
        if (!f.ok())
            return f.error();
        if (!f->found)
            break;
        if (!f->hardlink)
            return std::move(f).value().file;
        wanted = f->linkTarget;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("the layer holds no regular file at /%1").arg(QString::fromUtf8(path)),
                     layerBlob.displayName);
}

} // namespace ll
