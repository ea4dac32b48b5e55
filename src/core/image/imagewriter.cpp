#include "imagewriter.h"

#include "archive/tarwriter.h"
#include "common/sha256.h"
#include "image/imagecatalog.h"
#include "image/ocidescriptors.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <map>

namespace ll {

namespace {

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
QByteArray compact(const QJsonArray &a) { return QJsonDocument(a).toJson(QJsonDocument::Compact); }

Result<BuiltLayer> buildLayer(const LayerSpec &spec)
{
    TarWriter plain(Compression::None);
    for (const auto &[h, data] : spec.entries)
        if (auto s = plain.add(h, data); !s.ok())
            return s.error();
    auto tar = plain.finish();
    if (!tar.ok())
        return tar.error();
    BuiltLayer l;
    l.diffId = Sha256::digestOf(tar.value());
    l.mediaType = ociLayerMediaType(spec.compression);
    if (spec.compression == Compression::None) {
        l.blob = tar.value();
    } else {
        TarWriter packed(spec.compression);
        for (const auto &[h, data] : spec.entries)
            if (auto s = packed.add(h, data); !s.ok())
                return s.error();
        auto blob = packed.finish();
        if (!blob.ok())
            return blob.error();
        l.blob = blob.value();
    }
    l.digest = Sha256::digestOf(l.blob);
    return l;
}

QJsonArray historyOf(const ImageSpec &spec, size_t layerCount)
{
    QJsonArray history;
    std::vector<StepSpec> steps = spec.steps;
    if (steps.empty())
        for (size_t i = 0; i < layerCount; ++i)
            steps.push_back({QStringLiteral("layer %1").arg(i + 1), QString(), int(i)});
    for (const StepSpec &s : steps) {
        QJsonObject h{{QStringLiteral("created"), spec.created}, {QStringLiteral("created_by"), s.createdBy}};
        if (!s.comment.isEmpty())
            h[QStringLiteral("comment")] = s.comment;
        if (s.layer < 0)
            h[QStringLiteral("empty_layer")] = true;
        history.append(h);
    }
    return history;
}

} // namespace

Result<BuiltImage> buildImage(const ImageSpec &spec)
{
    std::vector<BuiltLayer> layers;
    for (const LayerSpec &ls : spec.layers) {
        auto l = buildLayer(ls);
        if (!l.ok())
            return l.error();
        layers.push_back(std::move(l).value());
    }
    return buildImage(spec, std::move(layers));
}

BuiltImage buildImage(const ImageSpec &spec, std::vector<BuiltLayer> layers)
{
    BuiltImage img;
    img.name = spec.name;
    img.platform = spec.os + QLatin1Char('/') + spec.architecture + (spec.variant.isEmpty() ? QString() : QLatin1Char('/') + spec.variant);
    QJsonArray diffIds;
    QJsonArray layerDescs;
    for (const BuiltLayer &l : layers) {
        diffIds.append(l.diffId.toString());
        layerDescs.append(ociDescriptor(l.mediaType, l.digest, l.blob.size()));
    }
    img.layers = std::move(layers);
    QJsonObject config{{QStringLiteral("created"), spec.created},
                       {QStringLiteral("architecture"), spec.architecture},
                       {QStringLiteral("os"), spec.os},
                       {QStringLiteral("config"), spec.runConfig},
                       {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), diffIds}}},
                       {QStringLiteral("history"), historyOf(spec, img.layers.size())}};
    if (!spec.variant.isEmpty())
        config[QStringLiteral("variant")] = spec.variant;
    img.config = compact(config);
    img.configDigest = Sha256::digestOf(img.config);
    QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                         {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                         {QStringLiteral("config"), ociDescriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), img.configDigest, img.config.size())},
                         {QStringLiteral("layers"), layerDescs}};
    img.manifest = compact(manifest);
    img.manifestDigest = Sha256::digestOf(img.manifest);
    return img;
}

namespace {

// The files of an image layout, by member path, before they go to a folder or a tar.
using FileMap = std::map<QByteArray, QByteArray>;

void putBlob(FileMap &files, const Digest &d, const QByteArray &bytes) { files[blobMember(d)] = bytes; }

QJsonObject manifestDescriptor(const BuiltImage &img, bool withPlatform)
{
    QJsonObject d = ociDescriptor(QStringLiteral("application/vnd.oci.image.manifest.v1+json"), img.manifestDigest, img.manifest.size());
    if (!img.name.isEmpty())
        d[QStringLiteral("annotations")] = QJsonObject{{QStringLiteral("io.containerd.image.name"), img.name},
                                                       {QStringLiteral("org.opencontainers.image.ref.name"), img.name.section(QLatin1Char(':'), -1)}};
    if (withPlatform) {
        const QStringList p = img.platform.split(QLatin1Char('/'));
        QJsonObject plat{{QStringLiteral("os"), p.value(0)}, {QStringLiteral("architecture"), p.value(1)}};
        if (p.size() > 2)
            plat[QStringLiteral("variant")] = p.value(2);
        d[QStringLiteral("platform")] = plat;
    }
    return d;
}

void addOciLayout(FileMap &files, const std::vector<BuiltImage> &images, WriteOptions options)
{
    QJsonArray manifests;
    for (const BuiltImage &img : images) {
        for (const BuiltLayer &l : img.layers)
            putBlob(files, l.digest, l.blob);
        putBlob(files, img.configDigest, img.config);
        putBlob(files, img.manifestDigest, img.manifest);
        manifests.append(manifestDescriptor(img, images.size() > 1));
    }
    if (options.nestedIndex) {
        const QByteArray inner = compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                     {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                                     {QStringLiteral("manifests"), manifests}});
        const Digest d = Sha256::digestOf(inner);
        putBlob(files, d, inner);
        QJsonObject desc = ociDescriptor(QStringLiteral("application/vnd.oci.image.index.v1+json"), d, inner.size());
        if (!images.empty() && !images.front().name.isEmpty())
            desc[QStringLiteral("annotations")] = QJsonObject{{QStringLiteral("io.containerd.image.name"), images.front().name}};
        manifests = QJsonArray{desc};
    }
    files["oci-layout"] = R"({"imageLayoutVersion":"1.0.0"})";
    files["index.json"] = compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                              {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                              {QStringLiteral("manifests"), manifests}});
}

