#pragma once
#include "archive/tarheader.h"
#include "build/saferoot.h"
#include "common/digest.h"
#include "common/taskcontext.h"
#include "dockerfile/dockerignore.h"

#include <QHash>
#include <QMap>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <vector>

namespace ll::build {

// (device, inode, size, mtime, ctime) -> content hash of a context file, kept between builds
// so an unchanged rebuild costs one stat per file. Git's racily-clean rule: an entry whose
// file was modified less than kRacyNs before it was hashed is not trusted (a write in the same
// timestamp tick would not change mtime), so such a file is hashed again until it is old
// enough. Thread-safe; saved atomically by the caller.
class StatCache {
public:
    static constexpr qint64 kRacyNs = 2'000'000'000;
    void load(const QByteArray &tsv);
    QByteArray save() const;
    bool changed() const { return m_changed; }
    std::optional<HashBytes> find(const QByteArray &path, const struct stat &st) const;
    // `hashedAtNs`: when the content was read (CLOCK_REALTIME, before the read began).
    void insert(const QByteArray &path, const struct stat &st, const HashBytes &hash, qint64 hashedAtNs);

private:
    struct Key {
        quint64 dev, ino, size;
        qint64 mtimeNs, ctimeNs;
        bool operator==(const Key &) const = default;
    };
    struct Entry {
        Key key;
        qint64 hashedAtNs;
        HashBytes hash;
    };
    static Key keyOf(const struct stat &st);
    mutable std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    bool m_changed = false;
};

// One file, folder or link a COPY/ADD reads from the build context.
struct SourceFile {
    QByteArray contextPath; // relative to the context
    QByteArray dest;        // relative to the destination ("" : the destination itself)
    TarHeader h;            // type, mode, uid, gid, size, mtime, link target as on disk
    HashBytes hash{};       // content, for regular files
    quint64 inode = 0;      // with nlink > 1: files linked together are copied as hard links
    quint64 device = 0;
    bool multiLinked = false;
};

struct CopySources {
    std::vector<SourceFile> files;
    bool destMustBeDir = false; // several sources, a folder or a wildcard
    HashBytes inputsHash{};     // over every file's path, type, mode, owner, size, link, content
    QMap<QString, QString> fileHashes; // context path -> short hash, to say what changed
};

// The build context folder with its .dockerignore applied (an ignored path does not exist).
class BuildContext {
public:
    static Result<std::shared_ptr<BuildContext>> open(const QString &dir, const df::DockerIgnore &ignore, std::shared_ptr<StatCache> stats);
    const QString &dir() const { return m_root.path(); }
    const SafeRoot &root() const { return m_root; }
    bool isExcluded(const QByteArray &path) const;

    // Expands COPY/ADD sources (wildcards as filepath.Match: `*` stays inside a component),
    // walks folders, hashes contents (through the stat cache). Fails naming the source that
    // matches nothing.
    Result<CopySources> resolve(const QStringList &sources, TaskContext &ctx) const;

private:
    Status addSource(const QString &src, CopySources &out, TaskContext &ctx) const;
    Status collect(const QByteArray &path, const QByteArray &dest, std::vector<SourceFile> &out, TaskContext &ctx) const;
    Result<std::vector<QByteArray>> expand(const QString &pattern) const;
    Status hashFile(SourceFile &f, const struct stat &st) const;

    SafeRoot m_root;
    df::DockerIgnore m_ignore;
    std::shared_ptr<StatCache> m_stats;
};

TarHeader headerFromStat(const QByteArray &path, const struct stat &st);

} // namespace ll::build
