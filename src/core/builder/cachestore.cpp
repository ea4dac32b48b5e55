#include "cachestore.h"

#include "builder/scratchdir.h"
#include "common/sha256.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::build {

namespace {

QString str(const QJsonObject &o, const char *k) { return o.value(QLatin1String(k)).toString(); }

bool isHexKey(const QString &key)
{
    if (key.size() != 64)
        return false;
    for (QChar c : key)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

// A blob file's identity: while it is unchanged, so are the blob's bytes.
struct BlobStat {
    quint64 dev = 0, ino = 0;
    qint64 size = 0, mtimeNs = 0, ctimeNs = 0;
    bool operator==(const BlobStat &) const = default;
    QByteArray toText() const
    {
        return QByteArray::number(dev) + ' ' + QByteArray::number(ino) + ' ' + QByteArray::number(size) + ' ' + QByteArray::number(mtimeNs) + ' '
             + QByteArray::number(ctimeNs) + '\n';
    }
};

std::optional<BlobStat> statOf(int fd)
{
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return std::nullopt;
    return BlobStat{quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                    qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

} // namespace

QJsonObject CacheRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key}, {QStringLiteral("createdBy"), createdBy}, {QStringLiteral("created"), created}};
    if (hasLayer)
        o[QStringLiteral("layer")] = QJsonObject{{QStringLiteral("digest"), digest.toString()},
                                                 {QStringLiteral("diffId"), diffId.toString()},
                                                 {QStringLiteral("size"), size},
                                                 {QStringLiteral("mediaType"), mediaType}};
    return o;
}

std::optional<CacheRecord> CacheRecord::fromJson(const QJsonObject &o)
{
    CacheRecord r;
    r.key = str(o, "key");
    r.createdBy = str(o, "createdBy");
    r.created = str(o, "created");
    if (!isHexKey(r.key))
        return std::nullopt;
    const QJsonObject layer = o.value(QLatin1String("layer")).toObject();
    if (layer.isEmpty())
        return r;
    auto d = Digest::parse(str(layer, "digest"));
    auto diff = Digest::parse(str(layer, "diffId"));
    if (!d.ok() || !diff.ok() || !d->isSha256())
        return std::nullopt;
    r.hasLayer = true;
    r.digest = d.value();
    r.diffId = diff.value();
    r.size = layer.value(QLatin1String("size")).toInteger(-1);
    r.mediaType = str(layer, "mediaType");
    return r;
}

QString CacheStore::defaultDir()
{
    const QString env = qEnvironmentVariable("LAYERLENS_CACHE_DIR");
    if (!env.isEmpty())
        return env;
    const QString xdg = qEnvironmentVariable("XDG_CACHE_HOME");
    return (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdg) + QStringLiteral("/layerlens");
}

