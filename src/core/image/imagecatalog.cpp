#include "imagecatalog.h"

#include "estargz.h"

#include "image/jsonutil.h"
#include "image/mediatypes.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSysInfo>

#include <limits>

namespace ll {

QString formatName(SourceFormat f)
{
    switch (f) {
    case SourceFormat::OciLayout: return QStringLiteral("OCI layout folder");
    case SourceFormat::OciArchive: return QStringLiteral("OCI archive");
    case SourceFormat::Docker25Archive: return QStringLiteral("docker save (Docker 25+, OCI layout with manifest.json)");
    case SourceFormat::DockerArchive: return QStringLiteral("docker save (docker-archive)");
    case SourceFormat::DockerDir: return QStringLiteral("docker-dir (podman save --format docker-dir)");
    case SourceFormat::LegacyV1: return QStringLiteral("legacy docker save (before Docker 1.10)");
    }
    return QString();
}

QString ImageChoice::describe() const
{
    QString s = name.isEmpty() ? QStringLiteral("(unnamed)") : name;
    if (!platform.isEmpty())
        s += QStringLiteral(" [%1]").arg(platform);
    if (manifest.digest.isValid())
        s += QStringLiteral(" %1").arg(manifest.digest.shortString());
    return s;
}

QByteArray blobMember(const Digest &digest)
{
    return QStringLiteral("blobs/%1/%2").arg(digest.algorithm(), digest.hex()).toUtf8();
}

Result<BlobRef> parseDescriptor(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        return makeError(ErrorCode::Json, Msg::tr("a descriptor must be an object, found %1").arg(jsonTypeName(v)), where);
    const QJsonObject o = v.toObject();
    auto digestText = requireString(o, QStringLiteral("digest"), where);
    if (!digestText.ok())
        return digestText.error();
    auto digest = Digest::parse(digestText.value());
    if (!digest.ok())
        return makeError(ErrorCode::Json, digest.error().message, where);
    BlobRef ref;
    ref.digest = digest.value();
    ref.member = blobMember(ref.digest);
    ref.mediaType = optString(o, QStringLiteral("mediaType"));
    ref.size = o.value(QStringLiteral("size")).toInteger(-1);
    ref.estargzToc = o.value(QStringLiteral("annotations")).toObject().value(QLatin1String(kEstargzTocAnnotation)).toString();
    return ref;
}

namespace {

constexpr int kMaxIndexDepth = 8;
constexpr int kMaxDescriptors = 10000;
// The picker's platform and size figures are read for this many images at most, each from a
// JSON document of at most this size.
constexpr int kMaxCatalogDetails = 256;
constexpr qint64 kMaxDetailBlob = 4 * 1024 * 1024;

QString platformOf(const QJsonObject &p)
{
    if (p.isEmpty())
        return {};
    QString s = optString(p, QStringLiteral("os")) + QLatin1Char('/') + optString(p, QStringLiteral("architecture"));
    const QString variant = optString(p, QStringLiteral("variant"));
    if (!variant.isEmpty())
        s += QLatin1Char('/') + variant;
    return s;
}

struct IndexWalker {
    const ImageSource &source;
    ImageCatalog &catalog;
    int seen = 0;

    Status walk(const QByteArray &member, const QString &inheritedName, int depth)
    {
        const QString where = source.describe(member);
        if (depth > kMaxIndexDepth)
            return makeError(ErrorCode::Limit, Msg::tr("indexes nested more than %1 deep").arg(kMaxIndexDepth), where);
        auto bytes = source.readAll(member);
        if (!bytes.ok())
            return bytes.error();
        auto obj = parseJsonObject(bytes.value(), where);
        if (!obj.ok())
            return obj.error();
        const QJsonValue manifests = obj->value(QStringLiteral("manifests"));
        if (!manifests.isArray())
            return makeError(ErrorCode::Json, Msg::tr("manifests: expected an array, found %1").arg(jsonTypeName(manifests)), where);
        const QJsonArray list = manifests.toArray();
        for (int i = 0; i < list.size(); ++i) {
            if (++seen > kMaxDescriptors)
                return makeError(ErrorCode::Limit, Msg::tr("more than %1 descriptors").arg(kMaxDescriptors), where);
            if (auto s = visit(list[i], QStringLiteral("%1: manifests[%2]").arg(where).arg(i), inheritedName, depth); !s.ok())
                return s;
        }
        return okStatus();
    }

