#pragma once
#include "archive/tarheader.h"
#include "builder/saferoot.h"

#include <functional>

namespace ll::build {

class CopyTree;

// Writes file-system entries into a SafeRoot: what applying a layer, extracting an ADD tar
// and COPY have in common. An entry replaces whatever is at its path, except that a
// directory written over a directory keeps the children (as the OCI layer rules say).
class TreeWriter {
public:
    // Streams a regular file's bytes: calls `write` with each block, returns its status.
    using DataSource = std::function<Status(const std::function<Status(const char *, size_t)> &write)>;

    explicit TreeWriter(const SafeRoot &root) : m_root(root) {}
    // write() goes to `memory` instead of the disk (COPY: see copytree.h).
    TreeWriter(const SafeRoot &root, CopyTree &memory) : m_root(root), m_memory(&memory) {}

    // `h.path` is relative to the root. For hard links `h.linkTarget` is a path in the root.
    Status write(const TarHeader &h, const DataSource &data = {});
    // OCI whiteouts: removes `path`; hides the lower children of `dir` except `keep`.
    Status remove(const QByteArray &path);
    Status clearDir(const QByteArray &dir, const std::function<bool(const QByteArray &)> &keep);

private:
    Status writeRegular(int dirFd, const QByteArray &leaf, const TarHeader &h, const DataSource &data);
    Status writeDirectory(int dirFd, const QByteArray &leaf, const TarHeader &h);
    Status writeOther(int dirFd, const QByteArray &leaf, const TarHeader &h);
    Status setAttributes(int dirFd, const QByteArray &leaf, const TarHeader &h);

    const SafeRoot &m_root;
    CopyTree *m_memory = nullptr;
};

} // namespace ll::build
