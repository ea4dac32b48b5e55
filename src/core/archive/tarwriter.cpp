#include "tarwriter.h"

#include "archiveentry_p.h"

#include <optional>

namespace ll {

struct TarWriter::Impl {
    archive *a = nullptr;
    archive_entry *entry = nullptr;
    QByteArray out;
    TarWriter::Sink sink;
    bool finished = false;
    std::optional<Error> error;

    ~Impl()
    {
        if (entry)
            archive_entry_free(entry);
        if (a)
            archive_write_free(a);
    }

    static la_ssize_t write(archive *, void *self, const void *buf, size_t len)
    {
        Impl *d = static_cast<Impl *>(self);
        if (d->sink)
            return d->sink(static_cast<const char *>(buf), len) ? la_ssize_t(len) : -1;
        d->out.append(static_cast<const char *>(buf), qsizetype(len));
        return la_ssize_t(len);
    }

    void start(Compression compression, int level = -1);
};

TarWriter::TarWriter(Compression compression, int level) : d(std::make_unique<Impl>())
{
    d->start(compression, level);
}

TarWriter::TarWriter(Compression compression, Sink sink) : d(std::make_unique<Impl>())
{
    d->sink = std::move(sink);
    d->start(compression);
}

void TarWriter::Impl::start(Compression compression, int level)
{
    a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    // libarchive pads the last block to 10240 bytes by default; a layer ends after its 2 zero blocks.
    archive_write_set_bytes_in_last_block(a, 1);
    int r = ARCHIVE_OK;
    switch (compression) {
    case Compression::None: break;
    case Compression::Gzip:
        r = archive_write_add_filter_gzip(a);
        // no name or mtime in the gzip header: the same tar gives the same blob
        if (r == ARCHIVE_OK)
            r = archive_write_set_filter_option(a, "gzip", "timestamp", nullptr);
        break;
    case Compression::Zstd: r = archive_write_add_filter_zstd(a); break;
    case Compression::Xz: r = archive_write_add_filter_xz(a); break;
    case Compression::Bzip2: r = archive_write_add_filter_bzip2(a); break;
    }
    if (r == ARCHIVE_OK && level >= 0 && compression != Compression::None)
        r = archive_write_set_filter_option(a, nullptr, "compression-level", QByteArray::number(level).constData());
    if (r != ARCHIVE_OK)
        error = makeError(ErrorCode::Unsupported, Msg::tr("cannot write %1: %2").arg(compressionName(compression), detail::archiveErrorString(a)));
    else if (archive_write_open(a, this, nullptr, &Impl::write, nullptr) != ARCHIVE_OK)
        error = makeError(ErrorCode::Io, Msg::tr("cannot start a tar stream: %1").arg(detail::archiveErrorString(a)));
    entry = archive_entry_new();
}

TarWriter::~TarWriter() = default;

void TarWriter::reserve(qsizetype bytes)
{
    if (!d->sink)
        d->out.reserve(bytes);
}

static unsigned int fileTypeOf(EntryType t)
{
    switch (t) {
    case EntryType::Regular: case EntryType::Hardlink: return AE_IFREG;
    case EntryType::Directory: return AE_IFDIR;
    case EntryType::Symlink: return AE_IFLNK;
    case EntryType::CharDevice: return AE_IFCHR;
    case EntryType::BlockDevice: return AE_IFBLK;
    case EntryType::Fifo: return AE_IFIFO;
    case EntryType::Socket: return AE_IFSOCK;
    case EntryType::Other: break;
    }
    return AE_IFREG;
}

Status TarWriter::add(const TarHeader &header, const QByteArray &data)
{
    TarHeader h = header;
    h.size = h.type == EntryType::Regular ? data.size() : 0;
    if (auto s = addHeader(h); !s.ok())
        return s;
    if (h.size > 0)
        return writeData(data.constData(), size_t(data.size()));
    return okStatus();
}

Status TarWriter::writeData(const char *data, size_t len)
{
    if (archive_write_data(d->a, data, len) < 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot write tar data: %1").arg(detail::archiveErrorString(d->a)));
    return okStatus();
}

Status TarWriter::addHeader(const TarHeader &h)
{
    if (d->error)
        return *d->error;
    archive_entry *e = d->entry;
    archive_entry_clear(e);
    archive_entry_copy_pathname(e, h.path.constData());
    archive_entry_set_filetype(e, fileTypeOf(h.type));
    archive_entry_set_perm(e, h.mode & 07777);
    archive_entry_set_uid(e, h.uid);
    archive_entry_set_gid(e, h.gid);
    archive_entry_set_mtime(e, h.mtime, 0);
    if (h.type == EntryType::Symlink)
        archive_entry_copy_symlink(e, h.linkTarget.constData());
    if (h.type == EntryType::Hardlink)
        archive_entry_copy_hardlink(e, h.linkTarget.constData());
    if (h.type == EntryType::CharDevice || h.type == EntryType::BlockDevice) {
        archive_entry_set_rdevmajor(e, h.devMajor);
        archive_entry_set_rdevminor(e, h.devMinor);
    }
    archive_entry_set_size(e, h.type == EntryType::Regular ? h.size : 0);
    if (archive_write_header(d->a, e) < ARCHIVE_WARN)
        return makeError(ErrorCode::Io, Msg::tr("cannot write tar header for \"%1\": %2").arg(QString::fromUtf8(h.path), detail::archiveErrorString(d->a)));
    return okStatus();
}

Result<QByteArray> TarWriter::finish()
{
    if (d->error)
        return *d->error;
    if (!d->finished) {
        d->finished = true;
        if (archive_write_close(d->a) != ARCHIVE_OK)
            return makeError(ErrorCode::Io, Msg::tr("cannot finish the tar stream: %1").arg(detail::archiveErrorString(d->a)));
    }
    return d->out;
}

} // namespace ll
