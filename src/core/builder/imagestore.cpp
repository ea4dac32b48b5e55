#include "imagestore.h"

#include "archive/compression.h"
#include "archive/layerstream.h"
#include "builder/difflayer.h"
#include "builder/saferoot.h"
#include "common/sha256.h"
#include "image/imageanalysis.h"
#include "image/ocidescriptors.h"
#include "source/imagereference.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QRegularExpression>
#include <QSet>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ll::build {

namespace {

const QString kNameKey = QStringLiteral("io.containerd.image.name");

Status saveFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), path);
    return okStatus();
}

// A layer still in the build cache goes in by an in-kernel copy (copy_file_range: no trip
// through this process, a shared extent where the filesystem can), then the same commit.
// Where the kernel will not (another filesystem, a seccomp filter, an old kernel), by reading.
Status copyFileInto(const QString &source, const QString &path, qint64 size)
{
    const QByteArray sourceName = QFile::encodeName(source);
    const UniqueFd in(::open(sourceName.constData(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) {
        const int e = errno;
        return ioError(Msg::tr("cannot read the cached layer"), sourceName, e);
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), path);
    qint64 done = 0;
    bool byKernel = true;
    while (done < size) {
        if (byKernel) {
            const ssize_t n = ::copy_file_range(in.get(), nullptr, int(f.handle()), nullptr, size_t(size - done), 0);
            const int e = errno;
            if (n > 0) {
                done += n;
                continue;
            }
            if (n < 0 && e == EINTR)
                continue;
            if (done > 0 || (n < 0 && e == EIO)) {
                f.cancelWriting();
                return n == 0 ? makeError(ErrorCode::Io, Msg::tr("the cached layer is shorter than it was"), source)
                              : ioError(Msg::tr("cannot copy the cached layer"), sourceName, e);
            }
            byKernel = false; // nothing copied yet: read and write instead
        }
        char buffer[1 << 16];
        const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || f.write(buffer, n) != n) {
            const int e = errno;
            f.cancelWriting();
            return n == 0 ? makeError(ErrorCode::Io, Msg::tr("the cached layer is shorter than it was"), source)
                          : ioError(Msg::tr("cannot copy the cached layer"), sourceName, e);
        }
        done += n;
    }
    if (!f.commit())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), path);
    return okStatus();
}

