#pragma once
#include "archive/fileregion.h"
#include "archive/tarindex.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <vector>

namespace ll {

// Where an image's files live: an OCI layout folder, or a tar (docker save, OCI archive) read
// in place. Member names are relative, normalised paths ("blobs/sha256/ab…"); a name that
// climbs out of the root is refused, and symlinks are followed only while they stay inside.
class ImageSource {
public:
    enum class Kind { Folder, Tar };
    struct Member {
        QByteArray path;
        qint64 size = 0;
        EntryType type = EntryType::Regular;
        QByteArray linkTarget;
    };

    static Result<std::shared_ptr<const ImageSource>> open(const QString &path, TaskContext &ctx);
    // What a file manager hands over for a double-clicked layout, the `oci-layout` (or
    // `index.json`) file of a layout folder, stands for the folder; any other path for itself.
    static QString imagePath(const QString &given);

    Kind kind() const { return m_kind; }
    const QString &path() const { return m_path; }
    bool has(const QByteArray &member) const;
    Result<FileRegion> region(const QByteArray &member) const;
    // Reads a whole member; refuses members over `limit` bytes (JSON is small; a 1 GB
    // "manifest.json" is an attack, not an image).
    Result<QByteArray> readAll(const QByteArray &member, qint64 limit = 64 * 1024 * 1024) const;
    // Every member, sorted by path (for the anatomy view).
    std::vector<Member> members() const;
    // "file.tar:member" or "folder/member", for messages.
    QString describe(const QByteArray &member) const;

private:
    Result<QByteArray> resolveTarMember(const QByteArray &member) const;
    Result<QString> resolveFolderMember(const QByteArray &member) const;

    Kind m_kind = Kind::Folder;
    QString m_path;
    QString m_canonicalRoot;
    TarIndex m_tar;
};

// Checks a name taken from a manifest: relative, inside the image. The error says which.
Result<QByteArray> checkMemberName(const QString &raw, const QString &where);

} // namespace ll
