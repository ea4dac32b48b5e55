#pragma once
#include "archive/tarheader.h"
#include "builder/saferoot.h"
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

struct CopyFilter; // copyinputs.h: --exclude and --parents

// The build context folder with its .dockerignore applied (an ignored path does not exist).
class BuildContext {
public:
    static Result<std::shared_ptr<BuildContext>> open(const QString &dir, const df::DockerIgnore &ignore, std::shared_ptr<StatCache> stats);
    const QString &dir() const { return m_root.path(); }
    const SafeRoot &root() const { return m_root; }
    bool isExcluded(const QByteArray &path) const;

    // Expands COPY/ADD sources (wildcards as filepath.Match: `*` stays inside a component;
    // `**` as a whole component is any number of folders), walks folders, hashes contents
    // (through the stat cache), applies `filter`. Fails naming the source that matches nothing.
    Result<CopySources> resolve(const QStringList &sources, TaskContext &ctx, const CopyFilter &filter) const;

private:
    struct Walk; // one resolve(): the filter and the parent folders --parents added
    struct Match {
        QByteArray pivot; // --parents: the folder the "/./" in the source stands for ("" : none)
        QByteArray path;  // what the source names, in the context
    };
    Status addSource(const QString &src, CopySources &out, Walk &walk, TaskContext &ctx) const;
    Result<std::vector<Match>> matchSource(const QString &src, bool parents) const;
    Status addMatch(const QString &src, const Match &m, bool wildcard, CopySources &out, Walk &walk, TaskContext &ctx) const;
    Status addParents(const QByteArray &pivot, const QByteArray &dest, Walk &walk, std::vector<SourceFile> &out) const;
    // `known`: the entry's lstat when the caller has it (a folder's walk stats its children
    // through the folder's descriptor: an unchanged rebuild costs one fstatat per file).
    Status collect(const QByteArray &path, const QByteArray &dest, bool top, std::vector<SourceFile> &out, const Walk &walk, TaskContext &ctx,
                   const struct stat *known = nullptr) const;
    Status collectDir(const SourceFile &dir, bool excluded, std::vector<SourceFile> &out, const Walk &walk, TaskContext &ctx) const;
    Status readLink(SourceFile &f) const;
    // The paths a cleaned source pattern names below `base` (itself when it has no wildcard).
    std::vector<QByteArray> expand(const QByteArray &pattern, const QByteArray &base) const;
    void matchPart(const QByteArray &base, const QByteArray &part, std::vector<QByteArray> &out) const;
    void descend(const QByteArray &base, std::vector<QByteArray> &out) const;
    Status hashFile(SourceFile &f, const struct stat &st, const TaskContext &ctx) const;

    SafeRoot m_root;
    df::DockerIgnore m_ignore;
    std::shared_ptr<StatCache> m_stats;
};

TarHeader headerFromStat(const QByteArray &path, const struct stat &st);

} // namespace ll::build