void addDockerManifest(FileMap &files, const std::vector<BuiltImage> &images, bool legacyPaths)
{
    QJsonArray list;
    QJsonObject repositories;
    for (const BuiltImage &img : images) {
        QJsonArray layers;
        for (const BuiltLayer &l : img.layers) {
            if (legacyPaths) {
                // docker save before 25 stores each layer uncompressed as <id>/layer.tar
                const QByteArray path = l.diffId.hex().toUtf8() + "/layer.tar";
                files[path] = l.blob;
                files[l.diffId.hex().toUtf8() + "/VERSION"] = "1.0";
                layers.append(QString::fromUtf8(path));
            } else {
                layers.append(QString::fromUtf8(blobMember(l.digest)));
            }
        }
        QString configPath = QString::fromUtf8(blobMember(img.configDigest));
        if (legacyPaths) {
            configPath = img.configDigest.hex() + QStringLiteral(".json");
            files[configPath.toUtf8()] = img.config;
        }
        QJsonObject entry{{QStringLiteral("Config"), configPath}, {QStringLiteral("Layers"), layers}};
        if (!img.name.isEmpty()) {
            entry[QStringLiteral("RepoTags")] = QJsonArray{img.name};
            QJsonObject tags = repositories.value(img.name.section(QLatin1Char(':'), 0, -2)).toObject();
            tags[img.name.section(QLatin1Char(':'), -1)] = img.configDigest.hex();
            repositories[img.name.section(QLatin1Char(':'), 0, -2)] = tags;
        }
        list.append(entry);
    }
    files["manifest.json"] = compact(list);
    files["repositories"] = compact(repositories);
}

Status writeFolder(const FileMap &files, const QString &path)
{
    QDir root(path);
    for (const auto &[member, bytes] : files) {
        const QString full = root.filePath(QString::fromUtf8(member));
        if (!QDir().mkpath(QFileInfo(full).path()))
            return makeError(ErrorCode::Io, Msg::tr("cannot create folder"), QFileInfo(full).path());
        QSaveFile f(full);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), full);
    }
    return okStatus();
}

Status writeTar(const FileMap &files, const QString &path)
{
    TarWriter w(Compression::None);
    for (const auto &[member, bytes] : files) {
        TarHeader h;
        h.path = member;
        h.mode = 0644;
        if (auto s = w.add(h, bytes); !s.ok())
            return s;
    }
    auto tar = w.finish();
    if (!tar.ok())
        return tar.error();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(tar.value()) != tar->size() || !f.commit())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(f.errorString()), path);
    return okStatus();
}

} // namespace

Result<QByteArray> blobOf(const BuiltLayer &layer)
{
    if (layer.file.isEmpty())
        return layer.blob;
    QFile f(layer.file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Msg::tr("cannot read layer %1: %2").arg(layer.digest.toString(), f.errorString()), layer.file);
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError || (layer.size >= 0 && bytes.size() != layer.size))
        return makeError(ErrorCode::Io, Msg::tr("cannot read layer %1 whole").arg(layer.digest.toString()), layer.file);
    return bytes;
}

Status writeImages(const std::vector<BuiltImage> &given, OutputFormat format, const QString &path, WriteOptions options)
{
    // Layers still in a build's cache are read now, for the writers below hold members in memory.
    std::vector<BuiltImage> images = given;
    for (BuiltImage &img : images)
        for (BuiltLayer &l : img.layers) {
            if (l.file.isEmpty())
                continue;
            auto bytes = blobOf(l);
            if (!bytes.ok())
                return bytes.error();
            l.blob = std::move(bytes).value();
            l.file.clear();
        }
    FileMap files;
    switch (format) {
    case OutputFormat::OciLayout:
    case OutputFormat::OciArchive:
        addOciLayout(files, images, options);
        break;
    case OutputFormat::Docker25Archive:
        addOciLayout(files, images, options);
        addDockerManifest(files, images, false);
        break;
    case OutputFormat::DockerArchive:
        addDockerManifest(files, images, true);
        break;
    }
    return format == OutputFormat::OciLayout ? writeFolder(files, path) : writeTar(files, path);
}

} // namespace ll