    Status visit(const QJsonValue &v, const QString &where, const QString &inheritedName, int depth)
    {
        auto ref = parseDescriptor(v, where);
        if (!ref.ok())
            return ref.error();
        const QJsonObject o = v.toObject();
        const QJsonObject ann = o.value(QStringLiteral("annotations")).toObject();
        QString name = optString(ann, QStringLiteral("io.containerd.image.name"));
        if (name.isEmpty())
            name = optString(ann, QStringLiteral("org.opencontainers.image.ref.name"));
        if (name.isEmpty())
            name = inheritedName;
        if (optString(ann, QStringLiteral("vnd.docker.reference.type")) == QLatin1String("attestation-manifest")) {
            catalog.notes << Msg::tr("skipped an attestation manifest (%1)").arg(ref->digest.shortString());
            return okStatus();
        }
        if (isIndexMediaType(ref->mediaType))
            return walk(ref->member, name, depth + 1);
        if (!ref->mediaType.isEmpty() && !isManifestMediaType(ref->mediaType)) {
            catalog.notes << Msg::tr("skipped a descriptor of type %1").arg(ref->mediaType);
            return okStatus();
        }
        ImageChoice c;
        c.name = name;
        c.platform = platformOf(o.value(QStringLiteral("platform")).toObject());
        if (c.platform == QLatin1String("unknown/unknown")) {
            catalog.notes << Msg::tr("skipped a manifest for platform unknown/unknown (%1)").arg(ref->digest.shortString());
            return okStatus();
        }
        c.manifest = ref.value();
        catalog.images.push_back(std::move(c));
        return okStatus();
    }
};

Result<QJsonArray> readDockerManifestList(const ImageSource &source)
{
    auto bytes = source.readAll(QByteArrayLiteral("manifest.json"));
    if (!bytes.ok())
        return bytes.error();
    return parseJsonArray(bytes.value(), source.describe(QByteArrayLiteral("manifest.json")));
}

Status readDockerArchive(const ImageSource &source, ImageCatalog &catalog)
{
    auto list = readDockerManifestList(source);
    if (!list.ok())
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("manifest.json lists no images"), source.path());
    if (list->size() > kMaxDescriptors)
        return makeError(ErrorCode::Limit, Msg::tr("manifest.json lists more than %1 images").arg(kMaxDescriptors), source.path());
    QHash<QByteArray, QString> platforms; // by config path
    for (int i = 0; i < list->size(); ++i) {
        const QJsonObject entry = list->at(i).toObject();
        ImageChoice c;
        c.dockerEntry = i;
        auto tags = optStringList(entry.value(QStringLiteral("RepoTags")), source.describe("manifest.json"));
        if (tags.ok())
            c.repoTags = tags.value();
        c.name = c.repoTags.value(0);
        // No manifest says the platform: the config does (each config read once, for the
        // first entries only: a hostile list may name one config a million times).
        const QByteArray config = entry.value(QStringLiteral("Config")).toString().toUtf8();
        if (!platforms.contains(config) && platforms.size() < kMaxCatalogDetails) {
            QString platform;
            if (auto cfg = source.readAll(config, kMaxDetailBlob); cfg.ok()) {
                const QJsonObject o = QJsonDocument::fromJson(cfg.value()).object();
                if (o.contains(QStringLiteral("architecture")))
                    platform = platformOf(o);
            }
            platforms.insert(config, platform);
        }
        c.platform = platforms.value(config);
        catalog.images.push_back(std::move(c));
    }
    return okStatus();
}

// Adds `n` to `total`; -1 (unknown) when `n` is, or when a hostile size would overflow.
void addSize(qint64 &total, qint64 n)
{
    total = (total < 0 || n < 0 || n > std::numeric_limits<qint64>::max() - total) ? -1 : total + n;
}

// What each image's layers take as stored: from its manifest's descriptors, or (docker save
// before 25, which has none) from the sizes of the layer files manifest.json lists, links
// followed as every read follows them. A figure for the picker: only the first images get one.
void addLayerBytes(const ImageSource &source, ImageCatalog &catalog)
{
    QJsonArray dockerList;
    if (catalog.format == SourceFormat::DockerArchive)
        if (auto list = readDockerManifestList(source); list.ok())
            dockerList = list.value();
    QHash<QByteArray, qint64> fileSize;  // by member path
    QHash<QByteArray, qint64> manifests; // by manifest member
    for (size_t i = 0; i < catalog.images.size() && i < size_t(kMaxCatalogDetails); ++i) {
        ImageChoice &c = catalog.images[i];
        qint64 total = 0;
        if (c.dockerEntry >= 0) {
            const QJsonValue layers = dockerList.at(c.dockerEntry).toObject().value(QStringLiteral("Layers"));
            if (!layers.isArray())
                total = -1;
            for (const QJsonValue &l : layers.toArray()) {
                const QByteArray path = l.toString().toUtf8();
                if (!fileSize.contains(path)) {
                    auto region = source.region(path);
                    fileSize.insert(path, region.ok() ? region->size : -1);
                }
                addSize(total, fileSize.value(path));
            }
        } else if (manifests.contains(c.manifest.member)) {
            total = manifests.value(c.manifest.member);
        } else {
            auto bytes = source.readAll(c.manifest.member, kMaxDetailBlob);
            const QJsonValue layers = bytes.ok() ? QJsonDocument::fromJson(bytes.value()).object().value(QStringLiteral("layers")) : QJsonValue();
            if (!layers.isArray())
                total = -1; // a platform whose manifest this source does not hold, or no manifest at all
            for (const QJsonValue &l : layers.toArray())
                addSize(total, l.toObject().value(QStringLiteral("size")).toInteger(-1));
            manifests.insert(c.manifest.member, total);
        }
        c.layerBytes = total;
    }
}

// Docker 25 writes both: index.json drives, manifest.json adds the repo tags of each config.
void mergeRepoTags(const ImageSource &source, ImageCatalog &catalog)
{
    auto list = readDockerManifestList(source);
    if (!list.ok())
        return;
    for (ImageChoice &c : catalog.images) {
        auto manifest = source.readAll(c.manifest.member);
        if (!manifest.ok())
            continue;
        const QJsonObject m = QJsonDocument::fromJson(manifest.value()).object();
        const QString cfg = m.value(QStringLiteral("config")).toObject().value(QStringLiteral("digest")).toString();
        for (const QJsonValue &e : list.value()) {
            const QString path = e.toObject().value(QStringLiteral("Config")).toString();
            if (!cfg.isEmpty() && path.endsWith(cfg.section(QLatin1Char(':'), 1))) {
                auto tags = optStringList(e.toObject().value(QStringLiteral("RepoTags")), QString());
                if (!tags.ok())
                    continue; // names are a nicety here; a malformed list just leaves the image unnamed
                c.repoTags = tags.value();
                if (!c.repoTags.isEmpty() && (c.name.isEmpty() || !c.name.contains(QLatin1Char(':'))))
                    c.name = c.repoTags.first();
            }
        }
    }
}

Status readDockerDir(ImageCatalog &catalog)
{
    ImageChoice c;
    c.manifest.member = QByteArrayLiteral("manifest.json");
    catalog.images.push_back(std::move(c));
    return okStatus();
}

} // namespace

