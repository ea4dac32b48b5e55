#pragma once
// The one place that spells OCI media types and content descriptors for what LayerLens
// writes (the image writer and the builder).
#include "archive/compression.h"
#include "common/digest.h"

#include <QJsonObject>
#include <QString>

namespace ll {

// application/vnd.oci.image.layer.v1.tar[+gzip|+zstd]
QString ociLayerMediaType(Compression c);

// {"mediaType", "digest", "size"}
QJsonObject ociDescriptor(const QString &mediaType, const Digest &digest, qint64 size);

} // namespace ll
