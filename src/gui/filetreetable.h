#pragma once
#include "common/largevector.h"
#include "fstree/imagefs.h"

#include <QRegularExpression>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace gui {

// Which rows the file tree keeps. A row passes when it matches every active part; its
// ancestors are kept too, so a match is always shown in place.
struct FileTreeFilter {
    enum class Syntax { Auto, Glob, RegularExpression };

    QString substring; // case-insensitive, anywhere in the path
    QRegularExpression regex;
    bool regexOnName = false; // a glob without '/' is about names ("*.so"), as in find -name
    qint64 minSize = 0;       // files only: a directory stays when something big is inside
    // Which marks pass, one bit per ll::Change (dive's per-type filters): a row's mark is what
    // the tree shows in its Change column ("unchanged" when the layer did not touch it).
    static constexpr uint8_t kAllChanges = 0x1f;
    uint8_t changes = kAllChanges;
    static constexpr uint8_t bit(ll::Change c) { return uint8_t(1u << unsigned(c)); }
    bool shows(ll::Change c) const { return changes & bit(c); }
    void setOnlyChanges(bool on) { changes = on ? uint8_t(kAllChanges & ~bit(ll::Change::Unchanged)) : kAllChanges; }

    // Auto: text with * ? [ is a glob (on the name, or on the path when it holds a '/'),
    // anything else a case-insensitive substring of the path. Returns false (and leaves the
    // pattern empty) when a regular expression or a glob ("foo[") does not compile.
    bool setPattern(const QString &pattern, Syntax syntax = Syntax::Auto);
    bool isActive() const;
    bool hasPattern() const { return !substring.isEmpty() || !regex.pattern().isEmpty(); }
    bool operator==(const FileTreeFilter &) const = default;
};

// What the rows are: what one layer changed, the filesystem after it, or (dive's aggregated
// view) that filesystem marked against the one after the base's last layer.
struct TreeScope {
    enum class Kind { ChangesInLayer, FilesystemAfterLayer, ChangesSinceBase };
    Kind kind = Kind::ChangesInLayer;
    int base = 0; // ChangesSinceBase: the base's last layer (0-based)
    bool operator==(const TreeScope &) const = default;
};

// The columns of the file tree (FileTreeModel's), and how each folder's rows are ordered: by
// name with folders first (as file managers do, whichever way), by size, mode, owner or mark,
// ties by name. Done where the table is built, off the GUI thread: sorting a folder of
// 100,000 files in the view's proxy held the window 52–55 ms.
enum FileTreeColumn { NameColumn, SizeColumn, ModeColumn, OwnerColumn, ChangeColumn, FileTreeColumnCount };
struct FileTreeSort {
    int column = NameColumn;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool operator==(const FileTreeSort &) const = default;
};
// Case-insensitive, as QString::compare(…, Qt::CaseInsensitive); ASCII names without making strings.
int compareNamesFolded(const QByteArray &a, const QByteArray &b);

// The rows of one file tree view, laid out as parent/child tables. Built off the GUI thread
// (a whole filesystem is millions of rows); the model only swaps it in. The rows themselves
// are shared between a table and its reordered copies: a sort copies only the order (8 bytes a
// row), not the 32-byte rows.
struct FileTreeTable {
    struct Item {
        int32_t node = 0;
        int32_t parent = -1;    // item index; -1 for top level
        int32_t childStart = 0; // into `children`
        int32_t childCount = 0;
        uint32_t event = 0; // ImageFs::eventAt: the event whose entry the row shows
        ll::Change change = ll::Change::Unchanged;
        bool changedHere = false;
        qint64 subtreeSize = 0;
    };
    // Mapped straight from the OS (LargeVector): tables of a million rows come and go with
    // every layer pick, and malloc's heaps would keep their old blocks as holes.
    using Items = ll::LargeVector<Item>;
    std::shared_ptr<const ll::ImageFs> fs; // keeps the events, entries and names alive
    int layer = 0;
    TreeScope scope;
    FileTreeSort sort;
    std::shared_ptr<const Items> items = std::make_shared<const Items>(); // depth-first, ancestors first
    // The order, by item id: each folder's rows grouped (top level first) and each row's place.
    ll::LargeVector<int32_t> children;
    ll::LargeVector<int32_t> rowInParent;
    int32_t topCount = 0;

    size_t size() const { return items->size(); }
    const Item &item(int32_t id) const { return (*items)[size_t(id)]; }
    int32_t childId(int32_t parent, int row) const
    {
        return children[size_t((parent < 0 ? 0 : item(parent).childStart) + row)];
    }
    int childCountOf(int32_t parent) const { return parent < 0 ? topCount : item(parent).childCount; }
    const ll::FileEntry &entry(const Item &i) const { return *fs->entryOf(fs->eventAt(i.event)); }
    // The rows of `nodes` (-1 where one has none), found from the top through each one's
    // ancestors (rows keep their ancestors), so no per-path index is kept; each folder's rows
    // are looked at once at most, for a view reopening thousands of folders after a rebuild.
    std::vector<int32_t> itemsOf(const std::vector<int32_t> &nodes) const;
    int32_t itemOf(int32_t node) const;
    // A file's own size (a hard link weighs the file it shares), a folder's the bytes below it.
    qint64 shownSize(const Item &i) const { return shownSize(i, entry(i).h); }
    static qint64 shownSize(const Item &i, const ll::EntryAttrs &h) { return h.type == ll::EntryType::Directory ? i.subtreeSize : h.size; }
};

// Empty when `fs` is null or the layer is out of range; `canceled` (may be empty) stops early
// and the half-built table is then meaningless.
std::shared_ptr<const FileTreeTable> buildFileTreeTable(std::shared_ptr<const ll::ImageFs> fs, int layer, TreeScope scope,
                                                        const FileTreeFilter &filter, FileTreeSort sort = {},
                                                        const std::function<bool()> &canceled = {});
// Orders every folder's rows as `sort` says (rowInParent follows); item ids do not change.
void sortFileTreeTable(FileTreeTable &table, FileTreeSort sort, const std::function<bool()> &canceled = {});

} // namespace gui
