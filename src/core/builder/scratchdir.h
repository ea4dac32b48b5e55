#pragma once
#include "builder/ociruntime.h"
#include "common/result.h"

#include <QString>

namespace ll::build {

// A build's work folder `tmp/build-<id>` in the cache, mode 0700. `tmp/build-<id>.lock` is
// created and flock'ed before the folder and released after it is gone, so another process
// can tell a running build's folder (locked) from a killed build's (not locked).
class ScratchDir {
public:
    static Result<ScratchDir> create(const QString &tmpDir);
    ScratchDir(ScratchDir &&o) noexcept;
    ScratchDir &operator=(ScratchDir &&) = delete;
    ScratchDir(const ScratchDir &) = delete;
    ~ScratchDir(); // removes the folder (after `runc delete --force` of what it left)
    const QString &path() const { return m_path; }

private:
    ScratchDir() = default;
    QString m_path;
    int m_lockFd = -1;
};

// Removes every `tmp/build-*` folder no running build holds: first `runc delete --force` of
// the containers left in its step bundles (`*/bundle/state/<id>`), then the folder, without
// following symlinks (a container may have left anything there). Returns how many it removed.
Result<int> removeStaleBuilds(const QString &tmpDir, const OciRuntime &runtime);

// Makes `dir` (and its parents) with mode 0700 for the last component.
bool makePrivateDir(const QString &dir);

} // namespace ll::build
