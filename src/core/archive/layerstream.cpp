#include "layerstream.h"

#include "archiveentry_p.h"
#include "archive/gzipinflate.h"
#include "archive/hashpipe.h"
#include "common/humansize.h"
#include "common/sha256.h"

#include <QThread>
#include <atomic>
#include <optional>
#include <vector>

namespace ll {

namespace {
constexpr size_t kBlock = 256 * 1024;
// Layers from this size on may hash their blob and tar on a second thread (HashPipe); below it
// the thread would cost more than it saves.
constexpr qint64 kPipeFrom = 4 * 1024 * 1024;

// Threads reading layers or hashing for them now. The pipe pays (a copy of every byte, a thread)
// only when a core would otherwise idle: one big layer, or the last one of an image once the
// others are done. With every core reading a layer of its own, hashing in line is cheaper.
std::atomic<int> s_busy{0};

bool coreToSpare()
{
    static const int cores = QThread::idealThreadCount();
    return s_busy.load(std::memory_order_relaxed) < cores;
}

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
} // namespace

qint64 defaultMaxRatio()
{
    static const qint64 ratio = [] {
        bool ok = false;
        const qint64 v = qEnvironmentVariable("LAYERLENS_MAX_RATIO").toLongLong(&ok);
        return ok && v >= 0 ? v : qint64(1000);
    }();
    return ratio;
}

// Two readers are chained: `outer` turns the stored bytes into the tar stream (ISA-L for gzip when
// built with it, else libarchive's raw format with one decompression filter); `inner` (libarchive's
// tar format) parses that stream. Our callbacks sit at both joints, which is where the blob digest
// and the DiffID are computed without a copy.
struct LayerStream::Impl {
    RegionReader reader;
    TaskContext *ctx = nullptr;
    LayerStreamLimits limits;
    archive *outer = nullptr;
    std::unique_ptr<GzipInflate> gunzip; // instead of `outer` for gzip
    std::vector<char> inflated;          // gunzip's output, handed to `inner`
    archive *inner = nullptr;
    std::vector<char> buffer = std::vector<char>(kBlock);
    qint64 pendingFirst = 0; // bytes of the first block already read for detection
    Sha256 storedHash;
    Sha256 tarHash;
    Sha256 fileHash; // hashData's when there is no pipe
    std::unique_ptr<HashPipe> pipe;
    LayerStreamStats stats;
    qint64 entries = 0;
    bool innerAtEnd = false;
    bool canceled = false;
    std::optional<Error> ioError;
    QStringList warnings;

    Impl() { s_busy.fetch_add(1, std::memory_order_relaxed); }
    ~Impl()
    {
        s_busy.fetch_sub(pipe ? 2 : 1, std::memory_order_relaxed);
        pipe.reset();
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
            hash(HashPipe::Stored, buffer.data(), size_t(n));
            stats.storedSize += n;
            ctx->setProgress(reader.position(), reader.region().size);
        }
        *buf = buffer.data();
        return la_ssize_t(n);
    }

    // Checked per block, so a big layer that began beside others moves its hashing to a second
    // thread as soon as they are done; the digests carry on from where they were.
    void startPipeIfWorthIt()
    {
        if (pipe || reader.region().size < kPipeFrom || !coreToSpare())
            return;
        // Called from libarchive's callbacks: an exception must not cross its C frames. Without
        // a thread (or the memory for one) the digests simply stay in line.
        try {
            auto made = std::make_unique<HashPipe>();
            made->carryOn(std::move(storedHash), std::move(tarHash));
            pipe = std::move(made);
        } catch (const std::exception &) {
            return;
        }
        s_busy.fetch_add(1, std::memory_order_relaxed);
    }

    void hash(HashPipe::Stream s, const void *data, size_t len)
    {
        startPipeIfWorthIt();
        if (pipe)
            pipe->feed(s, data, len);
        else
            (s == HashPipe::Stored ? storedHash : tarHash).update(data, len);
    }

    void finishHashes()
    {
        if (pipe) {
            const auto both = pipe->finish();
            stats.storedHash = both[HashPipe::Stored];
            stats.uncompressedHash = both[HashPipe::Tar];
        } else {
            stats.storedHash = storedHash.finish();
            stats.uncompressedHash = tarHash.finish();
        }
    }

    static la_ssize_t readTar(archive *, void *self, const void **buf)
    {
        return static_cast<Impl *>(self)->readTarBlock(buf);
    }

    la_ssize_t readTarBlock(const void **buf)
    {
        size_t size = 0;
        if (gunzip) {
            const qint64 n = gunzip->read(inflated.data(), inflated.size(), [this](const char **p) {
                const void *block = nullptr;
                const la_ssize_t got = readStoredBlock(&block);
                *p = static_cast<const char *>(block);
                return qint64(got);
            });
            if (n <= 0)
                return la_ssize_t(n);
            *buf = inflated.data();
            size = size_t(n);
        } else {
            la_int64_t off = 0;
            const int r = archive_read_data_block(outer, buf, &size, &off);
            if (r == ARCHIVE_EOF)
                return 0;
            if (r < ARCHIVE_WARN)
                return -1;
        }
        hash(HashPipe::Tar, *buf, size);
        stats.uncompressedSize += qint64(size);
        if (auto e = growthError()) {
            ioError = std::move(e);
            return -1;
        }
        return la_ssize_t(size);
    }

