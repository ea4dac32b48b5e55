#pragma once
// The state of one COPY/ADD, shared by stagecopy.cpp (context, --from, here-documents) and
// stageremote.cpp (URLs).
#include "stagebuilder.h"

#include "builder/contextsource.h"
#include "builder/copyinputs.h"
#include "builder/gitsource.h"
#include "builder/urlsource.h"
#include "builder/userdb.h"

#include <QHash>

namespace ll::build {

// One COPY/ADD: its inputs, parsed once when it is keyed, and what running it works with.
struct StageBuilder::CopyJob {
    CopyInputs inputs;                    // the source paths and here-documents
    CopyFilter filter;                    // --exclude, --parents
    std::shared_ptr<StageBuilder> from;   // --from: the stage or image read
    std::shared_ptr<BuildContext> source; // the context, or from's root filesystem
    CopySources sources;                  // resolved in the context (keyed), or in from's root (run)
    std::optional<UserIds> owner;         // --chown
    std::optional<uint32_t> chmod;        // --chmod
    QByteArray dest;                      // resolved in the image
    bool destIsDir = false;
    bool extractArchives = false;         // ADD from the context
    std::vector<UrlFile> urls;            // ADD of URLs: what each sent (the sources are then these)
    std::optional<GitRef> git;            // ADD of a git repository: which, and the commit it named when keyed
    QString gitCommit;
    bool keepGitDir = false;
    QHash<QPair<quint64, quint64>, QByteArray> linked; // (device, inode) -> where it was written
};

} // namespace ll::build
