#pragma once
#include "builder/difflayer.h"
#include "builder/treewriter.h"

#include <map>
#include <memory>

namespace ll::build {

// The staging folder of a COPY, kept in memory. Writing entries here and calling entries()
// gives the same layer entries, in the same order and with the same attributes, as writing
// them into an empty folder with TreeWriter and reading it back with readUpperDir; but
// creating (and later deleting) one file per entry costs more on ext4 than all the rest of
// a large COPY (10,000 files: seconds of kernel time), so COPY does not touch the disk.
// File contents are read from their sources only when entries() is called.
class CopyTree {
public:
    CopyTree();
    ~CopyTree();
    CopyTree(const CopyTree &) = delete;
    CopyTree &operator=(const CopyTree &) = delete;

    // TreeWriter::write's rules: an entry replaces what is at its path, except that a folder
    // over a folder keeps the children; missing parent folders are made (0755, root); a hard
    // link names a path written before. A parent that is not a folder is an error (the staged
    // copy would follow a symlink there, which COPY's own entries never need).
    Status write(const TarHeader &h, const TreeWriter::DataSource &data = {});

    // readUpperDir's view: each folder's names sorted, a folder before what it holds; a folder
    // something was created in or removed from has the mtime of that moment; the second and
    // later paths of a file become hard links to the first; mtimes clamped as `options` says.
    Result<LayerEntries> entries(const LayerWriteOptions &options, TaskContext &ctx) const;

    struct Inode; // copytree.cpp
    struct Node;

private:
    struct Emitter;
    Result<Node *> parentOf(const QByteArray &path, QByteArray &leaf);
    Result<std::shared_ptr<Inode>> linkTarget(const TarHeader &h) const;
    std::unique_ptr<Node> m_root;
};

// The layer of the tree's entries (as StageBuilder::layerFrom gives for a staged folder).
Result<std::optional<LayerBlob>> layerOf(const CopyTree &tree, const LayerWriteOptions &options, TaskContext &ctx);

} // namespace ll::build
