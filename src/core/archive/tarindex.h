#pragma once
#include "archive/tarheader.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QHash>
#include <QString>
#include <vector>

namespace ll {

// The members of an uncompressed tar file (an image archive such as `docker save` output),
// with the byte offset of each member's data so members can later be read in place, in
// parallel, without extracting anything.
struct TarMember {
    TarHeader header;
    qint64 dataOffset = 0;
};

struct TarIndex {
    QString filePath;
    std::vector<TarMember> members;
    QHash<QByteArray, int> byPath; // normalised path -> index in members (last one wins)

    const TarMember *find(const QByteArray &path) const;
};

struct TarIndexLimits {
    qint64 maxMembers = 2'000'000;
};

// Fails with a clear message for compressed or non-tar files, truncated archives and names
// that climb out of the root.
Result<TarIndex> indexTarFile(const QString &filePath, TaskContext &ctx, TarIndexLimits limits = {});

} // namespace ll