Result<ImageCatalog> readCatalog(const ImageSource &source)
{
    ImageCatalog catalog;
    const bool isTar = source.kind() == ImageSource::Kind::Tar;
    const bool hasIndex = source.has(QByteArrayLiteral("index.json"));
    const bool hasDockerManifest = source.has(QByteArrayLiteral("manifest.json"));
    Status s = okStatus();
    if (hasIndex) {
        catalog.format = hasDockerManifest ? SourceFormat::Docker25Archive : isTar ? SourceFormat::OciArchive : SourceFormat::OciLayout;
        IndexWalker walker{source, catalog};
        s = walker.walk(QByteArrayLiteral("index.json"), QString(), 0);
        if (s.ok() && hasDockerManifest)
            mergeRepoTags(source, catalog);
    } else if (hasDockerManifest) {
        auto bytes = source.readAll(QByteArrayLiteral("manifest.json"));
        if (!bytes.ok())
            return bytes.error();
        const QByteArray trimmed = bytes->trimmed();
        if (trimmed.startsWith('{')) {
            catalog.format = SourceFormat::DockerDir;
            s = readDockerDir(catalog);
        } else {
            catalog.format = SourceFormat::DockerArchive;
            s = readDockerArchive(source, catalog);
        }
    } else if (source.has(QByteArrayLiteral("repositories"))) {
        catalog.format = SourceFormat::LegacyV1;
        return makeError(ErrorCode::Unsupported,
                         Msg::tr("this is a pre-1.10 docker save (repositories and <id>/json only, no manifest.json); "
                                        "its layers carry no content digests. Re-save it with a newer docker, or with "
                                        "skopeo copy docker-archive:IN docker-archive:OUT"), source.path());
    } else {
        return makeError(ErrorCode::Format,
                         Msg::tr("not a container image: found neither index.json (OCI) nor manifest.json (docker save)"), source.path());
    }
    if (!s.ok())
        return s.error();
    if (catalog.images.empty())
        return makeError(ErrorCode::Format, Msg::tr("the image index lists no usable image manifest"), source.path());
    addLayerBytes(source, catalog);
    return catalog;
}

