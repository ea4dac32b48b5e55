#include "ocidescriptors.h"

namespace ll {

QString ociLayerMediaType(Compression c)
{
    switch (c) {
    case Compression::Gzip: return QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
    case Compression::Zstd: return QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd");
    default: return QStringLiteral("application/vnd.oci.image.layer.v1.tar");
    }
}

QJsonObject ociDescriptor(const QString &mediaType, const Digest &digest, qint64 size)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType}, {QStringLiteral("digest"), digest.toString()}, {QStringLiteral("size"), size}};
}

} // namespace ll