QJsonObject readIndex(const QString &dir)
{
    QFile f(dir + QStringLiteral("/index.json"));
    if (!f.open(QIODevice::ReadOnly))
        return QJsonObject{{QStringLiteral("schemaVersion"), 2}, {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
                           {QStringLiteral("manifests"), QJsonArray()}};
    return QJsonDocument::fromJson(f.readAll()).object();
}

class StoreLock {
public:
    explicit StoreLock(const QString &dir)
    {
        m_fd = ::open(QFile::encodeName(dir + QStringLiteral("/.lock")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~StoreLock() { if (m_fd >= 0) ::close(m_fd); }
    StoreLock(const StoreLock &) = delete;
    StoreLock &operator=(const StoreLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace

ImageStore::InUse::InUse(const ImageStore &store, bool exclusive)
{
    QDir().mkpath(store.dir());
    m_fd = ::open(QFile::encodeName(store.dir() + QStringLiteral("/.in-use")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd >= 0)
        ::flock(m_fd, exclusive ? LOCK_EX : LOCK_SH);
}

ImageStore::InUse::~InUse()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QStringList ImageStore::candidateNames(const QString &typed)
{
    QStringList names{normalizeName(typed)};
    if (auto ref = source::parseImageReference(typed); ref.ok() && !names.contains(ref->familiarName()))
        names << ref->familiarName();
    return names;
}

QString ImageStore::defaultDir()
{
    const QString env = qEnvironmentVariable("LAYERLENS_STORE_DIR");
    if (!env.isEmpty())
        return env;
    const QString xdg = qEnvironmentVariable("XDG_DATA_HOME");
    return (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : xdg) + QStringLiteral("/layerlens/images");
}

QString ImageStore::normalizeName(const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('@')) || name.section(QLatin1Char('/'), -1).contains(QLatin1Char(':')))
        return name;
    return name + QStringLiteral(":latest");
}

Status ImageStore::add(const BuiltImage &image)
{
    const InUse inUse(*this);
    if (!QDir().mkpath(m_dir + QStringLiteral("/blobs/sha256")))
        return makeError(ErrorCode::Io, Msg::tr("cannot create the image store"), m_dir);
    auto put = [&](const Digest &d, const QByteArray &bytes) {
        const QString path = m_dir + QStringLiteral("/blobs/sha256/") + d.hex();
        return QFile::exists(path) ? okStatus() : saveFile(path, bytes);
    };
    for (const BuiltLayer &l : image.layers) {
        const QString path = m_dir + QStringLiteral("/blobs/sha256/") + l.digest.hex();
        if (l.file.isEmpty() || QFile::exists(path)) {
            if (auto s = put(l.digest, l.blob); !s.ok())
                return s;
        } else if (auto s = copyFileInto(l.file, path, l.size >= 0 ? l.size : QFileInfo(l.file).size()); !s.ok()) {
            return s;
        }
    }
    if (auto s = put(image.configDigest, image.config); !s.ok())
        return s;
    if (auto s = put(image.manifestDigest, image.manifest); !s.ok())
        return s;
    return tag(image.name, image.manifestDigest, image.manifest.size(), QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
}

Status ImageStore::tag(const QString &rawName, const Digest &manifest, qint64 size, const QString &mediaType)
{
    if (!QDir().mkpath(m_dir + QStringLiteral("/blobs/sha256")))
        return makeError(ErrorCode::Io, Msg::tr("cannot create the image store"), m_dir);
    StoreLock lock(m_dir);
    QJsonObject index = readIndex(m_dir);
    QJsonArray kept;
    const QString name = normalizeName(rawName);
    for (const QJsonValue &v : index.value(QStringLiteral("manifests")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString n = m.value(QStringLiteral("annotations")).toObject().value(kNameKey).toString();
        const bool sameName = !name.isEmpty() && n == name;
        const bool sameUnnamed = name.isEmpty() && n.isEmpty() && m.value(QStringLiteral("digest")).toString() == manifest.toString();
        if (!sameName && !sameUnnamed)
            kept.append(m);
    }
    QJsonObject desc{{QStringLiteral("mediaType"), mediaType}, {QStringLiteral("digest"), manifest.toString()}, {QStringLiteral("size"), size}};
    if (!name.isEmpty())
        desc[QStringLiteral("annotations")] = QJsonObject{{kNameKey, name}, {QStringLiteral("org.opencontainers.image.ref.name"), name}};
    kept.append(desc);
    index[QStringLiteral("manifests")] = kept;
    if (auto s = saveFile(m_dir + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})"); !s.ok())
        return s;
    return saveFile(m_dir + QStringLiteral("/index.json"), QJsonDocument(index).toJson(QJsonDocument::Compact));
}

QString ImageStore::blobPath(const Digest &d) const
{
    return m_dir + QStringLiteral("/blobs/") + d.algorithm() + QLatin1Char('/') + d.hex();
}

Status ImageStore::untag(const QString &rawName)
{
    if (rawName.trimmed().isEmpty())
        return makeError(ErrorCode::Usage, Msg::tr("give the name of an image to remove"));
    // A name (in any spelling docker accepts), or an unnamed image by a digest prefix.
    static const QRegularExpression digestPrefix(QStringLiteral("^(sha256:)?[0-9a-f]{6,64}$"));
    const bool byDigest = digestPrefix.match(rawName).hasMatch();
    const QStringList names = candidateNames(rawName);
    StoreLock lock(m_dir);
    QJsonObject index = readIndex(m_dir);
    QJsonArray kept;
    bool found = false;
    const auto byName = [&names](const QJsonObject &m) { return names.contains(m.value(QStringLiteral("annotations")).toObject().value(kNameKey).toString()); };
    const auto digestMatches = [&](const QJsonObject &m) {
        const QString digest = m.value(QStringLiteral("digest")).toString();
        return byDigest && (digest.startsWith(rawName) || digest.mid(7).startsWith(rawName));
    };
    // A name is what it says; a digest prefix must name one image, or nothing is removed.
    const QJsonArray manifests = index.value(QStringLiteral("manifests")).toArray();
    bool anyName = false;
    QStringList digests;
    for (const QJsonValue &v : manifests) {
        anyName = anyName || byName(v.toObject());
        if (digestMatches(v.toObject()) && !digests.contains(v.toObject().value(QStringLiteral("digest")).toString()))
            digests << v.toObject().value(QStringLiteral("digest")).toString();
    }
    if (!anyName && digests.size() > 1)
        return makeError(ErrorCode::Ambiguous, Msg::tr("\"%1\" begins %2 images' digests (%3): give more of the digest")
                                                    .arg(rawName, QString::number(digests.size()), digests.join(QStringLiteral(", "))), m_dir);
    for (const QJsonValue &v : manifests) {
        const QJsonObject m = v.toObject();
        const bool match = anyName ? byName(m) : digestMatches(m);
        found = found || match;
        if (!match)
            kept.append(m);
    }
    if (!found)
        return makeError(ErrorCode::NotFound, Msg::tr("no image \"%1\" in the local image store").arg(rawName), m_dir);
    index[QStringLiteral("manifests")] = kept;
    return saveFile(m_dir + QStringLiteral("/index.json"), QJsonDocument(index).toJson(QJsonDocument::Compact));
}

Result<StorePruneReport> ImageStore::prune()
{
    // Blobs reachable from index.json (manifests, nested indexes, configs, layers) stay; the
    // rest, and downloads left half-done, go. Pulls and adds hold InUse until their blobs are
    // named: waiting for it here means nothing in flight is taken.
    const InUse exclusive(*this, true);
    StoreLock lock(m_dir);
    QSet<QString> keep;
    std::vector<QJsonObject> pending;
    for (const QJsonValue &v : readIndex(m_dir).value(QStringLiteral("manifests")).toArray())
        pending.push_back(v.toObject());
    while (!pending.empty()) {
        const QJsonObject d = pending.back();
        pending.pop_back();
        auto digest = Digest::parse(d.value(QStringLiteral("digest")).toString());
        if (!digest.ok() || keep.contains(digest->hex()))
            continue;
        keep.insert(digest->hex());
        const QString media = d.value(QStringLiteral("mediaType")).toString();
        if (!media.contains(QLatin1String("manifest")) && !media.contains(QLatin1String("index")))
            continue;
        QFile f(blobPath(digest.value()));
        if (!f.open(QIODevice::ReadOnly) || f.size() > 4 * 1024 * 1024)
            continue;
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        for (const QJsonValue &c : m.value(QStringLiteral("manifests")).toArray())
            pending.push_back(c.toObject());
        auto keepBlob = [&](const QJsonValue &desc) {
            if (auto b = Digest::parse(desc.toObject().value(QStringLiteral("digest")).toString()); b.ok())
                keep.insert(b->hex());
        };
        keepBlob(m.value(QStringLiteral("config")));
        for (const QJsonValue &l : m.value(QStringLiteral("layers")).toArray())
            keepBlob(l);
    }
    StorePruneReport report;
    QDir blobs(m_dir + QStringLiteral("/blobs/sha256"));
    for (const QFileInfo &fi : blobs.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (keep.contains(fi.fileName()))
            continue;
        if (QFile::remove(fi.filePath())) {
            ++report.blobs;
            report.bytes += fi.size();
        }
    }
    return report;
}

Result<std::vector<StoredImage>> ImageStore::list() const
{
    std::vector<StoredImage> out;
    for (const QJsonValue &v : readIndex(m_dir).value(QStringLiteral("manifests")).toArray()) {
        const QJsonObject m = v.toObject();
        StoredImage s;
        s.name = m.value(QStringLiteral("annotations")).toObject().value(kNameKey).toString();
        auto md = Digest::parse(m.value(QStringLiteral("digest")).toString());
        if (!md.ok())
            continue;
        s.manifest = md.value();
        QFile mf(m_dir + QStringLiteral("/blobs/sha256/") + s.manifest.hex());
        if (!mf.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject manifest = QJsonDocument::fromJson(mf.readAll()).object();
        const QJsonObject config = manifest.value(QStringLiteral("config")).toObject();
        auto cd = Digest::parse(config.value(QStringLiteral("digest")).toString());
        s.config = cd.ok() ? cd.value() : Digest(); // listed as "-": FROM it fails with a clear error
        s.size = config.value(QStringLiteral("size")).toInteger();
        for (const QJsonValue &l : manifest.value(QStringLiteral("layers")).toArray())
            s.size += l.toObject().value(QStringLiteral("size")).toInteger();
        QFile cf(m_dir + QStringLiteral("/blobs/sha256/") + s.config.hex());
        if (!s.config.isValid())
            s.created = Msg::tr("(damaged: the manifest names no valid config)");
        else if (cf.open(QIODevice::ReadOnly))
            s.created = QJsonDocument::fromJson(cf.readAll()).object().value(QStringLiteral("created")).toString();
        out.push_back(s);
    }
    return out;
}

bool ImageStore::contains(const QString &name) const
{
    auto l = list();
    if (!l.ok())
        return false;
    const QString n = normalizeName(name);
    for (const StoredImage &s : l.value())
        if (s.name == n)
            return true;
    return false;
}

Status ImageStore::import(const QString &source, const QString &name, TaskContext &ctx)
{
    auto img = loadImage(source, {}, ctx, true);
    if (!img.ok())
        return img.error();
    img->name = normalizeName(name);
    return add(img.value());
}

Result<Digest> diffIdOf(const FileRegion &blob, TaskContext &ctx)
{
    LayerStream stream;
    if (auto s = stream.open(blob, ctx); !s.ok())
        return s.error();
    TarHeader h;
    for (;;) {
        auto more = stream.next(h);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
    }
    auto stats = stream.finish();
    if (!stats.ok())
        return stats.error();
    return Digest::fromSha256(stats->uncompressedHash);
}

Status checkDiffId(const FileRegion &blob, const Digest &expected, size_t index, const QString &image, TaskContext &ctx)
{
    auto actual = diffIdOf(blob, ctx);
    if (!actual.ok())
        return actual.error();
    if (actual.value() == expected)
        return okStatus();
    return makeError(ErrorCode::Digest, Msg::tr("image %1: layer %2 (%3) does not match its config: rootfs.diff_ids[%2] is %4 but the layer's "
                                                       "uncompressed content is %5; the image is damaged or was altered, import or build it again")
                                            .arg(image, QString::number(index), blob.displayName, expected.toString(), actual->toString()), blob.filePath);
}

namespace {

// One layer of an image being loaded: its blob (digest checked), its DiffID from the config
// (checked against the content when `verify`).
Result<BuiltLayer> loadLayer(const ImageOverview &ov, const BlobRef &b, const QJsonValue &diffId, size_t index, const QString &path, bool verify,
                             TaskContext &ctx)
{
    auto bytes = ov.source->readAll(b.member, qint64(1) << 40);
    if (!bytes.ok())
        return bytes.error();
    BuiltLayer l;
    l.blob = std::move(bytes).value();
    if (auto d = Digest::parse(diffId.toString()); d.ok())
        l.diffId = d.value();
    if (!l.diffId.isValid())
        return makeError(ErrorCode::Format, Msg::tr("image %1: the config has no valid rootfs.diff_ids[%2]").arg(path, QString::number(index)));
    l.digest = Sha256::digestOf(l.blob);
    if (b.digest.isValid() && b.digest != l.digest)
        return makeError(ErrorCode::Digest, Msg::tr("layer blob digest mismatch: expected %1, got %2").arg(b.digest.toString(), l.digest.toString()),
                         ov.source->describe(b.member));
    if (verify) {
        auto region = ov.source->region(b.member);
        if (!region.ok())
            return region.error();
        if (auto s = checkDiffId(region.value(), l.diffId, index, path, ctx); !s.ok())
            return s.error();
    }
    l.mediaType = ociLayerMediaType(detectCompression(l.blob.constData(), size_t(l.blob.size())));
    return l;
}

} // namespace

Result<BuiltImage> loadImage(const QString &path, const QString &ref, TaskContext &ctx, bool verifyDiffIds)
{
    auto ov = readOverview(path, ImageSelector{ref, {}}, ctx);
    if (!ov.ok())
        return ov.error();
    BuiltImage img;
    img.name = ov->choice().name;
    img.config = ov->config.raw;
    img.configDigest = Sha256::digestOf(img.config);
    QJsonArray layers;
    const QJsonArray diffIds = QJsonDocument::fromJson(img.config).object().value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")).toArray();
    if (diffIds.size() != qsizetype(ov->manifest.layers.size()))
        return makeError(ErrorCode::Format, Msg::tr("image %1: %2 layers but %3 rootfs.diff_ids").arg(path, QString::number(ov->manifest.layers.size()), QString::number(diffIds.size())));
    for (const BlobRef &b : ov->manifest.layers) {
        auto layer = loadLayer(ov.value(), b, diffIds.at(qsizetype(img.layers.size())), img.layers.size(), path, verifyDiffIds, ctx);
        if (!layer.ok())
            return layer.error();
        BuiltLayer &l = layer.value();
        layers.append(QJsonObject{{QStringLiteral("mediaType"), l.mediaType}, {QStringLiteral("digest"), l.digest.toString()}, {QStringLiteral("size"), l.blob.size()}});
        img.layers.push_back(std::move(l));
    }
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                               {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")},
                                                                      {QStringLiteral("digest"), img.configDigest.toString()},
                                                                      {QStringLiteral("size"), img.config.size()}}},
                               {QStringLiteral("layers"), layers}};
    img.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    img.manifestDigest = Sha256::digestOf(img.manifest);
    return img;
}

} // namespace ll::build
