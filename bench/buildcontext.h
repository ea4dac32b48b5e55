#pragma once
#include "common/result.h"

#include <QString>

// A synthetic build context for the build benchmark, the same bytes for the same options:
// four top-level folders (vendor/, assets/, docs/, src/), each copied by its own COPY of a
// FROM scratch Dockerfile. File sizes are spread log-uniformly (many small files, a few large
// ones) and scaled to the asked total; assets/ holds incompressible bytes, the rest word-like
// text, so gzip has real work to do on both kinds.
struct BuildContextOptions {
    qint64 files = 10000;
    qint64 bytes = 200'000'000;
    quint32 seed = 7;
};

ll::Status writeBuildContext(const QString &dir, const BuildContextOptions &options);

// The file the one-file-changed rebuild edits (in src/, the last COPY), relative to the context.
QString editedFile(const QString &dir);
// Rewrites that file with different bytes of the same size; `variant` picks which.
ll::Status editFile(const QString &path, quint32 variant);
