#include "imagesource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace ll {

namespace {
// Resolves `target` (a symlink found at `linkPath`) to a normalised member path, or fails if
// it leaves the root.
bool resolveRelative(const QByteArray &linkPath, const QByteArray &target, QByteArray &out)
{
    QList<QByteArray> parts;
    if (!target.startsWith('/')) {
        parts = linkPath.split('/');
        parts.removeLast();
    }
    for (const QByteArray &p : target.split('/')) {
        if (p.isEmpty() || p == ".")
            continue;
        if (p == "..") {
            if (parts.isEmpty())
                return false;
            parts.removeLast();
        } else {
            parts.append(p);
        }
    }
    out = parts.join('/');
    return true;
}
}

Result<QByteArray> checkMemberName(const QString &raw, const QString &where)
{
    if (raw.isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("an empty file name"), where);
    if (raw.startsWith(QLatin1Char('/')))
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" is an absolute path; an image may only refer to its own files").arg(raw), where);
    QByteArray out;
    if (!normaliseArchivePath(raw.toUtf8(), out) || out.isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" points outside the image").arg(raw), where);
    return out;
}

QString ImageSource::imagePath(const QString &given)
{
    const QFileInfo fi(given);
    if (!fi.isFile() || (fi.fileName() != QLatin1String("oci-layout") && fi.fileName() != QLatin1String("index.json")))
        return given;
    if (!QFileInfo(fi.dir(), QStringLiteral("oci-layout")).isFile())
        return given;
    // The folder as the user wrote it ("../x/layout"), made absolute only when it was relative ("."
    // says nothing in a title).
    return fi.isRelative() ? fi.absolutePath() : fi.path();
}

Result<std::shared_ptr<const ImageSource>> ImageSource::open(const QString &given, TaskContext &ctx)
{
    const QString path = imagePath(given);
    const QFileInfo fi(path);
    if (!fi.exists())
        return makeError(ErrorCode::NotFound, Msg::tr("no such file or folder"), path);
    auto src = std::make_shared<ImageSource>();
    src->m_path = path;
    if (fi.isDir()) {
        src->m_kind = Kind::Folder;
        src->m_canonicalRoot = fi.canonicalFilePath();
        return std::shared_ptr<const ImageSource>(std::move(src));
    }
    auto index = indexTarFile(fi.absoluteFilePath(), ctx);
    if (!index.ok())
        return index.error();
    src->m_kind = Kind::Tar;
    src->m_tar = std::move(index).value();
    return std::shared_ptr<const ImageSource>(std::move(src));
}

QString ImageSource::describe(const QByteArray &member) const
{
    const QString m = QString::fromUtf8(member);
    return m_kind == Kind::Tar ? m_path + QLatin1Char(':') + m : QDir(m_path).filePath(m);
}

Result<QByteArray> ImageSource::resolveTarMember(const QByteArray &member) const
{
    QByteArray current = member;
    for (int hops = 0; hops < 16; ++hops) {
        const TarMember *m = m_tar.find(current);
        if (!m)
            return makeError(ErrorCode::NotFound, Msg::tr("\"%1\" is missing from the archive").arg(QString::fromUtf8(current)), m_path);
        if (m->header.type == EntryType::Hardlink) {
            current = m->header.linkTarget;
            continue;
        }
        if (m->header.type != EntryType::Symlink)
            return current;
        QByteArray next;
        if (!resolveRelative(current, m->header.linkTarget, next))
            return makeError(ErrorCode::Format, Msg::tr("\"%1\" is a link that points outside the archive").arg(QString::fromUtf8(current)), m_path);
        current = next;
    }
    return makeError(ErrorCode::Format, Msg::tr("\"%1\": too many levels of links").arg(QString::fromUtf8(member)), m_path);
}

Result<QString> ImageSource::resolveFolderMember(const QByteArray &member) const
{
    const QString full = QDir(m_path).filePath(QString::fromUtf8(member));
    const QFileInfo fi(full);
    if (!fi.exists())
        return makeError(ErrorCode::NotFound, Msg::tr("\"%1\" is missing from the folder").arg(QString::fromUtf8(member)), m_path);
    const QString canonical = fi.canonicalFilePath();
    if (!canonical.startsWith(m_canonicalRoot + QLatin1Char('/')))
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" is a link that points outside the folder").arg(QString::fromUtf8(member)), m_path);
    if (!fi.isFile())
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" is not a regular file").arg(QString::fromUtf8(member)), m_path);
    return canonical;
}

bool ImageSource::has(const QByteArray &member) const
{
    if (m_kind == Kind::Tar)
        return m_tar.find(member) != nullptr;
    return QFileInfo::exists(QDir(m_path).filePath(QString::fromUtf8(member)));
}

Result<FileRegion> ImageSource::region(const QByteArray &member) const
{
    FileRegion r;
    r.displayName = describe(member);
    if (m_kind == Kind::Tar) {
        auto resolved = resolveTarMember(member);
        if (!resolved.ok())
            return resolved.error();
        const TarMember *m = m_tar.find(resolved.value());
        if (m->header.type != EntryType::Regular)
            return makeError(ErrorCode::Format, Msg::tr("\"%1\" is not a regular file").arg(QString::fromUtf8(member)), m_path);
        r.filePath = m_tar.filePath;
        r.offset = m->dataOffset;
        r.size = m->header.size;
        return r;
    }
    auto resolved = resolveFolderMember(member);
    if (!resolved.ok())
        return resolved.error();
    r.filePath = resolved.value();
    r.size = QFileInfo(r.filePath).size();
    return r;
}

Result<QByteArray> ImageSource::readAll(const QByteArray &member, qint64 limit) const
{
    auto reg = region(member);
    if (!reg.ok())
        return reg.error();
    if (reg->size > limit)
        return makeError(ErrorCode::Limit, Msg::tr("\"%1\" is %2 bytes; refusing to read more than %3 bytes of metadata")
                                               .arg(QString::fromUtf8(member)).arg(reg->size).arg(limit), m_path);
    RegionReader reader;
    if (auto s = reader.open(reg.value()); !s.ok())
        return s.error();
    QByteArray data(qsizetype(reg->size), Qt::Uninitialized);
    qint64 done = 0;
    while (done < reg->size) {
        auto n = reader.read(data.data() + done, reg->size - done);
        if (!n.ok())
            return n.error();
        done += n.value();
    }
    return data;
}

std::vector<ImageSource::Member> ImageSource::members() const
{
    std::vector<Member> out;
    if (m_kind == Kind::Tar) {
        for (const TarMember &m : m_tar.members)
            out.push_back({m.header.path, m.header.size, m.header.type, m.header.linkTarget});
    } else {
        QDirIterator it(m_path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        const QDir root(m_path);
        while (it.hasNext()) {
            it.next();
            const QFileInfo fi = it.fileInfo();
            Member m;
            m.path = root.relativeFilePath(fi.filePath()).toUtf8();
            m.size = fi.isFile() ? fi.size() : 0;
            m.type = fi.isSymLink() ? EntryType::Symlink : fi.isDir() ? EntryType::Directory : EntryType::Regular;
            if (fi.isSymLink())
                m.linkTarget = fi.symLinkTarget().toUtf8();
            out.push_back(std::move(m));
        }
    }
    std::sort(out.begin(), out.end(), [](const Member &a, const Member &b) { return a.path < b.path; });
    return out;
}

} // namespace ll
