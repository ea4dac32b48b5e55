#include "tarindex.h"

#include "archiveentry_p.h"

#include <QFile>
#include <memory>

namespace ll {

const TarMember *TarIndex::find(const QByteArray &path) const
{
    const auto it = byPath.constFind(path);
    return it == byPath.constEnd() ? nullptr : &members[size_t(*it)];
}

namespace {
struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;
}

Result<TarIndex> indexTarFile(const QString &filePath, TaskContext &ctx, TarIndexLimits limits)
{
    ArchivePtr a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(filePath).constData(), 1 << 16) != ARCHIVE_OK)
        return makeError(ErrorCode::Format,
                         Msg::tr("not a tar archive or OCI layout folder (%1)").arg(detail::archiveErrorString(a.get())), filePath);

    TarIndex index;
    index.filePath = filePath;
    archive_entry *entry = nullptr;
    for (;;) {
        if (ctx.isCanceled())
            return canceledError();
        const int r = archive_read_next_header(a.get(), &entry);
        // Known once the first header was looked for, even in an empty archive.
        if (archive_filter_count(a.get()) > 1) {
            return makeError(ErrorCode::Unsupported,
                             Msg::tr("the archive is %1-compressed; LayerLens reads image archives in place, so decompress it first "
                                            "(for example: %1 -dk FILE)").arg(QString::fromLatin1(archive_filter_name(a.get(), 0))),
                             filePath);
        }
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN) {
            Error e = makeError(ErrorCode::Format, Msg::tr("the archive is damaged or truncated: %1").arg(detail::archiveErrorString(a.get())), filePath);
            e.offset = archive_read_header_position(a.get());
            return e;
        }
        TarMember m;
        if (!detail::headerFromEntry(entry, m.header))
            return makeError(ErrorCode::Format, Msg::tr("member \"%1\" points outside the archive").arg(QString::fromUtf8(m.header.path)), filePath);
        // libarchive has consumed exactly the header blocks here: the data starts at this position.
        m.dataOffset = archive_filter_bytes(a.get(), 0);
        if (qint64(index.members.size()) >= limits.maxMembers)
            return makeError(ErrorCode::Limit, Msg::tr("more than %1 members: not an image archive").arg(limits.maxMembers), filePath);
        index.byPath.insert(m.header.path, int(index.members.size()));
        index.members.push_back(std::move(m));
        if (archive_read_data_skip(a.get()) < ARCHIVE_WARN)
            return makeError(ErrorCode::Format, Msg::tr("the archive is truncated inside \"%1\"").arg(QString::fromUtf8(index.members.back().header.path)), filePath);
    }
    return index;
}

} // namespace ll
