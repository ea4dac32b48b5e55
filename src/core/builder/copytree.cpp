#include "copytree.h"

#include <QHash>

#include <ctime>

namespace ll::build {

// What a path's directory entry points at; hard links share one.
struct CopyTree::Inode {
    TarHeader h; // type, mode, owner, mtime, link target, device numbers (path unused)
    TreeWriter::DataSource data;
};

struct CopyTree::Node {
    std::shared_ptr<Inode> inode;
    std::map<QByteArray, std::unique_ptr<Node>> children; // folders only; sorted as listNames sorts
    qint64 changedAt = -1; // when an entry inside was last created or removed (-1: not since its mtime was set)

    bool isDir() const { return inode->h.type == EntryType::Directory; }
    void changed() { changedAt = qint64(std::time(nullptr)); }
};

namespace {

bool badComponent(const QByteArray &c) { return c.isEmpty() || c == "." || c == ".."; }

Error notAFolder(const QByteArray &path, const QByteArray &component)
{
    return makeError(ErrorCode::Format, Msg::tr("cannot write \"%1\" into the layer: \"%2\" on its way is not a folder")
                                            .arg(QString::fromUtf8(path), QString::fromUtf8(component)), QString::fromUtf8(path));
}

std::unique_ptr<CopyTree::Node> makeNode(std::shared_ptr<CopyTree::Inode> inode)
{
    auto n = std::make_unique<CopyTree::Node>();
    n->inode = std::move(inode);
    return n;
}

std::shared_ptr<CopyTree::Inode> folderInode(uint32_t mode, uint32_t uid, uint32_t gid, qint64 mtime)
{
    auto i = std::make_shared<CopyTree::Inode>();
    i->h.type = EntryType::Directory;
    i->h.mode = mode;
    i->h.uid = uid;
    i->h.gid = gid;
    i->h.mtime = mtime;
    return i;
}

} // namespace

CopyTree::CopyTree() : m_root(makeNode(folderInode(0755, 0, 0, 0))) {}
CopyTree::~CopyTree() = default;

Result<CopyTree::Node *> CopyTree::parentOf(const QByteArray &path, QByteArray &leaf)
{
    const QList<QByteArray> parts = path.split('/');
    leaf = parts.last();
    if (badComponent(leaf))
        return makeError(ErrorCode::Format, Msg::tr("refusing to write \"%1\": its last component is \"%2\"").arg(QString::fromUtf8(path), QString::fromUtf8(leaf)),
                         QString::fromUtf8(path));
    Node *dir = m_root.get();
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (badComponent(parts[i]))
            return notAFolder(path, parts[i]);
        auto &child = dir->children[parts[i]];
        if (!child) { // mkdir -p, as SafeRoot::openDir(create) does
            child = makeNode(folderInode(0755, 0, 0, qint64(std::time(nullptr))));
            dir->changed();
        } else if (!child->isDir()) {
            return notAFolder(path, parts[i]);
        }
        dir = child.get();
    }
    return dir;
}

Result<std::shared_ptr<CopyTree::Inode>> CopyTree::linkTarget(const TarHeader &h) const
{
    const Node *n = m_root.get();
    for (const QByteArray &part : h.linkTarget.split('/')) {
        const auto it = n->isDir() ? n->children.find(part) : n->children.end();
        if (it == n->children.end())
            return makeError(ErrorCode::Io, Msg::tr("cannot make hard link to \"%1\": it is not in the layer").arg(QString::fromUtf8(h.linkTarget)),
                             QString::fromUtf8(h.path));
        n = it->second.get();
    }
    if (n->isDir())
        return makeError(ErrorCode::Io, Msg::tr("cannot make hard link to \"%1\": it is a folder").arg(QString::fromUtf8(h.linkTarget)), QString::fromUtf8(h.path));
    return n->inode;
}

Status CopyTree::write(const TarHeader &h, const TreeWriter::DataSource &data)
{
    if (h.path.isEmpty())
        return okStatus(); // the root's own attributes are not part of the layer
    QByteArray leaf;
    auto parent = parentOf(h.path, leaf);
    if (!parent.ok())
        return parent.error();
    Node *dir = parent.value();
    if (const auto it = dir->children.find(leaf); it != dir->children.end()) {
        if (h.type == EntryType::Directory && it->second->isDir()) {
            it->second->inode = folderInode(h.mode & 07777, h.uid, h.gid, h.mtime); // chown, chmod, utimens
            it->second->changedAt = -1;
            return okStatus();
        }
        dir->children.erase(it); // as removeTree before writing
        dir->changed();
    }
    std::shared_ptr<Inode> inode;
    if (h.type == EntryType::Hardlink) {
        auto target = linkTarget(h);
        if (!target.ok())
            return target.error();
        inode = target.value();
    } else if (h.type != EntryType::Socket && h.type != EntryType::Other) {
        inode = std::make_shared<Inode>(Inode{h, h.type == EntryType::Regular ? data : TreeWriter::DataSource()});
        inode->h.mode &= 07777;
    }
    if (!inode)
        return okStatus(); // sockets are not kept in layers
    dir->children[leaf] = makeNode(std::move(inode));
    dir->changed();
    return okStatus();
}