Result<std::shared_ptr<CacheStore>> CacheStore::open(const QString &dir, LockMode mode)
{
    std::shared_ptr<CacheStore> s(new CacheStore);
    s->m_dir = QDir(dir).absolutePath();
    s->m_mode = mode;
    for (const char *sub : {"blobs/sha256", "index", "slots", "statcache", "verified", "checked"})
        if (!QDir().mkpath(s->filePath(QLatin1String(sub))))
            return makeError(ErrorCode::Io, Msg::tr("cannot create the cache folder"), s->filePath(QLatin1String(sub)));
    if (!makePrivateDir(s->filePath(QStringLiteral("tmp")))) // build work folders: root filesystems, bundles
        return makeError(ErrorCode::Io, Msg::tr("cannot create the cache folder"), s->filePath(QStringLiteral("tmp")));
    const QByteArray lockPath = QFile::encodeName(s->filePath(QStringLiteral("lock")));
    s->m_lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (s->m_lockFd < 0 || ::flock(s->m_lockFd, mode == LockMode::Shared ? LOCK_SH : LOCK_EX) != 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot lock the cache: %1").arg(QString::fromLocal8Bit(strerror(errno))), QString::fromLocal8Bit(lockPath));
    return s;
}

CacheStore::~CacheStore()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

QString CacheStore::filePath(const QString &relPath) const { return m_dir + QLatin1Char('/') + relPath; }
QString CacheStore::blobPath(const Digest &d) const { return filePath(QStringLiteral("blobs/sha256/") + d.hex()); }

Status CacheStore::writeFile(const QString &relPath, const QByteArray &bytes)
{
    // What is there already is not written again: a no-op rebuild would pay a sync per step.
    if (QFile old(filePath(relPath)); old.size() == bytes.size() && old.open(QIODevice::ReadOnly) && old.readAll() == bytes)
        return okStatus();
    // QSaveFile writes a temporary file next to the target, syncs it and renames it.
    QSaveFile f(filePath(relPath));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(ErrorCode::Io, Msg::tr("cannot write to the cache: %1").arg(f.errorString()), filePath(relPath));
    return okStatus();
}

Result<Digest> CacheStore::putBlob(const QByteArray &bytes)
{
    const Digest d = Sha256::digestOf(bytes);
    if (QFileInfo::exists(blobPath(d)) && verifyBlob(d))
        return d;
    if (auto s = writeFile(QStringLiteral("blobs/sha256/") + d.hex(), bytes); !s.ok())
        return s.error();
    if (QFile f(blobPath(d)); f.open(QIODevice::ReadOnly))
        if (const auto st = statOf(f.handle()))
            rememberIntact(d, st->toText());
    return d;
}

// checked/<hex> holds the blob file's identity (device, inode, size, mtime, ctime in ns) when
// the cache wrote it or last hashed it. Blobs are only ever written whole, under a temporary
// name, by the cache itself; anything that writes to one later changes its mtime and ctime,
// so a blob whose identity still matches is not read and hashed again (as Git trusts its index).
// A marker is a hint, written without a sync: a lost or torn one only costs a hash.
bool CacheStore::knownIntact(const Digest &d, const QByteArray &identity) const
{
    QFile f(filePath(QStringLiteral("checked/") + d.hex()));
    return f.open(QIODevice::ReadOnly) && f.read(256) == identity;
}

void CacheStore::rememberIntact(const Digest &d, const QByteArray &identity) const
{
    const QString target = filePath(QStringLiteral("checked/") + d.hex());
    QFile tmp(target + QStringLiteral(".%1.tmp").arg(QCoreApplication::applicationPid()));
    if (tmp.open(QIODevice::WriteOnly | QIODevice::Truncate) && tmp.write(identity) == identity.size() && tmp.flush())
        if (::rename(QFile::encodeName(tmp.fileName()).constData(), QFile::encodeName(target).constData()) == 0)
            return;
    tmp.remove();
}

Result<QByteArray> CacheStore::readBlob(const Digest &d) const
{
    QFile f(blobPath(d));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, Msg::tr("the cache has no blob %1").arg(d.toString()), f.fileName());
    const auto before = statOf(f.handle());
    QByteArray bytes = f.readAll();
    const bool unchanged = before && statOf(f.handle()) == before && knownIntact(d, before->toText());
    if (!unchanged && Sha256::digestOf(bytes) != d) {
        QFile::remove(f.fileName());
        return makeError(ErrorCode::Digest, Msg::tr("cache blob %1 is damaged (digest mismatch); it was removed, build again").arg(d.toString()), f.fileName());
    }
    if (!unchanged && before)
        rememberIntact(d, before->toText());
    return bytes;
}

bool CacheStore::verifyBlob(const Digest &d) const
{
    QFile f(blobPath(d));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const auto st = statOf(f.handle());
    if (st && knownIntact(d, st->toText()))
        return true;
    Sha256 h;
    while (!f.atEnd()) {
        const QByteArray block = f.read(1 << 20);
        if (block.isEmpty())
            return false;
        h.update(block);
    }
    if (Digest::fromSha256(h.finish()) != d)
        return false;
    if (st)
        rememberIntact(d, st->toText());
    return true;
}

