#pragma once
#include "common/digest.h"
#include "image/imagesource.h"

#include <QJsonValue>
#include <QStringList>
#include <vector>

namespace ll {

enum class SourceFormat {
    OciLayout,       // a folder with oci-layout and index.json
    OciArchive,      // a tar of an OCI layout (skopeo oci-archive:)
    Docker25Archive, // docker save since 25: an OCI layout plus manifest.json
    DockerArchive,   // docker save before 25, skopeo/podman docker-archive: manifest.json
    DockerDir,       // podman save --format docker-dir: a v2 schema 2 manifest.json, bare-hex blobs
    LegacyV1,        // docker save before 1.10: repositories plus <id>/json chains
};
QString formatName(SourceFormat f);

// A blob an image refers to, where it lives inside the source, and what it should be.
struct BlobRef {
    QByteArray member;
    Digest digest; // expected digest of the stored bytes, when the format states one
    qint64 size = -1;
    QString mediaType;
    QString estargzToc; // an eStargz layer's TOC digest, from its descriptor's annotation
};

// One image the source holds. Multi-image archives and multi-platform indexes hold several.
struct ImageChoice {
    QString name;     // repo tag, ref name, or empty
    QString platform; // "linux/arm64" when the index says
    QStringList repoTags;
    BlobRef manifest;     // OCI: the manifest blob
    int dockerEntry = -1; // docker archive: index into manifest.json
    qint64 layerBytes = -1; // the layers as stored (compressed or not), when the source holds them
    QString describe() const;
};

struct ImageCatalog {
    SourceFormat format = SourceFormat::OciLayout;
    std::vector<ImageChoice> images;
    QStringList notes; // things skipped on the way (attestations, unknown platforms)
};

Result<ImageCatalog> readCatalog(const ImageSource &source);

struct ImageSelector {
    QString ref;      // a name or tag, a digest prefix, or "#N" (1-based)
    QString platform; // "os/arch[/variant]"; a prefix matches ("linux/arm" → "linux/arm/v7")
};

// Picks the image the caller means. Several images left → an Ambiguous error that lists them,
// except when they differ only by platform and one is this machine's (as docker does).
Result<int> chooseImage(const ImageCatalog &catalog, const ImageSelector &selector);
QString hostPlatform();

struct ImageManifest {
    QString mediaType;
    BlobRef config;
    std::vector<BlobRef> layers;
    QByteArray raw;         // the manifest as stored (OCI/docker-dir) or the manifest.json entry
    QByteArray rawMember;   // where `raw` came from
};

Result<ImageManifest> readManifest(const ImageSource &source, const ImageCatalog &catalog, const ImageChoice &choice);

QByteArray blobMember(const Digest &digest);
// An OCI descriptor (mediaType, digest, size), located at blobs/<alg>/<hex>.
Result<BlobRef> parseDescriptor(const QJsonValue &v, const QString &where);

} // namespace ll