// Walks the tree in readUpperDir's order and turns nodes into layer entries.
struct CopyTree::Emitter {
    const LayerWriteOptions &options;
    TaskContext &ctx;
    QHash<const Inode *, int> paths;         // regular files: how many paths name each
    QHash<const Inode *, QByteArray> first;  // and the first of them, which holds the content
    LayerEntries out;

    qint64 clamp(qint64 t) const { return options.sourceDateEpoch && t > *options.sourceDateEpoch ? *options.sourceDateEpoch : t; }

    void count(const Node &dir)
    {
        for (const auto &[name, child] : dir.children) {
            if (child->inode->h.type == EntryType::Regular)
                ++paths[child->inode.get()];
            count(*child);
        }
    }

    TarHeader header(const QByteArray &path, const Node &n) const
    {
        const TarHeader &i = n.inode->h;
        TarHeader h;
        h.path = path;
        h.type = i.type;
        h.mode = i.type == EntryType::Symlink ? 0777 : i.mode; // a symlink's own mode on Linux
        h.uid = i.uid;
        h.gid = i.gid;
        h.mtime = clamp(n.changedAt >= 0 ? n.changedAt : i.mtime);
        h.linkTarget = i.type == EntryType::Symlink ? i.linkTarget : QByteArray();
        if (i.type == EntryType::CharDevice || i.type == EntryType::BlockDevice)
            h.devMajor = i.devMajor, h.devMinor = i.devMinor;
        return h;
    }

    Status regular(TarHeader h, const Inode *inode)
    {
        if (paths.value(inode) > 1) {
            if (const auto it = first.constFind(inode); it != first.constEnd()) {
                h.type = EntryType::Hardlink;
                h.linkTarget = *it;
                out.emplace_back(h, QByteArray());
                return okStatus();
            }
            first.insert(inode, h.path);
        }
        QByteArray content;
        content.reserve(qsizetype(std::max<qint64>(inode->h.size, 0))); // the size it had when listed: grown by appends, a file was copied at every doubling
        if (inode->data)
            if (auto s = inode->data([&](const char *p, size_t n) { content.append(p, qsizetype(n)); return okStatus(); }); !s.ok())
                return s;
        h.size = content.size();
        out.emplace_back(h, std::move(content));
        return okStatus();
    }

    Status walk(const Node &dir, const QByteArray &prefix)
    {
        if (ctx.isCanceled())
            return canceledError();
        for (const auto &[name, child] : dir.children) {
            const QByteArray path = prefix.isEmpty() ? name : prefix + '/' + name;
            if (options.skip.contains(path))
                continue;
            const TarHeader &i = child->inode->h;
            if (i.type == EntryType::CharDevice && i.devMajor == 0 && i.devMinor == 0) {
                TarHeader wh; // a 0/0 character device in a staged folder reads as a deletion
                wh.path = (prefix.isEmpty() ? QByteArray() : prefix + '/') + ".wh." + name;
                wh.mtime = clamp(i.mtime);
                out.emplace_back(wh, QByteArray());
                continue;
            }
            const TarHeader h = header(path, *child);
            Status s = okStatus();
            if (i.type == EntryType::Regular)
                s = regular(h, child->inode.get());
            else
                out.emplace_back(h, QByteArray());
            if (s.ok() && child->isDir())
                s = walk(*child, path);
            if (!s.ok())
                return s;
        }
        return okStatus();
    }
};

Result<LayerEntries> CopyTree::entries(const LayerWriteOptions &options, TaskContext &ctx) const
{
    Emitter e{options, ctx, {}, {}, {}};
    e.count(*m_root);
    if (auto s = e.walk(*m_root, {}); !s.ok())
        return s.error();
    return std::move(e.out);
}

Result<std::optional<LayerBlob>> layerOf(const CopyTree &tree, const LayerWriteOptions &options, TaskContext &ctx)
{
    return makeLayerBlob(tree.entries(options, ctx), options.compression, options.compressionLevel);
}

} // namespace ll::build
