#include "archiveentry_p.h"

namespace ll::detail {

static EntryType typeOf(archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return EntryType::Hardlink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG: return EntryType::Regular;
    case AE_IFDIR: return EntryType::Directory;
    case AE_IFLNK: return EntryType::Symlink;
    case AE_IFCHR: return EntryType::CharDevice;
    case AE_IFBLK: return EntryType::BlockDevice;
    case AE_IFIFO: return EntryType::Fifo;
    case AE_IFSOCK: return EntryType::Socket;
    default: return EntryType::Other;
    }
}

bool headerFromEntry(archive_entry *entry, TarHeader &out)
{
    const char *name = archive_entry_pathname(entry);
    const QByteArray raw = name ? QByteArray(name) : QByteArray();
    out.type = typeOf(entry);
    out.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
    out.mtime = archive_entry_mtime(entry);
    out.mode = uint32_t(archive_entry_perm(entry)) & 07777u;
    out.uid = uint32_t(archive_entry_uid(entry));
    out.gid = uint32_t(archive_entry_gid(entry));
    out.devMajor = out.devMinor = 0;
    if (out.type == EntryType::CharDevice || out.type == EntryType::BlockDevice) {
        out.devMajor = uint32_t(archive_entry_rdevmajor(entry));
        out.devMinor = uint32_t(archive_entry_rdevminor(entry));
    }
    out.hasXattrs = archive_entry_xattr_count(entry) > 0;
    out.linkTarget.clear();
    if (!normaliseArchivePath(raw, out.path)) {
        out.path = raw;
        return false;
    }
    if (out.type == EntryType::Hardlink) {
        if (!normaliseArchivePath(QByteArray(archive_entry_hardlink(entry)), out.linkTarget)) {
            out.linkTarget = QByteArray(archive_entry_hardlink(entry));
            return false;
        }
        out.size = 0; // the data belongs to the target
    } else if (out.type == EntryType::Symlink) {
        const char *t = archive_entry_symlink(entry);
        out.linkTarget = t ? QByteArray(t) : QByteArray();
        out.size = 0;
    } else if (out.type != EntryType::Regular) {
        out.size = 0;
    }
    return true;
}

QString archiveErrorString(archive *a)
{
    const char *s = archive_error_string(a);
    return s ? QString::fromLocal8Bit(s) : QStringLiteral("unknown libarchive error");
}

} // namespace ll::detail
