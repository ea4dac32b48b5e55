#pragma once
#include "archive/compression.h"
#include "common/result.h"

#include <QString>

// A large synthetic OCI layout shaped like real images: a big base layer, later layers that
// add files, overwrite some (new content), delete some (whiteouts) and now and then replace a
// directory wholesale (opaque). Content is word-like text so it compresses as binaries do
// (about 3:1), not as zeros.
struct SyntheticOptions {
    int layers = 20;
    qint64 files = 300000;
    qint64 bytes = qint64(2) << 30;
    ll::Compression compression = ll::Compression::Gzip;
    quint32 seed = 42;
};

ll::Status writeSyntheticImage(const QString &dir, const SyntheticOptions &options);
