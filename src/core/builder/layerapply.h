#pragma once
#include "archive/fileregion.h"
#include "builder/saferoot.h"
#include "common/taskcontext.h"

#include <optional>

namespace ll::build {

struct ApplyOptions {
    QByteArray prefix;         // written below this folder of the root (ADD's destination)
    bool whiteouts = true;     // layers: apply OCI whiteouts; ADD of a tar: plain files
    std::optional<uint32_t> uid, gid; // ADD --chown
    // Folders and symlinks only (deletions and replacements still applied): enough to
    // resolve paths and tell folders from the rest, without writing every file.
    bool skeleton = false;
};

struct ApplyResult {
    qint64 entries = 0;
    QStringList warnings;
};

// Unpacks a tar (plain or compressed: found from its bytes) into `root`, safely: names that
// climb out are skipped, every path is resolved inside the root. With `whiteouts`, `.wh.NAME`
// removes NAME and `.wh..wh..opq` hides the folder's lower children, before the layer's own.
Result<ApplyResult> applyTar(const SafeRoot &root, const FileRegion &tar, TaskContext &ctx, const ApplyOptions &options = {});

// True when the open file starts like a tar or a compressed stream (how ADD decides to unpack).
bool looksLikeArchive(int fd);

} // namespace ll::build
