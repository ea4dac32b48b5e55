#pragma once
#include "archive/compression.h"
#include "archive/tarheader.h"
#include "common/digest.h"

#include <QJsonObject>
#include <utility>
#include <vector>

namespace ll {

// What an image is made of, before it is written anywhere. Used by the sample image, the tests'
// fixtures and (streaming aside) the builder's output stage.
struct LayerSpec {
    std::vector<std::pair<TarHeader, QByteArray>> entries; // written in this order
    Compression compression = Compression::Gzip;
};

struct StepSpec {
    QString createdBy;
    QString comment;
    int layer = -1; // index into layers; -1: an empty_layer (metadata) step
};

struct ImageSpec {
    QString name;  // "repo:tag" for manifest.json RepoTags and the OCI ref name
    QString os = QStringLiteral("linux");
    QString architecture = QStringLiteral("amd64");
    QString variant;
    QString created = QStringLiteral("1970-01-01T00:00:00Z");
    QJsonObject runConfig; // the config's "config" object: Env, Cmd, Labels, …
    std::vector<LayerSpec> layers;
    std::vector<StepSpec> steps; // empty: one step per layer
};

struct BuiltLayer {
    QByteArray blob;
    Digest digest; // of blob
    Digest diffId;
    QString mediaType;
    // Where the blob is when `blob` is left empty: a build's layers stay in its cache until
    // something needs their bytes (a no-op rebuild read 135 MB back for an image store that
    // already had them).
    QString file;
    qint64 size = -1; // of the file-backed blob
};
// The layer's bytes: `blob`, or the file's.
Result<QByteArray> blobOf(const BuiltLayer &layer);

// An image serialised in memory. Tests may tamper with it before writing (to make broken
// digests); descriptors are not recomputed after tampering.
struct BuiltImage {
    QString name;
    QString platform;
    std::vector<BuiltLayer> layers;
    QByteArray config;
    Digest configDigest;
    QByteArray manifest;
    Digest manifestDigest;
};

Result<BuiltImage> buildImage(const ImageSpec &spec);
// The same around layers made elsewhere (streamed, say); spec.layers is not used.
BuiltImage buildImage(const ImageSpec &spec, std::vector<BuiltLayer> layers);

enum class OutputFormat {
    OciLayout,       // a folder
    OciArchive,      // a tar of the layout
    DockerArchive,   // docker save before 25: manifest.json, <id>/layer.tar, <config>.json, repositories
    Docker25Archive, // docker save since 25: an OCI layout plus manifest.json
};

struct WriteOptions {
    // Multi-platform: put all manifests under one nested index blob, as registries' manifest
    // lists are stored by docker 25 and skopeo.
    bool nestedIndex = false;
};

// Writes the images to `path` (a folder for OciLayout, else a file), atomically for files.
Status writeImages(const std::vector<BuiltImage> &images, OutputFormat format, const QString &path, WriteOptions options = {});

} // namespace ll
