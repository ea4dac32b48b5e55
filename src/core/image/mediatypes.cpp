#include "mediatypes.h"

namespace ll {

bool isIndexMediaType(const QString &mt)
{
    return mt == QLatin1String("application/vnd.oci.image.index.v1+json")
        || mt == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json");
}

bool isManifestMediaType(const QString &mt)
{
    return mt == QLatin1String("application/vnd.oci.image.manifest.v1+json")
        || mt == QLatin1String("application/vnd.docker.distribution.manifest.v2+json");
}

bool isConfigMediaType(const QString &mt)
{
    return mt == QLatin1String("application/vnd.oci.image.config.v1+json")
        || mt == QLatin1String("application/vnd.docker.container.image.v1+json");
}

bool isLayerMediaType(const QString &mt)
{
    return mt.startsWith(QLatin1String("application/vnd.oci.image.layer."))
        || mt.startsWith(QLatin1String("application/vnd.docker.image.rootfs."));
}

QString explainMediaType(const QString &mt)
{
    if (mt.isEmpty())
        return QStringLiteral("no media type recorded: a docker save archive from before Docker 25 lists its layers by path "
                              "in manifest.json, without descriptors");
    if (isIndexMediaType(mt))
        return QStringLiteral("an index: a list of manifests, usually one per platform");
    if (isManifestMediaType(mt))
        return QStringLiteral("an image manifest: one config blob plus the ordered list of layer blobs");
    if (isConfigMediaType(mt))
        return QStringLiteral("the image config: platform, run settings, rootfs.diff_ids and history");
    if (mt.contains(QLatin1String("zstd")))
        return QStringLiteral("a layer: a tar of file changes, zstd-compressed");
    if (mt.contains(QLatin1String("gzip")))
        return QStringLiteral("a layer: a tar of file changes, gzip-compressed");
    if (isLayerMediaType(mt))
        return QStringLiteral("a layer: a tar of file changes");
    return QStringLiteral("a blob of a type LayerLens does not know");
}

} // namespace ll