    // Checked per decompressed block, so a bomb stops within one block of its limit.
    std::optional<Error> growthError() const
    {
        const qint64 out = stats.uncompressedSize;
        const qint64 stored = reader.region().size;
        const auto limitError = [&](const QString &why) {
            return makeError(ErrorCode::Limit, Msg::tr("stopped after %1 of decompressed data, %2").arg(humanSize(out), why), reader.region().displayName);
        };
        if (out > limits.maxUncompressed)
            return limitError(QStringLiteral("the most one layer may decompress to (a decompression bomb?)"));
        if (limits.maxRatio > 0 && out > limits.ratioFloor && out / limits.maxRatio > stored)
            return limitError(QStringLiteral("more than %1 times the layer's stored size of %2 (a decompression bomb?); to read it anyway, "
                                             "raise --max-ratio or LAYERLENS_MAX_RATIO (0 for no limit)")
                                  .arg(limits.maxRatio).arg(humanSize(stored)));
        return std::nullopt;
    }

    // libarchive's raw format with the layer's decompression filter, for all but ISA-L's gzip.
    Status openOuter()
    {
        outer = archive_read_new();
        archive_read_support_format_raw(outer);
        if (stats.compression != Compression::None && archive_read_append_filter(outer, filterFor(stats.compression)) != ARCHIVE_OK)
            return makeError(ErrorCode::Unsupported, Msg::tr("cannot decompress %1 data: %2")
                                 .arg(compressionName(stats.compression), detail::archiveErrorString(outer)), reader.region().displayName);
        if (archive_read_open(outer, this, nullptr, &Impl::readStored, nullptr) != ARCHIVE_OK)
            return failure(QStringLiteral("cannot read the layer"), outer);
        archive_entry *rawEntry = nullptr;
        if (archive_read_next_header(outer, &rawEntry) != ARCHIVE_OK)
            return failure(QStringLiteral("cannot read the layer"), outer);
        return okStatus();
    }

    Error failure(const QString &what, archive *a) const
    {
        if (canceled)
            return canceledError();
        if (ioError)
            return *ioError;
        // The outer reader knows about truncated compressed data; prefer its words.
        QString why = a ? detail::archiveErrorString(a) : QString();
        if (gunzip && !gunzip->error().isEmpty() && (a == inner || !a))
            why = gunzip->error();
        else if (a == inner && outer && archive_errno(outer) != 0)
            why = detail::archiveErrorString(outer);
        Error e = makeError(ErrorCode::Format, Msg::tr("%1: %2").arg(what, why), reader.region().displayName);
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
        return makeError(ErrorCode::Format, Msg::tr("the layer blob is empty (0 bytes), not a tar archive"), region.displayName);
    d->pendingFirst = first.value();
    d->hash(HashPipe::Stored, d->buffer.data(), size_t(first.value()));
    d->stats.storedSize = first.value();
    d->stats.compression = detectCompression(d->buffer.data(), size_t(first.value()));

    if (d->stats.compression == Compression::Gzip && GzipInflate::available()) {
        d->gunzip = std::make_unique<GzipInflate>();
        d->inflated.resize(kBlock);
    } else if (auto s = d->openOuter(); !s.ok()) {
        return s;
    }

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
            return makeError(ErrorCode::Limit, Msg::tr("more than %1 entries in one layer").arg(d->limits.maxEntries),
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

bool LayerStream::hashedAside() const
{
    return d->pipe != nullptr;
}

Status LayerStream::hashData(HashBytes &dest)
{
    // In line when there is no pipe, or when the pipe is the slower side (SHA-256 without
    // the CPU's SHA instructions is slower than ISA-L's inflate): either way both threads stay busy.
    if (!d->pipe || d->pipe->behind()) {
        d->fileHash.reset();
        if (auto s = readData([this](const char *p, size_t n) { d->fileHash.update(p, n); }); !s.ok())
            return s;
        dest = d->fileHash.finish();
        return okStatus();
    }
    // The pipe never stops once started, so the whole file goes through it. After an error the
    // stream is not read further (the pipe would start the next file with this one's bytes).
    HashPipe &pipe = *d->pipe;
    if (auto s = readData([&pipe](const char *p, size_t n) { pipe.feed(HashPipe::Files, p, n); }); !s.ok())
        return s;
    pipe.endFile(&dest);
    return okStatus();
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
        d->hash(HashPipe::Stored, d->buffer.data(), size_t(r.value()));
        d->stats.storedSize += r.value();
    }
    d->finishHashes();
    return d->stats;
}

} // namespace ll
