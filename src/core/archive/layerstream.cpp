#include "layerstream.h"

#include "archiveentry_p.h"
#include "common/sha256.h"

#include <optional>
#include <vector>

namespace ll {

namespace {
constexpr size_t kBlock = 256 * 1024;

int filterFor(Compression c)
{
    switch (c) {
    case Compression::Gzip: return ARCHIVE_FILTER_GZIP;
    case Compression::Zstd: return ARCHIVE_FILTER_ZSTD;
    case Compression::Xz: return ARCHIVE_FILTER_XZ;
    case Compression::Bzip2: return ARCHIVE_FILTER_BZIP2;
    case Compression::None: break;
    }
    return ARCHIVE_FILTER_NONE;
}
}

// Two libarchive readers are chained: `outer` (raw format, one decompression filter) turns the
// stored bytes into the tar stream; `inner` (tar format) parses that stream. Our callbacks sit
// at both joints, which is where the blob digest and the DiffID are computed without a copy.
struct LayerStream::Impl {
    RegionReader reader;
    TaskContext *ctx = nullptr;
    LayerStreamLimits limits;
    archive *outer = nullptr;
    archive *inner = nullptr;
    std::vector<char> buffer = std::vector<char>(kBlock);
    qint64 pendingFirst = 0; // bytes of the first block already read for detection
    Sha256 storedHash;
    Sha256 tarHash;
    LayerStreamStats stats;
    qint64 entries = 0;
    bool innerAtEnd = false;
    bool canceled = false;
    std::optional<Error> ioError;
    QStringList warnings;

    ~Impl()
    {
        if (inner)
            archive_read_free(inner);
        if (outer)
            archive_read_free(outer);
    }

    static la_ssize_t readStored(archive *, void *self, const void **buf)
    {
        return static_cast<Impl *>(self)->readStoredBlock(buf);
    }

    la_ssize_t readStoredBlock(const void **buf)
    {
        if (ctx->isCanceled()) {
            canceled = true;
            return -1;
        }
        qint64 n = 0;
        if (pendingFirst > 0) {
            n = pendingFirst;
            pendingFirst = 0;
        } else {
            auto r = reader.read(buffer.data(), qint64(buffer.size()));
            if (!r.ok()) {
                ioError = r.error();
                return -1;
            }
            n = r.value();
            storedHash.update(buffer.data(), size_t(n));
            stats.storedSize += n;
            ctx->setProgress(reader.position(), reader.region().size);
        }
        *buf = buffer.data();
        return la_ssize_t(n);
    }

    static la_ssize_t readTar(archive *, void *self, const void **buf)
    {
        return static_cast<Impl *>(self)->readTarBlock(buf);
    }

    la_ssize_t readTarBlock(const void **buf)
    {
        size_t size = 0;
        la_int64_t off = 0;
        const int r = archive_read_data_block(outer, buf, &size, &off);
        if (r == ARCHIVE_EOF)
            return 0;
        if (r < ARCHIVE_WARN)
            return -1;
        tarHash.update(*buf, size);
        stats.uncompressedSize += qint64(size);
        if (stats.uncompressedSize > limits.maxUncompressed) {
            ioError = makeError(ErrorCode::Limit, QStringLiteral("decompresses to more than %1 bytes (a decompression bomb?)").arg(limits.maxUncompressed),
                                reader.region().displayName);
            return -1;
        }
        return la_ssize_t(size);
    }