QString hostPlatform()
{
    QString arch = QSysInfo::currentCpuArchitecture();
    if (arch == QLatin1String("x86_64"))
        arch = QStringLiteral("amd64");
    else if (arch == QLatin1String("i386"))
        arch = QStringLiteral("386");
    return QStringLiteral("linux/") + arch;
}

static bool matchesRef(const ImageChoice &c, int number, const QString &ref)
{
    if (ref.startsWith(QLatin1Char('#')))
        return ref.mid(1).toInt() == number;
    if (c.name == ref || c.repoTags.contains(ref))
        return true;
    if (c.name.endsWith(QLatin1Char(':') + ref) || c.name.section(QLatin1Char(':'), 0, 0) == ref)
        return true;
    const QString d = c.manifest.digest.toString();
    return !d.isEmpty() && ref.size() >= 8 && (d.startsWith(ref) || c.manifest.digest.hex().startsWith(ref));
}

static bool matchesPlatform(const QString &platform, const QString &wanted)
{
    return platform == wanted || platform.startsWith(wanted + QLatin1Char('/'));
}

Result<int> chooseImage(const ImageCatalog &catalog, const ImageSelector &selector)
{
    std::vector<int> left;
    for (int i = 0; i < int(catalog.images.size()); ++i) {
        const ImageChoice &c = catalog.images[size_t(i)];
        if (!selector.ref.isEmpty() && !matchesRef(c, i + 1, selector.ref))
            continue;
        if (!selector.platform.isEmpty() && !matchesPlatform(c.platform, selector.platform))
            continue;
        left.push_back(i);
    }
    QStringList all;
    for (size_t i = 0; i < catalog.images.size(); ++i)
        all << QStringLiteral("  #%1 %2").arg(i + 1).arg(catalog.images[i].describe());
    if (left.empty())
        return makeError(ErrorCode::NotFound, Msg::tr("no image matches%1%2; this source holds:\n%3")
                                                  .arg(selector.ref.isEmpty() ? QString() : QStringLiteral(" --image ") + selector.ref,
                                                       selector.platform.isEmpty() ? QString() : QStringLiteral(" --platform ") + selector.platform,
                                                       all.join(QLatin1Char('\n'))));
    if (left.size() == 1)
        return left.front();
    if (selector.platform.isEmpty()) {
        std::vector<int> host;
        for (int i : left)
            if (matchesPlatform(catalog.images[size_t(i)].platform, hostPlatform()))
                host.push_back(i);
        // Platforms of one image: index entries under one name. Images of a docker save are
        // separate images even when untagged, whatever their platforms.
        bool samePlace = true;
        for (int i : left)
            samePlace = samePlace && catalog.images[size_t(i)].dockerEntry < 0 && catalog.images[size_t(i)].name == catalog.images[size_t(left.front())].name;
        if (samePlace && host.size() == 1)
            return host.front();
    }
    Error e = makeError(ErrorCode::Ambiguous, Msg::tr("this source holds %1 images; choose one with --image REF (a name, a digest or #N) "
                                                             "or --platform OS/ARCH:\n%2").arg(left.size()).arg(all.join(QLatin1Char('\n'))));
    return e;
}

} // namespace ll
