#include "fstree/fileextract.h"

#include "archive/layerstream.h"

namespace ll {

namespace {

// Cancels the read when the sink fails, so a full disk does not cost inflating the rest.
class SinkContext : public TaskContext {
public:
    explicit SinkContext(TaskContext &outer) : m_outer(outer) {}
    bool isCanceled() const override { return m_error.has_value() || m_outer.isCanceled(); }
    void setProgress(qint64 done, qint64 total) override { m_outer.setProgress(done, total); }
    void fail(Error e)
    {
        if (!m_error)
            m_error = std::move(e);
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    TaskContext &m_outer;
    std::optional<Error> m_error;
};

struct Found {
    bool found = false;
    bool hardlink = false;
    QByteArray linkTarget;
};

Status streamEntry(LayerStream &stream, const TarHeader &h, const ExtractSink &sink, SinkContext &ctx)
{
    if (auto s = sink.restart(h.size); !s.ok())
        return s;
    return stream.readData([&](const char *p, size_t n) {
        if (ctx.error())
            return;
        if (auto s = sink.write(p, n); !s.ok())
            ctx.fail(s.error());
    });
}

// One pass over the layer; every entry named `path` goes to the sink, so the last one stays.
Result<Found> scanFor(const FileRegion &blob, const QByteArray &path, const ExtractSink &sink, SinkContext &ctx)
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
        // A later directory or symlink at the same path replaces the file: nothing to read.
        f = Found{h.type == EntryType::Regular || h.type == EntryType::Hardlink, h.type == EntryType::Hardlink, h.linkTarget};
        if (h.type != EntryType::Regular)
            continue;
        if (auto s = streamEntry(stream, h, sink, ctx); !s.ok())
            return s.error();
    }
    return f;
}

} // namespace

Status extractLayerFileTo(const FileRegion &layerBlob, const QByteArray &path, const ExtractSink &sink, TaskContext &outer)
{
    SinkContext ctx(outer);
    QByteArray wanted = path;
    // Hard links may chain; a few hops is plenty, and a loop must not hang.
    for (int hop = 0; hop < 8; ++hop) {
        auto f = scanFor(layerBlob, wanted, sink, ctx);
        if (ctx.error())
            return *ctx.error();
        if (!f.ok())
            return f.error();
        if (!f->found)
            break;
        if (!f->hardlink)
            return okStatus();
        wanted = f->linkTarget;
    }
    return makeError(ErrorCode::NotFound,
                     Msg::tr("the layer holds no regular file at /%1").arg(QString::fromUtf8(path)),
                     layerBlob.displayName);
}

Result<ExtractedFile> extractLayerFile(const FileRegion &layerBlob, const QByteArray &path, qint64 limit, TaskContext &ctx)
{
    ExtractedFile file;
    const ExtractSink sink{[&](qint64 fullSize) {
                               file = ExtractedFile{{}, fullSize};
                               return okStatus();
                           },
                           [&](const char *p, size_t n) {
                               const qint64 room = limit - file.data.size();
                               if (room > 0)
                                   file.data.append(p, qsizetype(std::min<qint64>(room, qint64(n))));
                               return okStatus();
                           }};
    if (auto s = extractLayerFileTo(layerBlob, path, sink, ctx); !s.ok())
        return s.error();
    return file;
}

} // namespace ll