    Error failure(const QString &what, archive *a) const
    {
        if (canceled)
            return canceledError();
        if (ioError)
            return *ioError;
        // The outer reader knows about truncated compressed data; prefer its words.
        QString why = detail::archiveErrorString(a);
        if (a == inner && outer && archive_errno(outer) != 0)
            why = detail::archiveErrorString(outer);
        Error e = makeError(ErrorCode::Format, QStringLiteral("%1: %2").arg(what, why), reader.region().displayName);
        return e;
    }
};

LayerStream::LayerStream() : d(std::make_unique<Impl>()) {}
LayerStream::~LayerStream() = default;

Compression LayerStream::compression() const { return d->stats.compression; }
const QStringList &LayerStream::warnings() const { return d->warnings; }

Status LayerStream::open(const FileRegion &region, TaskContext &ctx, LayerStreamLimits limits)
{
    d->ctx = &ctx;
    d->limits = limits;
    if (auto s = d->reader.open(region); !s.ok())
        return s;
    auto first = d->reader.read(d->buffer.data(), qint64(d->buffer.size()));
    if (!first.ok())
        return first.error();
    if (first.value() == 0)
        return makeError(ErrorCode::Format, QStringLiteral("the layer blob is empty (0 bytes), not a tar archive"), region.displayName);
    d->pendingFirst = first.value();
    d->storedHash.update(d->buffer.data(), size_t(first.value()));
    d->stats.storedSize = first.value();
    d->stats.compression = detectCompression(d->buffer.data(), size_t(first.value()));

    d->outer = archive_read_new();
    archive_read_support_format_raw(d->outer);
    if (d->stats.compression != Compression::None
        && archive_read_append_filter(d->outer, filterFor(d->stats.compression)) != ARCHIVE_OK)
        return makeError(ErrorCode::Unsupported, QStringLiteral("cannot decompress %1 data: %2")
                             .arg(compressionName(d->stats.compression), detail::archiveErrorString(d->outer)), region.displayName);
    if (archive_read_open(d->outer, d.get(), nullptr, &Impl::readStored, nullptr) != ARCHIVE_OK)
        return d->failure(QStringLiteral("cannot read the layer"), d->outer);
    archive_entry *rawEntry = nullptr;
    if (archive_read_next_header(d->outer, &rawEntry) != ARCHIVE_OK)
        return d->failure(QStringLiteral("cannot read the layer"), d->outer);

    d->inner = archive_read_new();
    archive_read_support_format_tar(d->inner);
    if (archive_read_open(d->inner, d.get(), nullptr, &Impl::readTar, nullptr) != ARCHIVE_OK)
        return d->failure(QStringLiteral("the layer is not a tar archive"), d->inner);
    return okStatus();
}

Result<bool> LayerStream::next(TarHeader &out)
{
    for (;;) {
        if (d->ctx->isCanceled())
            return canceledError();
        if (d->innerAtEnd)
            return false;
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(d->inner, &entry);
        if (r == ARCHIVE_EOF) {
            d->innerAtEnd = true;
            return false;
        }
        if (r < ARCHIVE_WARN) {
            const QString what = d->entries == 0 ? QStringLiteral("the layer is not a tar archive")
                                                 : QStringLiteral("the layer is damaged after %1 entries").arg(d->entries);
            return d->failure(what, d->inner);
        }
        if (++d->entries > d->limits.maxEntries)
            return makeError(ErrorCode::Limit, QStringLiteral("more than %1 entries in one layer").arg(d->limits.maxEntries),
                             d->reader.region().displayName);
        if (!detail::headerFromEntry(entry, out)) {
            d->warnings << QStringLiteral("skipped entry \"%1\": its name climbs out of the root").arg(QString::fromUtf8(out.path));
            continue;
        }
        if (out.path.isEmpty())
            continue; // the root itself ("./"): carries nothing we show
        const bool deepLink = out.type == EntryType::Hardlink && out.linkTarget.count('/') >= d->limits.maxPathDepth;
        if (out.path.count('/') >= d->limits.maxPathDepth || deepLink) {
            d->warnings << QStringLiteral("skipped an entry nested more than %1 levels deep (\"%2…\")")
                               .arg(d->limits.maxPathDepth).arg(QString::fromUtf8(out.path.left(80)));
            continue;
        }
        return true;
    }
}

Status LayerStream::readData(const std::function<void(const char *, size_t)> &sink)
{
    for (;;) {
        const void *buf = nullptr;
        size_t size = 0;
        la_int64_t off = 0;
        const int r = archive_read_data_block(d->inner, &buf, &size, &off);
        if (r == ARCHIVE_EOF)
            return okStatus();
        if (r < ARCHIVE_WARN)
            return d->failure(QStringLiteral("cannot read file data"), d->inner);
        sink(static_cast<const char *>(buf), size);
    }
}

Result<LayerStreamStats> LayerStream::finish()
{
    // Whatever follows the end-of-archive marker still belongs to the DiffID and blob digest.
    const void *buf = nullptr;
    for (;;) {
        const auto n = Impl::readTar(d->outer, d.get(), &buf);
        if (n == 0)
            break;
        if (n < 0)
            return d->failure(QStringLiteral("the layer is damaged after its last entry"), d->outer);
    }
    for (;;) {
        auto r = d->reader.read(d->buffer.data(), qint64(d->buffer.size()));
        if (!r.ok())
            return r.error();
        if (r.value() == 0)
            break;
        d->storedHash.update(d->buffer.data(), size_t(r.value()));
        d->stats.storedSize += r.value();
    }
    d->stats.storedHash = d->storedHash.finish();
    d->stats.uncompressedHash = d->tarHash.finish();
    return d->stats;
}

} // namespace ll