std::optional<CacheRecord> CacheStore::lookup(const QString &key, QString *damaged, BlobCheck check) const
{
    auto json = readJson(QStringLiteral("index/%1.json").arg(key));
    if (!json.ok())
        return std::nullopt;
    auto rec = CacheRecord::fromJson(json.value());
    if (!rec || rec->key != key) {
        if (damaged)
            *damaged = Msg::tr("the cache record is damaged");
        return std::nullopt;
    }
    const bool blobOk = !rec->hasLayer || (check == BlobCheck::Verify ? verifyBlob(rec->digest) : QFileInfo(blobPath(rec->digest)).size() == rec->size);
    if (!blobOk) {
        if (damaged)
            *damaged = Msg::tr("the cached layer %1 is missing or damaged").arg(rec->digest.shortString());
        return std::nullopt;
    }
    return rec;
}

Status CacheStore::store(const CacheRecord &record)
{
    CacheRecord r = record;
    if (r.created.isEmpty())
        r.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return writeJson(QStringLiteral("index/%1.json").arg(r.key), r.toJson());
}

Result<QJsonObject> CacheStore::readJson(const QString &relPath) const
{
    QFile f(filePath(relPath));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, Msg::tr("not in the cache"), f.fileName());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 * 1024 * 1024), &pe);
    if (!doc.isObject())
        return makeError(ErrorCode::Json, Msg::tr("damaged cache file: %1").arg(pe.errorString()), f.fileName());
    return doc.object();
}

Status CacheStore::writeJson(const QString &relPath, const QJsonObject &o)
{
    return writeFile(relPath, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::vector<CacheRecord> CacheStore::records() const
{
    std::vector<CacheRecord> out;
    const QDir index(filePath(QStringLiteral("index")));
    for (const QString &name : index.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        auto json = readJson(QStringLiteral("index/") + name);
        if (!json.ok())
            continue;
        if (auto r = CacheRecord::fromJson(json.value()))
            out.push_back(*r);
    }
    return out;
}

CacheUsage CacheStore::usage() const
{
    CacheUsage u;
    u.records = qint64(records().size());
    const QDir blobs(filePath(QStringLiteral("blobs/sha256")));
    for (const QFileInfo &fi : blobs.entryInfoList(QDir::Files)) {
        ++u.blobs;
        u.blobBytes += fi.size();
    }
    return u;
}

Result<qint64> CacheStore::prune(bool all)
{
    if (m_mode != LockMode::Exclusive)
        return makeError(ErrorCode::Usage, Msg::tr("pruning needs the cache's exclusive lock"));
    QSet<QString> referenced;
    for (const CacheRecord &r : records()) {
        if (all)
            QFile::remove(filePath(QStringLiteral("index/%1.json").arg(r.key)));
        else if (r.hasLayer)
            referenced.insert(r.digest.hex());
    }
    if (all) {
        QDir(filePath(QStringLiteral("slots"))).removeRecursively();
        QDir().mkpath(filePath(QStringLiteral("slots")));
    }
    qint64 freed = 0;
    const QDir blobs(filePath(QStringLiteral("blobs/sha256")));
    for (const QFileInfo &fi : blobs.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (referenced.contains(fi.fileName()))
            continue;
        freed += fi.size();
        QFile::remove(fi.filePath());
    }
    // ADD's downloads (and parts a killed build left): fetched again when a build needs them.
    const QDir downloads(filePath(QStringLiteral("http/blobs")));
    for (const QFileInfo &fi : downloads.entryInfoList(QDir::Files | QDir::Hidden))
        freed += fi.size();
    QDir(filePath(QStringLiteral("http"))).removeRecursively();
    // Markers of blobs that are gone would only be stale; the rest are rebuilt on use.
    QDir(filePath(QStringLiteral("checked"))).removeRecursively();
    QDir().mkpath(filePath(QStringLiteral("checked")));
    // Leftovers of builds killed half way: their containers and work folders.
    if (auto s = removeStaleBuilds(filePath(QStringLiteral("tmp")), OciRuntime::detect()); !s.ok())
        return s.error();
    return freed;
}

} // namespace ll::build
